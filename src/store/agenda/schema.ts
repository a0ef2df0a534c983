// Table types for agendas and their papers (migration 022_agenda_items_papers); `agendaDb` widens a
// store handle to see them, alongside the accounts tables the audit log needs.
import type { ColumnType, Generated, Kysely, Transaction } from "kysely";
import type { Database } from "../schema.ts";
import type { AccountTables } from "../accounts/schema.ts";

type Flag = ColumnType<number | boolean, number | boolean | undefined, number | boolean>;

export interface AgendasTable {
  meeting_id: number;
  version: ColumnType<number, number | undefined, number>;
}

export interface AgendaPublicationsTable {
  id: Generated<number>;
  meeting_id: number;
  /** 0: the agenda; 1, 2, …: supplements */
  sequence: number;
  /** the moment of publication, ISO */
  published_at: string;
  /** its date in the council's zone, from which clear days are counted */
  published_on: string;
  clear_days: number;
  required_days: number;
  late_reason: string | null;
  pack_key: string;
  pack_bytes: number;
  pack_pages: number;
  published_by: number | null;
}

export interface AgendaItemsTable {
  id: Generated<number>;
  meeting_id: number;
  position: number;
  number: string;
  title: string;
  report_author: string | null;
  /** the wards affected, as written ("All wards", "Abbey; Castle") */
  wards: string | null;
  decision_maker: string | null;
  exempt: Flag;
  /** the paragraph(s) of Part 1 of Schedule 12A, as written ("3", "1 and 2") */
  exempt_paragraph: string | null;
  publication_id: number | null;
  created_at: string;
}

export interface AgendaPapersTable {
  id: Generated<number>;
  item_id: number;
  meeting_id: number;
  position: number;
  title: string;
  format: "pdf" | "docx";
  file_name: string;
  byte_length: number;
  content_hash: string;
  document_key: string;
  page_count: number | null;
  exempt: Flag;
  exempt_paragraph: string | null;
  publication_id: number | null;
  uploaded_at: string;
}

/** A change to an item made after it was published, with the reason shown publicly (migration 027_agenda2_item_changes). */
export interface AgendaItemChangesTable {
  id: Generated<number>;
  item_id: number;
  changed_at: string;
  /** its date in the council's zone */
  changed_on: string;
  reason: string;
  changed_by: number | null;
}

export type AgendaTables = AccountTables & {
  agenda_item_changes: AgendaItemChangesTable;
  agendas: AgendasTable;
  agenda_publications: AgendaPublicationsTable;
  agenda_items: AgendaItemsTable;
  agenda_papers: AgendaPapersTable;
};

export type AgendaDb = Kysely<Database & AgendaTables>;
export type AnyDb = Kysely<Database> | Transaction<Database> | Kysely<Database & AgendaTables> | Transaction<Database & AgendaTables>;

export function agendaDb(db: AnyDb): AgendaDb {
  return (db as Kysely<Database>).withTables<AgendaTables>();
}
