// The meeting page's account of its minutes: a draft label, or where and when they were approved
// as a correct record, each correction since with its reason, and a link to the approved version.
import type { MinutesApprovalView, MinutesCorrectionView } from "../../store/lifecycle/read.ts";
import type { MinutesStanding } from "../../store/lifecycle/standing.ts";
import { formatDate, formatLongDate } from "../format.ts";
import { urls } from "../urls.ts";
import { MinutesLabel } from "./minutes-label.tsx";

export function MinutesStandingRow({
  slug,
  m,
  approval,
  corrections,
  stated = null,
}: {
  slug: string;
  m: MinutesStanding;
  approval: MinutesApprovalView | null;
  corrections: MinutesCorrectionView[];
  /** what the minutes say of themselves, when no approval has been recorded here */
  stated?: { status: "draft" | "approved"; text: string | null } | null;
}) {
  return (
    <div class="govuk-summary-list__row">
      <dt class="govuk-summary-list__key">Minutes</dt>
      <dd class="govuk-summary-list__value">
        {m.minutesStatus === "approved" && approval ? (
          <>
            <p class="govuk-body govuk-!-margin-bottom-1">
              <MinutesLabel m={m} />
            </p>
            <p class="govuk-body govuk-!-margin-bottom-1" id="minutes-approval">
              Approved as a correct record at{" "}
              {approval.meeting ? (
                <a class="govuk-link" href={urls.meeting(approval.meeting.slug)}>
                  the {approval.meeting.bodyName} meeting of {formatLongDate(approval.meeting.date)}
                </a>
              ) : (
                "a later meeting"
              )}
              {approval.item ? ` (item ${approval.item.number}, ${approval.item.title})` : ""} on {formatDate(approval.approvedOn)}
            </p>
            {corrections.map((c) => (
              <p class="govuk-body govuk-!-margin-bottom-1">
                Corrected on {formatDate(c.correctedOn)}: {c.reason}
              </p>
            ))}
            <p class="govuk-body govuk-!-margin-bottom-0">
              <a class="govuk-link" href={urls.approvedMinutes(slug)}>
                Read the minutes as approved
              </a>
            </p>
          </>
        ) : m.minutesDraft ? (
          <>
            <MinutesLabel m={m} />
            <p class="govuk-body govuk-!-margin-top-1 govuk-!-margin-bottom-0">These minutes are a draft until a later meeting agrees them as a correct record.</p>
            {stated?.status === "draft" && stated.text && <p class="govuk-body govuk-!-margin-top-1 govuk-!-margin-bottom-0">The minutes say: “{stated.text}”</p>}
          </>
        ) : stated?.status === "approved" ? (
          <>
            <strong class="govuk-tag govuk-tag--green">Approved</strong>
            {stated.text && <p class="govuk-body govuk-!-margin-top-1 govuk-!-margin-bottom-0">The minutes say: “{stated.text}”</p>}
          </>
        ) : (
          "Published"
        )}
      </dd>
    </div>
  );
}
