import { test } from "node:test";
import assert from "node:assert/strict";
import { splitLines, type SourceText } from "../../domain/source.ts";
import { ParseContext, type ItemBlock } from "../context.ts";
import { parseAttendance, peopleIn } from "./attendance.ts";

const ctxOf = (text: string) => {
  const source: SourceText = { file: "doc.txt", format: "txt", text, lines: splitLines(text), contentHash: "", byteLength: text.length };
  return new ParseContext(source);
};

/** An item heading on line `start` whose number is at the start of the line. */
const item = (ctx: ParseContext, start: number, end: number, number: string, title: string): ItemBlock => ({
  number: ctx.located(number, start, 0, number.length),
  title: ctx.located(title, start),
  start,
  bodyStart: start + 1,
  end,
});

const table = (text: string, items: (ctx: ParseContext) => ItemBlock[] = () => []) => {
  const ctx = ctxOf(text);
  return parseAttendance(ctx, ctx.lines.length, items(ctx)).map((a) => {
    const { name, status, kind, role, substituteFor } = a.value;
    return [name, status, kind, role, substituteFor].filter((x) => x !== null).join(" | ");
  });
};

test("labelled blocks: chair, members, other members, officers, apologies with a substitute", () => {
  const text = [
    "MEMBERS PRESENT",
    "",
    "Mr M Tett (in the Chair).",
    "",
    "Mr M Appleyard, Lin Hazell, Mr M Shaw and Mrs J Teesdale",
    "",
    "OTHER MEMBERS IN ATTENDANCE",
    "",
    "Mr S Lambert",
    "",
    "OFFICERS IN ATTENDANCE",
    "",
    "Ms R Bennett and Mr R Ambrose",
    "",
    "1 APOLOGIES FOR ABSENCE",
    "",
    "Apologies were received from Mr W Whyte, with Mrs J Teesdale, Deputy Cabinet Member attended as a substitute.",
    "",
    "2 DECLARATIONS OF INTEREST",
  ].join("\n");
  const rows = table(text, (ctx) => [item(ctx, 14, 19, "1", "APOLOGIES FOR ABSENCE"), item(ctx, 18, 19, "2", "DECLARATIONS OF INTEREST")]);
  assert.deepEqual(rows, [
    "Mr M Tett | present | member | Chair",
    "Mr M Appleyard | present | member",
    "Lin Hazell | present | member",
    "Mr M Shaw | present | member",
    "Mrs J Teesdale | present | member | Mr W Whyte",
    "Mr S Lambert | in_attendance | member",
    "Ms R Bennett | present | officer",
    "Mr R Ambrose | present | officer",
    "Mr W Whyte | apologies | member",
  ]);
});

test("a run-on parish list with roles and outside guests", () => {
  const text =
    "Attendance: Cllr Sue Lintern (Chair) Cllr Jim McNeill (Vice-Chair) Cllr Daphne Clements Cllr Grant Tomkins Helen Richardson Parish Clerk and Financial Responsible Person\n\n" +
    "Also, in attendance: Cllr Martin Storey Norfolk County Councillor Mr Chris Philpott Footpath Warden\n\nMembers of the Public: 22\n\n182/18 Apologies There were apologies accepted from Cllr Trudy Mann.";
  assert.deepEqual(table(text), [
    "Cllr Sue Lintern | present | member | Chair",
    "Cllr Jim McNeill | present | member | Vice-Chair",
    "Cllr Daphne Clements | present | member",
    "Cllr Grant Tomkins | present | member",
    "Helen Richardson | present | officer | Parish Clerk and Financial Responsible Person",
    "Cllr Martin Storey | in_attendance | other | Norfolk County Councillor",
    "Mr Chris Philpott | in_attendance | other | Footpath Warden",
    "Cllr Trudy Mann | apologies | member",
  ]);
});

