// Documents that are not one meeting's minutes: agenda packs (a front sheet and agenda, then
// minutes), agendas alone, and documents holding the minutes of several meetings. All real text:
// a US city's clerk printing the regular and special meetings of one evening one after another,
// a Norfolk parish publishing its summons and agenda above the minutes, a parish's agenda alone.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { readDocument } from "../../ingest/read.ts";
import { splitLines, type SourceText } from "../../domain/source.ts";
import { parseDocument, parseMinutes } from "../minutes.ts";

const fixture = (name: string) => new URL(`../../../test/fixtures/packs/${name}`, import.meta.url);
const txt = (text: string): SourceText => ({ file: "minutes.txt", format: "txt", text, lines: splitLines(text), contentHash: "", byteLength: text.length });

test("a document with four meetings' minutes gives four records, each from its own heading on", () => {
  const text = readFileSync(fixture("alameda-city-council-2005-01-18.txt"), "utf8");
  const records = parseDocument(txt(text));
  assert.equal(records.length, 4);
  const [, special, cic1, cic2] = records;
  assert.equal(special.date, "2005-01-18");
  // as for any minutes, the start is when the meeting was convened ("convened the Special Meeting at 6:33 p.m.")
  assert.equal(special.startTime, "18:33");
  assert.match(special.body ?? "", /City Council/);
  const present = special.attendance.filter((a) => a.status === "present").map((a) => a.name).join("; ");
  // its own roll call, not the regular meeting's (where Mayor Johnson was present by teleconference)
  assert.match(present, /Daysog/);
  assert.doesNotMatch(present, /Johnson/);
  assert.match(cic1.body ?? "", /Community Improvement Commission/);
  // two meetings of one commission that evening, told apart by their times
  assert.match(cic2.body ?? "", /Community Improvement Commission/);
  assert.ok(cic1.startTime && cic2.startTime && cic1.startTime < cic2.startTime, `${cic1.startTime} ${cic2.startTime}`);
  // provenance points at lines of the whole text, past where the first meeting ended
  const headingLine = text.split("\n").findIndex((l) => l.includes("MINUTES OF THE SPECIAL CITY COUNCIL MEETING")) + 1;
  assert.ok(special.provenance.date.line >= headingLine, `date read from line ${special.provenance.date.line}, heading on ${headingLine}`);
  assert.match(text.slice(special.provenance.date.start, special.provenance.date.end), /JANUARY 18, 2005/);
  // the first meeting ends where the second begins: it does not hold the special meeting's business
  assert.ok(records[0].items.every((i) => !/Closed Session|Conference with Labor/i.test(i.title)), JSON.stringify(records[0].items.map((i) => i.title)));
  assert.ok(records[0].warnings.some((w) => /4 meetings/.test(w)), JSON.stringify(records[0].warnings));
});

test("parseMinutes is the first meeting of the document", () => {
  const text = readFileSync(fixture("alameda-city-council-2005-01-18.txt"), "utf8");
  assert.deepEqual(parseMinutes(txt(text)), parseDocument(txt(text))[0]);
});

test("a page's running header that repeats the minutes heading is not another meeting", () => {
  // Souldern Annual Parish Meeting, 9 May 2012: each page ends "Minutes of Annual Parish Meeting 9 th May 2012  Page N"
  const text = [
    "               Minutes of the Souldern Annual Parish Meeting held in the",
    "                   Village Hall on Wednesday 9th May 2012 at 19.30",
    "",
    "Present:",
    "Parish Councillors: Ian Hall (Chairman), Hugh Stewart, Mike Fraser",
    "",
    "1. Apologies for absence were received from Mary Adams.",
    "",
    "2. The minutes of the Annual Parish Meeting held on 11th May 2011 were approved and signed.",
    "",
    "Minutes of Annual Parish Meeting 9 th May 2012                                          Page 1",
    "",
    "3. Reports from village organisations were received.",
    "",
    "Minutes of Annual Parish Meeting 9 th May 2012                                           Page 2",
    "",
    "4. There being no further business, the Chairman thanked all those present for attending",
    "   and the meeting closed at 20.40.",
  ].join("\n");
  assert.equal(parseDocument(txt(text)).length, 1);
});

