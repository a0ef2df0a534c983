import { test } from "node:test";
import assert from "node:assert/strict";
import { findItems } from "./find-items.ts";
import { contextOf } from "./test-support.ts";
import { LineReader, readCandidate } from "./headings.ts";

const items = (text: string) => {
  const ctx = contextOf(text);
  const found = findItems(ctx);
  return { ctx, found, list: found.map((i) => `${i.number.value} ${i.title.value}`) };
};

test("numbered headings in order, with capitals recased", () => {
  const { list } = items(
    ["Buckinghamshire County Council", "", "1 APOLOGIES FOR ABSENCE", "", "None.", "", "2 DECLARATIONS OF INTEREST", "", "There were none.", "", "3 MINUTES", "", "RESOLVED: agreed."].join("\n"),
  );
  assert.deepEqual(list, ["1 Apologies for Absence", "2 Declarations of Interest", "3 Minutes"]);
});

test("lines that look like headings but are not items", () => {
  const text = [
    "PART ONE",
    "",
    "28. Declarations of Interest",
    "12 December 2016",
    "There were none on this occasion.",
    "29. Minutes",
    "1. That the Council prepares a statement on anti-slavery.",
    "2. That Business Unit Plans should identify risk.",
    "- 3. Any further options are explored",
    "a) details of prosecutions be forwarded;",
    "Resolved 16/01/5.01 The minutes were adopted.",
    "£500 was paid to 23 Church Lane.",
    "1 will move at the next meeting that the road be resurfaced.",
    "30. Work Programme",
    "3",
  ].join("\n");
  assert.deepEqual(items(text).list, ["28 Declarations of Interest", "29 Minutes", "30 Work Programme"]);
});

test("sub-numbers are paragraphs when the items are whole numbers, and items hidden in a paragraph are split out", () => {
  const text = [
    "7. Planning. None.",
    "8. Parish Council Assets. 8.1 Quotations to cut hedge. CC advised.",
    "8.2 Application for hedging. The PC agreed.",
    "8.6 Locations for the sign. It was agreed to go ahead. 9. Review of PC Policies and documents. 9.1 Cemetery Regulations. Approved.",
    "9.3 Action Plan. It was agreed to adopt the plan. 10. Correspondence. 10.1 A letter had been received.",
    "11. Other Business. 11.1 PB asked for the Clerk to chase Highways.",
  ].join("\n");
  const { ctx, found, list } = items(text);
  assert.deepEqual(list, ["7 Planning", "8 Parish Council Assets", "9 Review of PC Policies and documents", "10 Correspondence", "11 Other Business"]);
  // spans point at the printed number in the original text, although the line was split
  for (const item of found) {
    assert.equal(ctx.source.text.slice(item.number.span.start, item.number.span.end), item.number.value);
    assert.equal(ctx.source.text.slice(item.title.span.start, item.title.span.end), item.title.value);
  }
  // the body starts on its own line, after the heading
  const ten = found[3];
  assert.match(ctx.lines[ten.bodyStart].text, /^10\.1 A letter/);
});

test("a title on the line after an 'Item N:' label, wrapped onto a second paragraph", () => {
  const text = [
    "Item 1:",
    "",
    "Adoption of Draft Minutes of Community Leisure & Emergency Services",
    "",
    "Strategic Policy Committee held on 2nd December, 2015",
    "",
    "Minutes of meeting were proposed by Cllr. Mitchell.",
    "",
    "Item 2:",
    "",
    "Matters arising",
    "",
    "None",
  ].join("\n");
  assert.deepEqual(items(text).list, [
    "1 Adoption of Draft Minutes of Community Leisure & Emergency Services Strategic Policy Committee held on 2nd December, 2015",
    "2 Matters arising",
  ]);
});

test("an unnumbered section after the last item ends it and is reported", () => {
  const { ctx, found } = items(["1. Apologies. None.", "2. Finance. Approved.", "Open Forum. It was agreed to write to NCC.", "Closure. Closed at 10pm."].join("\n"));
  assert.equal(found.length, 2);
  assert.equal(ctx.lines[found[1].end].text.startsWith("Open Forum"), true);
  assert.ok(ctx.warnings.some((w) => /Open Forum/.test(w)));
});