test("plural honorifics, 'Role (Mr. Name)' officials and OCR 'IN HAIR'", () => {
  const text =
    "IN HAIR:\nCouncillor Michael Donegan, An Cathaoirleach.\nMEMBERS PRESENT:\nCouncillors Carey, Egan, E. Ryan and Teefy.\nOFFICIALS IN ATTENDANCE:\n" +
    "Director, Support Services-Finance, HR & ICT (Mr. S. Coughlan), Senior\nExecutive Engineer, Cappamore-\n\nKilmallock (Mr. B. Kidney), Clerical Officers (Messrs. S. O’Dwyer and D. Ryan).\n\n1. Adoption of Minutes";
  assert.deepEqual(table(text), [
    "Councillor Michael Donegan | present | member | An Cathaoirleach",
    "Councillor Carey | present | member",
    "Councillor Egan | present | member",
    "Councillor E. Ryan | present | member",
    "Councillor Teefy | present | member",
    "Mr. S. Coughlan | present | officer | Director, Support Services-Finance, HR & ICT",
    "Mr. B. Kidney | present | officer | Senior Executive Engineer, Cappamore-Kilmallock",
    "Mr. S. O’Dwyer | present | officer | Clerical Officers",
    "Mr. D. Ryan | present | officer | Clerical Officers",
  ]);
});

test("role before name, guests with an organisation, and tab columns", () => {
  assert.deepEqual(
    table("Present: Mayor Tom Piper and Councillors Tom Butler and Dave\nYemm.\nStaff: Office Assistant-Intern Kim Turnbull; Operations\nSuperintendent Dan MacInnis.\nGuests: Oscar Poloni, KPMG.\nDisclosure of pecuniary interest: None."),
    [
      "Mayor Tom Piper | present | member | Mayor",
      "Councillor Tom Butler | present | member",
      "Councillor Dave Yemm | present | member",
      "Kim Turnbull | present | officer | Office Assistant-Intern",
      "Dan MacInnis | present | officer | Operations Superintendent",
      "Oscar Poloni | in_attendance | other | KPMG",
    ],
  );
  assert.deepEqual(
    table("Present: John Francis (Chairman)\n\nAttendance\n\nMaureen Compton\tRobert Marshall\nBob Fraser\tDavid Williams (Vice-Chairman)\n\nApologies: Gill Heath and Alan White\n\nPART ONE"),
    [
      "John Francis | present | member | Chairman",
      "Maureen Compton | present | member",
      "Robert Marshall | present | member",
      "Bob Fraser | present | member",
      "David Williams | present | member | Vice-Chairman",
      "Gill Heath | apologies | member",
      "Alan White | apologies | member",
    ],
  );
});

test("initials and dashes in a one-line parish header; reasons are dropped from apologies", () => {
  const text =
    "MINUTES OF THE PARISH COUNCIL MEETING HELD ON 6 OCTOBER 2016 PRESENT (5 Councillors): - Pam Bullas (PB), Claire Cann (CC) - Chair, Pam Walker (PW) Claire Williams (CW). Clerk: Sarah Thorpe 9 members of the public were in attendance. The Chairman welcomed everyone present and opened the meeting.\n\n" +
    "1. Apologies for absence. Apologies had been received from Paula Kellingray (PK) due to her being away, and Tom Foy (TF) due to work commitments.";
  assert.deepEqual(table(text), [
    "Pam Bullas | present | member",
    "Claire Cann | present | member | Chair",
    "Pam Walker | present | member",
    "Claire Williams | present | member",
    "Sarah Thorpe | present | officer | Clerk",
    "Paula Kellingray | apologies | member",
    "Tom Foy | apologies | member",
  ]);
});

test("attendance stated in sentences", () => {
  const text =
    "Present: Cllr A. Smith\n\n2. Reports\nNorfolk County Council Cllr. Martin Storey sent his apologies. No report sent.\n\nCiara Brolly and Shane Kinsella from the Share a Dream Foundation were in attendance at the meeting.";
  assert.deepEqual(table(text), [
    "Cllr A. Smith | present | member",
    "Cllr. Martin Storey | apologies | other | Norfolk County Council",
    "Ciara Brolly | in_attendance | other | Share a Dream Foundation",
    "Shane Kinsella | in_attendance | other | Share a Dream Foundation",
  ]);
});

