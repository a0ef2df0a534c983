import { formatTime, monthName } from "../format.ts";

export interface CalendarEntry {
  date: string;
  startTime: string | null;
  title: string;
  url: string;
}

/** Monday-first weeks covering the month, as ISO dates, with null for days outside it. */
export function monthWeeks(year: number, month: number): (string | null)[][] {
  const first = new Date(Date.UTC(year, month - 1, 1));
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const lead = (first.getUTCDay() + 6) % 7;
  const cells: (string | null)[] = Array.from({ length: lead }, () => null);
  for (let d = 1; d <= days; d++) cells.push(`${year}-${String(month).padStart(2, "0")}-${String(d).padStart(2, "0")}`);
  while (cells.length % 7) cells.push(null);
  const weeks: (string | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

const DAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

export function MonthGrid({ year, month, entries, today }: { year: number; month: number; entries: CalendarEntry[]; today?: string }) {
  const byDay = new Map<string, CalendarEntry[]>();
  for (const e of entries) byDay.set(e.date, [...(byDay.get(e.date) ?? []), e]);
  return (
    <table class="govuk-table qm-calendar">
      <caption class="govuk-table__caption govuk-visually-hidden">
        Meetings in {monthName(month)} {year}
      </caption>
      <thead class="govuk-table__head">
        <tr class="govuk-table__row">
          {DAY_NAMES.map((d) => (
            <th scope="col" class="govuk-table__header">
              <abbr title={d}>{d.slice(0, 3)}</abbr>
            </th>
          ))}
        </tr>
      </thead>
      <tbody class="govuk-table__body">
        {monthWeeks(year, month).map((week) => (
          <tr class="govuk-table__row">
            {week.map((day, i) => {
              if (!day) return <td class="govuk-table__cell qm-calendar__empty"></td>;
              const list = byDay.get(day) ?? [];
              return (
                <td class={`govuk-table__cell${list.length ? "" : " qm-calendar__empty"}`} aria-current={day === today ? "date" : undefined}>
                  <span class="qm-calendar__day">
                    <span class="qm-calendar__full">{DAY_NAMES[i]} </span>
                    {Number(day.slice(8))}
                    <span class="qm-calendar__full"> {monthName(month)}</span>
                  </span>
                  {list.length > 0 && (
                    <ul>
                      {list.map((e) => (
                        <li>
                          <a class="govuk-link" href={e.url}>
                            {e.startTime ? `${formatTime(e.startTime)} ` : ""}
                            {e.title}
                          </a>
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
