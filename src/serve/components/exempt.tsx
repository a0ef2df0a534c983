// The marking on exempt business shown to a signed-in viewer entitled to its committee.
import { NOT_FOR_PUBLICATION } from "../../store/visibility.ts";

/** A red tag saying the content is exempt, with the ground for exemption when known. */
export function NotForPublication({ notice }: { notice?: string | null }) {
  return (
    <span class="qm-exempt-mark">
      <strong class="govuk-tag govuk-tag--red">{NOT_FOR_PUBLICATION}</strong>
      {notice && <span class="govuk-body-s qm-exempt-mark__notice"> {notice}</span>}
    </span>
  );
}
