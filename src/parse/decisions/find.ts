// Finds the decisions in an item's text. Each unit (sentence, list entry) is read for, in order:
// a formal record ("RESOLVED …"), a numbered motion with its movers, a seconded proposal, an impersonal
// agreement ("it was agreed to …"), a body agreeing ("The Councillors agreed …"), a passive record
// ("These were agreed as a true record"), a deferral. What one person undertook, what another body
// decided, what failed, and courtesies are left out.
import { splitUnits, LIST_MARKER, type Unit } from "./sentences.ts";
import {
  ACTIVE_VERB,
  BARE_RECORD,
  COURTESY,
  DEFERRAL_UNIT,
  FAILED,
  IMPERSONAL,
  NOT_A_DECISION_BEFORE,
  OTHER_BODY,
  PASSIVE,
  MINUTES_PASSIVE,
  TO_BE_RECONSIDERED,
  formalRest,
  isCollectiveSubject,
} from "./keywords.ts";
import { MOVERS_HEAD, OUTCOME_TAIL, OUTCOME_UNIT, WHEREAS, isNegativeOutcome, proposalText } from "./motions.ts";
import { flatten, stripLeading, tidy } from "./cleanup.ts";
import { isMoversOnly, readMovers, readMoversHead, type Movers } from "./movers.ts";
import { dropConnective, splitParts } from "./parts.ts";
import type { Votes } from "../../domain/minutes.ts";
import { withVoteBlocks } from "./vote-blocks.ts";
import { MOTION_FAILED, OUTCOME_AFTER, SECOND_OR_OUTCOME, lineRecords, usMotion } from "./us-motions.ts";

export type DecisionKind = "formal" | "motion" | "proposal" | "impersonal" | "subject" | "passive" | "deferral" | "minutes";

export interface Decision {
  text: string;
  /** character range in the item text the decision was read from */
  start: number;
  end: number;
  kind: DecisionKind;
  unit: number;
  /** who moved and seconded it, as written; null where the minutes do not say */
  movedBy?: string | null;
  secondedBy?: string | null;
  /** for one clause of a resolution split into its clauses: the range of the whole resolution, where its votes are recorded */
  whole?: { start: number; end: number };
  /** the votes read for a resolution's first clause, shared by the others (set by resolutions.ts) */
  votes?: Votes | null;
}

/** A sentence reporting what someone said or asked. */
const SPOKEN = /\b(?:said|says|asked|stated|expressed|noted|commented|discussed|questioned|responded|replied|explained|suggested|clarified|indicated|mentioned|spoke|thanked|inquired|requested)\b/i;

/** Where the minutes go back to recording what the members did after an officer's reply. */
const MEMBERS_AGAIN =
  /^(?:(?:following|after)\b[^.]*\b(?:agreed|resolved|decided)\b|(?:the\s+)?(?:elected\s+)?(?:members|councillors)\s+(?:then\s+|also\s+|unanimously\s+)?(?:agreed|resolved|decided)\b|it\s+was\s+(?:(?:also|further|then|unanimously)\s+)?(?:agreed|resolved|decided)|on\s+the\s+proposal|proposed\s+by|the\s+motion\s+was|and\s+resolved|resolved\s*:)/i;
