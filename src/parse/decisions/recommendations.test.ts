import { test } from "node:test";
import assert from "node:assert/strict";
import { splitLines } from "../../domain/source.ts";
import { ParseContext } from "../context.ts";
import { actionDate, columnOf, memberName, parseRecommendations, responseOf } from "./recommendations.ts";
import { readRows } from "./table.ts";

const ctxOf = (text: string) => new ParseContext({ file: "t.txt", format: "txt", text, lines: splitLines(text), contentHash: "", byteLength: text.length });

test("header cells name their columns", () => {
  assert.equal(columnOf("Recommendation"), "text");
  assert.equal(columnOf("Agreed Yes/No"), "response");
  assert.equal(columnOf("BCC Cabinet / Partner Agency Response including proposed action"), "responseText");
  assert.equal(columnOf("Responsible Cabinet Member (for BCC recs)"), "member");
  assert.equal(columnOf("Responsible Officer"), "officer");
  assert.equal(columnOf("Action by date"), "actionBy");
});

test("responses, dates and member titles", () => {
  assert.equal(responseOf("Yes"), "yes");
  assert.equal(responseOf("Partially"), "partially");
  assert.equal(responseOf("No"), "no");
  assert.equal(responseOf(""), null);
  assert.equal(actionDate("April 2018"), "2018-04");
  assert.equal(actionDate("31st March 2019"), "2019-03-31");
  assert.equal(actionDate("31/03/2019"), "2019-03-31");
  assert.equal(actionDate("Ongoing"), null);
  assert.equal(memberName("Clir Noel Brown"), "Cllr Noel Brown");
  assert.equal(memberName("Cllr Lin Hazell"), "Cllr Lin Hazell");
  assert.equal(memberName("Clirical Team"), "Clirical Team");
});

test("rows wrapped over lines are put back together column by column", () => {
  const rows = readRows(
    [
      { index: 0, text: "8\tWe recommend that the pilot\tYes\tThe team will\tCllr A\tFaye\tOctober\t" },
      { index: 1, text: "\tbe evaluated.\t\twork with the PCC.\t\tBlunstone\t2018\t" },
    ],
    6,
    (c) => /yes|no|partially/i.test(c[1]),
  );
  assert.equal(rows.length, 1);
  assert.equal(rows[0].printed, "8");
  assert.deepEqual(rows[0].cells, ["We recommend that the pilot be evaluated.", "Yes", "The team will work with the PCC.", "Cllr A", "Faye Blunstone", "October 2018"]);
});

test("a response table with a stray number row and a misnumbered row", () => {
  const text = [
    "Recommendation\tAgreed Yes/No\tResponse\tResponsible Cabinet Member\tResponsible Officer\tAction by date",
    "That the Council publishes a statement.\tYes\tA statement will be drafted.\tClir Noel Brown\tFaye Blunstone\tApril 2018",
    "7\t\tThis is best practice.\t\t\t",
    "2. That plans identify risk.\tPartially\tThe template will change.\tCllr Lin Hazell\tClaire Hawkes\tOctober 2018",
    "9\tWe recommend single points of contact.\tNo\tNot this year.\tCllr Lin Hazell\tJulie Puddephatt\tJune 2018",
    "",
    "Next section",
  ].join("\n");
  const ctx = ctxOf(text);
  const recs = parseRecommendations(ctx, []).map((r) => r.value);
  assert.deepEqual(recs.map((r) => [r.number, r.response, r.responsibleMember, r.responsibleOfficer, r.actionBy]), [
    ["1", "yes", "Cllr Noel Brown", "Faye Blunstone", "2018-04"],
    ["2", "partially", "Cllr Lin Hazell", "Claire Hawkes", "2018-10"],
    ["3", "no", "Cllr Lin Hazell", "Julie Puddephatt", "2018-06"],
  ]);
  assert.equal(recs[0].responseText, "A statement will be drafted. This is best practice.");
  assert.equal(recs[1].text, "That plans identify risk.");
  assert.ok(ctx.warnings.some((w) => /printed as 9/.test(w)));
});

