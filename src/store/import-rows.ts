// The rows a stored meeting holds after its items and decisions: recorded votes, declarations,
// questions, recommendations, each written in chunks, and the provenance of every value. What was
// read from an exempt item, or from its stretch of the text, is sealed with it.
import type { Transaction } from "kysely";
import type { ParsedMinutes, Span } from "../domain/minutes.ts";
import { declarationKind, kindOf } from "../domain/declaration-kinds.ts";
import { MEMBER_VOTES, type Database } from "./schema.ts";
import { isSealed } from "./visibility.ts";
import { packSpans, type StoredSpan } from "./provenance-pack.ts";
import type { PeopleResolver } from "./import-people.ts";

type Tx = Transaction<Database>;

/** What the rows of one meeting being stored need to know of it. */
export interface MeetingRows {
  meetingId: number;
  record: ParsedMinutes;
  /** the record's provenance, by path */
  prov: Record<string, Span>;
  /** stretches of the source text read from exempt items */
  exemptRanges: [number, number][];
  /** the stored items' ids, by position */
  itemIds: number[];
  people: PeopleResolver;
  /** a boolean as the database stores it */
  flag: (v: boolean) => boolean | number;
  /** records the provenance of a value at `path` for a stored row */
  addProv: (path: string, entity: string, id: number, field: string) => void;
}

export interface ProvenanceRow {
  entity: string;
  entity_id: number;
  field: string;
  span: Span;
}

/** How each member voted, under the decision at each path. */
export async function storeVotes(trx: Tx, { meetingId, record, people }: MeetingRows, resolutionIdByPath: Map<string, number>): Promise<void> {
  // How each member voted: stored under the decision and read only through it, so an exempt item's
  // votes are sealed with its decisions. A voter's name, like a mover's, never creates a person.
  const voteRows = [];
  for (const [i, it] of record.items.entries()) {
    for (const [j, r] of it.resolutions.entries()) {
      const recorded = r.votes?.recorded;
      if (!recorded) continue;
      let position = 0;
      for (const vote of MEMBER_VOTES) {
        for (const name of recorded[vote] ?? []) {
          if (typeof name !== "string" || !clean(name)) continue;
          voteRows.push({
            resolution_id: resolutionIdByPath.get(`items/${i}/resolutions/${j}`)!,
            meeting_id: meetingId,
            position: position++,
            vote,
            raw_name: clean(name),
            person_id: await people.resolve(name, "member", false),
          });
        }
      }
    }
  }
  for (const rows of chunks(voteRows, 100)) await trx.insertInto("decision_votes").values(rows).execute();
}

/**
 * The stored item a declaration or question names by number, and whether it is sealed: made in an
 * exempt item, or read from an exempt stretch of the text.
 */
function placed({ record, prov, exemptRanges, itemIds }: MeetingRows, itemNumber: string | null | undefined, path: string): { itemId: number | null; exempt: boolean } {
  const index = itemNumber ? record.items.findIndex((it) => it.number === itemNumber) : -1;
  return { itemId: index >= 0 ? itemIds[index] : null, exempt: isSealed({ itemExempt: record.items[index]?.exempt, span: prov[path] }, exemptRanges) };
}

export async function storeDeclarations(trx: Tx, m: MeetingRows): Promise<void> {
  const { meetingId, record, people, flag, addProv } = m;
  // Declarations of interest, when the parser gives them; one made in (or about) an exempt item is sealed with it.
  const declarations = (record as { declarations?: unknown }).declarations;
  const declarationRows = [];
  if (Array.isArray(declarations)) {
    for (const [i, d] of declarations.entries()) {
      const dec = d as { name?: string; item?: string | null; interest?: string | null; kind?: string | null; description?: string | null; text?: string | null };
      if (!dec?.name) continue;
      const { itemId, exempt } = placed(m, dec.item, `declarations/${i}`);
      declarationRows.push({
        meeting_id: meetingId,
        item_id: itemId,
        position: i,
        raw_name: clean(dec.name),
        person_id: await people.resolve(dec.name, "member", false),
        interest: dec.interest ?? dec.kind ?? null,
        description: dec.description ?? dec.text ?? null,
        exempt: flag(exempt),
        kind: declarationKind(dec.kind) ?? kindOf(dec.interest ?? dec.kind ?? null),
      });
    }
  }
  for (const rows of chunks(declarationRows, 100)) {
    for (const r of await trx.insertInto("declarations").values(rows).returning(["id", "position"]).execute()) addProv(`declarations/${r.position}`, "declaration", r.id, "text");
  }
}

export async function storeQuestions(trx: Tx, m: MeetingRows): Promise<void> {
  const { meetingId, record, flag, addProv } = m;
  // Question time, when the parser gives it; a question asked in (or about) an exempt item is sealed with it.
  const questionRows = [];
  for (const [i, q] of (record.questions ?? []).entries()) {
    if (!q?.question) continue;
    const { itemId, exempt } = placed(m, q.item, `questions/${i}`);
    questionRows.push({
      meeting_id: meetingId,
      item_id: itemId,
      position: i,
      asked_by: q.askedBy ? clean(q.askedBy) : null,
      asked_to: q.askedTo ?? null,
      question: q.question,
      answer: q.answer ?? null,
      exempt: flag(exempt),
    });
  }
  for (const rows of chunks(questionRows, 100)) {
    for (const r of await trx.insertInto("questions").values(rows).returning(["id", "position"]).execute()) addProv(`questions/${r.position}`, "question", r.id, "text");
  }
}

export async function storeRecommendations(trx: Tx, { meetingId, record, prov, exemptRanges, flag, addProv }: MeetingRows): Promise<void> {
  // A recommendation/response table read from an exempt item is sealed with it.
  const recommendationRows = record.recommendations.map((r, i) => ({
    meeting_id: meetingId,
    position: i,
    number: r.number,
    text: r.text,
    response: r.response,
    response_text: r.responseText ?? null,
    responsible_member: r.responsibleMember,
    responsible_officer: r.responsibleOfficer,
    action_by: r.actionBy,
    exempt: flag(isSealed({ span: prov[`recommendations/${i}`] }, exemptRanges)),
  }));
  for (const rows of chunks(recommendationRows, 100)) {
    for (const r of await trx.insertInto("recommendations").values(rows).returning(["id", "position"]).execute()) addProv(`recommendations/${r.position}`, "recommendation", r.id, "text");
  }
}

/** Where each value came from in the source document, its spans kept within the text, packed on the document's row. */
export async function storeProvenance(trx: Tx, provenance: ProvenanceRow[], docId: number, textLength: number): Promise<void> {
  const spans: StoredSpan[] = provenance.map((p) => ({
    entity: p.entity,
    entity_id: p.entity_id,
    field: p.field,
    line: p.span.line,
    end_line: p.span.endLine ?? null,
    start: Math.max(0, Math.min(p.span.start, textLength)),
    end: Math.max(0, Math.min(p.span.end, textLength)),
    implied: Boolean(p.span.implied),
  }));
  await trx.updateTable("source_documents").set({ packed_provenance: packSpans(spans) }).where("id", "=", docId).execute();
}

export function clean(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}

export function validTime(t: string | null | undefined): string | null {
  return t && /^([01]\d|2[0-3]):[0-5]\d$/.test(t) ? t : null;
}

export function chunks<T>(xs: T[], n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
}
