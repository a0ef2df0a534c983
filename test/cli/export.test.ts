// `quorum export` as a real process, on SQLite and PostgreSQL, over the exempt fixture (item 35
// with a declaration, a response table and a recorded vote) and the Buckinghamshire cabinet, a
// folder whose quorum.json gives one council a licence of its own:
// - CSV files parsed back with csv-parse hold one row per public meeting, attendance record,
//   decision and recorded vote, counted straight from the tables through the visibility rule;
// - OCD files use only the field names of the Open Civic Data definitions listed below;
// - OParl files validate against the OParl 1.1 schemas;
// - no file holds any exempt text, and the licences are the councils'.
import { after, describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { openStore } from "../../src/store/db.ts";
import { BUCKS, EXEMPT_V2, leaks, publicCounts } from "../support/opendata.ts";
import { minutes } from "../support/golden.ts";
import { oparlValidator } from "../support/oparl.ts";
import { postgresUnavailable, startPostgres, type PostgresCluster } from "../support/postgres.ts";

const bin = new URL("../../bin/quorum", import.meta.url).pathname;

// The Open Civic Data field names, as the scrape schemas of opencivicdata/pupa define them
// (pupa/scrape/schemas/event.py, vote_event.py, person.py, organization.py, membership.py, at
// commit 99b7382 / 25b72ac / c5b56fe / 82b5d86; the same objects as docs.opencivicdata.org's data
// type pages), with "id" for the object's OCD id as the OCD API gives it, and "id" on an event
// participant as pupa/scrape/event.py's Event.add_participant(name, type, id=…) writes it (the
// participant's own OCD id; the earlier event schema at 0506e5b lists it too). Written out by hand
// here so that the test does not take them from the code under test.
const OCD_FIELDS = {
  event: ["id", "name", "all_day", "start_date", "end_date", "status", "classification", "description", "location", "media", "documents", "links", "participants", "agenda", "sources", "extras", "pupa_id"],
  eventLocation: ["name", "note", "url", "coordinates"],
  eventDocument: ["note", "url", "media_type", "date"],
  eventLink: ["note", "url"],
  eventParticipant: ["name", "type", "note", "id"],
  eventAgendaItem: ["description", "classification", "order", "subjects", "media", "notes", "related_entities"],
  eventRelatedEntity: ["entity_type", "name", "note"],
  voteEvent: ["id", "identifier", "motion_text", "motion_classification", "start_date", "end_date", "result", "organization", "legislative_session", "bill", "bill_action", "votes", "counts", "sources", "extras", "pupa_id"],
  vote: ["option", "voter_name", "voter_id", "note"],
  count: ["option", "value"],
  person: ["id", "name", "other_names", "identifiers", "sort_name", "family_name", "given_name", "gender", "birth_date", "death_date", "image", "summary", "biography", "national_identity", "contact_details", "links", "sources", "extras"],
  organization: ["id", "name", "other_names", "identifiers", "classification", "parent_id", "founding_date", "dissolution_date", "image", "contact_details", "links", "sources", "jurisdiction_id", "division_id", "extras"],
  membership: ["id", "label", "role", "person_id", "person_name", "organization_id", "post_id", "on_behalf_of_id", "start_date", "end_date", "contact_details", "links", "extras", "division_id", "jurisdiction_id"],
};
// python-opencivicdata's common.VOTE_OPTIONS and VOTE_RESULTS
const VOTE_OPTIONS = ["yes", "no", "absent", "abstain", "not voting", "paired", "excused", "other"];
const VOTE_RESULTS = ["pass", "fail"];

function keysWithin(what: string, obj: Record<string, unknown>, allowed: string[], out: string[]) {
  for (const k of Object.keys(obj)) if (!allowed.includes(k)) out.push(`${what}: ${k}`);
}

const ALAMEDA = new URL("../fixtures/votes/alameda-public-art-2005-03-24.txt", import.meta.url).pathname;
const SEALTON_TEXT = "Sealton Town Council\n1 Grants\n2 Staffing\n";
/** A reviewed record whose exempt item 2 records who voted how: those votes are never public. */
function sealtonRecord(file: string) {
  const at = (name: string) => ({ name, status: "present" as const, kind: "member" as const, role: null, substituteFor: null });
  const recorded = (f: string[], a: string[]) => ({ for: f, against: a, abstain: [], absent: [], recused: [] });
  const record = minutes({
    authority: "Sealton Town Council",
    body: "Sealton Town Council",
    date: "2019-10-21",
    attendance: [at("Councillor Ann Benson"), at("Councillor Xavier Yarrow")],
    items: [
      { number: "1", title: "Grants", exempt: false, resolutions: [{ text: "that the grants be paid", votes: { for: 1, against: null, abstain: null, recorded: recorded(["Councillor Benson"], []) } }] },
      { number: "2", title: "Staffing", exempt: true, resolutions: [{ text: "to regrade the post", votes: { for: 1, against: 1, abstain: null, recorded: recorded(["Councillor Yarrow"], ["Councillor Benson"]) } }] },
    ],
  } as Parameters<typeof minutes>[0]);
  return JSON.stringify({ file, record }) + "\n";
}

const run = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", env: { ...process.env, PUBLIC_URL: "" } });
const jsonl = (file: string) => readFileSync(file, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l));