test("a short Recommendation / Agreed table merges with the full one by number", () => {
  const text = [
    "\tRecommendation\tAgreed Yes/No",
    "1.\tThat the Council acts.\tYes",
    "2.\tThat training is given. The strategy should:\tPartially",
    "•\tIdentify who should be trained.\t",
    "",
    "Recommendation\tAgreed Yes/No\tResponse\tResponsible Officer",
    "That the Council acts.\tYes\tIt will.\tA Person",
  ].join("\n");
  const recs = parseRecommendations(ctxOf(text), []).map((r) => r.value);
  assert.deepEqual(recs.map((r) => [r.number, r.response, r.responsibleOfficer]), [
    ["1", "yes", "A Person"],
    ["2", "partially", null],
  ]);
  assert.equal(recs[1].text, "That training is given. The strategy should: Identify who should be trained.");
});

test("a table in an exempt item never merges with a public one: each keeps its own rows and lines", () => {
  const text = [
    "1. Select Committee Inquiry", //
    "Recommendation\tAgreed Yes/No\tResponse",
    "That the Council acts.\tYes\tIt will.",
    "2. Confidential Matter",
    "Recommendation\tAgreed Yes/No\tResponse\tResponsible Officer\tAction by date",
    "That the depot settlement be renegotiated.\tYes\tTalks reopen.\tA Person\tMarch 2017",
  ].join("\n");
  const ctx = ctxOf(text);
  const item = (n: number, start: number, end: number) => ({
    number: ctx.located(String(n), start),
    title: ctx.located(ctx.lines[start].text, start),
    start,
    bodyStart: start + 1,
    end,
  });
  const items = [item(1, 0, 3), item(2, 3, 6)];
  const recs = parseRecommendations(ctx, items, [null, { paragraphs: null }]);
  assert.deepEqual(recs.map((r) => [r.value.number, r.value.text, r.value.responsibleOfficer, r.value.actionBy, r.span.line]), [
    ["1", "That the Council acts.", null, null, 3],
    ["1", "That the depot settlement be renegotiated.", "A Person", "2017-03", 6],
  ]);
  // without knowing which items are exempt the two tables are one (the full form fills the short one)
  assert.equal(parseRecommendations(ctx, items).length, 1);
});

test("no table, no recommendations", () => {
  assert.deepEqual(parseRecommendations(ctxOf("RESOLVED: Cabinet NOTED the report.\nRecommendation noted."), []), []);
});

test("a response table in layout text is read by the columns of its header", () => {
  const text = [
    "Some minutes text that runs across the page as prose and is not a table at all.",
    "",
    "     Recommendation                    Agreed     Response                      Responsible      Action by",
    "                                       Yes/No                                   Officer          date",
    "1.   That the Council prepares a       Yes        A statement will be           Faye Blunstone   April 2018",
    "     statement.                                   drafted.",
    "2.   That plans identify risk.         Partially  The template will change.     Claire Hawkes    October 2018",
    "",
    "This prose runs over the columns of the table above and so ends it for good measure, plainly.",
  ].join("\n");
  const recs = parseRecommendations(ctxOf(text), []).map((r) => r.value);
  assert.deepEqual(recs.map((r) => [r.number, r.text, r.response, r.responseText, r.responsibleOfficer, r.actionBy]), [
    ["1", "That the Council prepares a statement.", "yes", "A statement will be drafted.", "Faye Blunstone", "2018-04"],
    ["2", "That plans identify risk.", "partially", "The template will change.", "Claire Hawkes", "2018-10"],
  ]);
});

test("other spellings of the columns and the responses", () => {
  assert.equal(columnOf("Accepted Y/N"), "response");
  assert.equal(columnOf("Cabinet Member response"), "responseText");
  assert.equal(columnOf("Lead Officer"), "officer");
  assert.equal(columnOf("Portfolio Holder"), "member");
  assert.equal(columnOf("Implementation date"), "actionBy");
  assert.equal(columnOf("Timescale"), "actionBy");
  assert.equal(responseOf("Y"), "yes");
  assert.equal(responseOf("N"), "no");
  assert.equal(responseOf("Accepted in principle"), "partially");
  assert.equal(responseOf("Noted"), null);
});
