import { test } from "node:test";
import assert from "node:assert/strict";
import { bodyFromFileName, findCouncils, findMeetingOf, isGeneric } from "./bodies.ts";

const of = (s: string) => findMeetingOf(s)?.value ?? null;

test("reads the body from 'minutes of' and 'meeting of' phrases", () => {
  assert.equal(of("Minutes of the Safe and Strong Communities Select Committee Meeting held on\n12 December 2016"), "Safe and Strong Communities Select Committee");
  assert.equal(of("A meeting of the Community, Leisure & Emergency Services Strategic Policy Committee\n\nwas held in Exhibition Area"), "Community, Leisure & Emergency Services Strategic Policy Committee");
  assert.equal(of("MINUTES OF PROCEEDINGS AT MEETING OF THE MUNICIPAL\nDISTRICT OF CAPPAMORE-KILMALLOCK HELD IN ARAS"), "Municipal District of Cappamore-Kilmallock");
  assert.equal(of("A regular meeting of the Township of Nipissing Council was held on Tuesday"), "Township of Nipissing Council");
  assert.equal(of("Minutes of the meeting of the Wereham Parish Council\n\nheld on Tuesday 16th November 2004"), "Wereham Parish Council");
  assert.equal(of("MINUTES OF WRETTON PARISH COUNCIL MEETING HELD AT THE CHURCH MONDAY JULY 6TH 2015"), "Wretton Parish Council");
});

test("qualified meetings and wrapped hyphens", () => {
  assert.equal(of("MINUTES OF PROCEEDINGS OF SPECIAL MEETING OF THE\nMUNICIPAL DISTRICT OF CAPPAMORE-KILMALLOCK HELD IN ARAS"), "Municipal District of Cappamore-Kilmallock");
  assert.equal(of("MINUTES OF PROCEEDINGS AT MEETING OF THE MUNICIPAL DISTRICT OF ADARE-\nRATHKEALE HELD AT"), "Municipal District of Adare-Rathkeale");
  assert.equal(of("Minutes of the Joint Policing Committee Meeting of the Municipal District of Newcastle West held on"), "Joint Policing Committee of the Municipal District of Newcastle West");
});

test("skips generic and backward-looking phrases", () => {
  assert.equal(of("Ordinary Meeting of the Parish Council Wednesday 5 September 2018"), null);
  assert.equal(of("The minutes of the last meeting held on 1st December 2015 were adopted"), null);
  assert.equal(isGeneric("the Parish Council"), true);
  assert.equal(isGeneric("Stoke Ferry Parish Council"), false);
});

test("finds named councils, in capitals too, without lead-in words", () => {
  assert.deepEqual(findCouncils("STOKE FERRY PARISH COUNCIL Draft Minutes").map((f) => f.value), ["Stoke Ferry Parish Council"]);
  assert.deepEqual(findCouncils("Buckinghamshire County Council\n\nVisit").map((f) => f.value), ["Buckinghamshire County Council"]);
  assert.deepEqual(findCouncils("completed by Limerick City and County Council over").map((f) => f.value), ["Limerick City and County Council"]);
  assert.deepEqual(findCouncils("MINUTES\nTOWNSHIP OF NIPISSING\nTuesday").map((f) => f.value), ["Township of Nipissing"]);
  assert.deepEqual(findCouncils("report to the Council and the Parish Council"), []);
});

test("reads a parish council from a file name", () => {
  assert.equal(bodyFromFileName("x/2016-03-northwold-parish-council-meeting-january-2016.md"), "Northwold Parish Council");
  assert.equal(bodyFromFileName("2005-03-minutes-of-stoke-ferry-parish-council-3.md"), "Stoke Ferry Parish Council");
  assert.equal(bodyFromFileName("2016-07-minutes-community-leisure-spc-11th-may-2016.md"), null);
});

test("a municipal district or a 'City of' phrase is not an authority", () => {
  assert.deepEqual(findCouncils("MEETING OF THE MUNICIPAL DISTRICT OF CAPPAMORE-KILMALLOCK"), []);
  assert.deepEqual(findCouncils("Ms. S. Deegan, City of Culture"), []);
  assert.deepEqual(findCouncils("the Township of Nipissing Council was held").map((f) => f.value), ["Township of Nipissing"]);
});

test("a body wrapped over a blank line, and a clause after the council", () => {
  assert.equal(of("MINUTES OF PROCEEDINGS AT MEETING OF THE MUNICIPAL DISTRICT\n\nOF ADARE-RATHKEALE HELD AT FOYNES"), "Municipal District of Adare-Rathkeale");
  assert.equal(of("Minutes of Special Meeting of Limerick City and County Council, comprising the Corporate Policy Group, held on"), "Limerick City and County Council");
  assert.deepEqual(findCouncils("MUNICIPAL DISTRICT OF NEWCASTLE WEST OF LIMERICK CITY AND COUNTY COUNCIL").map((f) => f.value), ["Limerick City and County Council"]);
});

test("titles above the header, running words and councils joined by 'and'", () => {
  assert.equal(of("Minutes of the November meeting\nMINUTES OF WRETTON PARISH COUNCIL MEETING HELD AT THE CHURCH"), "Wretton Parish Council");
  assert.equal(of("The minutes of the October meeting be signed as a correct record."), null);
  assert.equal(of("MINUTES OF PROCEEDINGS AT VIRTUAL MEETING OF THE JOINT POLICING COMMITTEE HELD ON"), "Joint Policing Committee");
  assert.deepEqual(findCouncils("MEETING OF LIMERICK\nCITY AND COUNTY COUNCIL HELD").map((f) => f.value), ["Limerick City and County Council"]);
  assert.deepEqual(findCouncils("the Health Service Executive and Limerick City and County Council agreed").map((f) => f.value), ["Limerick City and County Council"]);
});