test("lines that are not attendance stay out", () => {
  assert.deepEqual(table("1. Apologies\nApologies were accepted.\n\n2. Minutes\nThe minutes were agreed."), []);
  assert.deepEqual(table("Members of the Public: 22\n\n9 members of the public were in attendance."), []);
  assert.deepEqual(table("The Chairman welcomed everyone present and opened the meeting. Cllr Smith reported on the roads."), []);
  assert.deepEqual(table("3. Matters arising\nThe Clerk advised that the Officers present had no update. Councillor Jones asked about the bins."), []);
  assert.deepEqual(table("Apologies: None\n\nAbsent: None."), []);
  assert.deepEqual(peopleIn("ADOPTION OF MINUTES"), []);
});

test("double titles, the public after 'and', pronouns and labelled paragraphs", () => {
  assert.deepEqual(table("Those Attending:\nCllr R Bivon (Chair) Cllr T Ryves , Cllr Mrs J Buckley-Stevens, Mrs C Hardy (Clerk), 5 Members of the Public\n Apologies: Borough Councillor C Sampson\n Minutes: Proposed acceptance of the minutes seconded by Cllr Mrs Clements"), [
    "Cllr R Bivon | present | member | Chair",
    "Cllr T Ryves | present | member",
    "Cllr Mrs J Buckley-Stevens | present | member",
    "Mrs C Hardy | present | officer | Clerk",
    "Councillor C Sampson | apologies | other | Borough Councillor",
  ]);
  assert.deepEqual(table("1. Present: G. Gott - Vice-chairman, P. Markwell, C. Humphries and a member of the public.\n2. Apologies: They were noted."), [
    "G. Gott | present | member | Vice-chairman",
    "P. Markwell | present | member",
    "C. Humphries | present | member",
  ]);
});

test("semicolon lists keep 'and' inside roles", () => {
  assert.deepEqual(
    table("Regrets: Mayor Dave Yemm\nStaff: Fire Chief-MLEO-CEMC Will Bateman; Land Planning\nand Technology Administrator John-Paul Negrinotti; and Municipal Administrator-Clerk-Treasurer\nKris Croskery-Hodgins.\n\nDisclosure of pecuniary interest: None."),
    [
      "Mayor Dave Yemm | apologies | member | Mayor",
      "Will Bateman | present | officer | Fire Chief-MLEO-CEMC",
      "John-Paul Negrinotti | present | officer | Land Planning and Technology Administrator",
      "Kris Croskery-Hodgins | present | officer | Municipal Administrator-Clerk-Treasurer",
    ],
  );
});

test("apologies in the forms parish minutes use", () => {
  assert.deepEqual(table("5. Apologies for Absence Apologies were accepted for Cllr Sue Lintern, Cllr Donna Stocking and Cllr Mandy Leamon (all personal reasons)."), [
    "Cllr Sue Lintern | apologies | member",
    "Cllr Donna Stocking | apologies | member",
    "Cllr Mandy Leamon | apologies | member",
  ]);
  assert.deepEqual(table("170/18 Apologies and Welcome There were apologies received and accepted for absence from Cllr Kit Hesketh-Harvey (health reasons)."), [
    "Cllr Kit Hesketh-Harvey | apologies | member",
  ]);
  assert.deepEqual(table("2. Apologies have already been accepted for Cllr Tom Foy during his deployment."), ["Cllr Tom Foy | apologies | member"]);
  assert.deepEqual(table("2. Apologies No apologies\n3. Apologies for Absence.\n4. Minutes"), []);
});

test("an apology for his or her inability to attend", () => {
  assert.deepEqual(table("MEMBERS PRESENT:\nCouncillors Browne and Scanlan.\nAn apology for her inability to attend the Meeting was received from Councillor Hurley.\nOFFICIALS IN ATTENDANCE:"), [
    "Councillor Browne | present | member",
    "Councillor Scanlan | present | member",
    "Councillor Hurley | apologies | member",
  ]);
});