test("numbered resolutions: labelled parts and one item per resolution, numbered in order", () => {
  const text = [
    "Present: Mayor Tom Piper and Councillors Tom Butler.",
    "Staff: Clerk Kris Croskery-Hodgins.",
    "Disclosure of pecuniary interest: None.",
    "The Agenda was amended.",
    "Committee Reports:",
    "Councillor Stephen Kirkey: Library Board.",
    "R2024-070 S. Kirkey, T. Butler:",
    "That the minutes be adopted. Carried.",
    "Item #4 Consideration of a donation request.",
    "Deferred.",
    "R2024-071 D. Yemm, S. Foote:",
    "Time: 8:06 p.m. Carried.",
    "Mayor:",
    "Municipal Administrator:",
  ].join("\n");
  const { found, list, ctx } = items(text);
  assert.deepEqual(list, ["1 Disclosure of pecuniary interest", "2 Committee Reports", "3 R2024-070", "4 Consideration of a donation request", "5 R2024-071"]);
  assert.equal(found[0].number.span.implied, true);
  assert.equal(found[3].number.span.implied, undefined);
  assert.ok(ctx.warnings.some((w) => /Agenda was amended/.test(w)));
});

test("numbers printed apart from their headings are matched to the headings in order", () => {
  const text = [
    "Councillors present: Cllr. R. Crisp. Item 16/01/1",
    "16/01/2 i) ii)",
    "16/01/3",
    "Cllr. Crisp welcomed all. Public Forum: 2 members of public were present.",
    "Local Authority Reports: Norfolk County Council sent apologies.",
    "Borough Council Cllr. Peake advised that the LDF was pending.",
    "Accepted Apologies for absence: Cllr. Sue Leet. Absent: None.",
  ].join("\n");
  assert.deepEqual(items(text).list, ["16/01/1 Public Forum", "16/01/2 Local Authority Reports", "16/01/3 Accepted Apologies for absence"]);
});

test("unnumbered topic headings are numbered in order, marked implied", () => {
  const text = [
    "Minutes of Meeting of Kilmallock Area Committee",
    "",
    "Members Present",
    "",
    "Councillors Donegan and Ryan.",
    "",
    "The chairman welcomed the committee and opened proceedings.",
    "",
    "Report on policing in the Bruff Garda District",
    "",
    "The chairman welcomed Supt. Alan Cunningham of Bruff Garda Division.",
    "",
    "Update on Kilmallock Waste Water Treatment Plant",
    "",
    "B. Murphy informed the meeting that the new plant",
    "",
    "is now operational.",
  ].join("\n");
  const { found, list } = items(text);
  assert.deepEqual(list, ["1 Report on policing in the Bruff Garda District", "2 Update on Kilmallock Waste Water Treatment Plant"]);
  assert.equal(found[0].number.span.implied, true);
});

test("items taken out of agenda order keep their printed numbers", () => {
  const text = [
    "2.",
    "Deputation – County Limerick Youth Theatre",
    "The Members thanked Ms. Quinn.",
    "1.",
    "Adoption of Minutes",
    "With the permission of the Cathaoirleach, it was agreed to proceed to Item No. 4.",
    "4.",
    "Economic Development Directorate",
    "A presentation was given.",
    "3.",
    "Schedule of Works",
    "Adopted.",
    "5.",
    "Question submitted by Councillor W. O’Donnell",
  ].join("\n");
  assert.deepEqual(items(text).list.map((l) => l.split(" ")[0]), ["2", "1", "4", "3", "5"]);
});

test("a document converted onto one line is cut before the numbers that open items", () => {
  const filler = "The Parish Council discussed the matter at length and agreed to revisit it. ".repeat(12);
  const text =
    "Page 1 of 6 STOKE FERRY PARISH COUNCIL Present: Cllr Sue Lintern (From Items 128/20-145/20) Cllr Kit Hesketh " +
    "128/20 Openness and Transparency Notice The Chair read the notice. " + filler +
    "129/20 To Receive Declarations of Interest Cllr Trudy Mann declared an interest at item 134/20. " + filler +
    "130/20 To Approve the Minutes There were no amendments. " + filler;
  const { ctx, found, list } = items(text);
  assert.deepEqual(list, ["128/20 Openness and Transparency Notice", "129/20 To Receive Declarations of Interest", "130/20 To Approve the Minutes"]);
  for (const item of found) assert.equal(ctx.source.text.slice(item.number.span.start, item.number.span.end), item.number.value);
});

