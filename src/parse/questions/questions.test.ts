// Question time, from questions as real minutes print them (Limerick's district meetings: a
// question "submitted by" a councillor, printed in italics, with the executive's REPLY; Newcastle
// West's area committee: several questions of one councillor, (i) (ii) (iii), each followed by
// what was said). Each case runs the item finder first, as the pipeline does.
import { test } from "node:test";
import assert from "node:assert/strict";
import { contextOf } from "../items/test-support.ts";
import { findItems } from "../items/find-items.ts";
import { parseQuestions } from "./questions.ts";
import type { Question } from "../../domain/minutes.ts";

function questionsOf(text: string): (Question & { low: string[] })[] {
  const ctx = contextOf(text);
  return parseQuestions(ctx, findItems(ctx)).map((q) => ({ ...q.value, low: q.low }));
}

// Limerick Metropolitan District, 18 November 2024 (the question is its own numbered item)
const LIMERICK_2024 = `**4. Reports**

The report, as circulated, was noted by Members.

**QUESTIONS**

Councillor Donoghue stated that she was disappointed with the reply received to one of her

Questions. The Cathaoirleach confirmed that, per Standing Orders, that Questions were not for

discussion at the Meeting.

**5.Question submitted by Councillor D. McSweeney**

***I will ask at the next Meeting of the Metropolitan District of Limerick for a list of all projects***

***supported by Limerick City and County Council in the Metropolitan District under the Large Scale***

***Sport Infrastructure Fund, the lead applicant and the ranking provided for each project by this***

***Local Authority.***

**REPLY**: Limerick City and County Council’s Regeneration, Sports & Recreation Directorate provided

support to the following projects, either by way of direct application, ranking within

Appendix 6, LSSIF Application Form or letters of support: -

**6.Question submitted by Councillor E. O’Donovan**

***I will ask at the next Meeting of the Metropolitan District of Limerick for an update on footpath***

***and active travel infrastructure on the Rosbrien Road from Old Crescent RFC to Ballinacurra***

***Gardens.***

**REPLY**: The Rosbrien Road Active Travel scheme will provide a link from Childers Road to Old

Crescent RFC and the upcoming Baggot Estate scheme.
`;

test("a question submitted by a councillor, printed in italics, and its REPLY", () => {
  const q = questionsOf(LIMERICK_2024);
  assert.equal(q.length, 2, JSON.stringify(q));
  assert.equal(q[0].askedBy, "Councillor D. McSweeney");
  assert.equal(q[0].askedTo, null);
  assert.equal(q[0].item, "5");
  assert.match(q[0].question, /^I will ask at the next Meeting of the Metropolitan District of Limerick for a list of all projects supported by .* by this Local Authority\.$/);
  assert.match(q[0].answer ?? "", /^Limerick City and County Council’s Regeneration, Sports & Recreation Directorate provided support to the following projects, .*letters of support/);
  assert.equal(q[1].askedBy, "Councillor E. O’Donovan");
  assert.equal(q[1].item, "6");
  assert.match(q[1].answer ?? "", /^The Rosbrien Road Active Travel scheme .* Baggot Estate scheme\.$/);
  assert.deepEqual(q[0].low, []);
});

// Limerick Metropolitan District, 16 March 2015: the number on a line of its own, a heading after the last answer
const LIMERICK_2015 = `QUESTIONS

**6.**

Question submitted by Councillor Sean Lynch

***I will ask at the next meeting for an update in relation to putting a pedestrian***

***crossing to assist people crossing from the Mungret Football clubhouse to the***

***pitches.***

**REPLY**:

A commitment was given in the recent Mungret Part VIII to provide an

uncontrolled pedestrian crossing at this location.

7.

Question submitted by Councillor Sean Lynch

***I will ask at the next meeting is there any update or progress in relation to the***

***Horse Project in Limerick City.***

**REPLY**:

Limerick City and County Council continues to evaluate and consider a

horse project.

NOTICES OF MOTION

8.

Notice of Motion submitted by Councillor Daniel Butler

***I will move at the next meeting that Limerick City and County Council work closely***

***with the Skateboard Park Limerick Committee.***

**REPLY**:

The motion was noted.
`;

test("the answer ends at the next heading, and a notice of motion is not a question", () => {
  const q = questionsOf(LIMERICK_2015);
  assert.equal(q.length, 2, JSON.stringify(q));
  assert.deepEqual(
    q.map((x) => [x.askedBy, x.question]),
    [
      ["Councillor Sean Lynch", "I will ask at the next meeting for an update in relation to putting a pedestrian crossing to assist people crossing from the Mungret Football clubhouse to the pitches."],
      ["Councillor Sean Lynch", "I will ask at the next meeting is there any update or progress in relation to the Horse Project in Limerick City."],
    ],
  );
  assert.equal(q[0].answer, "A commitment was given in the recent Mungret Part VIII to provide an uncontrolled pedestrian crossing at this location.");
  assert.equal(q[1].answer, "Limerick City and County Council continues to evaluate and consider a horse project.");
});