test("a plural title carries through a list; lone words are not people", () => {
  assert.deepEqual(table("MEMBERS PRESENT:\nCouncillors Butler, Cmhlr. Ó Ceallaigh, O’Dea and Teskey.\nOFFICIALS PRESENT: Vincent Murray, Cecilia Larkin; Rory Corbett, Trade & Investment; Mike Cantwell, LEO;\n\n1. Minutes"), [
    "Councillor Butler | present | member",
    "Cmhlr. Ó Ceallaigh | present | member",
    "Councillor O’Dea | present | member",
    "Councillor Teskey | present | member",
    "Vincent Murray | present | officer",
    "Cecilia Larkin | present | officer",
    "Rory Corbett | present | officer | Trade & Investment",
    "Mike Cantwell | present | officer | LEO",
  ]);
});

test("a role before the first name; the chair listed under 'In Attendance'", () => {
  assert.deepEqual(table("In Attendance: An Cathaoirleach, Cllr. Stephen Keary\nSPC Members Present: Cllr. Michael Murphy"), [
    "Cllr. Stephen Keary | present | member | An Cathaoirleach",
    "Cllr. Michael Murphy | present | member",
  ]);
});

test("a list that yields no names is recorded as a warning", () => {
  const ctx = ctxOf("Present: Various Residents Group Members\n\n1. Minutes");
  assert.deepEqual(parseAttendance(ctx, ctx.lines.length, []), []);
  assert.equal(ctx.warnings.length, 1);
  assert.match(ctx.warnings[0], /Various Residents/);
});

test("'apology for his extended absence' is not a list", () => {
  const ctx = ctxOf("Present: Cllr A Smith\n\n5. Vacancy\nThe matter of an apology for his extended absence will be an agenda item.");
  assert.deepEqual(parseAttendance(ctx, ctx.lines.length, []).map((a) => a.value.name), ["Cllr A Smith"]);
  assert.deepEqual(ctx.warnings, []);
});

test("a bracket closes an entry even without a comma; 'PUBLIC: 4' ends the list", () => {
  assert.deepEqual(table("PRESENT: Lorraine Hunt (Chair), Stuart Glover (Councillors) Peter King, Linda Arthur (Clerk) Andy Challen (Chair Village Hall Management Committee) PUBLIC: 4 ----"), [
    "Lorraine Hunt | present | member | Chair",
    "Stuart Glover | present | member",
    "Peter King | present | member",
    "Linda Arthur | present | officer | Clerk",
    "Andy Challen | present | member | Chair Village Hall Management Committee",
  ]);
});

test("roles printed before the names in a run-on list; a title inside a phrase starts the name", () => {
  assert.deepEqual(table("Attendance: Vice Chairman Mrs J Taylor Councillors Mrs D Clements Ms S Cordner Borough Cllr C T Sampson Parish Clerk Mrs J M Markwell\nFootpath Warden Mr C Philpott\nMembers of the public 6"), [
    "Mrs J Taylor | present | member | Vice Chairman",
    "Mrs D Clements | present | member",
    "Ms S Cordner | present | member",
    "Cllr C T Sampson | in_attendance | other | Borough Cllr",
    "Mrs J M Markwell | present | officer | Parish Clerk",
    "Mr C Philpott | in_attendance | other | Footpath Warden",
  ]);
  assert.deepEqual(table("2. Apologies\nThe Chairman Cllr S Lintern had given her apologies for this meeting."), ["Cllr S Lintern | apologies | member | Chairman"]);
});

test("single words and job titles in 'were in attendance' sentences are not people", () => {
  assert.deepEqual(table("4. Housing\nThe Director and Partners were in attendance for this item."), []);
});

test("a councillor and an officer who share a surname are two people", () => {
  const rows = table(
    [
      "MEMBERS PRESENT:",
      "Councillors Browne, Butler, Daly and Galvin.",
      "",
      "OFFICIALS IN ATTENDANCE:",
      "Deputy Chief Executive and Director, Economic Development (Mr. P. Daly), Meetings Administrator (Mr. C. O’Connor).",
    ].join("\n"),
  );
  const dalys = rows.filter((r) => /Daly/.test(r));
  assert.equal(dalys.length, 2, rows.join("\n"));
  assert.ok(dalys.some((r) => /^Councillor Daly \| present \| member/.test(r)), rows.join("\n"));
  assert.ok(dalys.some((r) => /^Mr\. P\. Daly \| present \| officer/.test(r)), rows.join("\n"));
});

