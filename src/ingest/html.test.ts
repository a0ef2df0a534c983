import { test } from "node:test";
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { readDocument } from "./read.ts";
import { htmlText } from "./html.ts";

const FIXTURE = fileURLToPath(new URL("../../test/fixtures/html/cabinet-2024-03-12.html", import.meta.url));

test("a ModernGov-style minutes page reads as its visible text, in order", async () => {
  const src = await readDocument(FIXTURE);
  assert.equal(src.format, "html");
  const text = src.lines.map((l) => l.text).filter((t) => t !== "");
  assert.deepEqual(text, [
    "Home > Committees",
    "Minutes of Cabinet",
    "Tuesday, 12th March, 2024 10.00 am",
    "Venue: Council Chamber, Civic Centre,",
    "Priory Road, Wealdbridge WB1 2AA",
    "Attendance",
    "Present: Councillors M Tett (Leader, in the Chair), A Macpherson (Deputy Leader), S Bowles, J Chilver and P Strachan",
    "Also in attendance: Councillor R Newcombe",
    "Apologies:",
    "- Councillor C Harriss",
    "- Councillor N Naylor",
    "Items",
    "5. Declarations of Interest",
    "There were no declarations of interest.",
    "6. Budget Monitoring – Quarter 3 2023/24",
    "Cabinet considered the report on the Council’s forecast outturn of £1.2m underspend.",
    "RESOLVED: That the forecast revenue outturn be NOTED & the capital programme re-profiling of £4.5m be APPROVED.",
    "Recommendations from the Select Committee",
    "No.\tRecommendation\tAgreed Yes/No\tAction by",
    "1\tReview the home-to-school transport policy. Report back by June.\tYes\tJune 2024",
    "2\tPublish a “you said, we did” summary\tPartially",
    "The meeting closed at 11.42 am.",
    "Signed:   ____________",
    "Chairman",
    "© Wealdshire District Council",
  ]);
  // Paragraphs stay apart, as in the Markdown reader, so a resolution never runs into the next block.
  const i = src.lines.findIndex((l) => l.text.startsWith("RESOLVED:"));
  assert.equal(src.lines[i + 1].text, "");
  assert.ok(!/dataLayer|injected|Print this page|<title>|Minutes of Cabinet, Tuesday/.test(src.text));
});

test("lists number as the browser would: start, value, type and reversed", () => {
  assert.equal(
    htmlText('<ol type="a"><li>one</li><li>two</li></ol><ol start="10" reversed><li>x</li><li>y</li></ol><ol><li value="7">s</li><li>t</li></ol><ol type="I" start="4"><li>r</li></ol>'),
    "a. one\nb. two\n\n10. x\n9. y\n\n7. s\n8. t\n\nIV. r",
  );
});

test("tables: th and td, colspan keeps later cells in their column, nested blocks stay on the row", () => {
  assert.equal(
    htmlText('<table><tr><th colspan="2">Item</th><th>Decision</th></tr><tr><td>7</td><td><div>Planning</div><ul><li>a</li></ul></td><td>Approved<br>(unanimous)</td></tr></table>'),
    "Item\t\tDecision\n7\tPlanning - a\tApproved (unanimous)",
  );
});

test("entities decode, whitespace collapses, pre keeps its line breaks, hidden and script content drop out", () => {
  assert.equal(
    htmlText('<p>Cllr&nbsp;A &amp; Cllr   B\n  &ndash; &#163;5 &#x2019;</p><p style="display:none">secret</p><script>var x = "<p>no</p>";</script><style>p { color: red }</style><pre>Item  1\n  Item 2</pre>'),
    "Cllr A & Cllr B – £5 ’\n\nItem  1\nItem 2",
  );
});

test("a page laid out in a table is read as blocks, while a data table inside it keeps its rows", () => {
  const html =
    '<table width="100%"><tr><td class="nav"><a href="/">Home</a></td><td>' +
    "<h1>Planning Committee</h1><p>Present: Cllr A, Cllr B</p><p>1. Apologies</p><p>None.</p>" +
    "<table><tr><th>Application</th><th>Decision</th></tr><tr><td>24/0012</td><td>Approved</td></tr></table>" +
    "<p>The meeting closed at 8pm.</p></td></tr></table>";
  assert.deepEqual(htmlText(html).split("\n").filter(Boolean), [
    "Home",
    "Planning Committee",
    "Present: Cllr A, Cllr B",
    "1. Apologies",
    "None.",
    "Application\tDecision",
    "24/0012\tApproved",
    "The meeting closed at 8pm.",
  ]);
});
