// Killing `quorum import` and `quorum serve` with SIGKILL at random points, and checking what a
// killed run leaves behind. Shared by the crash test (a few kills) and `npm run bench:crash` (many).
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import SQLite from "better-sqlite3";
import pg from "pg";
import { parseDatabaseUrl, registerStoreFunctions } from "../../src/store/db.ts";

export const BIN = new URL("../../bin/quorum", import.meta.url).pathname;

/** A small seeded generator, so a failing run can be repeated with the seed it printed. */
export function random(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

export interface Spawned {
  child: ChildProcess;
  out: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function quorumProcess(args: string[], env: Record<string, string> = {}): Spawned {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, DATABASE_URL: "", ...env } });
  let out = "";
  child.stdout!.on("data", (c: Buffer) => (out += c.toString()));
  child.stderr!.on("data", (c: Buffer) => (out += c.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })));
  return { child, out: () => out, exited };
}

/** Peak resident memory of a running process in KiB (Linux), or 0 when unknown. */
export function peakRssKiB(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const m = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** Sends SIGKILL and waits for the process to be gone; false when it had already exited. */
export async function kill(p: Spawned): Promise<boolean> {
  const running = p.child.exitCode === null && p.child.signalCode === null;
  if (running) p.child.kill("SIGKILL");
  await p.exited;
  return running;
}

export interface Integrity {
  /** problems PRAGMA integrity_check and foreign_key_check report (SQLite) */
  storage: string[];
  /** source documents stored without all of their meeting (counts differ from the clean import's) */
  halfWritten: string[];
  sourceDocuments: number;
}

interface DocRow {
  content_hash: string;
  meeting_id: number | null;
  is_source: number | boolean | null;
  items: number | string;
  attendance: number | string;
  provenance: number | string;
}

// Per source document: its meeting, and when it is that meeting's current source, how many items,
// attendance rows and bytes of packed provenance came with it.
const DOC_SQL = `
  SELECT d.content_hash, d.meeting_id,
    (m.source_document_id = d.id) AS is_source,
    (SELECT count(*) FROM items i WHERE i.meeting_id = d.meeting_id) AS items,
    (SELECT count(*) FROM attendance a WHERE a.meeting_id = d.meeting_id) AS attendance,
    coalesce(length(d.packed_provenance), 0) AS provenance
  FROM source_documents d LEFT JOIN meetings m ON m.id = d.meeting_id`;

export interface DocShape {
  items: number;
  attendance: number;
  provenance: number;
}

async function docRows(url: string): Promise<DocRow[]> {
  const loc = parseDatabaseUrl(url);
  if (loc.dialect === "sqlite") {
    if (!existsSync(loc.target)) return []; // killed before it was created
    const db = new SQLite(loc.target, { fileMustExist: true });
    try {
      const hasTable = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'source_documents'").get();
      return hasTable ? (db.prepare(DOC_SQL).all() as DocRow[]) : [];
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: loc.target });
  await client.connect();
  try {
    const t = await client.query("SELECT to_regclass('source_documents') AS t");
    return t.rows[0].t ? (await client.query(DOC_SQL)).rows : [];
  } finally {
    await client.end();
  }
}

/** What each source document of a clean import holds, by content hash. */
export async function docShapes(url: string): Promise<Map<string, DocShape>> {
  const shapes = new Map<string, DocShape>();
  for (const r of await docRows(url)) {
    if (r.meeting_id !== null && Boolean(Number(r.is_source))) shapes.set(r.content_hash, { items: Number(r.items), attendance: Number(r.attendance), provenance: Number(r.provenance) });
  }
  return shapes;
}

/** Checks a store a killed process left: storage integrity, and every document wholly present or absent. */
export async function checkIntegrity(url: string, clean: Map<string, DocShape>): Promise<Integrity> {
  const loc = parseDatabaseUrl(url);
  const storage: string[] = [];
  if (loc.dialect === "sqlite" && existsSync(loc.target)) {
    const db = new SQLite(loc.target, { fileMustExist: true });
    registerStoreFunctions(db);
    try {
      const ic = db.pragma("integrity_check") as { integrity_check: string }[];
      if (ic.length !== 1 || ic[0].integrity_check !== "ok") storage.push(...ic.map((r) => `integrity_check: ${r.integrity_check}`));
      for (const r of db.pragma("foreign_key_check") as { table: string; rowid: number; parent: string }[]) storage.push(`foreign_key_check: ${r.table} row ${r.rowid} → ${r.parent}`);
    } finally {
      db.close();
    }
  }
  const halfWritten: string[] = [];
  const rows = await docRows(url);
  for (const r of rows) {
    if (r.meeting_id === null) {
      halfWritten.push(`${r.content_hash.slice(0, 12)}: stored without a meeting`);
      continue;
    }
    const want = clean.get(r.content_hash);
    if (!want || !Number(r.is_source)) continue; // replaced by another version: its meeting belongs to that one
    const got = { items: Number(r.items), attendance: Number(r.attendance), provenance: Number(r.provenance) };
    if (got.items !== want.items || got.attendance !== want.attendance || got.provenance !== want.provenance) {
      halfWritten.push(`${r.content_hash.slice(0, 12)}: ${JSON.stringify(got)} where a clean import has ${JSON.stringify(want)}`);
    }
  }
  return { storage, halfWritten, sourceDocuments: rows.length };
}

export async function sleep(ms: number): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
}