test("a bracket after a name closes its entry in a run-on list, so the surname stays and the next person is kept", () => {
  // Stoke Ferry Parish Council, November 2018 and March 2019
  const names = (s: string) => peopleIn(s).map((p) => [p.name, p.role]);
  assert.deepEqual(
    names("Cllr Jim McNeill (Vice-Chair) Cllr Daphne Clements Cllr Mandy Leamon Cllr Trudy Mann Cllr Kit Hesketh-Harvey Cllr Gail Reeve (Vacancy – 1) Helen Richardson (Parish Clerk and Financial Responsible Person)"),
    [
      ["Cllr Jim McNeill", "Vice-Chair"],
      ["Cllr Daphne Clements", null],
      ["Cllr Mandy Leamon", null],
      ["Cllr Trudy Mann", null],
      ["Cllr Kit Hesketh-Harvey", null],
      ["Cllr Gail Reeve", "Vacancy – 1"],
      ["Helen Richardson", "Parish Clerk and Financial Responsible Person"],
    ],
  );
  assert.deepEqual(
    names("Cllr Jim McNeill (Vice-Chair) Cllr Daphne Clements Cllr Kit Hesketh-Harvey Cllr Mandy Leamon Cllr Trudy Mann Cllr Gail Reeve Cllr Donna Stocking (From minute number 47/19) (Vacancy – 1) Helen Richardson (Parish Clerk and Financial Responsible Person)").slice(-2),
    [
      ["Cllr Donna Stocking", "From minute number 47/19"],
      ["Helen Richardson", "Parish Clerk and Financial Responsible Person"],
    ],
  );
});

test("honours after a name are not taken for a role (nor kept in the name, as elsewhere)", () => {
  // the PRESENT list of a county council, as issue 12 gives its shape (invented names)
  const people = peopleIn("Mrs C Abel, Ms H R S Hurst, MBE, Mrs H H Irwin, OBE, Ms P Jarrow, Mr K Keel, OBE, Ms T P T Lomas, MBE");
  assert.deepEqual(
    people.map((p) => [p.name, p.role]),
    [
      ["Mrs C Abel", null],
      ["Ms H R S Hurst", null],
      ["Mrs H H Irwin", null],
      ["Ms P Jarrow", null],
      ["Mr K Keel", null],
      ["Ms T P T Lomas", null],
    ],
  );
  // a run-on list with no commas between names (columns joined into one line)
  assert.deepEqual(
    peopleIn("Ms S Finch Mr P Gale Mr S Hurst, MBE").map((p) => [p.name, p.role]),
    [
      ["Ms S Finch", null],
      ["Mr P Gale", null],
      ["Mr S Hurst", null],
    ],
  );
});

test("'ALSO PRESENT (VIRTUALLY)' is the same block as 'ALSO PRESENT'", () => {
  assert.deepEqual(table("PRESENT: Mr T Carrow (Chairman), Mr M Abel\n\nALSO PRESENT (VIRTUALLY): Mr R Irwin\n\n1. Apologies\nNone."), [
    "Mr T Carrow | present | member | Chairman",
    "Mr M Abel | present | member",
    "Mr R Irwin | in_attendance | member",
  ]);
});

