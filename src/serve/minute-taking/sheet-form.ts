// The minute-taking form's fields ↔ the sheet: flat names ("item-3-resolution") so the page works
// as a plain HTML form, read back with bounds on every count and length.
import { DECLARATION_KINDS } from "../../domain/minutes.ts";
import { emptyItem, SHEET_STATUSES, type MinuteSheet, type SheetAttendee, type SheetItem, type SheetStatus } from "../../domain/minute-sheet.ts";
import type { FieldError } from "../auth/forms.tsx";

export const MAX_PEOPLE = 120;
export const MAX_ITEMS = 80;
export const MAX_DECLARATIONS = 30;
const MAX_AGENDA_ITEMS = 500;
const SHORT = 300;
const LONG = 20_000;

const KINDS = ["member", "officer", "other"] as const;

export const takeMinutesUrls = {
  page: (slug: string) => `/admin/meetings/${encodeURIComponent(slug)}/take-minutes`,
};

/** Matches the minute-taking form's POST path, for the app's write gate. */
export const TAKE_MINUTES_POST = /^\/admin\/meetings\/[^/]+\/take-minutes$/;

function count(v: string | undefined, max: number): number {
  const n = Number(v ?? "0");
  return Number.isInteger(n) && n >= 0 ? Math.min(n, max) : 0;
}

export function readSheet(form: Record<string, string>): { sheet: MinuteSheet; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const text = (name: string, max = SHORT): string => {
    const v = (form[name] ?? "").replace(/\r\n/g, "\n");
    if (v.length > max) errors.push({ field: name, message: `Shorten this to ${max} characters or fewer` });
    return v.slice(0, max);
  };
  const endTime = text("endTime").trim();
  if (endTime && !/^([01]\d|2[0-3]):[0-5]\d$/.test(endTime)) errors.push({ field: "endTime", message: "Enter the closing time as hours and minutes, like 21:15" });
  const attendance: SheetAttendee[] = [];
  const people = count(form["att-count"], MAX_PEOPLE);
  for (let i = 0; i < people; i++) {
    const name = text(`att-${i}-name`).trim();
    const status = (SHEET_STATUSES as readonly string[]).includes(form[`att-${i}-status`] ?? "") ? (form[`att-${i}-status`] as SheetStatus) : "";
    const kind = (KINDS as readonly string[]).includes(form[`att-${i}-kind`] ?? "") ? (form[`att-${i}-kind`] as SheetAttendee["kind"]) : "member";
    const sub = text(`att-${i}-sub`).trim();
    if (!name && (status || sub)) errors.push({ field: `att-${i}-name`, message: "Enter the name of the person whose attendance you recorded" });
    if (!name) continue;
    attendance.push({ name, status, kind, role: text(`att-${i}-role`).trim(), substituteFor: sub });
  }
  const items: SheetItem[] = [];
  const n = count(form["item-count"], MAX_ITEMS);
  for (let i = 0; i < n; i++) {
    const p = `item-${i}`;
    const title = text(`${p}-title`).trim();
    const number = text(`${p}-number`, 20).trim() || String(items.length + 1);
    const votes = ["for", "against", "abstain"].map((k) => {
      const v = text(`${p}-${k}`, 10).trim();
      if (v && !/^\d{1,3}$/.test(v)) errors.push({ field: `${p}-${k}`, message: `Enter the votes ${k === "abstain" ? "abstaining" : k} as a whole number` });
      return v;
    });
    const item: SheetItem = {
      ...emptyItem(number, title),
      exempt: form[`${p}-exempt`] === "yes",
      exemptParagraphs: text(`${p}-paragraphs`, 40).trim(),
      text: text(`${p}-text`, LONG),
      resolution: text(`${p}-resolution`, LONG).trim(),
      votesFor: votes[0],
      votesAgainst: votes[1],
      votesAbstain: votes[2],
      namesFor: text(`${p}-names-for`, 4000),
      namesAgainst: text(`${p}-names-against`, 4000),
      namesAbstain: text(`${p}-names-abstain`, 4000),
      declarations: [],
    };
    const declared = count(form[`${p}-decl-count`], MAX_DECLARATIONS);
    for (let j = 0; j < declared; j++) {
      const d = `${p}-decl-${j}`;
      const name = text(`${d}-name`).trim();
      const kind = (DECLARATION_KINDS as readonly string[]).includes(form[`${d}-kind`] ?? "") ? (form[`${d}-kind`] as SheetItem["declarations"][number]["kind"]) : "";
      const description = text(`${d}-desc`, 2000).trim();
      if (!name && (kind || description)) errors.push({ field: `${d}-name`, message: `Enter who declared the interest under item ${number}` });
      if (name) item.declarations.push({ name, kind, description });
    }
    if (!title && (item.text.trim() || item.resolution)) errors.push({ field: `${p}-title`, message: `Enter a title for item ${number}` });
    if (item.exempt && item.exemptParagraphs && !/^[1-7](?:\s*(?:,|&|and)\s*[1-7])*$/.test(item.exemptParagraphs)) errors.push({ field: `${p}-paragraphs`, message: "Enter the Schedule 12A paragraph as a number from 1 to 7, like 3" });
    if (title || item.text.trim() || item.resolution) items.push(item);
  }
  // the agenda items already taken in (ids), so that opening the sheet again does not add them back
  const fromAgenda = [...new Set((form["agenda-items"] ?? "").split(",").map(Number).filter((id) => Number.isInteger(id) && id > 0))].slice(0, MAX_AGENDA_ITEMS);
  return { sheet: { endTime, venue: text("venue").trim(), attendance, items, fromAgenda }, errors };
}