test("a heading in capitals followed by a numbered sub-heading on the same line", () => {
  const text = ["1. PUBLIC FORUM The new streetlamp was discussed.", "2. LOCAL AUTHORITY REPORTS i. Norfolk County Council Following the last meeting Cllr Storey spoke."].join("\n");
  assert.deepEqual(items(text).list, ["1 Public Forum", "2 Local Authority Reports"]);
});

test("labelled paragraphs are items, attendance labels are not", () => {
  const text = [
    "West Dereham Parish Council Minutes",
    "Present: E. Drew - Chairman, Mrs. Berry, M. Grief.",
    "Apologies: Miss Richardson",
    "Minutes: It was agreed that the minutes of the January meeting be signed as a correct record.",
    "Matters Arising: The Litter Bin has been collected.",
    "Planning: A.M. White - Excavation of gault clay - recommend approval.",
    "The meeting closed at 9.05p.m.",
  ].join("\n");
  const { ctx, found, list } = items(text);
  assert.deepEqual(list, ["1 Minutes", "2 Matters Arising", "3 Planning"]);
  assert.match(ctx.lines[found[0].bodyStart].text, /^It was agreed that the minutes/);
  assert.equal(found[0].number.span.implied, true);
});

test("rows of a payments table are not an agenda, even with cheque numbers in sequence", () => {
  const text = [
    "Payments approved:",
    "2039 Westcotec Street lighting maintenance July 16 19.10",
    "2040 CGM Group Grounds maintenance July 2016 301.92",
    "2041 Northwold Care Group Car scheme £120.00",
    "2042 CGM Group Tree survey 350.00",
  ].join("\n");
  assert.deepEqual(items(text).list, []);
});

test("flattened numbers listed in a column, headings on lines of their own with their sub-headings", () => {
  const text = [
    "Item",
    "15/01/1",
    "15/01/2",
    "i)",
    "ii)",
    "15/01/3",
    "Public Forum – LGA 1972, Section 100(1):",
    "One member of the Public was present.",
    "Local Authority Reports:",
    "Norfolk County Council",
    "No representative present and no apologies or report sent.",
    "Borough Council of Kings Lynn & West Norfolk",
    "Andrew Barlow from the Ambulance Service explained that there are many heart attacks per year.",
    "Accepted Apologies for absence:",
    "Cllr. Frank Eglington.",
  ].join("\n");
  assert.deepEqual(items(text).list, ["15/01/1 Public Forum – LGA 1972, Section 100(1)", "15/01/2 Local Authority Reports", "15/01/3 Accepted Apologies for absence"]);
});

test("a heading in capitals that wraps onto a second line in capitals", () => {
  const text = ["7 CABINET MEMBER DECISIONS", "", "RESOLVED: Cabinet NOTED the report.", "", "8 SELECT COMMITTEE WORK PROGRAMME & INQUIRY WORK", "PROGRAMME", "", "RESOLVED: Cabinet NOTED the report."].join("\n");
  assert.deepEqual(items(text).list, ["7 Cabinet Member Decisions", "8 Select Committee Work Programme & Inquiry Work Programme"]);
});

test("a title that ends mid-phrase continues on the next paragraph", () => {
  const text = ["1.", "", "Welcome", "", "The Cathaoirleach welcomed all.", "", "2.", "", "To elect a Cathaoirleach of the Municipal District to", "", "hold office until the next Annual Meeting.", "", "Councillor Ryan was elected."].join("\n");
  assert.deepEqual(items(text).list, ["1 Welcome", "2 To elect a Cathaoirleach of the Municipal District to hold office until the next Annual Meeting"]);
});