// US and Canadian roll calls (real text: City of Alameda boards and commissions, Los Rios CCD)
test("a roll call distributes its plural seat over the names and drops the count", () => {
  assert.deepEqual(
    table(
      "Acting Mayor Gilmore convened the Regular Meeting at 7:45 p.m.\n\nRoll Call -            Present:   Councilmembers Daysog, deHaan, Gilmore,\n                                  Matarrese, and Mayor Johnson – 5.\n\n                       Absent:    None.\n\nAGENDA CHANGES\n",
    ),
    ["Councilmember Daysog | present | member", "Councilmember deHaan | present | member", "Councilmember Gilmore | present | member", "Councilmember Matarrese | present | member", "Mayor Johnson | present | member | Mayor"],
  );
  assert.deepEqual(
    table("3. ROLL CALL:         Present: President Ezzy Ashcraft, Vice-President Autorino, Board\n                               members Ibsen, Kohlstrand, and Zuppan.\n4. MINUTES:\n").map((r) => r.split(" | ")[0]),
    ["President Ezzy Ashcraft", "Vice-President Autorino", "Board Member Ibsen", "Board Member Kohlstrand", "Board Member Zuppan"],
  );
});

test("seats printed before names: Chair, Commissioners, Board Members; a label with no colon", () => {
  assert.deepEqual(
    table("PRESENT        Chair Lord-Hausman, Vice-Chair Moore, Commissioners Berger, Fort, Kirola and\n               Krongold.\nABSENT         Commissioner Longley-Cook.\nMINUTES\n").map((r) => r.split(" | ").slice(0, 2).join(" | ")),
    ["Chair Lord-Hausman | present", "Vice-Chair Moore | present", "Commissioner Berger | present", "Commissioner Fort | present", "Commissioner Kirola | present", "Commissioner Krongold | present", "Commissioner Longley-Cook | absent"],
  );
  // a role before a titled name stays a role
  assert.deepEqual(table("Present: Chairman Cllr P Norris, Vice chair Cllr G Koopowitz, Cllr D Deighton.\n").slice(0, 2), ["Cllr P Norris | present | member | Chairman", "Cllr G Koopowitz | present | member | Vice chair"]);
});

test("a roll of bare surnames, 'Absent/Excused', and 'ROLL CALL: Members …'", () => {
  assert.deepEqual(table("Present: Berger, Chadow, Chair Cooney, Fort, Gwynne\nAbsent/Excused: McCoy, Steffens, Bunker\nGuests: Michele Bevel\n").map((r) => r.split(" | ").slice(0, 2).join(" | ")), [
    "Berger | present",
    "Chadow | present",
    "Chair Cooney | present",
    "Fort | present",
    "Gwynne | present",
    "McCoy | absent",
    "Steffens | absent",
    "Bunker | absent",
    "Michele Bevel | in_attendance",
  ]);
  assert.deepEqual(
    table("2.   ROLL CALL: Members Michael Rich, Michael Robles-Wong, William J. Smith, and Executive\n     Secretary Karen Willis.\n     ABSENT: Member Roberto Rocha.\n     STAFF PRESENT: Terri Highsmith, Assistant City Attorney, Donna Mooney, Deputy City Attorney and\n     Marsha Merrick, Executive Assistant, Human Resources.\n"),
    [
      "Member Michael Rich | present | member",
      "Member Michael Robles-Wong | present | member",
      "Member William J. Smith | present | member",
      "Karen Willis | present | officer | Executive Secretary",
      "Roberto Rocha | absent | member | Member",
      "Terri Highsmith | present | officer | Assistant City Attorney",
      "Donna Mooney | present | officer | Deputy City Attorney",
      "Marsha Merrick | present | officer | Executive Assistant, Human Resources",
    ],
  );
});

test("one trustee per line with the office after a comma", () => {
  assert.deepEqual(
    table("1. CALL TO ORDER\n\nPresent:\n   Ms. Deborah Ortiz, Vice President\n   Mr. John Knight\n\n   Ms. Isabella-Marie Engel, Student Trustee\n\n   Dr. Brian King, Chancellor\n\nAbsent:\n   Mr. Dustin Johnson, President\n\n2. ORAL COMMUNICATIONS\n").map((r) => r.split(" | ").filter((_, i) => i !== 2).join(" | ")),
    ["Ms. Deborah Ortiz | present | Vice President", "Mr. John Knight | present", "Ms. Isabella-Marie Engel | present | Student Trustee", "Dr. Brian King | present | Chancellor", "Mr. Dustin Johnson | absent | President"],
  );
});

