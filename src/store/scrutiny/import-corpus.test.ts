// The whole chain as `quorum import` runs it: every dev-corpus document read, parsed by the real
// parser, stored, then tracked.
import { it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { ParsedMinutes } from "../../domain/minutes.ts";
import { readDocument } from "../../ingest/read.ts";
import { parseMinutes, PARSER_VERSION } from "../../parse/minutes.ts";
import { importMinutes, unstorableReason } from "../import.ts";
import { goldenDocs } from "../../../test/support/golden.ts";
import { eachStore } from "./test-stores.ts";
import { trackMeeting } from "./track-meeting.ts";
import { listRecommendations } from "./recommendations.ts";
import { listActions } from "./actions.ts";
import { listWorkProgramme } from "./work-programme.ts";

const DEV = fileURLToPath(new URL("../../../test/golden/dev/", import.meta.url));
const bucks = JSON.parse(readFileSync(`${DEV}bucks-cabinet-2018-04-23.expected.json`, "utf8")) as ParsedMinutes;

eachStore("importing the dev corpus through the parser", (store) => {
  it("yields the 8 Bucks recommendations with owners and dates, and the Staffs actions", async () => {
    const db = await store.open();
    let tracked = 0;
    for (const doc of goldenDocs()) {
      const source = await readDocument(doc.file);
      const input = { source, record: parseMinutes(source), parserVersion: PARSER_VERSION };
      // Only a document whose hand-checked record has no date or body may be refused, and only for
      // that reason; any other failure to import fails the test.
      const refusal = unstorableReason(doc.record);
      if (refusal) {
        await assert.rejects(importMinutes(db, input), (err: Error) => err.message.endsWith(refusal), doc.file);
        continue;
      }
      const result = await importMinutes(db, input);
      await trackMeeting(db, result.meetingId);
      tracked++;
    }
    assert.equal(tracked, goldenDocs().filter((d) => !unstorableReason(d.record)).length);
    assert.ok(tracked >= 2);
    const recs = await listRecommendations(db, "2018-05-01");
    assert.deepEqual(
      recs.map((r) => [r.number, r.response, r.responsibleMember, r.responsibleOfficer, r.actionBy]),
      bucks.recommendations.map((r) => [r.number, r.response, r.responsibleMember, r.responsibleOfficer, r.actionBy]),
    );
    assert.equal(recs.filter((r) => r.response === "yes").length, 6);
    assert.equal(recs.filter((r) => r.response === "partially").length, 2);
    assert.equal(recs[0].inquiry.title, "What steps should the Council take to ensure it fully meets the responsibilities under the Modern Slavery Act?");
    const staffs = (await listActions(db, "2017-01-01", { includeNonPublic: true })).filter((a) => a.body.name === "Safe and Strong Communities Select Committee");
    assert.deepEqual(staffs.map((a) => `${a.raisedAt?.item?.number}${a.label ?? ""}`).sort(), ["30a", "30b", "30c", "31", "35"]);
    const moved = (await listWorkProgramme(db)).filter((w) => w.history.some((h) => h.description === "moved from January to 6 March"));
    assert.equal(moved.length, 2);
  });
});
