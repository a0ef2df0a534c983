// Attendance stated in running text rather than in lists: "Norfolk County Council Cllr. Martin
// Storey sent his apologies", "Ciara Brolly and Shane Kinsella from the Share a Dream Foundation
// were in attendance at the meeting", "with Mrs J Teesdale … attended as a substitute".
import type { SectionKind } from "./sections.ts";
import { HONORIFIC, ROLE_WORD, looksLikeName, normaliseRole, splitTopLevel } from "./names.ts";

export interface SentencePerson {
  name: string;
  role: string | null;
  section: SectionKind;
  index: number;
  length: number;
}

export interface Substitute {
  name: string;
  forName: string;
  index: number;
  length: number;
}

const HON = "(?:Cllr|Clr|Clir|Councillor|Mr|Mrs|Ms|Miss|Dr|Mayor)\\.?";
const NAME = `(?:${HON}\\s*)?(?:[A-Z][\\p{L}'’-]*\\.?\\s+){0,3}[A-Z][\\p{L}'’-]+`;

/** What every substitute pattern below needs somewhere in the text ("substitute for", "sub for", "substituted by"). */
const SUBSTITUTE_WORDS = /sub(?:stitut(?:e|ing|ed))?\s+(?:for|by)\s/;
/** What "apologies from X, with Y … attended as a substitute" needs. */
const hasApologySubstitute = (text: string) => /apologies/i.test(text) && /substitute|representative/i.test(text);

