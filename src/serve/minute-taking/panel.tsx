// The workspace's list of meetings whose minutes are still to be taken, each linking to its sheet.
import { formatDate } from "../format.ts";
import { takeMinutesUrls } from "./sheet-form.ts";
import { meetingsToMinute } from "../../store/minute-taking/sheets.ts";
import type { AppDeps } from "../deps.ts";

export function ToMinute({ meetings }: { meetings: Awaited<ReturnType<typeof meetingsToMinute>> }) {
  return (
    <>
      <h3 class="govuk-heading-s">Minutes to take</h3>
      {meetings.length ? (
        <ul class="govuk-list govuk-list--bullet" id="minutes-to-take">
          {meetings.map((m) => (
            <li>
              <a class="govuk-link" href={takeMinutesUrls.page(m.slug)}>
                {m.bodyName}, {formatDate(m.date)}
              </a>
              {m.lastSave ? ` (save ${m.lastSave})` : ""}
            </li>
          ))}
        </ul>
      ) : (
        <p class="govuk-body">No meeting held so far is waiting for its minutes.</p>
      )}
    </>
  );
}

export async function minutesToTake(deps: AppDeps) {
  const today = (deps.now ?? (() => new Date()))().toISOString().slice(0, 10);
  return <ToMinute meetings={await meetingsToMinute(deps.db, today)} />;
}