test("'Minutes of the meeting held on …' inside an item is not another meeting", () => {
  // Wereham Parish Council, 11 September 2012
  const text = [
    "**Draft minutes of the Parish Council meeting held on Tuesday 11th September 2012 at 7.30pm in Wereham village hall**",
    "",
    "Present: Cllr J Bruce (Chair), Cllr D Deighton, Cllr P Norris",
    "",
    "**1. Apologies**",
    "",
    "None.",
    "",
    "**2. Minutes of last meeting**",
    "",
    "Minutes of the meeting held on 24th July 2012 discussed and agreed by all Councillors present. Proposer: Cllr J Bruce, 2nd: Cllr D Deighton.",
    "",
    "**3. Matters arising**",
    "",
    "None.",
  ].join("\n");
  const records = parseDocument({ ...txt(text), format: "md" });
  assert.equal(records.length, 1);
  assert.equal(records[0].date, "2012-09-11");
});

test("an agenda pack: the record is read from the minutes, not the agenda above them, and says so", async () => {
  const source = await readDocument(fileOf("boughton-2013-08-02.md"));
  const records = parseDocument(source);
  assert.equal(records.length, 1);
  const [r] = records;
  assert.equal(r.date, "2013-08-02");
  assert.equal(r.body, "Boughton Parish Council");
  // the agenda's items ("1. Minutes meeting 3rd May 2013", "3. Chairman's Report – F. Reid") are not the record's
  assert.ok(!r.items.some((i) => /Minutes meeting 3rd May|Chairman’s Report – F\. Reid/.test(i.title)), JSON.stringify(r.items.map((i) => i.title)));
  // the attendance is the minutes' (the agenda has none)
  assert.ok(r.attendance.some((a) => /Frank Reid/.test(a.name)), JSON.stringify(r.attendance));
  const minutesLine = source.lines.find((l) => l.text.startsWith("Date held:"))!.no;
  const warning = r.warnings.find((w) => /agenda pack/.test(w));
  assert.ok(warning, JSON.stringify(r.warnings));
  assert.match(warning!, new RegExp(`lines ${minutesLine}[–-]${source.lines.length}\\b`));
  // provenance is in lines of the whole document
  assert.equal(r.provenance.date.line, minutesLine);
});

test("an agenda front sheet followed by another meeting's minutes: the minutes are the record", async () => {
  // the real front sheet of Stoke Ferry's 8 April 2015 agenda, then the real minutes of its 8 February 2012 meeting
  const source = await readDocument(fileOf("stoke-ferry-pack.md"));
  const [r] = parseDocument(source);
  assert.equal(r.date, "2012-02-08");
  assert.equal(r.startTime, "19:30");
  assert.ok(r.attendance.some((a) => /Ryves/.test(a.name)), JSON.stringify(r.attendance));
  assert.ok(!r.items.some((i) => /Cemetery – review of works/.test(i.title)), JSON.stringify(r.items.map((i) => i.title)));
  assert.ok(r.warnings.some((w) => /agenda pack/.test(w)), JSON.stringify(r.warnings));
});

test("an agenda alone is refused in one line, not read as minutes", async () => {
  const source = await readDocument(fileOf("stoke-ferry-agenda-2015-04-08.md"));
  assert.throws(() => parseDocument(source), (err: Error) => /stoke-ferry-agenda-2015-04-08\.md: is an agenda, not minutes/.test(err.message) && !err.message.includes("\n"));
});

test("minutes that mention the agenda are still minutes", () => {
  // Stoke Ferry Parish Council, 11 January 2012
  const text = [
    "Minutes of Stoke Ferry Parish Council Meeting held in The Community Centre At 7.30pm on Wednesday 11 January 2012",
    "",
    "**Those Attending:** Cllr Mrs J Buckley-Stevens (Vice-Chair), Cllr Mrs D Clements, Cllr R Bivon, Mrs C Hardy (Clerk)",
    "",
    "**Apologies:** Cllr T Ryves",
    "",
    "Before the meeting commenced Cllr Nicholas-Letch asked if one item on the Agenda could be brought forward.",
    "",
    "AGENDA",
    "",
    "1. Police Matters",
    "",
    "There were no police present.",
  ].join("\n");
  const records = parseDocument({ ...txt(text), format: "md" });
  assert.equal(records.length, 1);
  assert.equal(records[0].date, "2012-01-11");
  assert.ok(!records[0].warnings.some((w) => /agenda/.test(w)));
});

function fileOf(name: string): string {
  return fixture(name).pathname;
}
