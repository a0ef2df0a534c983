import { test } from "node:test";
import assert from "node:assert/strict";
import { splitLines, type SourceText } from "../../domain/source.ts";
import { ParseContext } from "../context.ts";
import { parseHeader } from "./header.ts";

const ctxOf = (text: string, file = "doc.txt") => {
  const source: SourceText = { file, format: "txt", text, lines: splitLines(text), contentHash: "", byteLength: text.length };
  return new ParseContext(source);
};
const values = (text: string, file?: string, frontEnd?: number) => {
  const ctx = ctxOf(text, file);
  const h = parseHeader(ctx, frontEnd ?? ctx.lines.length);
  return {
    authority: h.authority?.value ?? null,
    body: h.body?.value ?? null,
    date: h.date?.value ?? null,
    startTime: h.startTime?.value ?? null,
    venue: h.venue?.value ?? null,
  };
};

test("labelled header with the authority above the body", () => {
  const text = "Buckinghamshire County Council\n\nMinutes\n\nCabinet\n\nDate: 23 April 2018\n\nVenue: Mezzanine Rooms 1 & 2, County Hall, Aylesbury\n\nTime: 10.30 am to 11.30 am\n\nMEMBERS PRESENT\n\nMr M Tett (in the Chair).";
  assert.deepEqual(values(text), {
    authority: "Buckinghamshire County Council",
    body: "Cabinet",
    date: "2018-04-23",
    startTime: "10:30",
    venue: "Mezzanine Rooms 1 & 2, County Hall, Aylesbury",
  });
});

test("one-line parish header in capitals: the parish council is its own authority", () => {
  const text = "DRAFT MINUTES OF THE WEST DEREHAM PARISH COUNCIL MEETING HELD AT WEST DEREHAM VILLAGE HALL AT 7.30 pm ON THURSDAY 6 OCTOBER 2016 PRESENT (5 Councillors): - Pam Bullas (PB), Claire Cann (CC) - Chair";
  assert.deepEqual(values(text), {
    authority: "West Dereham Parish Council",
    body: "West Dereham Parish Council",
    date: "2016-10-06",
    startTime: "19:30",
    venue: "West Dereham Village Hall",
  });
});

test("American date, virtual venue, 'starting at'", () => {
  const text = "MINUTES\nTOWNSHIP OF NIPISSING\nTuesday, November 19, 2019\nA regular meeting of the Township of Nipissing Council was held on Tuesday, November 19, 2019 starting at\n7:00 p.m. Virtually online via Zoom.\nPresent: Mayor Tom Piper";
  assert.deepEqual(values(text), {
    authority: "Township of Nipissing",
    body: "Township of Nipissing Council",
    date: "2019-11-19",
    startTime: "19:00",
    venue: "Zoom",
  });
});

test("a date that only names the month is not a meeting date; the body can come from the file name", () => {
  const text = "Councillors present: Cllr. R. Crisp – Chair, Cllr. A. Collins. Item 16/01/1\n\n16/01/10 i) Norfolk County Council Cllr. Martin Storey sent his apologies.";
  const v = values(text, "2016-03-northwold-parish-council-meeting-january-2016.md");
  assert.equal(v.date, null);
  assert.equal(v.body, "Northwold Parish Council");
  assert.equal(v.authority, "Northwold Parish Council");
});

test("an OCR Irish header: district body, authority left null when not named", () => {
  const text = 'MINUTES OF PROCEEDINGS AT MEETING OF THE MUNICIPAL\nDISTRICT OF CAPPAMORE-KILMALLOCK HELD IN ARAS MAINCHIN\nSEOIGHE, MILLMOUNT, KILMALLOCK, CO. LIMERICK, ON\nTHURSDAY, 21" NOVEMBER, 2019, AT 3.00 P.M.\n\nIN HAIR:\nCouncillor Michael Donegan';
  assert.deepEqual(values(text), {
    authority: null,
    body: "Municipal District of Cappamore-Kilmallock",
    date: "2019-11-21",
    startTime: "15:00",
    venue: "Aras Mainchin Seoighe, Millmount, Kilmallock, Co. Limerick",
  });
  const withCouncil = text + "\n\n1. Roads\nWorks were done by Limerick City and County Council last week.";
  assert.equal(values(withCouncil).authority, "Limerick City and County Council");
});

test("the minutes of an earlier meeting do not give the date", () => {
  const text = "Minutes of the Planning Committee\n\nPresent: Cllr A Smith\n\n1. Minutes of the last meeting held on 3 May 2019 were approved.";
  const v = values(text);
  assert.equal(v.date, null);
  assert.equal(v.body, "Planning Committee");
});

