// Where the meeting was held: "Venue: …" lines, "held in/at X, on …", a place after the date and
// time ("… at 7.00 pm Stoke Ferry Village Hall"), and virtual meetings ("via Zoom" → "Zoom").
import { isShouting, squash, titleCase } from "../text/joined.ts";
import type { Found } from "./bodies.ts";

const WEEKDAY = "(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?";
const PLACE_WORD =
  /\b(?:hall|centre|center|room|rooms|chamber|chambers|church|house|offices?|school|library|pavilion|quay|institute|museum|building|club|court|hotel|inn|barn|hub|lodge|arena|theatre|castle|civic|council|county|town|village|street|road|lane|square|zoom|teams|online|virtual|mezzanine|suite|annex|annexe|area)\b/i;

const PLATFORMS: [RegExp, string][] = [
  [/\bzoom\b/i, "Zoom"],
  [/\b(?:microsoft|ms)\s+teams\b|\bvia\s+teams\b|\bon\s+teams\b/i, "Microsoft Teams"],
  [/\bskype\b/i, "Skype"],
  [/\bwebex\b/i, "Webex"],
];

/** A virtual-meeting platform named in `text` ("Virtually online via Zoom" → "Zoom"). */
export function virtualVenue(text: string): string | null {
  for (const [re, name] of PLATFORMS) if (re.test(text)) return name;
  return null;
}

// Where a "held in X" venue stops: a date or time, the attendance, a new sentence.
const STOP = new RegExp(
  [
    `,?\\s+on\\s+(?:${WEEKDAY}|the\\s+\\d|\\d)`,
    `,?\\s+(?:at|from)\\s+\\d`,
    `,?\\s+(?:at|after|following)\\s+the\\s+(?:conclusion|close|end)\\b`,
    `,?\\s+immediately\\b`,
    `,?\\s+(?:commencing|starting|beginning)\\b`,
    `,?\\s+(?:${WEEKDAY})\\b`,
    `,\\s+and\\b`,
    `\\s+and\\s+(?:live|stream|broadcast|virtual|online|remote)`,
    `\\s+(?:present|attendance|apologies)\\b`,
    `(?<!\\b(?:Co|St|Rd|No|Ave|Nr|Mt))\\.(?:\\s|$)`,
    `[;:(]`,
    `\\s+[-–]\\s`,
  ].join("|"),
  "i",
);

function tidy(raw: string): string | null {
  let v = squash(raw).replace(/^(?:the)\s+/i, "").replace(/[,\s]+$/, "");
  if (v.length < 3 || v.length > 140 || !/[A-Za-z]{3}/.test(v)) return null;
  if (/^\d/.test(v)) return null;
  if (isShouting(v)) v = titleCase(v);
  return v.charAt(0).toUpperCase() + v.slice(1);
}

