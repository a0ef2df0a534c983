// Declarations of interest, from sentences as real minutes print them (Norfolk parishes, Limerick,
// Nipissing). Each case runs the item finder first, as the pipeline does.
import { test } from "node:test";
import assert from "node:assert/strict";
import { contextOf } from "../items/test-support.ts";
import { findItems } from "../items/find-items.ts";
import { parseDeclarations, splitNames, type Declaration } from "./declarations.ts";
import { kindOf } from "./patterns.ts";

function declarationsOf(text: string): Declaration[] {
  const ctx = contextOf(text);
  return parseDeclarations(ctx, findItems(ctx)).map((d) => d.value);
}

const minutes = (...items: string[]) =>
  ["Present: Cllr A Smith (Chair), Cllr B Jones", "", ...items.flatMap((t, i) => [`${i + 1}. ${t}`, ""])].join("\n");

test("a name and reason in the declarations item, with no verb", () => {
  const d = declarationsOf(
    minutes(
      "Apologies\nNone.",
      "Declarations of Interest\nCllr Janet Taylor due to a payment to Thomas B Bonnett's.",
      "Payments\nThe payments were approved.",
    ),
  );
  assert.deepEqual(d, [{ name: "Cllr Janet Taylor", item: null, interest: null, description: "due to a payment to Thomas B Bonnett's", kind: null }]);
});

test("kind, item number and reason from one sentence", () => {
  const d = declarationsOf(
    minutes("Declarations of interest\nCouncillor Shelly Foote declared a pecuniary interest in item 7 as she is a member of the Recreation Committee.", "Planning\nNo objections."),
  );
  assert.deepEqual(d, [{ name: "Councillor Shelly Foote", item: "7", interest: "pecuniary", description: "as she is a member of the Recreation Committee", kind: "pecuniary" }]);
});

test("the heading and the declaration on one line (Stoke Ferry)", () => {
  const d = declarationsOf(
    minutes(
      "Consider Declarations of Interest on Agenda Items and Dispensation Requests Cllr Grant Tomkins declared an interest in relation to item 12a on agenda Planning Application: Installation of a solar PV array. Dispensation forms had been received from all Councillors present.",
      "Planning Application: Installation of a solar PV array Cllr Sue Lintern reminded Councillors that Cllr Grant Tomkins had declared an interest and wouldn't be taking part in discussions.",
    ),
  );
  assert.equal(d.length, 1, JSON.stringify(d));
  assert.deepEqual(d[0], { name: "Cllr Grant Tomkins", item: "12a", interest: null, description: "Planning Application: Installation of a solar PV array", kind: null });
});

test("a declaration under another item's heading is about that item", () => {
  const d = declarationsOf(minutes("Declarations of Interest\nNone.", "Allotments\nMrs Mann declared a personal interest and took no part in the discussion."));
  assert.deepEqual(d, [{ name: "Mrs Mann", item: "2", interest: "personal", description: "and took no part in the discussion", kind: "personal" }]);
});

test("several declarations in one sentence, and names joined by 'and'", () => {
  const d = declarationsOf(
    minutes("Declarations of Interest\nCllrs Mrs Leamon and Mr Lintern declared an Interest in Item 9 – Grass Cutting. Claire Cann declared an interest in item 14.1 as the planning application relates to her property."),
  );
  assert.deepEqual(
    d.map((x) => [x.name, x.item]),
    [
      ["Mrs Leamon", "9"],
      ["Mr Lintern", "9"],
      ["Claire Cann", "14.1"],
    ],
  );
  assert.equal(d[0].description, "Grass Cutting");
});

test("a statement that nobody declared anything is not a declaration", () => {
  for (const body of [
    "There were no declarations of interest.",
    "None.",
    "No interests were declared.",
    "The Chairman reminded members to declare any interests as items arose.",
    "The Meetings Administrator was inviting those present to notify the Cathaoirleach of any declaration of interest in any item due for discussion at the Meeting. No such interests were declared.",
    "",
  ]) {
    assert.deepEqual(declarationsOf(minutes(`Declarations of Interest\n${body}`, "Minutes\nThe minutes were approved.")), [], body);
  }
});

test("a place named before the declaring member is not a name", () => {
  const d = declarationsOf(minutes("Planning\nExtension and Conservatory Ivy Farm Cottage, Wretton Road Mr Randall had declared an interest"));
  assert.deepEqual(d.map((x) => x.name), ["Mr Randall"]);
});

test("'declared on Item 11' without the word interest", () => {
  const d = declarationsOf(minutes("Declarations of Interest\nCllrs Harrison and Taylor declared on Item 11; Cllr Lyons declared on Item 12."));
  assert.deepEqual(
    d.map((x) => [x.name, x.item]),
    [
      ["Cllr Harrison", "11"],
      ["Cllr Taylor", "11"],
      ["Cllr Lyons", "12"],
    ],
  );
});

test("splitNames keeps a plural title with first names as written", () => {
  assert.deepEqual(splitNames("Cllrs Mick and Mandy Peake"), ["Cllrs Mick and Mandy Peake"]);
  assert.deepEqual(splitNames("Cllr S Briston and Cllr L Peake"), ["Cllr S Briston", "Cllr L Peake"]);
  assert.deepEqual(splitNames("Dispensation Requests Cllr Grant Tomkins"), ["Cllr Grant Tomkins"]);
});

