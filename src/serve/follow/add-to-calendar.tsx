// "Add to calendar" on a meeting page: the meeting's own calendar file, offered while the meeting is
// still to come and not cancelled (the file itself answers for any listed meeting, so a client that
// added it learns of a cancellation).
import { urls } from "../urls.ts";

export function AddToCalendar({ slug, date, status, today }: { slug: string; date: string; status: string; today: string }) {
  if ((today && date < today) || status === "cancelled") return null;
  return (
    <p class="govuk-body qm-noprint">
      <a class="govuk-link" href={urls.meetingCalendarIcs(slug)} type="text/calendar" download>
        Add to calendar<span class="govuk-visually-hidden"> (iCalendar file for this meeting)</span>
      </a>
    </p>
  );
}
