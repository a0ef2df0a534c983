// Decisions recorded by their vote, as US agenda-management systems print them under each vote:
//
//   RESULT:      APPROVED AS AMENDED [UNANIMOUS]
//   MOTION BY:   Garcia            (or MOVER:)
//   SECOND:      Allen Fisk        (or SECONDER:)
//   AYES:        …
//
// and consent calendars whose items each print the action recommended ("That the Board of Trustees
// approve the minutes …", "Adopt the … minutes.") and are enacted by one vote on them all. The
// recommendation of an item is a decision only when the item records a vote that carried it.
import type { Unit } from "./sentences.ts";
import { tidy } from "./cleanup.ts";
import type { Decision } from "./find.ts";

export interface VoteBlock {
  /** where the block starts and ends in the item's text */
  start: number;
  end: number;
  /** the outcome as printed, without its bracketed tally ("APPROVED AS AMENDED") */
  outcome: string;
  outcomeStart: number;
  passed: boolean;
  movedBy: string | null;
  secondedBy: string | null;
}

const RESULT_LINE = /^[ \t]*RESULT[ \t]*:[ \t]*([A-Z][A-Z ,&/-]{1,60})(?:\[[^\]\n]{0,40}\])?[ \t]*$/gm;
const BLOCK_LINE = /^[ \t]*(MOTION[ \t]+BY|MOVER|MOVED[ \t]+BY|SECOND|SECONDER|SECONDED[ \t]+BY|AYES?|NAYS?|NOES|ABSTAIN(?:ED|S)?|ABSENT|RECUSED|EXCUSED|AWAY)[ \t]*:[^\n]*$/i;
const NOT_PASSED = /\b(?:FAILED|FAILS|DEFEATED|WITHDRAWN|LOST|DIED|NO[ \t]+ACTION|NOT[ \t]+(?:APPROVED|ADOPTED|CARRIED|PASSED))\b/;

/** The vote blocks in an item's text, in order. */
export function voteBlocks(text: string): VoteBlock[] {
  const out: VoteBlock[] = [];
  RESULT_LINE.lastIndex = 0;
  for (let m = RESULT_LINE.exec(text); m; m = RESULT_LINE.exec(text)) {
    let end = m.index + m[0].length;
    let movedBy: string | null = null;
    let secondedBy: string | null = null;
    // the block's labelled lines follow the RESULT line
    while (end < text.length) {
      const next = text.indexOf("\n", end + 1);
      const line = text.slice(end + 1, next < 0 ? text.length : next);
      const label = BLOCK_LINE.exec(line);
      if (!label) break;
      const value = line.slice(line.indexOf(":") + 1).trim() || null;
      if (/^(?:MOTION|MOVER|MOVED)/i.test(label[1])) movedBy = value;
      else if (/^SECOND/i.test(label[1])) secondedBy = value;
      end = next < 0 ? text.length : next;
    }
    const outcome = m[1].replace(/[\s,&/-]+$/, "");
    out.push({ start: m.index, end, outcome, outcomeStart: m.index + m[0].indexOf(m[1]), passed: !NOT_PASSED.test(outcome), movedBy, secondedBy });
    RESULT_LINE.lastIndex = Math.max(RESULT_LINE.lastIndex, end);
  }
  return out;
}

// "That the Board of Trustees approve …", "Adopt the … minutes.", "Approve the proposed …": an
// action put to the body, printed as a paragraph of its own under the item it enacts
const ACTION = String.raw`(?:approve|adopt|authori[sz]e|ratify|accept|award|endorse|appoint|deny|waive|certify|designate|introduce|receive\s+and\s+file|direct)`;
const RECOMMENDATION = new RegExp(
  String.raw`^(?:that\s+the\s+(?:[A-Z][\w&'’-]*\s+){1,6}(?:(?:hereby|formally)\s+)?${ACTION}\b|${ACTION}\s+(?:the|a|an|all|and|or|resolution|ordinance|minutes)\b)`,
  "i",
);

/** The paragraphs of units [from, to) that print an action recommended to the body. */
export function recommendations(text: string, units: Unit[], from: number, to: number): { text: string; start: number; end: number; unit: number }[] {
  const out: { text: string; start: number; end: number; unit: number }[] = [];
  for (let k = 0; k < units.length; k++) {
    const u = units[k];
    if (u.start < from || u.end > to) continue;
    const s = text.slice(u.start, u.end);
    // the paragraph starts the unit, or follows a blank line inside it (a heading ending in a date
    // runs on into the paragraph under it: "A.  Board Meeting Minutes: February 19, 2020")
    const starts = u.block ? [0] : [];
    for (const m of s.matchAll(/\n[ \t]*\n\s*/g)) starts.push(m.index! + m[0].length);
    for (const at of starts) {
      const p = s.slice(at);
      // a capital starts the paragraph; a sentence ends it
      if (!/^[A-Z]/.test(p) || !RECOMMENDATION.test(p) || !/[.;]\s*$/.test(p) || /\n[ \t]*\n/.test(p)) continue;
      const t = tidy(p);
      if (t) out.push({ text: t, start: u.start + at, end: u.end, unit: k });
      break;
    }
  }
  return out;
}

/** A motion enacting a consent calendar as one: "approve Consent Consideration items A through I", "approval of the Consent Calendar". */
export const GROUP_APPROVAL = /\bconsent\s+(?:calendar|agenda|considerations?|items?)\b|\bitems?\s+[A-Z0-9]{1,3}\s+(?:through|thru|to|[-–])\s+[A-Z0-9]{1,3}\b/i;

/**
 * The item's decisions with its vote blocks applied: a motion whose block failed goes; a block that
 * carried with no motion above it records the recommendations it enacted, or else its outcome; a
 * motion enacting consent items as a group brings each item's printed recommendation with it.
 */
export function withVoteBlocks(text: string, units: Unit[], found: Decision[]): Decision[] {
  const blocks = voteBlocks(text);
  let out = found.filter((d) => !blocks.some((b) => d.start >= b.start && d.start < b.end));
  let from = 0;
  for (const b of blocks) {
    const above = out.filter((d) => d.start >= from && d.start < b.start);
    if (!b.passed) {
      out = out.filter((d) => !(above.includes(d) && (d.kind === "motion" || d.kind === "proposal")));
    } else if (above.length) {
      const last = above[above.length - 1];
      last.movedBy ??= b.movedBy;
      last.secondedBy ??= b.secondedBy;
    } else {
      const recs = recommendations(text, units, from, b.start);
      const movers = { movedBy: b.movedBy, secondedBy: b.secondedBy };
      if (recs.length) for (const r of recs) out.push({ ...r, kind: "motion", ...movers });
      else out.push({ text: b.outcome, start: b.outcomeStart, end: b.outcomeStart + b.outcome.length, kind: "motion", unit: unitAt(units, b.outcomeStart), ...movers });
    }
    from = b.end;
  }
  const group = out.find((d) => (d.kind === "motion" || d.kind === "proposal" || d.kind === "formal") && GROUP_APPROVAL.test(d.text));
  if (group) {
    const taken = (r: { start: number; end: number }) => out.some((d) => d.start < r.end && r.start < d.end);
    for (const r of recommendations(text, units, 0, text.length)) {
      if (!taken(r)) out.push({ ...r, kind: "motion", movedBy: group.movedBy ?? null, secondedBy: group.secondedBy ?? null });
    }
  }
  return out;
}

function unitAt(units: Unit[], pos: number): number {
  const k = units.findIndex((u) => pos < u.end);
  return k < 0 ? Math.max(0, units.length - 1) : k;
}