let cluster: Promise<PostgresCluster> | null = null;

for (const dialect of ["sqlite", "postgres"] as const) {
  const skip = dialect === "postgres" ? (postgresUnavailable() ?? false) : false;
  describe(`quorum export on ${dialect}`, { skip }, () => {
    after(async () => {
      if (cluster) await (await cluster).stop();
      cluster = null;
    });

    test("CSV, OCD and OParl exports of the exempt fixture: counts, field names, schemas, licences, and no exempt text", async () => {
      const dir = mkdtempSync(join(tmpdir(), "quorum-export-"));
      try {
        const staffs = join(dir, "minutes", "staffs");
        const bucks = join(dir, "minutes", "bucks");
        mkdirSync(staffs, { recursive: true });
        mkdirSync(bucks, { recursive: true });
        copyFileSync(EXEMPT_V2, join(staffs, "staffs.txt"));
        copyFileSync(BUCKS, join(bucks, "bucks.txt"));
        copyFileSync(ALAMEDA, join(dir, "minutes", "alameda.txt"));
        const sealton = join(dir, "sealton.txt");
        writeFileSync(sealton, SEALTON_TEXT);
        writeFileSync(join(dir, "records.jsonl"), sealtonRecord(sealton));
        writeFileSync(join(bucks, "quorum.json"), JSON.stringify({ authority: "Buckinghamshire County Council", licence: "CC-BY-4.0" }));
        const db = dialect === "sqlite" ? join(dir, "q.db") : await (await (cluster ??= startPostgres())).createDatabase();
        const imported = run(["import", "--db", db, join(dir, "minutes"), "--records", join(dir, "records.jsonl")]);
        assert.equal(imported.status, 0, imported.stderr + imported.stdout);

        const out = (f: string) => join(dir, "out", f);
        for (const format of ["csv", "ocd", "oparl"]) {
          const r = run(["export", "--db", db, "--format", format, "--out", join(dir, "out", format), "--public-url", "https://minutes.example.org"]);
          assert.equal(r.status, 0, r.stderr + r.stdout);
          assert.match(r.stdout, /^wrote /);
        }
        const refused = run(["export", "--db", db, "--format", "oparl", "--out", join(dir, "nowhere")]);
        assert.equal(refused.status, 1);
        assert.match(refused.stderr, /^quorum: OParl ids are absolute URLs/);
        assert.ok(!refused.stderr.includes("    at "), "no stack trace");

        const store = await openStore(db);
        const counts = await publicCounts(store);
        await store.destroy();
        assert.ok(counts.votes > 0 && counts.allVotes > counts.votes, "item 35's recorded votes are in the store but not public");

        // CSV, read back by an independent parser
        const csv = (name: string) => parse(readFileSync(out(`csv/${name}.csv`), "utf8"), { columns: true, bom: true, skip_empty_lines: false }) as Record<string, string>[];
        const meetings = csv("meetings");
        assert.equal(meetings.length, counts.meetings);
        assert.equal(csv("attendance").length, counts.attendance);
        const decisions = csv("decisions");
        assert.equal(decisions.length, counts.decisions);
        assert.equal(csv("votes").length, counts.votes);
        assert.ok(decisions.some((d) => d.text.includes("\n") || d.text.includes(",")), "a quoted cell with a comma or line break read back whole");
        const licenceOf = (m: Record<string, string>) => m.licence;
        const OGL = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/";
        // the folder with a quorum.json licence has its own; every other council the default
        assert.equal(meetings.length, 4);
        for (const m of meetings) assert.equal(licenceOf(m), m.council === "Buckinghamshire County Council" ? "https://creativecommons.org/licenses/by/4.0/" : OGL, m.council);

        // OCD field names
        const bad: string[] = [];
        const events = jsonl(out("ocd/events.jsonl"));
        assert.equal(events.length, counts.meetings);
        for (const e of events) {
          keysWithin("event", e, OCD_FIELDS.event, bad);
          keysWithin("event.location", e.location, OCD_FIELDS.eventLocation, bad);
          for (const d of e.documents) keysWithin("event.documents[]", d, OCD_FIELDS.eventDocument, bad);
          for (const l of e.links) keysWithin("event.links[]", l, OCD_FIELDS.eventLink, bad);
          for (const p of e.participants) keysWithin("event.participants[]", p, OCD_FIELDS.eventParticipant, bad);
          for (const a of e.agenda) {
            keysWithin("event.agenda[]", a, OCD_FIELDS.eventAgendaItem, bad);
            for (const r of a.related_entities) keysWithin("event.agenda[].related_entities[]", r, OCD_FIELDS.eventRelatedEntity, bad);
          }
          assert.match(e.id, /^ocd-event\/[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        }
        const staffsEvent = events.find((e) => e.extras.quorum_id.startsWith("safe-and-strong"));
        assert.deepEqual(staffsEvent.extras.exempt_items.map((i: { order: string; schedule_12a_paragraph: string }) => [i.order, i.schedule_12a_paragraph]), [["35", "1 & 7"]]);
        const voteEvents = jsonl(out("ocd/vote-events.jsonl"));
        assert.ok(voteEvents.length > 0);
        for (const v of voteEvents) {
          keysWithin("vote_event", v, OCD_FIELDS.voteEvent, bad);
          for (const x of v.votes) keysWithin("vote_event.votes[]", x, OCD_FIELDS.vote, bad);
          for (const x of v.counts) keysWithin("vote_event.counts[]", x, OCD_FIELDS.count, bad);
          for (const x of [...v.votes, ...v.counts]) assert.ok(VOTE_OPTIONS.includes(x.option), x.option);
          if (v.result !== undefined) assert.ok(VOTE_RESULTS.includes(v.result), v.result);
        }
        assert.equal(voteEvents.reduce((n, v) => n + v.votes.length, 0), counts.votes, "every public recorded vote, and no other");
        for (const p of jsonl(out("ocd/people.jsonl"))) keysWithin("person", p, OCD_FIELDS.person, bad);
        for (const o of jsonl(out("ocd/organizations.jsonl"))) keysWithin("organization", o, OCD_FIELDS.organization, bad);
        for (const m of jsonl(out("ocd/memberships.jsonl"))) keysWithin("membership", m, OCD_FIELDS.membership, bad);
        assert.deepEqual(bad, []);
        assert.equal(jsonl(out("ocd/people.jsonl")).length, counts.people);

        // OCD ids join up: a participant's, a voter's and a membership's person is one the Person
        // export holds, its organization one the Organization export holds
        const personIds = new Set(jsonl(out("ocd/people.jsonl")).map((p) => p.id as string));
        const orgIds = new Set(jsonl(out("ocd/organizations.jsonl")).map((o) => o.id as string));
        const dangling: string[] = [];
        const people = events.flatMap((e) => e.participants.filter((p: { type: string }) => p.type === "person"));
        const hosts = events.flatMap((e) => e.participants.filter((p: { type: string }) => p.type === "organization"));
        for (const p of people) if (p.id !== undefined && !personIds.has(p.id)) dangling.push(`participant ${p.name}: ${p.id}`);
        for (const h of hosts) if (!orgIds.has(h.id)) dangling.push(`host ${h.name}: ${h.id}`);
        for (const v of voteEvents) for (const x of v.votes) if (x.voter_id !== undefined && !personIds.has(x.voter_id)) dangling.push(`voter ${x.voter_name}: ${x.voter_id}`);
        const memberships = jsonl(out("ocd/memberships.jsonl"));
        for (const m of memberships) {
          if (!personIds.has(m.person_id)) dangling.push(`membership ${m.id}: person ${m.person_id}`);
          if (!orgIds.has(m.organization_id)) dangling.push(`membership ${m.id}: organization ${m.organization_id}`);
        }
        assert.deepEqual(dangling, []);
        // every attendee matched to a person carries that person's id, and only they do
        assert.ok(counts.matchedAttendees > 0, "the fixture has matched attendees");
        assert.equal(people.filter((p) => p.id !== undefined).length, counts.matchedAttendees);
        assert.ok(counts.matchedVotes > 0, "the fixture has votes matched to people");
        assert.equal(voteEvents.reduce((n, v) => n + v.votes.filter((x: { voter_id?: string }) => x.voter_id !== undefined).length, 0), counts.matchedVotes);
        // each public person who sat on a committee has their memberships in the export
        assert.ok(memberships.length > 0);
        assert.ok([...personIds].some((id) => memberships.some((m) => m.person_id === id)), "a person's memberships are found by their id");

        // OParl
        const validate = oparlValidator();
        const oparlErrors: string[] = [];
        for (const f of readdirSync(out("oparl"))) {
          const records = f.endsWith(".jsonl") ? jsonl(out(`oparl/${f}`)) : [JSON.parse(readFileSync(out(`oparl/${f}`), "utf8"))];
          for (const [i, r] of records.entries()) if (f !== "licence.json") oparlErrors.push(...validate(r).map((e) => `${f}:${i + 1}: ${e}`));
        }
        assert.deepEqual(oparlErrors, []);
        assert.equal(jsonl(out("oparl/meetings.jsonl")).length, counts.meetings);
        assert.ok(jsonl(out("oparl/meetings.jsonl")).every((m) => m.id.startsWith("https://minutes.example.org/oparl/v1/meetings/")));

        // nothing exempt in any file; the licences beside them
        const files = ["csv", "ocd", "oparl"].flatMap((f) => readdirSync(out(f)).map((n) => ({ url: `${f}/${n}`, body: readFileSync(out(`${f}/${n}`), "utf8") })));
        assert.deepEqual(leaks(files), []);
        assert.deepEqual(files.filter((f) => f.body.includes("regrade")).map((f) => f.url), [], "Sealton's exempt item 2");
        assert.ok(files.some((f) => f.body.includes("Confidential HR Matter")), "item 35's title is exported");
        for (const f of ["csv", "ocd", "oparl"]) {
          const licences = JSON.parse(readFileSync(out(`${f}/licence.json`), "utf8")).licences;
          assert.equal(licences.length, 4);
          for (const l of licences as { council: string; name: string }[]) {
            assert.equal(l.name, l.council === "Buckinghamshire County Council" ? "Creative Commons Attribution 4.0 International" : "Open Government Licence v3.0", l.council);
          }
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}

test("quorum export refuses an unknown format in one line", () => {
  const r = run(["export", "--format", "xml", "--out", join(tmpdir(), "never")]);
  assert.equal(r.status, 1);
  assert.equal(r.stderr.trim(), 'quorum: --format must be one of ocd, oparl, csv, not "xml"');
});
