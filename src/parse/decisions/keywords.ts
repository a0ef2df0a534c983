// The words that mark a decision in minutes, and the ones that mark something else (an undertaking by
// one person, a report of another body's decision, a motion that failed).

// a bullet, or the paragraph number principal councils print before it ("3.  RESOLVED that:")
const LEAD = /^(?:[-•*]\s*)?(?:\(?\d{1,2}[.)]\s+)?(?:and\s+)?(?:it\s+was\s+(?:further\s+|also\s+|unanimously\s+|therefore\s+)?)?/i;
const WORD = /^(resolved|agreed|decided|decision|determined)(?![a-z])(?:\s+unanimously)?/i;
const REF = /^\s*(?:no\.?\s*)?\(?[A-Z]{0,3}\d+(?:[./-]\d+)*[a-z]?\)?(?=[\s:–—-]|$)/;

/**
 * The text after a decision keyword that opens a unit — "RESOLVED", "And Resolved:", "Resolved 16/01/5.01",
 * "RESOLVED –", "AGREED:", "Decision:" — or null when the unit does not open with one.
 */
export function formalRest(unit: string): string | null {
  const lead = LEAD.exec(unit)![0];
  let rest = unit.slice(lead.length);
  const w = WORD.exec(rest);
  if (!w) return null;
  const word = w[1];
  rest = rest.slice(w[0].length);
  const ref = REF.exec(rest);
  if (ref) rest = rest.slice(ref[0].length);
  const punct = /^\s*[:–—-]+/.exec(rest);
  if (punct) rest = rest.slice(punct[0].length);
  rest = rest.trim();
  const upper = word === word.toUpperCase();
  const introduced = /\b(?:and|was)\b/i.test(lead);
  const opens = rest === "" || /^(?:that|to|not)\b/i.test(rest) || /^["“‘']/.test(rest);
  if (/^resolved$/i.test(word)) {
    // "resolved that" in lower case opening a line is a sentence wrapped from the line before
    if (upper || ref || punct || introduced || (opens && /^R/.test(word))) return rest;
    return null;
  }
  if (punct || (upper && opens)) return rest;
  return null;
}

/** "it was agreed (by the PC …) that" — impersonal; the decision starts after it. */
export const IMPERSONAL =
  /(?:\bit\s+was|(?<=\b(?:but|and)\s{1,3})was)\s+(?:also\s+|further\s+|therefore\s+|then\s+|subsequently\s+|finally\s+|duly\s+|unanimously\s+|generally\s+)*(?:agreed|decided|resolved|determined)\b(?:\s+unanimously)?(?:\s*\([^)]{0,80}\))?(?:\s*,(?!\s*(?:on\s+the\s+(?:proposal|motion)|proposed|moved|seconded)\b)[^,.;]{1,140},)?(?:\s+by\s+[^.;]{1,100}?(?=\s+(?:that|to|not\s+to)\b))?(?:\s+(?:upon|on|at|after)\s+[^.;]{1,80}?(?=\s+(?:that|to|not\s+to)\b))?\s*[:,]?\s*/gi;

/** Verbs that record a decision when a body is their subject ("The Councillors agreed …"). */
export const ACTIVE_VERB =
  /\b((?:(?:also|then|further|therefore|subsequently|unanimously|all|duly|finally|formally|collectively|jointly|both|each)\s+)*)(agreed|decided|resolved|voted|approved|adopted|ratified|endorsed|deferred|appointed|elected|co-opted|recommended)(?=[\s.,;:]|$)/gi;

/** Passive records ("These were agreed as a true record", "The payments were considered and approved"). */
export const PASSIVE =
  /\b(was|were)\s+((?:(?:also|then|duly|unanimously|formally|subsequently|all|further|therefore|finally)\s+)*)(?:(?:(?!it\b|was\b|were\b|and\b)[a-z]+\s+){0,3}?and\s+(?:(?:a|an|the|this|these|its|their)\s+)?(?:(?!it\b|was\b|were\b)[a-z]+\s+){0,3}?)?(agreed|approved|adopted|accepted|ratified|deferred|endorsed|carried|passed|postponed|elected|appointed|co-opted)\b/gi;

/**
 * Minutes approved in a passive sentence whose verbs are far from "were": "The minutes of … 2025,
 * having been circulated to all Members, were confirmed as a true record, and duly signed",
 * "The minutes … were checked for accuracy and content, proposed by JH …, and agreed as a true record".
 */
export const MINUTES_PASSIVE =
  /^(?:the\s+)?(?:draft\s+)?minutes\b[^.;]{0,200}?\b(?:was|were)\s+(?!not\b)[^.;]{0,160}?\b(?:agreed|approved|confirmed|adopted|accepted|signed)\b/i;

/** Standalone deferrals: "Deferred.", "Deferred to next agenda.", "Item deferred until …". */
export const DEFERRAL_UNIT = /^(?:(?:this\s+)?(?:item|matter|motion|application|report)\s+)?(?:was\s+)?(?:deferred|postponed|held\s+over|adjourned\s+to|carried\s+forward|tabled)\b/i;

/** A record with its subject left out: "Adopted with the amendment of …", "Approved." */
export const BARE_RECORD = /^(?:unanimously\s+)?(?:adopted|approved|agreed|accepted|ratified)(?:\s+unanimously)?\b(?!\s+(?:that|to|with\s+(?:the\s+)?(?:chair|clerk|cllr|councillor)))/i;

