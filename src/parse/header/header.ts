// Authority, body, date, start time and venue from the front of the minutes. The front is read
// as one joined text so that headers wrapped over several lines (PDF, OCR) and headers squeezed
// onto one line (Markdown exports of parish minutes) are read the same way.
import type { Located, ParseContext } from "../context.ts";
import { joinLines, squash, type Joined } from "../text/joined.ts";
import { bodyFromFileName, findCouncils, findMeetingOf, isGeneric, type Found } from "./bodies.ts";
import { findDates } from "./dates.ts";
import { findTimes, type TimeMatch } from "./times.ts";
import { findVenue } from "./venue.ts";
import { completeBareBody, splitCityOf, titleLineBody } from "./title-body.ts";

export interface Header {
  authority: Located<string> | null;
  body: Located<string> | null;
  date: Located<string> | null;
  startTime: Located<string> | null;
  venue: Located<string> | null;
}

/** Where the attendance starts in a header text: the header proper ends there. */
export const ATTENDANCE_START =
  /(?:^|[\s.,:;–-])(?:(?:members|councillors|those|officers)\s+)?(?:present\b|in\s+the\s+chair\b|in\s+hair\b|attendance\s*:|attendees\b|attending\s*:|the\s+following\s+were\b|apologies\b)/i;

/** The front of the document: lines before the first item, or the opening of a one-line document. */
export function frontText(ctx: ParseContext, frontEnd: number, maxChars = 3000): Joined {
  // at least the first few non-blank lines: an item heading found early (a date line taken for
  // a numbered heading) must not cut the header short
  let to = Math.max(frontEnd, 0);
  for (let i = 0, seen = 0; i < ctx.lines.length && seen < 6; i++) {
    if (ctx.lines[i].text.trim()) seen++;
    to = Math.max(to, i + 1);
  }
  to = Math.min(to, ctx.lines.length);
  // stop at maxChars, cutting the last line if it is long
  let total = 0;
  let end = 0;
  for (; end < to; end++) {
    total += ctx.lines[end].text.length + 1;
    if (total >= maxChars) {
      end++;
      break;
    }
  }
  const lastLen = end > 0 ? ctx.lines[end - 1].text.length : 0;
  const endCol = total > maxChars ? Math.max(0, lastLen - (total - 1 - maxChars)) : undefined;
  return joinLines(ctx, 0, end, { endCol });
}

const TIME_CUE = /(?:\bat|\btime\s*:?|\bcommenc\w*(?:\s+at)?|\bstart\w*(?:\s+at)?|\bbegin\w*(?:\s+at)?|\bfrom|@)\s*$/i;

/** The start time: one with a meridiem or a 24-hour colon, or a bare "7.30" after "at"/"Time:". */
function pickStartTime(text: string): TimeMatch | null {
  for (const t of findTimes(text, true)) {
    const raw = text.slice(t.index, t.index + t.length);
    if (/[ap]\.?\s?m|noon|:\d\d/i.test(raw)) return t;
    if (TIME_CUE.test(text.slice(Math.max(0, t.index - 20), t.index))) return t;
  }
  return null;
}

const BODY_WORD = /\b(?:committee|cabinet|council|board|panel|forum|sub-committee|commission|assembly|group|partnership|district|executive|authority|trust|spc)\b/i;

/** "Minutes\n\nCabinet": a short heading line after a bare "Minutes" line, or a body-like heading line. */
function headingBody(j: Joined): Found | null {
  const lines = j.text.split("\n");
  let offset = 0;
  const offsets = lines.map((l) => {
    const o = offset;
    offset += l.length + 1;
    return o;
  });
  const nonEmpty = lines.map((l, i) => ({ t: l.trim(), i })).filter((x) => x.t);
  for (let k = 0; k + 1 < nonEmpty.length && k < 12; k++) {
    if (!/^(?:draft\s+|confirmed\s+|approved\s+)?minutes:?$/i.test(nonEmpty[k].t)) continue;
    const next = nonEmpty[k + 1];
    if (next.t.length <= 80 && !/\d{4}|:/.test(next.t) && !/^(?:of|for)\b/i.test(next.t) && /^[A-Z]/.test(next.t)) {
      return { value: squash(next.t), index: offsets[next.i] + lines[next.i].indexOf(next.t), length: next.t.length };
    }
  }
  return null;
}