test("a heading in capitals with a comma, after a blank line, ends a list of one person per line; 'Present were'", () => {
  assert.deepEqual(
    table("ROLL CALL:\tPresent:\tCatherine Atkin, President\nNancy Lewis, Vice President\n\nStaff:\tJane Chisaki, Library Director\nChristina Baines, Recording Secretary\n\nORAL COMMUNICATIONS, AGENDA (Public Comment)\n\nNone.\n").map((r) => r.split(" | ")[0]),
    ["Catherine Atkin", "Nancy Lewis", "Jane Chisaki", "Christina Baines"],
  );
  assert.deepEqual(table("1. CALL TO ORDER AND ROLL CALL\n      The meeting was called to order at 6:45 p.m.\n      Present were:        Members Sullivan-Cheah, Johnson, and Chiu\n").map((r) => r.split(" | ")[0]), [
    "Member Sullivan-Cheah",
    "Member Johnson",
    "Member Chiu",
  ]);
});

test("one person per line, one office printed without its comma", () => {
  // City of Alameda Library Board, 2020
  assert.deepEqual(
    table("ROLL CALL\tPresent:\tCynthia Silva, President\nDorothy Wismar, Vice President\nAmber Bales, Board Member\nJoyce McConeghey Board Member\nAbsent:\tNone\n").map((r) => r.split(" | ")[0]),
    ["Cynthia Silva", "Dorothy Wismar", "Amber Bales", "Joyce McConeghey"],
  );
});

test("a label in capitals closed by a full stop or a comma instead of a colon ('PRESENT. Chairman, …', 'APOLOGIES, …')", () => {
  // Stoke Ferry Parish Council, November 2001 and January 2002 (norfolk-parishes)
  const rows = table(
    [
      "Minutes of the meeting held at 7:30om in the school",
      "",
      "PRESENT. Chairman, V.Chairman & Messrs Patterson, Bonnett, Ward, & Jagger plus five members of the public and Mr. T.Manley Borough Councillor.",
      "",
      "APOLOGIES, Mrs. Lewis, Mrs. Leamon and Mr. Kerchen..",
      "",
      "MINUTES of previous meeting read and signed as a true record.",
    ].join("\n"),
  );
  // "Messrs" is a title for each name after it; the offices before "&" are not Mr Patterson's
  assert.ok(rows.includes("Mr Patterson | present | member"), rows.join("\n"));
  assert.ok(rows.includes("Mr Jagger | present | member"), rows.join("\n"));
  assert.ok(rows.includes("Mrs. Lewis | apologies | member"), rows.join("\n"));
  assert.ok(rows.includes("Mr. Kerchen | apologies | member"), rows.join("\n"));
  const other = table("PRESENT .Chairman, & Messrs Patterson, Bonnett, Ward , Jagger, Mrs. Lewis, Mrs. Leamon, plus eight members of the public.\n\nAPOLOGIES, Mr. Mycock, Mr. Kerchen and Mr. T.Manley, Borough Councillor.\n");
  assert.ok(other.includes("Mrs. Leamon | present | member"), other.join("\n"));
  assert.ok(other.includes("Mr Bonnett | present | member"), other.join("\n"));
  assert.ok(other.includes("Mr Patterson | present | member"), other.join("\n"));
  assert.ok(other.includes("Mr. Mycock | apologies | member"), other.join("\n"));
  // Stoke Ferry, July 2001: no stop at all before the office
  const bare = table("Held on the 5th July 2001 at 7:30pm\n\nPRESENT V.Chairman,, & Messrs Patterson, Bonnett, Ward, Mrs. Leamon and Mrs. Lewis plus seven members of the public, and Mr T.Manley. B.C.\n\nAPOLOGIES , Chairman. Mr A.White.\n");
  assert.ok(bare.includes("Mr Ward | present | member"), bare.join("\n"));
  // a word in capitals that only starts a sentence is not a label
  assert.deepEqual(table("ABSENT. The council regretted the vacancy, which would be advertised again.\n"), []);
  assert.deepEqual(table("APOLOGIES. Chairman's Report: the Chairman thanked everyone for the work on the village green.\n"), []);
});

