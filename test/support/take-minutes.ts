// An agenda published for a meeting through the agenda's own store functions, for the minute-taking
// tests: items added in order, then published (the agenda, or the next supplement); and the
// minute-taking form's fields as the page renders them.
import type { Client } from "./accounts.ts";
import type { Db } from "../../src/store/db.ts";
import type { DocumentStore } from "../../src/store/documents/store.ts";
import { addAgendaItem, agendaMeeting, agendaVersion } from "../../src/store/agenda/items.ts";
import { publishAgenda } from "../../src/store/agenda/publish.ts";

export interface TestAgendaItem {
  number: string;
  title: string;
  /** the Schedule 12A paragraph, for an exempt item */
  exempt?: string;
}

export async function publishItems(db: Db, documents: DocumentStore, slug: string, items: TestAgendaItem[], actor: { userId: number; label: string }, at: Date, lateReason: string | null = null): Promise<number[]> {
  const ids: number[] = [];
  for (const i of items) {
    const input = { number: i.number, title: i.title, reportAuthor: null, wards: null, decisionMaker: null, exempt: !!i.exempt, exemptParagraph: i.exempt ?? null };
    ids.push((await addAgendaItem(db, slug, input, actor, at)).id);
  }
  const meeting = await agendaMeeting(db, slug);
  await publishAgenda(db, documents, slug, { version: await agendaVersion(db, meeting!.id), lateReason, paperUrl: (id) => `/meetings/${slug}/documents/paper-${id}` }, actor, at);
  return ids;
}

export const THREE_ITEMS: TestAgendaItem[] = [
  { number: "1", title: "Apologies for absence" },
  { number: "2", title: "Highways maintenance programme 2026/27" },
  { number: "3", title: "Depot site disposal", exempt: "3" },
];

/** The minute-taking form's fields as the page at `path` renders them, with `change` laid over. */
export async function sheetForm(c: Client, path: string, change: Record<string, string> = {}): Promise<Record<string, string>> {
  const html = await (await c.get(path)).text();
  const form: Record<string, string> = {};
  for (const m of html.matchAll(/<input[^>]*?name="([^"]+)"[^>]*?>/g)) {
    const tag = m[0];
    if (/type="checkbox"/.test(tag) && !/checked/.test(tag)) continue;
    form[m[1]] = /value="([^"]*)"/.exec(tag)?.[1] ?? "";
  }
  for (const m of html.matchAll(/<select[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g)) form[m[1]] = /<option value="([^"]*)" selected/.exec(m[2])?.[1] ?? "";
  for (const m of html.matchAll(/<textarea[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/textarea>/g)) form[m[1]] = m[2];
  return { ...form, ...change };
}