export function parseHeader(ctx: ParseContext, frontEnd: number): Header {
  const j = frontText(ctx, frontEnd);
  const text = j.text;
  const att = text.search(ATTENDANCE_START);
  // the header proper: up to the attendance
  const headEnd = att >= 0 ? att : text.length;
  const head = text.slice(0, headEnd);
  const at = (f: Found, implied = false): Located<string> => ({ value: f.value, span: j.span(f.index, f.index + f.length, implied) });

  // date: the first full date with its year in the header; else one near "held"/"meeting" further on
  let dateFound: Found | null = null;
  // a numeric date ("16/01/10") counts only after "on"/"held"/"Date:", since item numbers look alike
  const plausible = (src: string, d: { index: number; length: number }) =>
    /[A-Za-z]{3}/.test(src.slice(d.index, d.index + d.length).replace(/^\s*on\b/i, "")) || /\b(?:on|held|dated?\s*:?)\s*$/i.test(src.slice(Math.max(0, d.index - 12), d.index));
  const headDates = findDates(head).filter(
    (d) => d.yearStated && plausible(head, d) && !/\b(?:last|previous)\s+meeting\b[^.]{0,40}$/i.test(head.slice(Math.max(0, d.index - 60), d.index)),
  );
  // a date whose year was guessed, or found past the header, is one for a reviewer to check
  let dateLow = false;
  if (headDates.length) dateFound = { value: headDates[0].value, index: headDates[0].index, length: headDates[0].length };
  else if ((dateFound = yearlessDate(ctx, head))) {
    dateLow = true;
    ctx.warn(`The meeting date is printed without a year; the year ${dateFound.value.slice(0, 4)} is the one the document mentions most.`);
  } else {
    for (const d of findDates(text)) {
      const before = text.slice(Math.max(0, d.index - 80), d.index);
      if (!d.yearStated || !plausible(text, d) || /\b(?:minutes|last|previous|dated)\b/i.test(before)) continue;
      if (/\b(?:held|meeting|date)\b/i.test(before)) {
        dateFound = { value: d.value, index: d.index, length: d.length };
        dateLow = true;
        break;
      }
    }
  }

  // start time: in the header proper
  const t = pickStartTime(head);
  const startTime = calledToOrder(ctx) ?? (t ? at({ value: t.value, index: t.index, length: t.length }) : null);

  // venue: labelled, "held in X", or the place after the date and time
  let afterTime: number | undefined;
  if (t && (!dateFound || dateFound.index < t.index)) afterTime = t.index + t.length;
  else if (dateFound && t && t.index < dateFound.index) afterTime = dateFound.index + dateFound.length;
  const venueFound = findVenue(head, afterTime);

  // body: "minutes/meeting of X", a heading after "Minutes", a named council; else the file name
  let body: Located<string> | null = null;
  const councils = findCouncils(head);
  const meetingOf = findMeetingOf(head) ?? findMeetingOf(text.slice(0, 1500));
  const heading = headingBody(j);
  let authorityInBody: Located<string> | null = null;
  let title: Found | null = null;
  if (meetingOf) {
    let f = meetingOf;
    // "Limerick City and County Council, Home and Social Development SPC": council, then body
    const lead = findCouncils(f.value)[0];
    if (lead && lead.index === 0 && f.value.length > lead.length + 3) {
      const rest = f.value.slice(lead.length).replace(/^[\s,:–-]+|^['’]s\s+/g, "").trim();
      if (rest && !isGeneric(rest) && BODY_WORD.test(rest)) {
        authorityInBody = { value: lead.value, span: j.span(f.index, f.index + lead.length) };
        f = { value: rest, index: f.index, length: f.length };
      }
    }
    // "Planning Committee of X District Council": the council is the authority, not part of the body
    const of = f.value.match(/^(.*?\S)\s+of\s+(?:the\s+)?(.+\bCouncil)$/i);
    if (of && BODY_WORD.test(of[1]) && !isGeneric(of[2]) && !/\bdistrict$/i.test(of[1])) f = { ...f, value: of[1], length: of[1].length };
    body = at(f);
  } else if (heading && BODY_WORD.test(heading.value)) body = at(heading);
  else if ((title = titleLineBody(head))) body = at({ ...title, value: completeBareBody(title.value, ctx.source.text) });
  else if (councils.length) body = at(councils[0]);
  else if (heading) body = { ...at(heading), low: true };
  else {
    const fromName = bodyFromFileName(ctx.source.file);
    if (fromName) body = { value: fromName, span: ctx.span(0, 0, 0, true) };
    else {
      const anywhere = findCouncils(text)[0];
      if (anywhere) body = at(anywhere, true);
    }
  }

  // "City of Alameda Planning Board", "Pension Board of the City of Alameda": the city is the authority
  if (body) {
    const split = splitCityOf(body.value);
    if (split.body !== body.value) {
      if (split.authority && !authorityInBody) authorityInBody = { value: split.authority, span: body.span };
      body = { ...body, value: split.body };
    }
  }

  // authority: parish and town councils are their own; otherwise the council named in the header,
  // else the council most named in the whole document (a municipal district's county council)
  let authority: Located<string> | null = authorityInBody;
  if (authority) {
    // named with the body
  } else if (body && /\b(?:(?:parish|town|village|community)\s+council|PC)$/i.test(body.value)) authority = body;
  else {
    const named = councils.find((c) => !/\b(?:parish|town|village|community)\s+council$/i.test(c.value) || c.value === body?.value);
    if (named) authority = at(named);
    else if (body && /\bcouncil$/i.test(body.value) && !isGeneric(body.value)) authority = body;
    else if (body && /\b(?:municipal|metropolitan)\s+district\b/i.test(body.value)) {
      const most = mostNamedCouncil(ctx);
      authority = most && { ...most, low: true };
    }
    else if (body && /\b(?:parish|town)\s+meeting$/i.test(body.value)) authority = ownCouncil(ctx, body.value);
  }

  return {
    authority,
    body,
    date: dateFound ? { ...at(dateFound), ...(dateLow ? { low: true } : {}) } : null,
    startTime,
    venue: venueFound ? at(venueFound) : null,
  };
}

// "called to order … at 7:07 p.m.", "convened the Regular Meeting at 7:45 p.m.", "Meeting opened at 7.30pm"
const CALL_TO_ORDER = /\b(?:called\s+(?:the\s+[\w\s]{0,40}?)?to\s+order|convened|opened\s+the\s+meeting|meeting\s+opened)\b/gi;

/**
 * The time the meeting was called to order, when the minutes print one near their start: the
 * heading gives the scheduled time, this the actual one. Read past the first item heading, since
 * "Call to Order" is often item 1.
 */
function calledToOrder(ctx: ParseContext): Located<string> | null {
  const j = joinLines(ctx, 0, Math.min(ctx.lines.length, 80), { endCol: undefined });
  const text = j.text.slice(0, 6000);
  CALL_TO_ORDER.lastIndex = 0;
  const m = CALL_TO_ORDER.exec(text);
  if (!m) return null;
  const from = m.index + m[0].length;
  // the time in the same sentence, with a meridiem or a 24-hour colon
  const window = text.slice(from, from + 100).split(/[.;](?!\s?m\b)(?=\s+[A-Z]|\s*$)/)[0];
  const time = findTimes(window).find((x) => /\bat\s*$|^\s*$/i.test(window.slice(Math.max(0, x.index - 4), x.index)));
  if (!time) return null;
  return { value: time.value, span: j.span(from + time.index, from + time.index + time.length) };
}

/** A day and month with no year ("THURSDAY 1st FEBRUARY AT 3.00PM"), placed in the year the document names most. */
function yearlessDate(ctx: ParseContext, head: string): Found | null {
  const years = new Map<number, number>();
  // years of full dates count, not budget years ("Budget 2023") or reference numbers
  const MONTHS = "(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*";
  const full = new RegExp(`\\b\\d{1,2}(?:st|nd|rd|th)?,?\\s+${MONTHS},?\\s+(19[5-9]\\d|20[0-4]\\d)\\b|\\b${MONTHS}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+(19[5-9]\\d|20[0-4]\\d)\\b`, "gi");
  for (const m of ctx.source.text.matchAll(full)) {
    const y = Number(m[1] ?? m[2]);
    years.set(y, (years.get(y) ?? 0) + 1);
  }
  for (const m of ctx.source.file.matchAll(/(?<!\d)(19[5-9]\d|20[0-4]\d)(?!\d)/g)) years.set(Number(m[1]), (years.get(Number(m[1])) ?? 0) + 2);
  let year = 0;
  let best = 0;
  for (const [y, n] of years) if (n > best) [year, best] = [y, n];
  if (!year) return null;
  const ref = new Date(Date.UTC(year, 6, 1, 12));
  const d = findDates(head, ref, false).find((x) => !x.yearStated && /[A-Za-z]{3}/.test(head.slice(x.index, x.index + x.length)));
  return d ? { value: d.value, index: d.index, length: d.length } : null;
}

/** The upper-tier council named most often in the whole document ("Limerick City and County Council"). */
/**
 * "Souldern Annual Parish Meeting": the parish council of the same place, wherever the document
 * names it (often only under the chair's signature).
 */
function ownCouncil(ctx: ParseContext, body: string): Located<string> | null {
  const place = body.split(/\s+/)[0].toLowerCase();
  const all = joinLines(ctx, 0, ctx.lines.length);
  for (const c of findCouncils(all.text)) {
    if (!/\b(?:parish|town)\s+council$/i.test(c.value)) continue;
    // "Chairman Souldern Parish Council": the words before the place are the signer's office
    const words = c.value.split(/\s+/);
    const k = words.findIndex((w) => w.toLowerCase() === place);
    if (k < 0) continue;
    const value = words.slice(k).join(" ");
    const start = c.index + c.value.length - value.length;
    return { value, span: all.span(start, start + value.length) };
  }
  return null;
}

function mostNamedCouncil(ctx: ParseContext): Located<string> | null {
  const all = joinLines(ctx, 0, ctx.lines.length);
  const counts = new Map<string, { n: number; f: Found }>();
  for (const f of findCouncils(all.text)) {
    if (!/\b(?:county|city|borough|district|metropolitan|regional)\s+council$/i.test(f.value)) continue;
    // "City & County" and "City and County" are one council; the spelled-out form is kept
    const key = f.value.replace(/\s&\s/g, " and ");
    const c = counts.get(key);
    if (c) {
      c.n++;
      if (/\band\b/.test(f.value) && !/\band\b/.test(c.f.value)) c.f = f;
    } else counts.set(key, { n: 1, f });
  }
  let best: { n: number; f: Found } | null = null;
  for (const c of counts.values()) if (!best || c.n > best.n) best = c;
  return best ? { value: best.f.value, span: all.span(best.f.index, best.f.index + best.f.length) } : null;
}
