// Corrections survive a re-import, end to end: `quorum import` (a real process) stores real minutes,
// a clerk corrects an attendee and an outcome through the workspace forms, then `quorum import`
// runs again on the same document and on a later version of it; the public page and the API
// still show what the clerk corrected.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { openStore, type Db } from "../../src/store/db.ts";
import { addUser, setPasswordHash } from "../../src/store/accounts/users.ts";
import { hashPassword } from "../../src/serve/auth/password.ts";
import { createApp } from "../../src/serve/app.ts";
import { client, PASSWORD, signInAs } from "../support/accounts.ts";
import { listCorrections } from "../../src/store/corrections/corrections.ts";

const BIN = fileURLToPath(new URL("../../bin/quorum", import.meta.url));
const FIXTURES = fileURLToPath(new URL("../fixtures/exempt/", import.meta.url));
const SLUG = "safe-and-strong-communities-select-committee-2016-12-12";
let dir: string;
let dbPath: string;

function quorum(args: string[]) {
  const { DATABASE_URL: _d, ...env } = process.env;
  return spawnSync(process.execPath, [BIN, ...args, "--db", dbPath], { encoding: "utf8", env, timeout: 120_000 });
}

before(() => {
  dir = mkdtempSync(join(tmpdir(), "quorum-corrections-"));
  dbPath = join(dir, "quorum.db");
});
after(() => rmSync(dir, { recursive: true, force: true }));

async function withStore<T>(work: (db: Db) => Promise<T>): Promise<T> {
  const db = await openStore(dbPath);
  try {
    return await work(db);
  } finally {
    await db.destroy();
  }
}

type ApiMeeting = { attendance: { name: string; status: string; role: string | null }[]; items: { number: string; resolutions: { outcome: string | null }[] }[] };

async function published(db: Db) {
  const app = createApp({ db });
  const api = (await (await app.request(`/api/v1/meetings/${SLUG}`)).json()) as { data: ApiMeeting } | ApiMeeting;
  const meeting = "data" in api ? api.data : api;
  const page = await (await app.request(`/meetings/${SLUG}`)).text();
  return { meeting, page };
}

test("a corrected attendee and outcome survive importing the same document again and a later version of it", async () => {
  const first = join(dir, "staffs-2016-12-12.txt");
  copyFileSync(join(FIXTURES, "staffs-2016-12-12-v1-item-35-public.txt"), first);
  const imported = quorum(["import", first]);
  assert.equal(imported.status, 0, imported.stderr);

  await withStore(async (db) => {
    const at = new Date();
    const clerk = await addUser(db, { email: "clerk@council.gov.uk", role: "clerk", displayName: "Colin Clerk" }, at);
    await setPasswordHash(db, clerk.id, await hashPassword(PASSWORD), at);
    const app = createApp({ db });
    const cl = client(app);
    assert.equal((await signInAs(cl, "clerk@council.gov.uk")).status, 303);
    const overview = await (await cl.get(`/admin/meetings/${SLUG}/correct`)).text();
    const attendee = /href="(\/admin\/meetings\/[^"]+\/correct\/attendance\/\d+)">Change<span class="govuk-visually-hidden"> attendance of Robert Marshall/.exec(overview)![1];
    const decision = /href="(\/admin\/meetings\/[^"]+\/correct\/items\/\d+\/decisions\/0)">Change<span class="govuk-visually-hidden"> decision 1 of item 30</.exec(overview)![1];
    const form = await (await cl.get(attendee)).text();
    const csrf = /name="csrf" value="([^"]+)"/.exec(form)![1];
    const version = () => db.selectFrom("meetings").where("slug", "=", SLUG).select("version").executeTakeFirstOrThrow().then((m) => String(m.version));
    let res = await cl.post(attendee, { csrf, version: await version(), status: "apologies", kind: "member", role: "Vice-Chairman", substituteFor: "", person: "auto" });
    assert.equal(res.status, 303);
    // the decision's text is sent back as the form shows it
    const decisionForm = await (await cl.get(decision)).text();
    const text = /<textarea[^>]*id="text"[^>]*>([^<]*)</.exec(decisionForm)![1].replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
    res = await cl.post(decision, { csrf, version: await version(), text, outcome: "deferred", votesFor: "", votesAgainst: "", votesAbstain: "" });
    assert.equal(res.status, 303);
    const { meeting } = await published(db);
    assert.deepEqual(meeting.attendance.filter((a) => a.name === "Robert Marshall").map((a) => [a.status, a.role]), [["apologies", "Vice-Chairman"]]);
  });

  // the same document again: nothing to do, nothing lost
  const again = quorum(["import", first]);
  assert.equal(again.status, 0, again.stderr);
  // a later version of the same minutes (item 35 now exempt): the meeting is stored again from the new parse
  const later = join(dir, "staffs-2016-12-12-v2.txt");
  copyFileSync(join(FIXTURES, "staffs-2016-12-12-v2-item-35-exempt.txt"), later);
  const updated = quorum(["import", later]);
  assert.equal(updated.status, 0, updated.stderr);

  await withStore(async (db) => {
    const v = await db.selectFrom("meetings").where("slug", "=", SLUG).select(["version", "source_document_id"]).executeTakeFirstOrThrow();
    assert.equal(v.version, 4, "two corrections and one new version of the document");
    const { meeting, page } = await published(db);
    assert.deepEqual(meeting.attendance.filter((a) => a.name === "Robert Marshall").map((a) => [a.status, a.role]), [["apologies", "Vice-Chairman"]]);
    assert.deepEqual(meeting.items.find((i) => i.number === "30")!.resolutions.map((r) => r.outcome), ["deferred"]);
    const apologies = page.slice(page.indexOf("Apologies"));
    assert.match(apologies, /Robert Marshall/);
    assert.match(page, /Vice-Chairman/);
    assert.match(page, /[Dd]eferred/);
    const corrections = await listCorrections(db, SLUG);
    assert.deepEqual(corrections.map((c) => [c.path.replace(/\d+/, "N"), c.after, c.state]).sort(), [
      ["attendance/N/role", "Vice-Chairman", "active"],
      ["attendance/N/status", "apologies", "active"],
      ["items/N/resolutions/0/outcome", "deferred", "active"],
    ]);
  });
});