/** "… to be considered again at next PC meeting" — a matter put off to a later meeting. */
export const TO_BE_RECONSIDERED =
  /\b(?:will|shall|would|to)\s+(?:be\s+)?(?:reviewed|reconsidered|revisited|considered\s+again|looked\s+at\s+again)\s+(?:in|at|after|until)\s+(?:the\s+)?(?:autumn|spring|summer|winter|new\s+year|next|following|future|\w+\s+meeting)\b|\bto\s+be\s+(?:considered|discussed|reconsidered|revisited|reviewed|deferred|re-?examined|looked\s+at)\s+(?:again|further|more\s+fully|in\s+(?:more\s+)?detail)\s+(?:at|in|until)\s+(?:the\s+)?(?:next|following|a\s+future|future|\w+(?:\s+\w+)?\s+(?:meeting|agenda))|\b(?:will|shall|to)\s+be\s+(?:approved|agreed|signed|adopted)\s+at\s+the\s+next\s+(?:\w+\s+)?meeting\b/i;

const COLLECTIVE = new Set(
  (
    "council councils councillors cllrs clrs clirs councilors members committee sub-committee subcommittee cabinet board pc tc " +
    "meeting panel group they we all everyone everybody trustees governors directors authority forum executive assembly " +
    "commission parish town body councillors' members' those"
  ).split(" "),
);
const INDIVIDUAL = new Set(
  (
    "member councillor cllr cllr. clr clir chairman chairwoman chairperson chair mayor clerk officer he she i manager director " +
    "treasurer secretary warden handyman engineer administrator resident parishioner representative rfo leader deputy " +
    "inspector superintendent sergeant constable pcso planner solicitor architect consultant contractor vice-chair vice-chairman"
  ).split(" "),
);
const SUBJECT_FILLER = new Set("present also then all further therefore subsequently unanimously duly finally both each".split(" "));

/** Whether the words before a verb name a body ("The Councillors", "the Parish Council", "All Cllrs"), not one person. */
export function isCollectiveSubject(before: string): boolean {
  let clause = before.replace(/\s+/g, " ").trim();
  if (!clause) return false;
  // an appositive ("The Cabinet Member …, as Chairman of …,") — the subject is the phrase before it
  if (/,\s*$/.test(clause)) {
    const parts = clause.split(/[;:]/);
    const last = parts[parts.length - 1].trim();
    clause = last.split(",")[0];
  } else {
    const parts = clause.split(/[,;:(]|\b(?:and\s+then|but|that|so|which|when|where|after\s+which)\b/i);
    clause = parts[parts.length - 1];
  }
  // "Members noted and approved …": the subject is before the first verb
  clause = clause.replace(/\s+[a-z]+ed\s+and\s*$/, "");
  // "The Councillors reviewed the proposed design and agreed …": the subject of the first verb
  const first = /^(.{1,60}?)\s+(?:[a-z]+ed|heard|saw|thanked|welcomed|took|held|made|met|gave|had|read|went)\b[^.;]*\band\s*$/.exec(clause.trim());
  if (first) clause = first[1];
  let words = clause.trim().split(/\s+/).filter(Boolean);
  while (words.length && SUBJECT_FILLER.has(words[words.length - 1].toLowerCase())) {
    if (words.length === 1 && words[0].toLowerCase() === "all") break;
    words = words.slice(0, -1);
  }
  if (!words.length) return false;
  const lower = words.map((w) => w.toLowerCase().replace(/[.,’']+$/, ""));
  const prep = lower.findIndex((w, i) => i > 0 && /^(?:for|of|from|on|at|in|with|to)$/.test(w));
  const headPart = prep > 0 ? lower.slice(0, prep) : lower;
  const head = headPart[headPart.length - 1];
  if (INDIVIDUAL.has(head)) return false;
  if (/^(?:he|she|i|it)$/.test(head)) return false;
  if (COLLECTIVE.has(head)) return true;
  // "the PC and allotment tenants", "Council and the tenants"
  if (!/s$/.test(head)) return false;
  const window = lower.slice(-6);
  return window.some((w) => COLLECTIVE.has(w)) && !window.some((w) => INDIVIDUAL.has(w));
}

/** Subjects whose passive "accepted/passed" is not a decision of the body: apologies, sympathy, thanks. */
export const COURTESY = /\b(?:apolog(?:y|ies)|sympathy|condolences?|thanks|congratulations|best\s+wishes|minute'?s\s+silence|declarations?\s+of\s+interest|dispensations?\s+(?:were|was)\s+granted)\b/i;

/** Another body's decision reported in the minutes ("approved by the Borough Council", "Permission was granted"). */
export const OTHER_BODY =
  /\b(?:by|from)\s+(?:the\s+)?(?:borough|county|district|city|planning|highways?|government|environment\s+agency|national|secretary\s+of\s+state|inspector|bcklwn|klwnbc|ncc|bc|ea|hse|department|minister|court|tribunal|appeal)\b|\bplanning\s+(?:permission|application)s?\b[^.;]{0,60}\b(?:was|were)\s+(?:granted|approved|refused)|\bpermission\s+(?:had\s+been|was|has\s+been)\s+granted\b|\b(?:application|permission)s?\s+(?:permitted|refused|withdrawn)\b/i;

/** Words before a verb that make it a report, a plan or a question rather than a decision taken here. */
export const NOT_A_DECISION_BEFORE = /\b(?:had|has|have|having|would|will|shall|could|should|might|may|must|to|be|being|been|not|never|if|whether|yet|previously|already|once)\s+(?:\w+\s+)?$/i;

/** Words that say a motion failed. */
export const FAILED =
  /\b(?:defeated|lost|fell|failed|withdrawn|not\s+carried|was\s+not\s+seconded|not\s+seconded|no\s+seconder|was\s+rejected|not\s+supported)\b|\b(?:no\s*one|nobody|none)\s+(?:else\s+)?(?:agreed|seconded|supported)\b/i;