test("a date without a year takes the year of the dates the document prints most", () => {
  const text = "MINUTES OF PROCEEDINGS OF SPECIAL MEETING OF THE\nMUNICIPAL DISTRICT OF CAPPAMORE-KILMALLOCK HELD IN ARAS\nMAINCHIN SEOIGHE, KILMALLOCK ON THURSDAY 1st FEBRUARY\nAT 3.00PM.\nPRESENT IN THE CHAIR:\n\n1. Budget 2024\nThe minutes of 7 December 2023 and 11 January 2024 were adopted; the 2023 outturn for 2023 and Budget 2023 were noted. The next meeting is on 7 March 2024.";
  const ctx = ctxOf(text);
  const h = parseHeader(ctx, 6);
  assert.equal(h.date?.value, "2024-02-01");
  assert.equal(h.startTime?.value, "15:00");
  assert.equal(ctx.warnings.length, 1);
});

test("a council named before the committee is the authority", () => {
  const v = values("MINUTES OF MEETING OF LIMERICK CITY AND COUNTY COUNCIL HOME AND SOCIAL\nDEVELOPMENT SPC\n\nA meeting was held on 22 October 2020.\n\nIn Attendance:");
  assert.equal(v.authority, "Limerick City and County Council");
  assert.equal(v.body, "Home and Social Development SPC");
});

test("labels on one line: DATE, TIME, PLACE", () => {
  const v = values("Minutes of the Parish Council Meeting WEST DEREHAM PARISH COUNCIL ---------- DATE: Thursday 5th November 2020 TIME: 7:00pm PLACE: Virtual Meeting using Zoom PRESENT: Lorraine Hunt (Chair)");
  assert.deepEqual(v, { authority: "West Dereham Parish Council", body: "West Dereham Parish Council", date: "2020-11-05", startTime: "19:00", venue: "Zoom" });
});

// real US fronts: City of Alameda (2005, 2011), East Palo Alto Planning Commission (2020)
test("US fronts: a title line names the body, 'City of X' before it is the authority, the convened time starts", () => {
  const council = values("MINUTES OF THE REGULAR CITY COUNCIL MEETING\nTUESDAY- -JANUARY 18, 2005- -7:30 P.M.\n\nActing Mayor Gilmore convened the Regular Meeting at 7:45 p.m.\n\nRoll Call -\tPresent:\tCouncilmembers Daysog, deHaan,");
  assert.deepEqual([council.body, council.date, council.startTime], ["City Council", "2005-01-18", "19:45"]);
  const board = values("APPROVED MEETING MINUTES\nREGULAR MEETING OF THE\nCITY OF ALAMEDA PLANNING BOARD\nMONDAY, MARCH 14, 2011\n7: 00 p.m.\n\n1. CONVENE:\t7:08 p.m.");
  assert.deepEqual([board.authority, board.body, board.date], ["City of Alameda", "Planning Board", "2011-03-14"]);
  const epa = values("EAST PALO ALTO\nPLANNING COMMISSION\nREGULAR MEETING MINUTES\nJanuary 27, 2020, 7:00 p.m.\nEPA Government Center\nCity Council Chamber\nEast Palo Alto, CA 94303\n\n1. CALL TO ORDER AND ROLL CALL");
  assert.deepEqual([epa.body, epa.date], ["Planning Commission", "2020-01-27"]);
});

test("the call-to-order time beats the scheduled time in the heading (East Palo Alto, Lincoln Square SSA #21)", () => {
  const epa = "EAST PALO ALTO\nPLANNING COMMISSION\nREGULAR MEETING MINUTES\nJanuary 27, 2020, 7:00 p.m.\nEPA Government Center\n\n1. CALL TO ORDER AND ROLL CALL\n\nThe meeting was called to order by Commissioner Robert Sherrard at 7:07 p.m.\n\nAttendee Name\tTitle\tStatus\tArrived\n";
  const ctx = ctxOf(epa);
  // the item heading "1. CALL TO ORDER" ends the front; the call to order is read past it
  assert.equal(parseHeader(ctx, 6).startTime?.value, "19:07");
  const ssa = "Commission Meeting Minutes\n\nMinutes from Monday, January 29, 2018 – 9:00am at Carbon Arc Bar & Board\n Perfunctory Business\no Commissioners Present: Anthony Qaiyum, Zach Maiorca\n Meeting called to order at 9:08am – M. Prest (motion), C. Dallas (second)\n";
  assert.equal(values(ssa).startTime, "09:08");
  // a heading time with no call to order stays
  assert.equal(values("MINUTES\nJanuary 27, 2020, 7:00 p.m.\nThe Board discussed the budget at 7:30 p.m.\n").startTime, "19:00");
});

test("a parish meeting's authority is the parish council named under the signature", () => {
  // Souldern Annual Parish Meeting, 14 May 2015
  const text = "MINUTES OF SOULDERN ANNUAL PARISH MEETING\nHELD IN THE VILLAGE HALL\nON 14th MAY 2015\n\n1. Apologies:\nK Hewitt\n\nSigned ……………… Date ………\nChairman Souldern Parish Council";
  const v = values(text, "minutes.pdf", 3);
  assert.equal(v.body, "Souldern Annual Parish Meeting");
  assert.equal(v.authority, "Souldern Parish Council");
});
