// A bare surname at a committee named for its parent body ("… Sub Committee of the Municipal
// District of X") is the one person of that surname at the parent body, on import and on settling.
import { after, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore } from "./db.ts";
import { importMinutes } from "./import.ts";
import { settleAllPeople } from "./people-settle.ts";
import { listPeople } from "./read/index.ts";
import { minutes, sourceOf } from "../../test/support/golden.ts";

const tmp = mkdtempSync(join(tmpdir(), "quorum-family-"));
after(() => rmSync(tmp, { recursive: true, force: true }));

const MD = "Municipal District of Cappamore-Kilmallock";
const JPC = "Joint Policing Sub Committee of the Municipal District of Cappamore-Kilmallock";
const at = (name: string) => ({ name, status: "present" as const, kind: "member" as const, role: null, substituteFor: null });

async function peopleAfter(order: [string, string, string][]): Promise<string[]> {
  const db = await openStore(`sqlite:${join(tmp, `${order.map((o) => o[1]).join("-")}.db`)}`);
  try {
    for (const [body, date, name] of order) {
      await importMinutes(db, {
        source: sourceOf(`${body}-${date}.txt`, `${body}\n${date}\n${name}\n`),
        record: minutes({ authority: "Limerick City and County Council", body, date, startTime: "15:00", attendance: [at(name), at("Councillor Ryan")] }),
        parserVersion: "golden",
      });
    }
    await settleAllPeople(db);
    return (await listPeople(db, { authority: "limerick-city-and-county-council" })).data.map((p) => p.name).sort();
  } finally {
    await db.destroy();
  }
}

describe("bare surnames across a body and its own committees", () => {
  test("the full name first, then the bare surname at the sub-committee", async () => {
    const people = await peopleAfter([
      [MD, "2018-05-17", "Councillor Michael Donegan"],
      [JPC, "2018-06-11", "Councillor Donegan"],
    ]);
    assert.deepEqual(people.filter((p) => /Donegan/.test(p)), ["Michael Donegan"]);
  });

  test("the bare surname first, at the sub-committee", async () => {
    const people = await peopleAfter([
      [JPC, "2018-04-11", "Councillor Donegan"],
      [MD, "2018-05-17", "Councillor Michael Donegan"],
    ]);
    assert.deepEqual(people.filter((p) => /Donegan/.test(p)), ["Michael Donegan"]);
  });
});
