import { test } from "node:test";
import assert from "node:assert/strict";
import { findVenue } from "./venue.ts";

const v = (s: string, after?: number) => findVenue(s, after)?.value ?? null;

test("reads labelled venues", () => {
  assert.equal(v("Date: 23 April 2018\n\nVenue: Mezzanine Rooms 1 & 2, County Hall, Aylesbury\n\nTime: 10.30 am"), "Mezzanine Rooms 1 & 2, County Hall, Aylesbury");
});

test("reads 'held in/at X' up to the date, time or next clause", () => {
  assert.equal(v("A meeting of the X Committee\n\nwas held in Exhibition Area, Merchant’s Quay, Limerick, on Wednesday 11th May, 2016 at"), "Exhibition Area, Merchant’s Quay, Limerick");
  assert.equal(v("HELD IN ARAS MAINCHIN\nSEOIGHE, MILLMOUNT, KILMALLOCK, CO. LIMERICK, ON\nTHURSDAY, 21\" NOVEMBER"), "Aras Mainchin Seoighe, Millmount, Kilmallock, Co. Limerick");
  assert.equal(v("MEETING HELD AT WEST DEREHAM VILLAGE HALL AT 7.30 pm ON THURSDAY 6 OCTOBER 2016"), "West Dereham Village Hall");
  assert.equal(v("The meeting was held in person at the Township of Nipissing Community Centre, and\nlivestreamed to the YouTube Channel."), "Township of Nipissing Community Centre");
  assert.equal(v("held on Thursday 25th November 2004 in the\n\nVillage Hall at 8.00 p.m."), "Village Hall");
  assert.equal(v("held on 3 June 2020 at 7.00 pm, Virtually online via Zoom"), "Zoom");
});

test("reads a place that follows the date and time", () => {
  const text = "Ordinary Meeting of the Parish Council Wednesday 5 September 2018 at 7.00 pm Stoke Ferry Village Hall\n\nAttendance: Cllr A";
  assert.equal(v(text, text.indexOf("pm") + 2), "Stoke Ferry Village Hall");
});

test("does not take times, conclusions or prose as a venue", () => {
  assert.equal(v("The meeting was held at 7.30pm."), null);
  assert.equal(v("HELD IN THE COUNCIL CHAMBER AT THE CONCLUSION OF THE MONTHLY MEETING"), "Council Chamber");
  assert.equal(v("Minutes of the Safe and Strong Communities Select Committee Meeting held on\n12 December 2016"), null);
  const text = "Wednesday 5 September 2018 at 7.00 pm\nAttendance: Cllr A";
  assert.equal(v(text, text.indexOf("pm") + 2), null);
});

test("venues starting with an accented capital", () => {
  assert.equal(v("HELD IN ÁRAS WILLIAM SMITH OBRIEN, NEWCASTLE WEST, CO. LIMERICK, ON WEDNESDAY, 2nd May"), "Áras William Smith Obrien, Newcastle West, Co. Limerick");
});

test("follows a place after the time onto the next line of its sentence", () => {
  // Los Rios Community College District, Board of Trustees, 11 March 2020
  const text =
    "The board meeting was called to order by Vice President Ortiz at 5:30 p.m., in the Winn Center\nCommunity Room at Cosumnes River College, 8401 Center Parkway, Sacramento, California.\n\nPresent:";
  assert.equal(v(text, text.indexOf("p.m.") + 4), "Winn Center Community Room at Cosumnes River College, 8401 Center Parkway, Sacramento, California");
});

test("reads the place printed on the heading lines under the date and time", () => {
  // East Palo Alto Planning Commission, 27 January 2020
  const text =
    "EAST PALO ALTO\nPLANNING COMMISSION\nREGULAR MEETING MINUTES\nJanuary 27, 2020, 7:00 p.m.\nEPA Government Center\nCity Council Chamber\nEast Palo Alto, CA 94303\n\n\n\n1. CALL TO ORDER AND ROLL CALL";
  assert.equal(v(text, text.indexOf("p.m.") + 4), "EPA Government Center, City Council Chamber, East Palo Alto, CA 94303");
});

test("reads a named place after 'at' following the time", () => {
  // Lincoln Square Special Service Area #21 Commission, 29 January 2018
  const text = "Minutes from Monday, January 29, 2018 – 9:00am at Carbon Arc Bar & Board\nPerfunctory Business";
  assert.equal(v(text, text.indexOf("am at") + 2), "Carbon Arc Bar & Board");
  const prose = "Wednesday 5 September 2018 at 7.00 pm at the request of the Chairman\n";
  assert.equal(v(prose, prose.indexOf("pm") + 2), null);
});
