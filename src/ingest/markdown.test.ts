import { test } from "node:test";
import assert from "node:assert/strict";
import { markdownText } from "./markdown.ts";

test("a pasted HTML table inside Markdown becomes one line per row, even when spread over lines", () => {
  const md = [
    "**WEREHAM PARISH COUNCIL**",
    "",
    '<table width="604"><tbody><tr><td><b>&nbsp;</b></td><td>&nbsp;</td><td><p align="center"><b>Action</b></p></td></tr>',
    "<tr><td><b>1.0</b></td><td><b>Welcome and Introductions</b></td><td></td></tr>",
    "<tr><td>5.2</td><td>KN confirmed that the Garden of Remembrance record is in progress.</td><td>KN</td></tr></tbody></table>",
    "",
    "Meeting closed at 9.15pm",
  ].join("\n");
  assert.deepEqual(markdownText(md).split("\n"), [
    "WEREHAM PARISH COUNCIL",
    "",
    "\t\tAction",
    "1.0\tWelcome and Introductions",
    "5.2\tKN confirmed that the Garden of Remembrance record is in progress.\tKN",
    "",
    "Meeting closed at 9.15pm",
  ]);
});

test("inline tags and entities resolve as a renderer shows them; other angle brackets stay", () => {
  const md = [
    "*<small>Scanned page, text may contain errors. See original file for clarity</small>*  ",
    "Held on the 11<sup>th</sup> March&nbsp;2014 &ndash; <strong>Cllr O&#8217;Brien</strong> &amp; Cllr Ryan",
    "Present:<br>Cllr A<br/>Cllr B",
    "Grants < £500 need no tender; see <https://example.org/policy>. &unknown; stays.",
    "   ",
  ].join("\n");
  assert.deepEqual(markdownText(md).split("\n"), [
    "Scanned page, text may contain errors. See original file for clarity  ",
    "Held on the 11th March 2014 – Cllr O’Brien & Cllr Ryan",
    "Present:",
    "Cllr A",
    "Cllr B",
    "Grants < £500 need no tender; see <https://example.org/policy>. &unknown; stays.",
    "",
  ]);
});

test("plain Markdown keeps one output line per input line", () => {
  const md = "---\nlayout: post\n---\n# Minutes\n\n> **Present:** [Cllr A](http://x), _Cllr B_\n\n***\n1\\. Apologies\n";
  assert.deepEqual(markdownText(md).split("\n"), ["", "", "", "Minutes", "", "Present: Cllr A, Cllr B", "", "", "1. Apologies", ""]);
});

test("front matter keeps only its title, on the title's own line", () => {
  const md = '---\ntitle: "PARISH COUNCIL  Minutes of the meeting held on 5th June 2019"\ndate: "2019-08-26"\ncategories:\n  - "parish"\n---\nPresent: Cllr A\n';
  assert.deepEqual(markdownText(md).split("\n"), ["", "PARISH COUNCIL Minutes of the meeting held on 5th June 2019", "", "", "", "", "Present: Cllr A", ""]);
  assert.equal(markdownText("---\ntitle: 'Clerk''s report'\n---\n").split("\n")[1], "Clerk's report");
});

test("a title holding a Unicode line separator is kept whole, on one line", () => {
  // West Dereham Parish Council, April 2019 (norfolk-parishes): the title is the only place the date is written
  const md = '---\ntitle: "MINUTES OF THE WEST DEREHAM PARISH COUNCIL MEETING HELD AT WEST DEREHAM VILLAGE HALL AT 7.30 pm\u2028 ON THURSDAY 04 APRIL 2019"\ndate: "2019-08-26"\n---\n\nPRESENT (Six Councillors):- Pam Bullas (PB)\n';
  const lines = markdownText(md).split("\n");
  assert.equal(lines[1], "MINUTES OF THE WEST DEREHAM PARISH COUNCIL MEETING HELD AT WEST DEREHAM VILLAGE HALL AT 7.30 pm ON THURSDAY 04 APRIL 2019");
  assert.equal(lines.length, md.split("\n").length);
});