// Newcastle West Area Committee, 7 May 2014 (OCR): one heading for several questions of one member
const NEWCASTLE_WEST = `4. Questions
Questions submitted by Councillor Scanlan:

(i) “| will ask at the next area meeting as to what is being done to remove
the trees lying to the west of Castleview Estate as these are a very
significant danger to children within the area”.

It was noted that the fallen trees had been removed. Cllr. Reidy also stated
that he had spoken to Filterteck and they are in favour of replacing the trees
which fell.

(ii) “I will ask at the next area meeting that signage be provided at
Sycamore Crescent, Oakpark Estate, to alert drivers that children play
within the area”.

Discussion took place on the estates and it was noted that there is no funding
available for speed ramps.

Questions submitted by Councillor Galvin:

(i) “I will ask again at the next area meeting that the manhole outside the
Cellar Bar on the N.21 be replaced or repaired”.

P. Vallely stated that he had been in contact with Enet and they are to resolve
the issue within the next 2 weeks.

Notices of Motion

Notice of Motion submitted by Councillor Scanlan:

(i) “| will move at the next area meeting that steps be taken”.

5. Date of next meeting
`;

test("numbered questions of one member, each with what was said in answer", () => {
  const q = questionsOf(NEWCASTLE_WEST);
  assert.deepEqual(
    q.map((x) => [x.askedBy, x.item, x.question.slice(0, 41), (x.answer ?? "").slice(0, 41)]),
    [
      ["Councillor Scanlan", "4", "| will ask at the next area meeting as to", "It was noted that the fallen trees had be"],
      ["Councillor Scanlan", "4", "I will ask at the next area meeting that ", "Discussion took place on the estates and "],
      ["Councillor Galvin", "4", "I will ask again at the next area meeting", "P. Vallely stated that he had been in con"],
    ],
  );
  assert.equal(q[2].answer, "P. Vallely stated that he had been in contact with Enet and they are to resolve the issue within the next 2 weeks.");
  // no reply marker: where the question ends and the answer starts was inferred
  assert.deepEqual(q[0].low, ["answer"]);
});

test("a question to a named office, with the reply labelled and a question on the heading's line", () => {
  // the committee-system form of a county council's full council minutes (names invented)
  const q = questionsOf(`7. Questions from Members

Question from Mr K Keel to the Cabinet Member for Highways and Transport: Will the Cabinet Member
say when the A40 resurfacing will be finished?

Reply: The works are programmed to finish in March.

Question from Ms R Pryor to the Leader of the Council

Does the Leader agree that the library should stay open?

Reply from the Leader: The library will stay open.

8. Close
`);
  assert.deepEqual(
    q.map((x) => [x.askedBy, x.askedTo, x.question, x.answer, x.item]),
    [
      ["Mr K Keel", "the Cabinet Member for Highways and Transport", "Will the Cabinet Member say when the A40 resurfacing will be finished?", "The works are programmed to finish in March.", "7"],
      ["Ms R Pryor", "the Leader of the Council", "Does the Leader agree that the library should stay open?", "The library will stay open.", "7"],
    ],
  );
});

test("asked and answered in sentences, under a question-time item", () => {
  // Stoke Ferry-style open forum wording (names invented)
  const q = questionsOf(`6. Public Question Time
Mr J Smith asked the Clerk whether the footpath on Furlong Road would be repaired. The Clerk replied that the County Council had been asked to repair it. Cllr A Jones asked when the bench would be installed. The Chairman confirmed that it would be installed in June.

7. Finance
The payments were approved.
`);
  assert.deepEqual(
    q.map((x) => [x.askedBy, x.askedTo, x.question, x.answer]),
    [
      ["Mr J Smith", "the Clerk", "whether the footpath on Furlong Road would be repaired.", "The Clerk replied that the County Council had been asked to repair it."],
      ["Cllr A Jones", null, "when the bench would be installed.", "The Chairman confirmed that it would be installed in June."],
    ],
  );
});

test("no question: an invitation with none taken, a remark about replies, a notice of motion", () => {
  // Boughton Parish Council, February 2014; Limerick 2024; Limerick 2015
  assert.deepEqual(questionsOf("5. Public participation\nThe Chairman asked if there were any questions from the public. There were none.\n\n6. Close\n"), []);
  assert.deepEqual(questionsOf("QUESTIONS\n\nCouncillor Donoghue stated that she was disappointed with the reply received to one of her\n\nQuestions.\n"), []);
  assert.deepEqual(questionsOf("8.\n\nNotice of Motion submitted by Councillor Daniel Butler\n\n***I will move at the next meeting that the Council work closely.***\n"), []);
});

test("a title alone on the heading's line takes the name after it; a sentence is not an asker", () => {
  // Limerick Metropolitan District, 17 October 2016 (the heading broken after "Cmhlr.")
  const q = questionsOf(`**5. Question submitted by Cmhlr.\nSéighin Ó Ceallaigh**\n\n***I will ask at the next Meeting what the current status of Rathbane Golf Club is.***\n\n**REPLY**: Rathbane Golf Course is an 18 hole municipal golf course.\n`);
  assert.deepEqual(q.map((x) => x.askedBy), ["Cmhlr. Séighin Ó Ceallaigh"]);
  // Limerick Metropolitan District, 15 September 2014
  assert.deepEqual(questionsOf("4. Part 8\nSome Members were concerned that not all the\n\nquestions raised by the submissions on the proposed development were answered\n\nin the report circulated.\n"), []);
});