test("qualifiers and places around a body are dropped", () => {
  assert.equal(of("Minutes of the Janaury meeting of the West Dereham Parish Council held on"), "West Dereham Parish Council");
  assert.equal(of("Minutes of A Virtual West Dereham Parish Council Meeting held on"), "West Dereham Parish Council");
  assert.equal(of("Minutes of the Wretton Parish Council Annual Meeting held on"), "Wretton Parish Council");
  assert.equal(of("Minutes of meeting of the Municipal District of Adare-Rathkeale in Dunraven Arms Hotel, Adare"), "Municipal District of Adare-Rathkeale");
});

test("a place in capitals after the body is not part of it", () => {
  assert.equal(of("MINUTES OF MEETING OF THE MUNICIPAL DISTRICT OF ADARE-RATHKEALE IN DUNRAVEN ARMS HOTEL, ADARE ON"), "Municipal District of Adare-Rathkeale");
});

test("a body's name stops before the words that name the document", () => {
  // Stoke Ferry Parish Council, October 2018: the page title, then the heading
  const front =
    "\nStoke Ferry Parish Council - minutes of October meeting\n\n\n\n\n\n\n\nSTOKE FERRY PARISH COUNCIL Draft Minutes of the Ordinary Meeting held on Wednesday 3 October 2018 at 7.00pm in Stoke Ferry Village Hall\n\nIn attendance: Cllr Sue Lintern (Chair)";
  assert.equal(of(front), "Stoke Ferry Parish Council");
  assert.equal(of("Minutes of the Planning Committee Minutes of the meeting held on 3 May 2019"), "Planning Committee");
});

test("'MINUTES of a meeting of the X held in' gives X", () => {
  assert.equal(
    of("MINUTES of a meeting of the Growth and Communities Cabinet Committee held in the Council Chamber, Shire Hall, County Hall, Northtown on Tuesday, 5 March 2024."),
    "Growth and Communities Cabinet Committee",
  );
});

test("a whole body name ends at a blank line, even when the next line names the document", () => {
  // Wereham Parish Council, July 2004: the page title, then the newsletter's heading
  assert.equal(
    of("\nMinutes of Wereham Parish Council\n\n\n\n\n\n\n\n\nWereham PC minutes for their July Meeting\n\nMinutes of the Wereham Parish Council Meeting held on Tuesday 13th July 2004 in the\n\nVillage Hall at 7.30 p.m."),
    "Wereham Parish Council",
  );
  // Wretton, May 2006
  assert.equal(
    of("\nMinutes of Wretton Parish Council May Meeting\n\n\n\nWretton Parish Council minutes\n\nMINUTES OF WRETTON PARISH COUNCIL ANNUAL MEETING\n\nHELD AT THE CHURCH"),
    "Wretton Parish Council",
  );
});

test("a parish meeting is a body: its name keeps 'Meeting'", () => {
  // Souldern Annual Parish Meeting, 14 May 2015
  assert.equal(of("MINUTES OF SOULDERN ANNUAL PARISH MEETING\nHELD IN THE VILLAGE HALL\nON 14th MAY 2015"), "Souldern Annual Parish Meeting");
});

test("a meeting 'in committee' in quotes or brackets, and a meeting held to consider one matter", () => {
  // Limerick municipal districts and Joint Policing Committee, 2017–2024 (limerick)
  assert.equal(of("MINUTES OF PROCEEDINGS AT SPECIAL MEETING ‘IN COMMITTEE’ OF THE\nMUNICIPAL DISTRICT OF ADARE-RATHKEALE HELD IN ÁRAS SEÁN FINN, NEW LINE"), "Municipal District of Adare-Rathkeale");
  assert.equal(of("MINUTES OF PROCEEDINGS OF SPECIAL MEETING (IN COMMITTEE) OF THE LIMERICK JOINT POLICING\nCOMMITTEE HELD IN THE COUNCIL CHAMBER, DOORADOYLE"), "Limerick Joint Policing Committee");
  assert.equal(of("MINUTES OF PROCEEDINGS AT MEETING OF THE METROPOLITAN DISTRICT OF LIMERICK TO\nCONSIDER THE DRAFT BUDGETARY PLAN 2020 HELD IN THE COUNCIL CHAMBER, MERCHANT’S"), "Metropolitan District of Limerick");
  assert.equal(of("MINUTES OF PROCEEDINGS OF SPECIAL MEETING OF THE\nMUNICIPAL DISTRICT OF CAPPAMORE-KILMALLOCK TO DISCUSS\nTHE ACTIVE TRAVEL/NATIONAL TRANSPORT ASSOCIATION\nALLOCATION 2024, HELD IN ARAS MAINCHIN SEOIGHE,"), "Municipal District of Cappamore-Kilmallock");
  assert.equal(of("MINUTES OF PROCEEDINGS OF SPECIAL MEETING OF THE\nMUNICIPAL DISTRICT OF CAPPAMORE-KILMALLOCK TO APPROVE\nTHE GENERAL MUNICIPAL ALLOCATION FOR 2024, HELD IN ARAS"), "Municipal District of Cappamore-Kilmallock");
});