test("items taken early keep their place, but paragraph numbers far below the minute numbers are not items", () => {
  // Limerick SPC, 2 December 2015: items 4 and 5 taken first, then 1, 6, 2, 3, 7
  const early = ["4.", "Housing Report", "Noted.", "5.", "Library Services", "Noted.", "1.", "Adoption of Draft Minutes", "Adopted.", "6.", "Fire Services", "Noted.", "2.", "Matters Arising", "None.", "3.", "Correspondence", "None.", "7.", "Any Other Business", "None."].join("\n");
  assert.deepEqual(items(early).list.map((l) => l.split(" ")[0]), ["4", "5", "1", "6", "2", "3", "7"]);
  // a principal council's minute 79 with its numbered paragraphs
  const minutes = ["78.   Minutes", "(Item 4)", "", "RESOLVED that the minutes be signed.", "", "79.   Film Office", "(Item 7)", "", "1.  Ms Oakes introduced the report.", "", "2.  Members asked questions.", "", "3.  RESOLVED that the report be noted.", "", "80.   Property Disposal", "(Item 10)", "", "RESOLVED that the disposal be endorsed."].join("\n");
  assert.deepEqual(items(minutes).list.map((l) => l.split(" ")[0]), ["78", "79", "80"]);
});

// real agendas: City of Alameda Golf Commission (2005) and Transportation Commission (2016)
test("lettered sub-items under a numbered item are items, numbered as printed", () => {
  const golf = items(
    [
      "ALAMEDA GOLF COMMISSION",
      "1. CALL TO ORDER",
      "Chair Sandré Swanson called the meeting to order at 7:00 p.m.",
      "1-A. Roll Call",
      "Roll call was taken and members present were: Chair Sandré Swanson.",
      "1-B Approval of Minutes - Regular Meeting of February 16, 2005",
      "The minutes were approved.",
      "2. ORAL COMMUNICATIONS",
      "None.",
      "3. AGENDA ITEMS:",
      "3-A Approval of Management Practice for Golf Complex Volunteer Marshal Program",
      "The Commission approved the practice.",
      "3-C Discussion on Practice Area for the Golf Complex Driving Range.",
      "4. ORAL REPORTS",
      "None.",
    ].join("\n"),
  );
  assert.deepEqual(golf.list, [
    "1 Call to Order",
    "1-A Roll Call",
    "1-B Approval of Minutes - Regular Meeting of February 16, 2005",
    "2 Oral Communications",
    "3 Agenda Items",
    "3-A Approval of Management Practice for Golf Complex Volunteer Marshal Program",
    "3-C Discussion on Practice Area for the Golf Complex Driving Range",
    "4 Oral Reports",
  ]);
  const tc = items(["4. Consent Calendar", "4.A. Transportation Commission Minutes – Approve Meeting Minutes – January 27, 2016", "Approved.", "5. New Business", "5.A. Cross Alameda Trail Gap Closure", "Staff presented.", "6. Staff Communications", "None."].join("\n"));
  assert.deepEqual(tc.list.map((x) => x.split(" ")[0]), ["4", "4.A", "5", "5.A", "6"]);
});

// real text: City of Alameda Planning Board (2023) and Historical Advisory Board (2017), Legistar era
test("a Legistar file number after a lettered sub-item is neither its number nor its title", () => {
  const pb = items(
    [
      "   4. CONSENT CALENDAR",
      "      4-A 2023-3277 - Draft Meeting Minutes - May 22, 2023",
      "",
      "      Board Member Teague made a motion to approve the minutes from May 22, 2023.",
      "",
      "   5. REGULAR AGENDA ITEMS",
      "      5-A 2023-3281",
      "      Objective Design Review Standards. Public hearing to consider revisions to Objective",
      "      Design Review Standards (Objective Standards) applicable to Multi-Family/Mixed Use",
      "",
      "      5-B 2023-3282",
      "      PLN23-0210 - 1715 Lincoln Avenue - Rezoning for General Plan Conformance - Applicant:",
      "      Nick Portolese for Portman Enterprises, LLC. Public hearing to consider a",
      "      recommendation to the City Council to amend the Zoning Map.",
      "",
      "   6. STAFF COMMUNICATIONS",
      "      6-B 2023-3284",
      "      Oral Report - Future Public Meetings and Upcoming Planning, Building and Transportation",
      "      Department Projects",
      "",
      "      Acting Director Tai discussed that August the board would be in recess.",
      "   7. BOARD COMMUNICATIONS",
    ].join("\n"),
  );
  assert.deepEqual(pb.list, [
    "4 Consent Calendar",
    "4-A Draft Meeting Minutes - May 22, 2023",
    "5 Regular Agenda Items",
    "5-A Objective Design Review Standards",
    "5-B PLN23-0210 - 1715 Lincoln Avenue - Rezoning for General Plan Conformance - Applicant: Nick Portolese for Portman Enterprises, LLC",
    "6 Staff Communications",
    "6-B Oral Report - Future Public Meetings and Upcoming Planning, Building and Transportation Department Projects",
    "7 Board Communications",
  ]);
  const sb = pb.found.find((i) => i.number.value === "5-B")!;
  assert.equal(sb.title.span.line, sb.number.span.line + 1);
  assert.equal(sb.title.span.endLine, sb.title.span.line + 1);
});

