// `quorum import` on folders whose quorum.json names their council: the folder's word is taken
// over the documents', so one council's archive does not split into several authorities.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { listAuthorities, listBodies, openStore } from "../../src/store/index.ts";

const bin = new URL("../../bin/quorum", import.meta.url).pathname;
const golden = new URL("../golden/dev/", import.meta.url).pathname;

test("a folder's quorum.json sets the authority and its time zone", async () => {
  const dir = mkdtempSync(join(tmpdir(), "quorum-settings-"));
  const staffs = join(dir, "minutes", "staffordshire");
  const cappamore = join(dir, "minutes", "limerick");
  mkdirSync(staffs, { recursive: true });
  mkdirSync(cappamore, { recursive: true });
  copyFileSync(join(golden, "staffs-safe-strong-2016-12-12.txt"), join(staffs, "staffs.txt"));
  writeFileSync(join(staffs, "quorum.json"), JSON.stringify({ authority: "Staffordshire County Council" }));
  const md = "2019-12-minutes-monthly-meeting-of-the-municipal-district-of-cappamore-kilmallock-21st-november-20.md";
  copyFileSync(join(golden, md), join(cappamore, md));
  writeFileSync(join(cappamore, "quorum.json"), JSON.stringify({ authority: "Limerick Council", timeZone: "Europe/Dublin" }));
  const db = join(dir, "q.db");
  const r = spawnSync(process.execPath, [bin, "import", "--db", db, join(dir, "minutes")], { encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr + r.stdout);

  const store = await openStore(db);
  try {
    const authorities = await listAuthorities(store);
    const names = authorities.map((a) => a.name).sort();
    assert.deepEqual(names, ["Limerick Council", "Staffordshire County Council"]);
    assert.equal(authorities.find((a) => a.name === "Limerick Council")!.timeZone, "Europe/Dublin");
    assert.equal(authorities.find((a) => a.name === "Staffordshire County Council")!.timeZone, "Europe/London");
    const staffsBodies = await listBodies(store, { authority: "staffordshire-county-council" });
    assert.deepEqual(staffsBodies.map((b) => b.name), ["Safe and Strong Communities Select Committee"]);
  } finally {
    await store.destroy();
  }
});

test("a bad quorum.json fails its documents with a reason naming it", () => {
  const dir = mkdtempSync(join(tmpdir(), "quorum-settings-"));
  copyFileSync(join(golden, "staffs-safe-strong-2016-12-12.txt"), join(dir, "staffs.txt"));
  writeFileSync(join(dir, "quorum.json"), JSON.stringify({ authority: "Staffordshire County Council", timezone: "Europe/London" }));
  const r = spawnSync(process.execPath, [bin, "import", "--db", join(dir, "q.db"), dir], { encoding: "utf8" });
  assert.equal(r.status, 1);
  assert.match(r.stdout + r.stderr, /quorum\.json: .*timezone|quorum\.json: .*(unrecognized|Unrecognized)/);
});