const REPLY = /^(?:reply|response|answer|officer'?s?\s+(?:reply|response))\s*[:\-–]?\s*$|^(?:reply|response)\s*:/i;
/** A resolution keyword in the middle of a unit: "Play Area Repairs Quote Resolved16/01/13.1 It was agreed …". */
const INLINE_FORMAL = /(?:\bAND\s+)?\bRESOLVED\b(?=\s*[:–—-]|\s*$|\s*\n)|\bResolved\s*(?=\d+[./]\d)/g;
/** A line naming only a mover or seconder. */
const MOVER_LINE = /^(?:(?:moved|proposed|seconded)\s+by\b|(?:mover|seconder)\s*:)[^.]{0,80}[.;,]?$/i;
/** A sentence that records the fate of a motion stated before it. */
const OUTCOME_REF =
  /^(?:(?:the|this|that|said)(?:\s+(?:motion|proposal|amendment|resolution|notice\s+of\s+motion))?\s+was\s+(?:duly\s+)?seconded\s+by\s+[^.;]{1,80}?\s+and\s+(?:was\s+)?(?:unanimously\s+)?(?:agreed|carried|adopted|passed|approved)|(?:the|this|that|said)\s+(?:motion|proposal|amendment|resolution|notice\s+of\s+motion)\s+was\s+(?:unanimously\s+)?(?:agreed|carried|adopted|passed|approved)|seconded\s*(?:by)?\s*:?\s*[^;]{1,60}?\s+and\s+(?:unanimously\s+)?(?:agreed|carried))\b/i;
const MOTION_OPENS = /^["“‘']?[*_]*\s*(?:that\b|be\s+it\s+(?:further\s+)?resolved\b|(?:and\s+)?whereas\b|now\s+therefore\b)/i;
const REPORTED = /\b(?:stated|reported|advised|informed\s+\w+|explained|said)\s+that\b[^,;]*$|\bin\s+(?:19|20)\d\d\b|\b(?:at|in|during)\s+(?:a|the|their|its|his|her)\s+(?:(?:last|previous|earlier|recent|next|\w+)\s+){0,2}(?:meeting|session)\b|\blast\s+(?:week|month)\b|\bpreviously\b/i;

/** "The official meeting concluded at 9.57pm", "declared the meeting closed": nothing after it is an item's decision. */
const MEETING_CLOSED = /\b(?:meeting|session)\s+(?:was\s+)?(?:closed|concluded|ended|finished|terminated)(?:\s+at\b|\s*[.,;]|\s*$)|\bdeclared\s+the\s+meeting\s+closed\b|\bmeeting\s+closed\s+at\b/i;

export function findDecisions(text: string): Decision[] {
  return readItem(text).decisions;
}

/** The item's decisions, and those recorded after the meeting had closed (for a warning, not the item). */
export function readItem(text: string): { decisions: Decision[]; afterClose: Decision[] } {
  const units = splitAtMotions(text, withoutFooters(text, splitAtInlineMarkers(text, splitUnits(text))));
  const masked = maskedRanges(text, units);
  const inMask = (pos: number) => masked.some(([a, b]) => pos >= a && pos < b);
  const out: Decision[] = [];
  const decided = new Set<number>();
  const unitText = (k: number) => text.slice(units[k].start, units[k].end);
  // a unit is read for a motion on its own and again while the motion before it looks for its second
  const flat: string[] = [];
  const flatUnit = (k: number) => (flat[k] ??= flatten(unitText(k)));
  const opensDecision = (k: number) => {
    const x = unitText(k);
    return formalRest(x) !== null || MOVERS_HEAD.test(x) || MOTION_OPENS.test(x);
  };
  /**
   * The movers of a decision read from units first..last: in its own words, else in "Proposed by …" /
   * "Seconded by …" units just before it (unless they close an earlier decision), else just after it
   * (unless they open the next one).
   */
  const moversOf = (first: number, last: number): Movers => {
    const own = readMovers(text.slice(units[first].start, units[last].end));
    if (own.movedBy && own.secondedBy) return own;
    let b = first;
    while (b > 0 && first - b < 3 && isMoversOnly(unitText(b - 1))) b--;
    let a = last;
    while (a + 1 < units.length && a - last < 3 && isMoversOnly(unitText(a + 1))) a++;
    let near: Movers = { movedBy: null, secondedBy: null };
    if (b < first && !(b > 0 && decided.has(b - 1) && !opensDecision(first))) near = readMovers(text.slice(units[b].start, units[first - 1].end));
    else if (a > last && !(a + 1 < units.length && opensDecision(a + 1))) near = readMovers(text.slice(units[last + 1].start, units[a].end));
    return { movedBy: own.movedBy ?? near.movedBy, secondedBy: own.secondedBy ?? near.secondedBy };
  };
  const add = (d: Omit<Decision, "text"> & { text: string }, last = d.unit, movers?: Movers) => {
    const t = d.text.trim();
    // "(For information only)" and the like say nothing that was decided
    if (!t || !/[A-Za-z]{2}/.test(t) || /^\([^()]*\)\.?$/.test(t)) return;
    const m = movers ?? moversOf(d.unit, Math.max(d.unit, last));
    out.push({ ...d, text: t, movedBy: m.movedBy, secondedBy: m.secondedBy });
    for (let k = d.unit; k <= Math.max(d.unit, last); k++) decided.add(k);
  };
  /** A resolution read from units u..last, as one decision or as its lettered or numbered clauses. */
  const addRead = (r: Read, kind: DecisionKind, u: number, movers?: Movers) => {
    if (r.text === null) return;
    const parts = splitParts(text, r.start, r.end);
    if (!parts) return add({ text: r.text, start: r.start, end: r.end, kind, unit: u }, r.last, movers);
    const m = movers ?? moversOf(u, r.last);
    const whole = { start: r.start, end: r.end };
    for (const p of parts) {
      const raw = text.slice(p.start, p.end);
      const t = dropConnective(tidy(kind === "motion" ? raw.replace(MOTION_OUTCOME, "") : raw));
      if (t) add({ text: t, start: p.start, end: p.end, kind, unit: u, whole }, r.last, m);
    }
  };

  for (let u = 0; u < units.length; u++) {
    const unit = units[u];
    const s = text.slice(unit.start, unit.end);
    if (inMask(unit.start) || FURNITURE.test(s)) continue;

    // 1. numbered motion with movers: "R2024-070 S. Kirkey, T. Butler:" / region starting with the movers
    const movers = MOVERS_HEAD.exec(s);
    if (movers) {
      const r = readMotion(text, units, u, unit.start + movers[0].length);
      addRead(r, "motion", u, readMoversHead(movers[0]));
      u = r.last;
      continue;
    }

    // 1b. "Moved by: A" / "Seconded by: B" lines, then the motion ("THAT …", "WHEREAS …") up to its outcome
    if (MOVER_LINE.test(s)) {
      let n = u + 1;
      const skip = (x: string) => MOVER_LINE.test(x) || FURNITURE.test(x) || /^[-\s\d]*$/.test(x);
      while (n < units.length && skip(text.slice(units[n].start, units[n].end))) n++;
      const next = units[n];
      if (next && MOTION_OPENS.test(text.slice(next.start, next.end))) {
        const r = readMotion(text, units, n, next.start);
        addRead(r, "motion", n, readMovers(text.slice(unit.start, units[n - 1].end)));
        u = r.last;
        continue;
      }
    }

    // 1c. "The Motion was seconded by Councillor Hourigan and agreed." — the decision is the motion above
    if (OUTCOME_REF.test(s) && !FAILED.test(s)) {
      const back = motionAbove(text, units, u, out);
      if (back) {
        const above = readMovers(text.slice(back.from, back.end));
        const here = readMovers(s);
        add({ text: back.text, start: back.start, end: back.end, kind: "motion", unit: u }, u, {
          movedBy: above.movedBy ?? here.movedBy,
          secondedBy: here.secondedBy ?? above.secondedBy,
        });
        continue;
      }
    }

    // 1c2. one decision a line, closed by "– M. Prest (motion), C. Dallas (second)" or headed "APPROVED –"
    const lines = lineRecords(s);
    if (lines.length) {
      for (const l of lines) add({ text: l.text, start: unit.start + l.start, end: unit.start + l.end, kind: "motion", unit: u }, u, { movedBy: l.movedBy, secondedBy: l.secondedBy });
      continue;
    }

    // 1d. "X moved approval of …" / "A motion was made by X, seconded by Y, that …", then its
    // second and fate in the same or the next few units ("Y seconded the motion, which carried …")
    const us = usMotion(flatUnit(u));
    if (us) {
      let last = u;
      let closed = us.closed;
      const seen: string[] = [s];
      let seconder = us.secondedBy;
      let secondAt = -1;
      for (let n = u + 1; n < units.length && n <= u + 12 && !closed; n++) {
        const ns = text.slice(units[n].start, units[n].end);
        if (usMotion(flatUnit(n)) || formalRest(ns) !== null) break;
        seen.push(ns);
        last = n;
        if (SECOND_OR_OUTCOME.test(ns)) {
          closed = true;
          secondAt = n;
          seconder ??= /^\s*(.+?)\s+seconded\b/.exec(flatUnit(n))?.[1] ?? null;
        }
      }
      // a few sentences between the motion and its second spell the motion out ("There would be
      // clarification on …"); what members said there is debate
      let motionText = us.text;
      let motionEnd = unit.end;
      if (secondAt > u + 1 && secondAt - u - 1 <= 3 && /^[ \t]*\S/.test(text.slice(units[secondAt].start, units[secondAt].end))) {
        const between = units.slice(u + 1, secondAt).map((x) => text.slice(x.start, x.end));
        if (!between.some((x) => SPOKEN.test(x) || MOTION_FAILED.test(x))) {
          motionText = `${us.text} ${between.join(" ")}`;
          motionEnd = units[secondAt - 1].end;
        }
      }
      // a vote on the motion may follow its second ("… seconded the motion. Motion carried 5-0")
      if (closed && last + 1 < units.length && OUTCOME_AFTER.test(text.slice(units[last + 1].start, units[last + 1].end))) {
        last++;
        seen.push(text.slice(units[last].start, units[last].end));
      }
      if (closed) {
        if (!seen.some((x) => MOTION_FAILED.test(x))) {
          add({ text: tidy(motionText), start: unit.start, end: motionEnd, kind: "motion", unit: u }, last, { movedBy: us.movedBy, secondedBy: seconder });
        }
        u = last;
        continue;
      }
    }

    // 2. formal record
    const rest = formalRest(s);
    if (rest !== null) {
      const r = readFormal(text, units, u, unit.end - rest.length);
      addRead(r, "formal", u);
      u = r.last;
      continue;
    }

    // 3. narrative; "it was agreed to allocate the following:" takes the list under it
    const prev = u > 0 ? text.slice(units[u - 1].start, units[u - 1].end) : "";
    for (const d of narrative(s, unit.start, u, inMask, prev)) {
      if (/:$/.test(d.text)) {
        const items: string[] = [];
        let n = u + 1;
        while (n < units.length && LIST_MARKER.test(text.slice(units[n].start, units[n].end)) && !TABLE_ROW(text.slice(units[n].start, units[n].end))) {
          items.push(text.slice(units[n].start, units[n].end));
          n++;
        }
        if (items.length) {
          d.text = tidy(`${d.text}\n${items.join("\n")}`);
          d.end = units[n - 1].end;
          add(d, n - 1);
          u = n - 1;
          continue;
        }
      }
      add(d);
    }
  }
  const all = dropRepeats(withoutLostAmendments(text, units, withVoteBlocks(text, units, out))).sort((a, b) => a.start - b.start);
  const close = units.find((x) => MEETING_CLOSED.test(text.slice(x.start, x.end)));
  if (!close) return { decisions: all, afterClose: [] };
  return { decisions: all.filter((d) => d.start < close.end), afterClose: all.filter((d) => d.start >= close.end) };
}

// "moved … an amendment that …", "the following amendment:", "an amendment was proposed by …";
// not "adopted without any amendment" nor "a vote on the Amendment"
const MOVES_AMENDMENT =
  /\b(?:an|the\s+following|following|this|his|her|their)\s+amendment\b[^.]{0,20}?(?:\bthat\b|\bto\b|:)|\b(?:moved|proposed|seconded|tabled)\s+(?:an?\s+|the\s+following\s+)amendment\b|\bamendment\s+(?:was\s+)?(?:moved|proposed|tabled)\b/i;
const AMENDMENT_FAILED = /\bamendment\b[^.]{0,80}?\b(?:defeated|lost|fell|failed|withdrawn|not\s+carried|not\s+seconded|rejected)\b/i;

/**
 * An amendment moved and then lost is not what the meeting decided: the motion carried after it is.
 * A decision read from a unit that moves an amendment goes when a later unit of the item records
 * that the amendment was lost (defeated, fell, withdrawn …).
 */
function withoutLostAmendments(text: string, units: Unit[], out: Decision[]): Decision[] {
  let lastLost = -1;
  for (let k = 0; k < units.length; k++) if (AMENDMENT_FAILED.test(text.slice(units[k].start, units[k].end))) lastLost = k;
  if (lastLost < 0) return out;
  return out.filter((d) => {
    const own = text.slice(units[d.unit].start, units[d.unit].end);
    return !(d.unit <= lastLost && MOVES_AMENDMENT.test(own) && !/\bas\s+amended\b/i.test(own));
  });
}

/**
 * A unit runs over a blank line where a heading looks like a wrapped line ("A.   California Community
 * Colleges Classified Employee of the Year", blank, "A motion was made by …"): a motion opening the
 * paragraph after the blank line starts a unit of its own.
 */
function splitAtMotions(text: string, units: Unit[]): Unit[] {
  const out: Unit[] = [];
  for (const unit of units) {
    const s = text.slice(unit.start, unit.end);
    let from = 0;
    for (const m of s.matchAll(/\n[ \t]*\n\s*/g)) {
      const at = m.index! + m[0].length;
      // the head of the paragraph is enough to tell a motion
      if (!usMotion(flatten(s.slice(at, at + 400)))) continue;
      out.push({ start: unit.start + from, end: unit.start + trimEnd(s, m.index!), block: from === 0 ? unit.block : true });
      from = at;
    }
    out.push(from === 0 ? unit : { start: unit.start + from, end: unit.end, block: true });
  }
  return out.filter((x) => x.end > x.start);
}

/** A running footer line: "Approved Minutes        Page 1 of 5" (a title, then the page count at the end). */
const FOOTER_LINE = /^[^\n]{0,160}?\bpage\s+\d{1,3}\s+of\s+\d{1,3}[ \t]*(?:\n|$)/i;

/** "A. Nomination and Selection of Chair" on a line of its own above the record: a sub-heading. */
const LETTERED_HEADING = /^[A-Z]\.[ \t]+([A-Z][^.!?;:\n]{2,80})\n/;
const MINOR_WORD = /^(?:a|an|and|as|at|by|for|from|in|into|of|on|or|the|to|with)$/;

function letteredHeading(s: string): RegExpExecArray | null {
  const m = LETTERED_HEADING.exec(s);
  if (!m) return null;
  const words = m[1].trim().split(/\s+/).filter((w) => !MINOR_WORD.test(w));
  // a heading capitalises its words; "B. Murphy informed the meeting …" is a sentence
  return words.length && words.every((w) => /^[A-Z(“"‘0-9]/.test(w)) ? m : null;
}

/** Units that open with a page's running footer or lettered sub-headings start after them: they are not part of what follows. */
function withoutFooters(text: string, units: Unit[]): Unit[] {
  const out: Unit[] = [];
  for (const unit of units) {
    let start = unit.start;
    while (start < unit.end) {
      const lead = /^\s*/.exec(text.slice(start, Math.min(unit.end, start + 200)))![0].length;
      const head = text.slice(start + lead, Math.min(unit.end, start + lead + 200));
      const m = FOOTER_LINE.exec(head) ?? letteredHeading(head);
      if (!m) break;
      start += lead + m[0].length;
    }
    if (start > unit.start) while (start < unit.end && /\s/.test(text[start])) start++;
    if (start < unit.end && text.slice(start, unit.end).trim()) out.push(start === unit.start ? unit : { ...unit, start, block: true });
  }
  return out;
}

/** Splits units where a resolution keyword sits after a sub-heading on the same line. */
function splitAtInlineMarkers(text: string, units: Unit[]): Unit[] {
  const out: Unit[] = [];
  for (const unit of units) {
    const s = text.slice(unit.start, unit.end);
    let from = 0;
    INLINE_FORMAL.lastIndex = 0;
    for (let m = INLINE_FORMAL.exec(s); m; m = INLINE_FORMAL.exec(s)) {
      if (m.index === 0) continue;
      const before = s.slice(0, m.index);
      // "… and resolved that" inside a proposal stays whole; only a keyword opening a new record splits
      // "BE IT RESOLVED" is one keyword
      if (/\b(?:and|was|were|be|been|had|have|has|be\s+it)\s*$/i.test(before) || !/^[A-Z]/.test(m[0])) continue;
      if (m.index > from) out.push({ start: unit.start + from, end: unit.start + trimEnd(s, m.index), block: from === 0 ? unit.block : false });
      from = m.index;
    }
    out.push({ start: unit.start + from, end: unit.end, block: from === 0 ? unit.block : false });
  }
  return out.filter((x) => x.end > x.start);
}

function trimEnd(s: string, i: number): number {
  while (i > 0 && /\s/.test(s[i - 1])) i--;
  return i;
}

function maskedRanges(text: string, units: Unit[]): [number, number][] {
  const ranges: [number, number][] = [];
  // an officer's reply to a question or notice of motion, up to where the minutes record the members again
  for (let k = 0; k < units.length; k++) {
    const us = text.slice(units[k].start, units[k].end).trim();
    if (!REPLY.test(us)) continue;
    if (MEMBERS_AGAIN.test(us.replace(/^[^:]*:\s*/, ""))) continue;
    let e = k + 1;
    while (e < units.length && !MEMBERS_AGAIN.test(text.slice(units[e].start, units[e].end).trim())) e++;
    ranges.push([units[k].start, e < units.length ? units[e].start : text.length]);
    k = e - 1;
  }
  // long quotations (emails, reports read out) are someone else's words
  const quote = /“([^”]{150,}?)”|"([^"\n]{150,}?)"/g;
  for (let m = quote.exec(text); m; m = quote.exec(text)) ranges.push([m.index, m.index + m[0].length]);
  return ranges;
}

/** A motion's recorded fate at its end: "Carried.", "Motion carried unanimously" */
const MOTION_OUTCOME = /\s*(?:motion\s+)?(?:carried|deferred|tabled)\b(?:\s+unanimously|\s+as\s+amended)?\.?\s*$/i;

interface Read {
  text: string | null;
  start: number;
  end: number;
  last: number;
}

const FURNITURE = /^[\s*_-]*(?:-{3,}\s*$|<\/?small>|scanned\s+page|page\s+\d+(?:\s+of\s+\d+)?\s*$|[A-Z][A-Z ]{5,}\s\d{1,3}\s+of\s+\d{1,3}\s*$)|<\/?small>|\bsee\s+original\s+file\b|\btext\s+may\s+contain\s+errors\b/i;

const TABLE_ROW = (s: string) => /\t/.test(s) || /^\s*\|/.test(s) || /\S {3,}\S.* {3,}\S/.test(s);

/** A resolution after its keyword: the first sentence, and its list entries when it ends with a colon. */
function readFormal(text: string, units: Unit[], u: number, bodyStart: number): Read {
  let start = bodyStart;
  while (start < units[u].end && /\s/.test(text[start])) start++;
  let last = u;
  let end = units[u].end;
  if (start >= units[u].end) {
    // keyword alone: the resolution is the next unit
    let n = u + 1;
    // page furniture between the keyword and its text ("---", "Scanned page, text may contain errors")
    while (units[n] && FURNITURE.test(text.slice(units[n].start, units[n].end))) n++;
    const next = units[n];
    if (!next || TABLE_ROW(text.slice(next.start, next.end)) || formalRest(text.slice(next.start, next.end)) !== null) {
      return { text: null, start, end, last };
    }
    start = next.start;
    end = next.end;
    last = n;
  }
  // "RESOLVED –" over "(1) That …" "(2) That …": the entries are the resolution
  let listMode = LIST_MARKER.test(text.slice(start, end));
  for (;;) {
    const body = text.slice(start, end).trimEnd();
    const next = units[last + 1];
    if (!next) break;
    const ns = text.slice(next.start, next.end);
    if (TABLE_ROW(ns) || formalRest(ns) !== null || MOVERS_HEAD.test(ns)) break;
    const isList = LIST_MARKER.test(ns);
    const open = /[:;,]$|\b(?:and|or)$/i.test(body);
    if ((open && (isList || listMode || /[;,]$|\b(?:and|or)$/i.test(body))) || (listMode && isList)) {
      listMode = listMode || (isList && /:$/.test(body)) || isList;
      end = next.end;
      last++;
      continue;
    }
    break;
  }
  let raw = text.slice(start, end);
  raw = raw.replace(/^\s*(?:it\s+was\s+(?:also\s+|further\s+)?(?:agreed|decided|resolved)\b(?:\s+unanimously)?\s*[:,]?\s*)/i, "");
  const out = tidy(raw);
  return { text: out || null, start, end, last };
}

/** The motion a later "… was seconded and agreed" refers to: a quoted "That …", "I will move … that …", "proposed by A that …". */
function motionAbove(text: string, units: Unit[], u: number, found: Decision[]): { text: string; start: number; end: number; from: number } | null {
  for (let k = u - 1; k >= Math.max(0, u - 8); k--) {
    if (found.some((d) => d.unit === k)) return null;
    const us = text.slice(units[k].start, units[k].end);
    let m = /^["“‘']?\s*(?:that\b|be\s+it\s+resolved\b)/i.exec(us);
    let from = 0;
    if (!m) {
      m =
        /\b(?:I|we)\s+(?:will\s+)?move\b[^"“]*?\b(that\s)/i.exec(us) ??
        /\bproposed\s+by\s+[^.;]{1,80}?\s+(that\s)/i.exec(us) ??
        // "Councillor Teskey proposed Members have a five minute in-committee Meeting"
        /\b(?:Cllr|Councillor|Cmhlr|Clr)\.?\s+[A-Z][\w’'-]*(?:\s+\([A-Z]\))?\s+(?:further\s+)?(?:proposed|moved)\s+(?!by\b)((?:that\s)?\S)/.exec(us);
      if (m) from = m.index + m[0].length - m[1].length;
    }
    if (!m) continue;
    // a quoted motion may run over several units; take it to its closing quote
    let end = k;
    if (/^["“‘]/.test(us.trim()) && !/["”’]\W*$/.test(us.trim())) {
      while (end + 1 < u && !/["”’]\W*$/.test(text.slice(units[end].start, units[end].end).trim())) end++;
      if (end + 1 < u) end++;
    }
    const start = units[k].start + from;
    const t = tidy(text.slice(start, units[end].end));
    return t ? { text: t, start, end: units[end].end, from: units[k].start } : null;
  }
  return null;
}

/** A numbered motion: everything up to "Carried." without its WHEREAS clauses; nothing if it failed. */
function readMotion(text: string, units: Unit[], u: number, bodyStart: number): Read {
  let last = u;
  let end = units[u].end;
  let outcome: string | null = null;
  const tailOutcome = (s: string) => OUTCOME_TAIL.exec(s)?.[1] ?? null;
  if (bodyStart < units[u].end) outcome = tailOutcome(text.slice(bodyStart, units[u].end));
  let k = u;
  while (!outcome && k + 1 < units.length && k - u < 40) {
    const ns = text.slice(units[k + 1].start, units[k + 1].end);
    if (MOVERS_HEAD.test(ns) || MOVER_LINE.test(ns) || formalRest(ns) !== null) break;
    k++;
    const o = OUTCOME_UNIT.exec(ns.trim());
    outcome = o ? o[1] : tailOutcome(ns);
  }
  if (outcome) {
    last = k;
    end = units[last].end;
  } else {
    // no outcome recorded: the motion is its first sentence, or its quotation
    const first = text.slice(bodyStart, units[u].end).trim() || (units[u + 1] ? text.slice(units[u + 1].start, units[u + 1].end) : "");
    if (bodyStart >= units[u].end - 1 && units[u + 1]) last = u + 1;
    // the rest of its paragraph
    while (last + 1 < units.length && !units[last + 1].block && last - u < 12) {
      const ns = text.slice(units[last + 1].start, units[last + 1].end);
      if (MOVERS_HEAD.test(ns) || MOVER_LINE.test(ns) || formalRest(ns) !== null) break;
      last++;
    }
    if (/^["“‘]/.test(first.trim())) {
      while (last + 1 < units.length && !/["”’]\W*$/.test(text.slice(units[last].start, units[last].end).trim()) && last - u < 12) last++;
    }
    end = units[last].end;
  }
  let start = bodyStart;
  while (start < end && /\s/.test(text[start])) start++;
  if (outcome && isNegativeOutcome(outcome)) return { text: null, start, end, last };
  let body = text.slice(start, end);
  // reasons first, decision after "NOW THEREFORE" / "THEREFORE" / "BE IT RESOLVED"
  if (WHEREAS.test(body)) {
    const m = /\b(?:now\s+)?therefore\b,?\s*(?:be\s+it\s+(?:further\s+)?resolved,?\s*)?|\bbe\s+it\s+(?:further\s+)?resolved\b,?\s*/i.exec(body);
    if (m) {
      start += m.index + m[0].length;
      body = body.slice(m.index + m[0].length);
    }
  }
  if (outcome) body = body.replace(MOTION_OUTCOME, "");
  const out = tidy(body);
  return { text: out || null, start, end, last };
}

function narrative(s: string, offset: number, u: number, inMask: (pos: number) => boolean, prev = ""): Decision[] {
  const found: Decision[] = [];
  if (FAILED.test(s) && /\b(?:motion|proposal|amendment|vote)\b/i.test(s)) return found;
  const reportedBefore = (i: number) => REPORTED.test(s.slice(0, i));

  // minutes put forward and seconded: the adoption of the minutes where nothing else is recorded
  if (/^(?:the\s+)?(?:draft\s+)?minutes\b(?!\s*:)[^.:]{0,200}?\b(?:were|was)\s+(?:proposed|moved)\s+(?:for\s+adoption\s+)?by\b/i.test(s)) {
    found.push({ text: flatten(s), start: offset, end: offset + s.length, kind: "minutes", unit: u });
    return found;
  }

  // "Proposed by A, seconded by B and agreed that …" / "It was proposed by A and seconded by B that …"
  const stripped = stripLeading(s);
  const removed = s.trim().slice(0, Math.max(0, s.trim().length - stripped.length));
  if (/\b(?:proposed|moved|seconded|proposal|motion)\b/i.test(removed) && /^(?:(?:it\s+was\s+)?(?:agreed|resolved|decided)\s*:?\s*)?(?:that|to)\b/i.test(stripped) && !/^(?:the|it)\b/i.test(stripped)) {
    const t = tidy(stripped.replace(/^(?:it\s+was\s+)?(?:agreed|resolved|decided)\s*:?\s*/i, ""));
    if (t) found.push({ text: t, start: offset + s.length - stripped.length, end: offset + s.length, kind: "proposal", unit: u });
    return found;
  }

  // "Cllr A proposed to …, seconded by Cllr B, all in favour"
  const proposal = proposalText(s);
  // "proposed a vote of thanks …, seconded by …" is a courtesy, not a decision
  if (proposal && /\bvote\s+of\s+thanks\b|\bcondolences?\b|\bminute'?s\s+silence\b/i.test(proposal)) return found;
  if (proposal) {
    const i = s.indexOf(proposal);
    found.push({ text: tidy(proposal), start: offset + Math.max(0, i), end: offset + Math.max(0, i) + proposal.length, kind: "proposal", unit: u });
    return found;
  }

  // "it was agreed (by …) that …"
  let firstImpersonal = s.length;
  const starts: RegExpExecArray[] = [];
  IMPERSONAL.lastIndex = 0;
  for (let m = IMPERSONAL.exec(s); m; m = IMPERSONAL.exec(s)) starts.push(m);
  for (let k = 0; k < starts.length; k++) {
    const m = starts[k];
    if (inMask(offset + m.index) || reportedBefore(m.index)) continue;
    const from = m.index + m[0].length;
    // "it was agreed that A and it was agreed to B" records two decisions
    const until = k + 1 < starts.length ? starts[k + 1].index : s.length;
    const rest = s.slice(from, until).replace(/[\s,;]*(?:and|but|then)?\s*$/i, "");
    if (!rest.trim()) continue;
    const t = COURTESY.test(rest) ? "" : tidy(cutAtTable(rest));
    if (t) {
      found.push({ text: t, start: offset + from, end: offset + until, kind: "impersonal", unit: u });
      firstImpersonal = Math.min(firstImpersonal, m.index);
    }
  }
  // a record before an impersonal one in the same sentence ends where that one begins
  const head = s.slice(0, firstImpersonal).replace(/[\s,;]*(?:and|but|then)?\s*$/i, "");
  const whole = (kind: DecisionKind) => {
    // a paragraph's own enumerator ("i. The Councillors agreed …", "4. The minutes were …") is not part of the record
    const t = tidy(cutAtTable(afterFigures(head))).replace(/^\(?(?:[ivx]{1,5}|[a-h]|\d{1,2})[.)]\s+(?=[A-Z])/, "");
    if (t) found.push({ text: t, start: offset, end: offset + head.length, kind, unit: u });
  };

  // "The Councillors agreed not to water from September."
  let done = false;
  ACTIVE_VERB.lastIndex = 0;
  for (let m = ACTIVE_VERB.exec(head); m && !done; m = ACTIVE_VERB.exec(head)) {
    if (inMask(offset + m.index)) continue;
    const before = head.slice(0, m.index);
    // "Approved Housing Bodies": a capitalised word inside a sentence is a name, not the verb
    if (/^[A-Z][a-z]/.test(m[2]) && /\S\s*$/.test(before) && !/[.:;]\s*$/.test(before)) continue;
    if (!before.trim() || NOT_A_DECISION_BEFORE.test(before) || /\b(?:as|the|an?|was|were|is|are|it|there|this|that)\s*$/i.test(before)) continue;
    // "voted 5:0 to deny the appeal": the tally may stand between the verb and what was voted
    if (/^voted$/i.test(m[2]) && !/^\s+(?:\(?\d{1,2}\s?[-–:]\s?\d{1,2}(?:\s?[-–:]\s?\d{1,2})?\)?,?\s+)?(?:to|in\s+favou?r|unanimously|for)\b/i.test(head.slice(m.index + m[0].length))) continue;
    if (!isCollectiveSubject(before)) continue;
    // "while Members agreed funding is beneficial, they …": a concession, not a decision
    if (/\b(?:while|whilst|although|though|if|unless|whether|once|when)\b[^,;]*$/i.test(before)) continue;
    if (reportedBefore(m.index) || COURTESY.test(head)) continue;
    // "The Council agreed at the previous meeting to …" reports an earlier decision
    if (/^\s*(?:at|in|during)\s+(?:the|a|its|their)\s+(?:previous|last|earlier|[A-Z]\w+)\s+meeting\b/i.test(head.slice(m.index + m[0].length))) continue;
    // "Both quotes were discussed and Council agreed …": the record starts with the body that agreed
    const lead = /^[^.;]{0,120}?\b(?:was|were)\s+(?:discussed|considered|debated|reviewed)\s+and\s+/i.exec(head);
    if (lead && lead[0].length <= m.index) {
      const rest = head.slice(lead[0].length);
      const t = tidy(cutAtTable(rest));
      if (t) found.push({ text: t, start: offset + lead[0].length, end: offset + head.length, kind: "subject", unit: u });
      done = true;
      continue;
    }
    // "16/00250/O Outline application for three dwellings …, Wretton Parish Council recommended refusal": the application is the heading
    const ref = /^\s*(?:\d{2}\/\d{3,5}\/[A-Z]{1,6}\b|[A-Z]{1,3}\/\d{2,4}\/\d+)[^.;]*,\s*/.exec(before);
    if (ref) {
      const t = tidy(cutAtTable(head.slice(ref[0].length)));
      if (t) found.push({ text: t, start: offset + ref[0].length, end: offset + head.length, kind: "subject", unit: u });
      done = true;
      continue;
    }
    whole(/deferred/i.test(m[2]) ? "deferral" : "subject");
    done = true;
  }

  // "These were agreed as a true record …", "The payments were considered and approved."
  PASSIVE.lastIndex = 0;
  for (let m = PASSIVE.exec(head); m && !done; m = PASSIVE.exec(head)) {
    if (inMask(offset + m.index)) continue;
    const before = head.slice(0, m.index);
    const subject = before.trim();
    if (!subject || /\b(?:it|there|which|that|as|what|who|whom)\s*$/i.test(subject) || /\bnot\b/.test(m[0])) continue;
    if (/^(?:it|there)\b/i.test(subject.split(/[,;]/).pop()!.trim())) continue;
    if (COURTESY.test(head) || OTHER_BODY.test(head) || reportedBefore(m.index)) continue;
    // "Apologies were received from …. These were accepted."
    if (/^(?:these|they|this|it|both|all)$/i.test(subject.split(/\s+/).pop() ?? "") && subject.split(/\s+/).length <= 2 && COURTESY.test(prev)) continue;
    // "once the budget was adopted, …", "if the plan were approved" — a condition, not a record
    if (/\b(?:once|if|when|whenever|until|unless|whether|after|before|until|provided|noted\s+that|reported\s+that|advised\s+that|stated\s+that|informed)\b[^,;]*$/i.test(before)) continue;
    if (/^(?:carried|passed)$/i.test(m[3]) && !/\b(?:motion|proposal|resolution|amendment|recommendation)s?\b/i.test(before)) continue;
    whole(/deferred|postponed/i.test(m[3]) ? "deferral" : "passive");
    done = true;
  }
  if (!done && MINUTES_PASSIVE.test(head) && !/\bnot\b/i.test(head) && !reportedBefore(0)) whole("passive");
  if (found.length) return found;

  // "Adopted with the amendment of Mr M Dean to Mr M Evans."
  if (BARE_RECORD.test(s.trim()) && s.trim().split(/\s+/).length >= 3 && !COURTESY.test(s) && !OTHER_BODY.test(s)) {
    const t = tidy(s);
    if (t) found.push({ text: t, start: offset, end: offset + s.length, kind: "passive", unit: u });
    return found;
  }

  // "Deferred to next agenda.", "… to be considered again at next PC meeting"
  if (DEFERRAL_UNIT.test(s.trim()) || /\bthat\s+(?:this|the)\s+(?:item|matter|application|decision|report|motion)\s+(?:would\s+|should\s+)?be\s+(?:deferred|postponed)\b/i.test(s) || TO_BE_RECONSIDERED.test(s) || /\b(?:was|were)\s+(?:\w+\s+)?(?:deferred|postponed)\b/i.test(s) || PUT_OFF_UNTIL.test(s)) {
    // "… at the next meeting" is where the matter goes, not a report of another meeting
    const put = TO_BE_RECONSIDERED.exec(s);
    if (!reportedBefore(put ? put.index : s.length) && !OTHER_BODY.test(s)) {
      const t = tidy(s);
      if (t) found.push({ text: t, start: offset, end: offset + s.length, kind: "deferral", unit: u });
    }
  }
  return found;
}

/**
 * "Elections are tabled until the January 2009 … Meeting", "The item was continued to the February 1
 * meeting": US usage, where tabled/continued only defers when it names where the matter goes ("a
 * paper was tabled at the meeting" is a paper handed round).
 */
const PUT_OFF_UNTIL = /\b(?:is|are|was|were|be|been)\s+(?:\w+\s+)?(?:tabled|continued|deferred|postponed)\s+(?:until|till|to)\s+(?:the\s+)?(?:next|following|a\s+future|future|(?:January|February|March|April|May|June|July|August|September|October|November|December)\b|\d)/i;

/** "As at 3 January Business Account 30780.52 … The payments and accounts were accepted": a flattened table before the sentence is not part of it. */
function afterFigures(s: string): string {
  const starts = [...s.matchAll(/\b(?:The|These|This|All|Both|Members|Councillors)\s/g)];
  for (let k = starts.length - 1; k >= 0; k--) {
    const before = s.slice(0, starts[k].index);
    if ((before.match(/\b\d[\d,]*\.\d\d\b/g) ?? []).length >= 2) return s.slice(starts[k].index);
  }
  return s;
}

/** "The following was agreed for renewal of tenancies: Annual fee … £30.00 £100.00 …" stops at the colon. */
function cutAtTable(s: string): string {
  const colon = s.indexOf(":");
  if (colon < 0) return s;
  const after = s.slice(colon + 1, colon + 120);
  const money = (after.match(/[£$€]\s?\d|\b\d+\.\d\d\b/g) ?? []).length;
  if (money >= 2) return s.slice(0, colon + 1);
  return s;
}

/** A narrative record just before a formal resolution of the same matter repeats it; the formal one stands. */
function dropRepeats(found: Decision[]): Decision[] {
  const keep: Decision[] = [];
  const sorted = [...found].sort((a, b) => a.start - b.start);
  for (let i = 0; i < sorted.length; i++) {
    const d = sorted[i];
    const next = sorted[i + 1];
    if ((d.kind === "impersonal" || d.kind === "passive") && next && next.kind === "formal" && next.unit - d.unit <= 2 && next.unit > d.unit) continue;
    if (keep.some((k) => k.text === d.text && k.start === d.start)) continue;
    keep.push(d);
  }
  return keep;
}