// real text: Lincoln Square Special Service Area #21 Commission (Chicago), 29 January 2018, as the
// PDF reader gives it: symbol-font bullets as private-use glyphs, "o" for the second level
test("bare headings among top-level bullets, each with bullets of the next level under it, are the items", () => {
  const t = [
    "Commission Meeting Minutes",
    "",
    "Minutes from Monday, January 29, 2018 – 9:00am at Carbon Arc Bar & Board",
    "\uf0d8 Perfunctory Business",
    "o Commissioners Present: Anthony Qaiyum, Zach Maiorca, Melaina Prest, Chris Dallas,",
    "Ben Munro, Todd Feinberg",
    "\uf0d8 Meeting called to order at 9:08am – M. Prest (motion), C. Dallas (second)",
    "\uf0d8 Todd Feinberg welcomed to SSA Commission",
    "\uf0d8 2017/18 Financials approved – B. Munro (motion), C. Dallas (second)",
    "o In 2017, the SSA received $239,503 out of $242,994 in expected taxes",
    "\uf0d8 Updates",
    "o Holiday decorations were taken down and stored on schedule",
    "\uf0d8 New Business",
    "o APPROVED – 2018 Meetings Calendar",
    "\uf0a7 Increased funding for PaintWorks mural program, branded bike racks, Master",
    "\uf0d8 Announcements",
    "o Next meeting – 9:00am Thursday, February 15th at Bistro Campagne",
    "\uf0d8 Meeting adjourned at 11:25am",
  ].join("\n");
  const { list, found } = items(t);
  assert.deepEqual(list, ["1 Perfunctory Business", "2 Updates", "3 New Business", "4 Announcements"]);
  assert.equal(found[0].number.span.implied, true);
  assert.equal(found[3].end, 18);
});

test("paragraph numbers in brackets are the items; the consent asterisk is dropped (Alameda City Council)", () => {
  const text = [
    "AGENDA CHANGES",
    "",
    "(05-027) Councilmember Matarrese moved that the Public Hearing to",
    "consider an Appeal of J. Barni [paragraph no. 05-034] be moved to the Consent Calendar.",
    "",
    "Councilmember Daysog seconded the motion, which carried by the",
    "following voice vote: Ayes: Councilmembers Daysog, deHaan,",
    "Matarrese and Acting Mayor Gilmore - 4. [Absent: Mayor Johnson –",
    "1.]",
    "",
    "(05-028) Councilmember deHaan moved that discussion regarding",
    "options for relocation assistance legislation [paragraph no. 05-",
    "040] be heard first on the Regular Agenda.",
    "",
    "CONSENT CALENDAR",
    "",
    "(*05-032) Minutes of the Special Joint City Council Meeting of December 21, 2004. Approved.",
    "",
    "(*05-033) Ratified bills in the amount of $3,049,755.31.",
    "",
    "(*05-035) Public Hearing to consider Amendment to Zoning Map to",
    "rezone approximately 7,800 square feet (1/5 acre) at 1410 Everett",
    "Street; and",
    "",
    "(*05-035A) Introduction of Ordinance Amending the Zoning Map to",
    "Designate APN 070-170-15. Continued to February 1, 2005.",
  ].join("\n");
  assert.deepEqual(
    items(text).found.map((i) => i.number.value),
    ["05-027", "05-028", "05-032", "05-033", "05-035", "05-035A"],
  );
});