test("an office with its holder in brackets and a clause after the name ('Vice Chairman (Mr. Mycock, who took the chair)')", () => {
  // Stoke Ferry Parish Council, November 2000 (norfolk-parishes)
  const rows = table("PRESENT: Vice Chairman (Mr. Mycock, who took the chair), Mrs. Lewis and Messrs Ward, Paterson, Bonnett and Kirchen, plus eight members of the public.\n");
  assert.ok(rows.includes("Mr. Mycock | present | member | Vice Chairman"), rows.join("\n"));
  assert.ok(rows.includes("Mrs. Lewis | present | member"), rows.join("\n"));
  assert.ok(rows.includes("Mr Kirchen | present | member"), rows.join("\n"));
});

test("'Present were members A, B, and C.' in the roll-call sentence", () => {
  // Alameda Social Service Human Relations Board, July 2015 (alameda-ca)
  const rows = table(
    "1. CALL TO ORDER AND ROLL CALL\nPresident Biggs called the meeting to order at 7:10 p.m. Present were members Blake, Radding,\nWilliams, and Hyman. Joined by new member Davenport and reappointed member Sorensen at\n7:30.\n",
  );
  for (const name of ["Blake", "Radding", "Williams", "Hyman"]) assert.ok(rows.some((r) => r.startsWith(`${name} | present | member`)), rows.join("\n"));
  // "everyone present were members of …" in prose is not a list
  assert.deepEqual(table("It was noted that all those present were members of the Parish Council and of the Hall Committee.\n"), []);
});

test("'PRESENT for X:' labels, one for each body at a joint meeting", () => {
  // Alameda City Council / school board joint subcommittee, June 2012 (alameda-ca)
  const rows = table(
    "PRESENT for AUSD BOARD: Members Mooney and Sherratt\nABSENT: None\nPRESENT fo r CITY COUNCIL: Mayor Gilmore\nABSENT: Councilman Bonta\nCALL TO ORDER / GENERAL INTRODUCTION: Mayor, Board Members and their respective staff introduced\n",
  );
  assert.ok(rows.some((r) => r.startsWith("Member Mooney | present | member") || r.startsWith("Mooney | present | member")), rows.join("\n"));
  assert.ok(rows.some((r) => /^(?:Member )?Sherratt \| present \| member/.test(r)), rows.join("\n"));
  assert.ok(rows.some((r) => /^(?:Mayor )?Gilmore \| present \| member/.test(r)), rows.join("\n"));
  assert.ok(rows.includes("Councilman Bonta | absent | member"), rows.join("\n"));
});

test("a roll call minuted word for word: each member who answers 'Here' is present", () => {
  // Alameda Commission on Disability Issues, December 2016 (alameda-ca)
  const text = [
    "COMMISSION ON DISABILITY ISSUES",
    "MEETING MINUTES OF",
    "Wednesday, December 14, 2016 6:30 p.m.",
    "1. ROLL CALL",
    "Elizabeth Kenny: Call to order, the meeting of this Commission on Disability Issues for December",
    "14th, 2016.",
    "Kerry Parker: Roll call. Chair Kenny?",
    "Elizabeth Kenny: Here.",
    "Kerry Parker: Vice-Chair Brillinger?",
    "Arnold Brillinger: Here.",
    "Kerry Parker: Commissioner Aghapekian? Commissioner Deutsch?",
    "Susan Deutsch: Here.",
    "Kerry Parker: We have six present. We have a quorum.",
    "2. MINUTES",
    "Elizabeth Kenny: So the first item on our agenda is approval of the minutes.",
    "Lisa Hall: Here is the correction I wanted to make.",
  ].join("\n");
  const rows = table(text, (ctx) => [item(ctx, 3, 13, "1", "ROLL CALL"), item(ctx, 13, 16, "2", "MINUTES")]);
  assert.deepEqual(rows, ["Elizabeth Kenny | present | member", "Arnold Brillinger | present | member", "Susan Deutsch | present | member"]);
});