/** The venue stated in the header text, with its place in `text`. */
export function findVenue(text: string, afterTime?: number): Found | null {
  // "Venue: Mezzanine Rooms 1 & 2, County Hall, Aylesbury"
  const label =
    /^[ \t]*(?:venue|place|location|held at)\s*[:\-–]\s*(.+)$/im.exec(text) ??
    // "DATE: … TIME: 7:00pm PLACE: Virtual Meeting using Zoom PRESENT: …" on one line
    /\b(?:VENUE|PLACE|LOCATION|Venue|Place|Location)\s*:\s*(.+?)(?=\s+[A-Z]{3,}(?:\s+[A-Z]{2,})*\s*:|\n|$)/.exec(text);
  if (label) {
    const v = tidy(label[1]);
    if (v) return { value: virtualVenue(v) ?? v, index: label.index + label[0].indexOf(label[1]), length: label[1].length };
  }
  // "held (in person) at/in (the) X, on …"; "took place at X"
  const held = /\b(?:held|took\s+place|convened|met)\b(?:\s+(?:on|at)\s+[^,]{0,60}?)??\s+(?:in\s+person\s+)?(?:in|at|within)\s+(?!\d)(?!(?:the\s+)?conclusion\b)/gi;
  for (let m = held.exec(text); m; m = held.exec(text)) {
    const start = m.index + m[0].length;
    const rest = text.slice(start, start + 200);
    const s = rest.search(STOP);
    const raw = s >= 0 ? rest.slice(0, s) : rest.split(/\n\s*\n/)[0];
    const v = tidy(raw);
    if (!v) continue;
    const virtual = virtualVenue(v);
    if (virtual) return { value: virtual, index: start, length: raw.length };
    if (!/^\p{Lu}/u.test(raw.replace(/^the\s+/i, "")) && !PLACE_WORD.test(v)) continue;
    return { value: v, index: start, length: raw.length };
  }
  // "… Wednesday 5 September 2018 at 7.00 pm Stoke Ferry Village Hall" (rest of the line after the time)
  if (afterTime !== undefined) {
    const found = placeAfterTime(text, afterTime);
    if (found) return found;
  }
  const virtual = virtualVenue(text);
  if (virtual) {
    const i = text.search(PLATFORMS.find(([re]) => re.test(text))![0]);
    return { value: virtual, index: Math.max(0, i), length: virtual.length };
  }
  return null;
}

// A line this long is a wrapped line of prose, not a centred heading line.
const PROSE_LINE = 60;

function placeAfterTime(text: string, afterTime: number): Found | null {
  const after = text.slice(afterTime, afterTime + 400);
  const lines = after.split("\n");
  const line = lines[0];
  const lead = line.match(/^[\s,.–-]*(?:(?:in|at)\s+)?/)![0];
  const start = afterTime + lead.length;
  let rest = line.slice(lead.length);
  if (!rest.trim()) return headingLinesPlace(lines.slice(1), afterTime + line.length + 1);
  // "… at 5:30 p.m., in the Winn Center\nCommunity Room at …": the sentence runs on past the line's end
  const lineStart = text.lastIndexOf("\n", afterTime) + 1;
  // and ends on the next line ("…, Sacramento, California.")
  if (rest.search(STOP) < 0 && afterTime + line.length - lineStart >= PROSE_LINE && lines[1]?.trim() && `${rest}\n${lines[1]}`.search(STOP) > rest.length) rest += "\n" + lines[1];
  const s = rest.search(STOP);
  const raw = s >= 0 ? rest.slice(0, s) : rest;
  const v = tidy(raw);
  if (!v || v.split(/\s+/).length > 16) return null;
  // "9:00am at Carbon Arc Bar & Board": a proper name introduced by "at"/"in" is a place whatever its words
  const named = /\b(?:in|at)\s+$/i.test(lead) && /^\p{Lu}/u.test(raw) && s < 0 && v.split(/\s+/).length <= 8;
  if (!named && !(PLACE_WORD.test(v) && v.split(/\s+/).length <= 12 + (rest.includes("\n") ? 4 : 0))) return null;
  return { value: virtualVenue(v) ?? v, index: start, length: raw.length };
}

// "January 27, 2020, 7:00 p.m.\nEPA Government Center\nCity Council Chamber\nEast Palo Alto, CA 94303":
// short heading lines under the date and time, up to a blank line, are the place's lines
function headingLinesPlace(lines: string[], index: number): Found | null {
  const parts: string[] = [];
  let length = 0;
  for (const l of lines.slice(0, 4)) {
    const t = l.trim();
    if (!t || t.length > PROSE_LINE || /[:;]/.test(t) || !/[A-Za-z]{2}/.test(t) || /^\d+[.)]\s/.test(t)) break;
    parts.push(t.replace(/,$/, ""));
    length += l.length + 1;
  }
  if (!parts.length || !PLACE_WORD.test(parts[0])) return null;
  const v = tidy(parts.join(", "));
  if (!v) return null;
  return { value: virtualVenue(v) ?? v, index: index + lines[0].indexOf(lines[0].trim()), length: Math.max(0, length - 1) };
}
