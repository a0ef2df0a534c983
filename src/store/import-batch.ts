// Importing documents in batches: one transaction for several documents, each inside a savepoint of
// its own. A document that fails is rolled back to its savepoint and reported alone; the others in
// the batch are stored, whole. A conflict with another writer (write.ts) runs the whole batch
// again. One commit per batch rather than per document is what makes a large import quicker,
// above all on PostgreSQL, where every commit waits for the disk.
import { sql } from "kysely";
import type { Db } from "./db.ts";
import { checkImportInput, importInTransaction, importMinutes, unchangedImport, type ImportInput, type ImportResult } from "./import.ts";
import { DerivedWork, deriveTouched } from "./import-derived.ts";
import { isTransientWriteError, writeTransaction } from "./write.ts";

/** Documents per transaction in `quorum import`: enough to spread the cost of a commit, few enough that another writer waits only briefly for the lock. */
export const IMPORT_BATCH = 32;

export type BatchOutcome = { ok: true; result: ImportResult } | { ok: false; error: unknown };

/** Imports the inputs in their order; one outcome per input, in the same order. */
export async function importMinutesBatch(db: Db, inputs: ImportInput[]): Promise<BatchOutcome[]> {
  const outcomes = new Array<BatchOutcome>(inputs.length);
  const pending: number[] = [];
  for (const [i, input] of inputs.entries()) {
    try {
      checkImportInput(input);
      // bytes stored before need no write lock (found again inside, should another writer store them meanwhile)
      const unchanged = await unchangedImport(db, input);
      if (unchanged) outcomes[i] = { ok: true, result: unchanged };
      else pending.push(i);
    } catch (error) {
      outcomes[i] = { ok: false, error };
    }
  }
  if (!pending.length) return outcomes;
  let stored: Map<number, BatchOutcome>;
  try {
    stored = await inOneTransaction(db, inputs, pending);
  } catch {
    // the batch kept meeting a conflict (or lost its connection): each document on its own, so
    // what fails again fails alone
    stored = new Map();
    for (const i of pending) {
      try {
        stored.set(i, { ok: true, result: await importMinutes(db, inputs[i]) });
      } catch (error) {
        stored.set(i, { ok: false, error });
      }
    }
  }
  for (const [i, outcome] of stored) outcomes[i] = outcome;
  return outcomes;
}

function inOneTransaction(db: Db, inputs: ImportInput[], pending: number[]): Promise<Map<number, BatchOutcome>> {
  return writeTransaction(db, async (trx) => {
    const results = new Map<number, BatchOutcome>();
    // memberships and people's search entries: derived once for the batch, before its commit
    const derived = new DerivedWork();
    for (const i of pending) {
      await sql`savepoint quorum_document`.execute(trx);
      try {
        const mine = new DerivedWork();
        const result = await importInTransaction(trx, inputs[i], mine);
        await sql`release savepoint quorum_document`.execute(trx);
        derived.add(mine);
        results.set(i, { ok: true, result });
      } catch (error) {
        if (isTransientWriteError(error)) throw error;
        await sql`rollback to savepoint quorum_document`.execute(trx);
        await sql`release savepoint quorum_document`.execute(trx);
        results.set(i, { ok: false, error });
      }
    }
    await deriveTouched(trx, derived);
    return results;
  });
}
