// An agenda published for a meeting through the agenda's own store functions, for the minute-taking
// tests: items added in order, then published (the agenda, or the next supplement).
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