/** The text of the sentence that ends at `index` (back to the last full stop, colon or line break). */
function sentenceBefore(text: string, index: number): { text: string; start: number } {
  let start = index;
  while (start > 0 && index - start < 200) {
    const c = text[start - 1];
    if (c === "\n" || c === ":" || c === "!" || c === "?") break;
    if (c === "." && /\s/.test(text[start] ?? " ")) {
      const word = text.slice(Math.max(0, start - 6), start - 1);
      if (!/(?:^|[\s(])(?:[A-Z]|Cllr|Clr|Clir|Mr|Mrs|Ms|Dr|St|Co)$/.test(word)) break;
    }
    start--;
  }
  return { text: text.slice(start, index), start };
}

/** "Norfolk County Council Cllr. Martin Storey" → name from the honorific on, role before it. */
function nameAndLead(subject: string): { name: string; role: string | null; offset: number } | null {
  const s = subject.trim();
  const lead = subject.length - subject.trimStart().length;
  const hon = new RegExp(`(?:^|\\s)(${HON})(?=\\s|[A-Z])`, "g");
  let last: RegExpExecArray | null = null;
  for (let m = hon.exec(s); m; m = hon.exec(s)) last = m;
  if (last) {
    const at = last.index + last[0].indexOf(last[1]);
    const name = s.slice(at).trim();
    const before = s.slice(0, at).trim().replace(/[,–-]\s*$/, "");
    if (!looksLikeName(name)) return null;
    const role = before && /\b(?:council|constabulary|police|association|trust|society)\b/i.test(before) ? before.split(/[.;:]/).pop()!.trim() : null;
    return { name, role: role || null, offset: lead + at };
  }
  const words = s.split(/\s+/);
  const name = words.slice(-2).join(" ");
  return looksLikeName(name) && words.length <= 3 ? { name, role: null, offset: lead + s.length - name.length } : null;
}

export function findSentences(text: string, _lookForApologies = true): { people: SentencePerson[]; substitutes: Substitute[] } {
  const people: SentencePerson[] = [];
  const substitutes: Substitute[] = [];

  // "X sent his apologies"
  const sent = /\s(?:has\s+|had\s+)?(?:sent|gave|tendered|offered|sends|submitted)\s+(?:his|her|their)\s+apologies\b/gi;
  for (let m = sent.exec(text); m; m = sent.exec(text)) {
    const s = sentenceBefore(text, m.index);
    const found = nameAndLead(s.text);
    if (!found) continue;
    people.push({ name: found.name, role: found.role, section: { status: "apologies", kind: "member" }, index: s.start + found.offset, length: found.name.length });
  }

  // "Cllr X attended remotely", "Cllr Y joined the meeting via Zoom": present, however they attended
  const remote = /\s(?:attended|joined|participated)(?:\s+(?:the|this)\s+meeting)?\s+(?:remotely|virtually|online|(?:by|via)\s+(?:video(?:\s*link)?|zoom|(?:microsoft\s+)?teams|telephone|phone|skype|webex))\b/gi;
  for (let m = remote.exec(text); m; m = remote.exec(text)) {
    const s = sentenceBefore(text, m.index);
    const found = nameAndLead(s.text);
    if (!found || !HONORIFIC.test(found.name)) continue;
    people.push({ name: found.name, role: found.role, section: { status: "present", kind: "member" }, index: s.start + found.offset, length: found.name.length });
  }

  // "A and B from the Y were in attendance"
  const attended = /\s(?:were|was)\s+(?:also\s+)?in\s+attendance\b/gi;
  for (let m = attended.exec(text); m; m = attended.exec(text)) {
    const s = sentenceBefore(text, m.index);
    if (/\d|members?\s+of\s+(?:the\s+)?public|\b(?:officers?|staff|nobody|none)\b/i.test(s.text)) continue;
    const from = /\s+(?:from|of|representing)\s+(?:the\s+)?(.+)$/i.exec(s.text);
    const namesText = from ? s.text.slice(0, from.index) : s.text;
    const role = from ? normaliseRole(from[1]) : null;
    const parts = splitTopLevel(namesText);
    const person = (t: string) => looksLikeName(t) && (HONORIFIC.test(t) || /\s/.test(t.trim())) && !ROLE_WORD.test(t.replace(HONORIFIC, ""));
    if (!parts.length || !parts.every((p) => person(p.text))) continue;
    for (const p of parts) {
      people.push({ name: p.text, role, section: { status: "in_attendance", kind: "other" }, index: s.start + p.index, length: p.text.length });
    }
  }

  // substitutes
  const patterns: { re: RegExp; sub: number; forName: number }[] = [
    { re: new RegExp(`\\b(${NAME})\\s+(?:attended|was\\s+present|sat|attending)\\s+as\\s+(?:a\\s+|the\\s+)?substitute\\s+for\\s+(${NAME})`, "gu"), sub: 1, forName: 2 },
    { re: new RegExp(`\\b(${NAME})\\s*\\(?(?:as\\s+)?(?:substitute|substituting|sub)\\s+for\\s+(${NAME})`, "gu"), sub: 1, forName: 2 },
    { re: new RegExp(`\\b(${NAME})\\s+(?:was\\s+)?substituted\\s+by\\s+(${NAME})`, "gu"), sub: 2, forName: 1 },
  ];
  // each pattern tries a name at every word of the text; none can match without its keywords
  for (const p of SUBSTITUTE_WORDS.test(text) ? patterns : []) {
    for (let m = p.re.exec(text); m; m = p.re.exec(text)) {
      const sub = m[p.sub].trim();
      const forName = m[p.forName].trim();
      if (!looksLikeName(sub) || !looksLikeName(forName)) continue;
      substitutes.push({ name: sub, forName, index: m.index + m[0].indexOf(sub), length: sub.length });
    }
  }
  // "Apologies were received from Mr W Whyte, with Mrs J Teesdale, … attended as a substitute"
  const withSub = new RegExp(`\\bapologies\\b[^.]{0,80}?\\b(?:from|by)\\s+(${NAME})\\s*,?\\s+with\\s+(${NAME})\\b[^.]{0,160}?\\b(?:attend(?:ed|ing)|present)\\s+as\\s+(?:a\\s+|the\\s+)?(?:substitute|representative)`, "giu");
  for (let m = hasApologySubstitute(text) ? withSub.exec(text) : null; m; m = withSub.exec(text)) {
    const forName = m[1].trim();
    const sub = m[2].trim();
    if (!looksLikeName(sub) || !looksLikeName(forName) || !HONORIFIC.test(sub) && sub.split(/\s+/).length < 2) continue;
    substitutes.push({ name: sub, forName, index: m.index + m[0].indexOf(sub, m[0].indexOf(forName) + forName.length), length: sub.length });
  }
  return { people, substitutes };
}
