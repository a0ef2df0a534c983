// A small archive for the registers' tests: two councils, three committees, meetings sharing dates
// (same day at different times, with and without a time, and two committees at the same hour),
// items with decisions, one exempt item, attendance of a few people.
import type { Db } from "../../src/store/db.ts";
import { importMinutes, type ImportInput } from "../../src/store/import.ts";
import type { ParsedMinutes } from "../../src/domain/minutes.ts";
import { minutes, sourceOf } from "./golden.ts";

export interface MeetingSpec {
  authority: string;
  body: string;
  date: string;
  startTime?: string | null;
  /** decisions per item; an item listed in `exempt` is exempt */
  items: number[];
  exempt?: number[];
  people?: string[];
  /** to tell two versions of the same meeting apart */
  version?: number;
}

export function recordOf(m: MeetingSpec): ParsedMinutes {
  return minutes({
    authority: m.authority,
    body: m.body,
    date: m.date,
    startTime: m.startTime ?? null,
    attendance: (m.people ?? ["Cllr Ann Able", "Cllr Ben Baker", "Cllr Cat Cole"]).map((name) => ({ name, status: "present", kind: "member", role: null, substituteFor: null })),
    items: m.items.map((n, i) => ({
      number: String(i + 1),
      title: `Item ${i + 1} of ${m.body} on ${m.date}`,
      exempt: (m.exempt ?? []).includes(i),
      exemptParagraphs: (m.exempt ?? []).includes(i) ? "3" : null,
      text: `Text of item ${i + 1}.`,
      resolutions: Array.from({ length: n }, (_, k) => ({ text: `Resolved ${k + 1} on item ${i + 1} (${m.body}, ${m.date} ${m.startTime ?? ""}) v${m.version ?? 1}.`, outcome: k % 2 ? "noted" : "approved" })),
    })) as ParsedMinutes["items"],
  });
}

export function inputOf(m: MeetingSpec, extra: Partial<ImportInput> = {}): ImportInput {
  const record = recordOf(m);
  return { source: sourceOf(`${m.body}-${m.date}-${m.startTime ?? "none"}-v${m.version ?? 1}.txt`, JSON.stringify(record)), record, parserVersion: "test", ...extra };
}

export const SMALL_ARCHIVE: MeetingSpec[] = [
  { authority: "Northshire County Council", body: "Cabinet", date: "2024-03-04", startTime: "10:00", items: [2, 1, 0] },
  { authority: "Northshire County Council", body: "Cabinet", date: "2024-03-04", startTime: "14:00", items: [1, 3] },
  { authority: "Northshire County Council", body: "Cabinet", date: "2024-03-04", startTime: null, items: [2] },
  { authority: "Northshire County Council", body: "Planning Committee", date: "2024-03-04", startTime: "10:00", items: [1, 1], exempt: [1] },
  { authority: "Northshire County Council", body: "Planning Committee", date: "2024-02-01", startTime: "18:30", items: [4] },
  { authority: "Northshire County Council", body: "Cabinet", date: "2024-01-15", startTime: "10:00", items: [1, 2] },
  { authority: "Northshire County Council", body: "Planning Committee", date: "2024-01-15", startTime: "10:00", items: [2] },
  { authority: "Southby Borough Council", body: "Licensing Committee", date: "2024-03-04", startTime: "10:00", items: [3], people: ["Cllr Dan Dale", "Cllr Eve East"] },
  { authority: "Southby Borough Council", body: "Licensing Committee", date: "2023-12-01", startTime: null, items: [1, 1], people: ["Cllr Dan Dale", "Cllr Fay Ford"] },
  { authority: "Southby Borough Council", body: "Licensing Committee", date: "2023-11-01", startTime: "19:00", items: [0, 2], exempt: [1], people: ["Cllr Eve East"] },
];

export async function buildSmallArchive(db: Db): Promise<void> {
  for (const m of SMALL_ARCHIVE) await importMinutes(db, inputOf(m));
}