test("a numbered list inside an item that restarts at 1 is not the items, when the items go on after it (Alameda Recreation & Park)", () => {
  const text = [
    "5. WRITTEN COMMUNICATIONS",
    "",
    "None.",
    "",
    "6. NEW BUSINESS",
    "",
    "A. Discussion of Possible Projects for East Bay Regional Park District (EBRPD)",
    "Measure WW Funds – (Discussion)",
    "",
    "Possible project list with estimated costs is as follows:",
    "",
    "Highest Priority",
    "",
    "1. Resurfacing of Washington Park Basketball Courts\t$100,000",
    "2. Renovation of Littlejohn Park Recreation Center\t$250,000",
    "3. Renovation of Woodstock Park Recreation Center\t$500,000",
    "",
    "Additional Projects",
    "4. Replacement of Krusi Park Recreation Center\t$750,000",
    "5. Renovation of Godfrey Park Play Area\t$100,000",
    "6. Resurface Washington Park Tennis Courts\t$350,000",
    "7. Renovation of Field Lighting (Washington, Woodstock & Leydecker)\t$1,000,000",
    "8. AP Gym Renovations\t$750,000",
    "",
    "Commissioner Brown asked when the City can start applying for the WW Funds.",
    "",
    "7. UNFINISHED BUSINESS",
    "",
    "None.",
    "",
    "8. REPORTS FROM RECREATION COMMISSION AND RECREATION AND PARK",
    "DIRECTOR",
    "",
    "9. ORAL COMMUNICATIONS, GENERAL",
    "10. ITEMS FOR NEXT AGENDA",
    "11. SET DAY FOR NEXT MEETING\tThursday, January 8, 2009",
    "12. ADJOURNMENT",
  ].join("\n");
  assert.deepEqual(
    items(text).found.map((i) => `${i.number.value} ${i.title.value.split(" ")[0]}`),
    ["5 Written", "6 New", "7 Unfinished", "8 Reports", "9 Oral", "10 Items", "11 Set", "12 Adjournment"],
  );
});

test("month.year.sequence numbers make the agenda, and letterheads and payment rows are not items", () => {
  // Souldern Parish Council, 25 April 2024, as read from the PDF
  const text = [
    "MINUTES OF THE SOULDERN PARISH COUNCIL MEETING",
    "04(2).24.01 Apologies",
    "No apologies had been received",
    "",
    "04(2).24.02 Declarations of interest",
    "There were no declarations of interest",
    "Apr24.01 NO to ask Malcolm Sweetman to proceed with repairs to the stone\tNO\tMalcolm Sweetman",
    "Parish Clerk : Cathy Fleet",
    "04(2).24.9\tTrees by NBW",
    "It was resolved that the PC will respond to the letter received.",
    "04(2).24.10 Village upkeep",
    "04(2).24.11 Planning",
    "There were no new planning applications.",
    "04(2).24.12 Finance",
    "Invoices to be approved",
    "Payee\tDetail\tTotal £s\tVAT",
    "OALC\t2024 Subs\t168.00\t28.00",
    "Nigel Prickett\tApril 24 grass cut\t441.60\t73.60",
  ].join("\n");
  assert.deepEqual(items(text).list, [
    "04(2).24.01 Apologies",
    "04(2).24.02 Declarations of interest",
    "04(2).24.9 Trees by NBW",
    "04(2).24.10 Village upkeep",
    "04(2).24.11 Planning",
    "04(2).24.12 Finance",
  ]);
});

test("a wrapped heading's date line whose day carries OCR marks ('2\"? MARCH, 2016') is not an item heading", () => {
  // Municipal District of Newcastle West, March 2016, scanned (limerick)
  const ctx = contextOf(
    [
      "MINUTES OF PROCEEDINGS AT MEETING OF THE MUNICIPAL DISTRICT OF NEWCASTLE WEST",
      "HELD IN ARAS WILLIAM SMITH OBRIEN, NEWCASTLE WEST, CO. LIMERICK, ON WEDNESDAY,",
      '2"? MARCH, 2016, AT 10:00 A.M.',
      "PRESENT IN THE CHAIR: Councillor M. Collins, An Cathaoirleach.",
      "1.",
      "Adoption of Minutes",
    ].join("\n"),
  );
  const r = new LineReader(ctx.lines);
  assert.equal(readCandidate(r, 2), null);
  assert.notEqual(readCandidate(r, 4), null);
});