test("a sub-item number, a role as the name, and a double-barrelled name", () => {
  const d = declarationsOf(
    minutes(
      "Declarations of Interest\nCllr Muir declared an interest on Item 4iii: Planning. The Chairman Declared an Interest in all discussions relating to Greatmans Way.",
      "Planning\nCllr Kit Hesketh-Harvey felt that it was an intrusion.",
    ),
  );
  assert.deepEqual(d, [
    { name: "Cllr Muir", item: "4iii", interest: null, description: "Planning", kind: null },
    { name: "The Chairman", item: null, interest: null, description: "in all discussions relating to Greatmans Way", kind: null },
  ]);
  const named = declarationsOf(minutes("Declarations of Interest\nCllr Kit Hesketh-Harvey declared that his property bordered the site."));
  assert.deepEqual(named, [{ name: "Cllr Kit Hesketh-Harvey", item: null, interest: null, description: "that his property bordered the site", kind: null }]);
});

test("a title run into a label, and a conflict of interest (Wretton, Limerick)", () => {
  const d = declarationsOf(
    minutes("Declarations of Interest made:Cllr. Llewellyn declared an interest in item 9. Councillor Leddin (B) declared a conflict of interest, in accordance with Part 15 of the Local Government Act.", "Planning\nNo objections."),
  );
  assert.deepEqual(
    d.map((x) => [x.name, x.item, x.description]),
    [
      ["Cllr. Llewellyn", "9", null],
      ["Councillor Leddin", null, "in accordance with Part 15 of the Local Government Act"],
    ],
  );
});

test("a declaration told twice is one, and a denied kind is no kind (Nipissing, Stoke Ferry)", () => {
  const twice = declarationsOf(
    minutes(
      "Disclosure of pecuniary interest: Councillor Shelly Foote.",
      "Accounts Payable\nCouncillor Foote declared pecuniary interest as her personally owned business is listed in the Accounts Payable.",
    ),
  );
  assert.deepEqual(twice, [
    { name: "Councillor Shelly Foote", item: "2", interest: "pecuniary", description: "as her personally owned business is listed in the Accounts Payable", kind: "pecuniary" },
  ]);
  const denied = declarationsOf(
    minutes("Declarations of Interest\nCllr Sue Lintern declared that Item 3 Dog Waste Bin placement in the form of an ordinary interest and not a pecuniary interest.", "Minutes\nApproved.", "Bins\nAgreed."),
  );
  assert.deepEqual(denied, [
    { name: "Cllr Sue Lintern", item: "3", interest: null, description: "that Item 3 Dog Waste Bin placement in the form of an ordinary interest and not a pecuniary interest", kind: null },
  ]);
});

test("a group declaration is one declaration each (Stoke Ferry, Limerick)", () => {
  const d = declarationsOf(
    minutes("Declarations of Interest\nCllrs Lintern and Mann declared on Item 7, Grass cutting on Playing Field, as they are members of the Playing Field Committee.", "Minutes\nApproved.", "Bins\nAgreed.", "Footpaths\nNoted.", "Finance\nNoted.", "Planning\nNoted.", "Grass cutting on Playing Field\nAgreed."),
  );
  assert.deepEqual(
    d.map((x) => [x.name, x.item, x.description]),
    [
      ["Cllr Lintern", "7", "Grass cutting on Playing Field, as they are members of the Playing Field Committee"],
      ["Cllr Mann", "7", "Grass cutting on Playing Field, as they are members of the Playing Field Committee"],
    ],
  );
  // Limerick, Newcastle West: a couple named with one surname
  assert.deepEqual(splitNames("Mr. & Mrs. Griffin"), ["Mr. Griffin", "Mrs. Griffin"]);
});

test("a clause between the name and the verb (Limerick, Newcastle West)", () => {
  const d = declarationsOf(
    minutes(
      "Apologies\nNone.",
      "Planning application at Gortboy\nMr. & Mrs. Griffin, who were in attendance at the Meeting, declared an interest in this item and following a discussion Members requested that this item be deferred.",
    ),
  );
  assert.deepEqual(
    d.map((x) => [x.name, x.item]),
    [
      ["Mr. Griffin", "2"],
      ["Mrs. Griffin", "2"],
    ],
  );
  const one = declarationsOf(minutes("Declarations of Interest\nCllr Sue Lintern, as a member of the Village Hall Committee, declared a personal interest in item 7.", "Hall\nNoted."));
  assert.deepEqual(one, [{ name: "Cllr Sue Lintern", item: "7", interest: "personal", description: "as a member of the Village Hall Committee", kind: "personal" }]);
});

test("the kind in a closed vocabulary, the interest as written", () => {
  // kinds as real minutes and codes of conduct write them
  assert.equal(kindOf("Disclosable Pecuniary"), "disclosable_pecuniary");
  assert.equal(kindOf("personal and prejudicial"), "prejudicial");
  assert.equal(kindOf("other registrable"), "other_registrable");
  assert.equal(kindOf("non-registrable"), "non_registrable");
  assert.equal(kindOf("non registrable"), "non_registrable");
  assert.equal(kindOf("non-pecuniary"), "non_pecuniary");
  assert.equal(kindOf("pecuniary"), "pecuniary");
  assert.equal(kindOf("personal"), "personal");
  assert.equal(kindOf(null), null);
  const d = declarationsOf(minutes("Declarations of interest\nCouncillor Shelly Foote declared a pecuniary interest in item 7 as she is a member of the Recreation Committee.", "Planning\nNo objections."));
  assert.equal(d[0].kind, "pecuniary");
  assert.equal(d[0].interest, "pecuniary");
});

test("no declarations gives none, even where kinds are named", () => {
  // Stoke Ferry and Boughton agendas' reminder, printed in the minutes
  assert.deepEqual(declarationsOf(minutes("Declarations of Interest\nMembers are invited to declare personal prejudicial interests in items on the agenda. No declarations were made.", "Minutes\nApproved.")), []);
});
