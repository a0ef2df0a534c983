// Roll calls printed as a table, as US agenda-management systems print them:
//
//         Attendee Name            Title            Status     Arrived
//   Andrei Garcia            Commissioner          Late       7:08 p.m.
//   Uriel Hernandez          Commissioner          Absent
//
// A header naming a name column and a status column, then one person a row: the name is the first
// cell, the status the cell that says one, and what stands between them is the seat's title.
import type { Attendee, AttendanceStatus } from "../../domain/minutes.ts";
import type { Located, ParseContext } from "../context.ts";

const HEADER = /^\s*(?:\S+ )*Name\b.*\S(?: {2,}|\t)\s*Status\b/i;
const STATUS: Record<string, AttendanceStatus> = {
  present: "present",
  late: "present",
  remote: "present",
  "arrived late": "present",
  "left early": "present",
  teleconference: "present",
  absent: "absent",
  excused: "absent",
  "absent excused": "absent",
};
// a seat's ordinary title is part of who sits, not a role ("Commissioner", "Board Member")
const SEAT = /^(?:commissioner|council\s?(?:member|woman|man|or|lor)|board\s?member|boardmember|member|trustee|alderman|alderperson|supervisor|director)$/i;
const NAME = /^[A-Z][\p{L}'’.-]*(?:\s[A-Z][\p{L}'’.-]*){1,4}$/u;
/** Rows read after the header at most, so a page of text after a table is never walked. */
const MOST_ROWS = 60;

/** The people in every roll-call table of the document, in the order printed. */
export function rollTables(ctx: ParseContext): Located<Attendee>[] {
  const out: Located<Attendee>[] = [];
  for (let i = 0; i < ctx.lines.length; i++) {
    if (!HEADER.test(ctx.lines[i].text)) continue;
    const rows: Located<Attendee>[] = [];
    let k = i + 1;
    for (; k < ctx.lines.length && k <= i + MOST_ROWS; k++) {
      const text = ctx.lines[k].text;
      if (!text.trim()) {
        if (rows.length) break;
        continue;
      }
      const row = readRow(ctx, k, text);
      if (!row) break;
      rows.push(row);
    }
    // one row could be anything; a roll call lists the body
    if (rows.length >= 2) {
      out.push(...rows);
      i = k - 1;
    }
  }
  return out;
}

function readRow(ctx: ParseContext, line: number, text: string): Located<Attendee> | null {
  const cells = [...text.matchAll(/[^\s]+(?: [^\s]+)*/g)].map((m) => ({ text: m[0], at: m.index! }));
  if (cells.length < 2 || !NAME.test(cells[0].text)) return null;
  const s = cells.findIndex((c, j) => j > 0 && STATUS[c.text.toLowerCase()] !== undefined);
  if (s < 0) return null;
  const title = cells.slice(1, s).map((c) => c.text).join(" ").trim();
  const role = title && !SEAT.test(title) ? title : null;
  const name = cells[0];
  return {
    value: { name: name.text, status: STATUS[cells[s].text.toLowerCase()], kind: "member", role, substituteFor: null },
    span: ctx.span(line, name.at, name.at + name.text.length),
  };
}
