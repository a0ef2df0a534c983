// Which body met and which authority it belongs to. Parish and town councils are their own
// authority; a committee, cabinet or municipal district belongs to the council named around it.
import { isShouting, squash, titleCase } from "../text/joined.ts";

export interface Found {
  value: string;
  index: number;
  length: number;
}

const WEEKDAY = "(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?";
const MONTH = "(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*";

// "X Parish Council", "Limerick City and County Council", "Township of Nipissing", …
const NAME_WORD = "(?:[A-Z][A-Za-z'’-]*|of|and|&)";
const COUNCIL_NAME = new RegExp(
  `\\b((?:[A-Z][A-Za-z'’-]+\\s+)(?:${NAME_WORD}\\s+){0,5}?(?:City\\s+and\\s+County|County|City|Borough|District|Parish|Town|Village|Community|Metropolitan|Regional)\\s+Council)\\b` +
    `|\\b((?:Township|Municipality)[ \\t]+of[ \\t]+(?:[A-Z][A-Za-z'’-]+)(?:[ \\t]+(?!Council\\b)[A-Z][A-Za-z'’-]+){0,3})` +
    `|\\b((?:City|Town|Village|County)[ \\t]+of[ \\t]+(?:[A-Z][A-Za-z'’-]+)(?:[ \\t]+(?!Council\\b)[A-Z][A-Za-z'’-]+){0,2})(?=[ \\t]+Council\\b)`,
  "g",
);

const GENERIC = new Set(
  ("the of parish town city county district borough council committee meeting meetings ordinary annual full special monthly extraordinary regular draft general statutory budget adjourned inaugural community village and members " +
    "january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday " +
    "virtual online on-line blended hybrid remote joint budgetary plan extra agm public").split(
    " ",
  ),
);

/** A phrase with no proper name in it ("the Parish Council", "Ordinary Meeting"). */
export function isGeneric(s: string): boolean {
  return squash(s)
    .toLowerCase()
    .split(/[\s,]+/)
    .every((w) => !w || GENERIC.has(w));
}

const KEEP_WORD = /^(?:joint|council|committee|district|parish|town|city|county|borough|community|village|of|the|and)$/i;
const BODY_WORD = /\b(?:committee|cabinet|council|board|panel|forum|sub-committee|commission|assembly|group|partnership|district|executive|authority|trust|spc)\b/i;

const fixCase = (s: string) => (isShouting(s) ? titleCase(s) : s);

/** Council names in `text` ("Stoke Ferry Parish Council", "Township of Nipissing"), in order. */
export function findCouncils(text: string): Found[] {
  const src = text;
  // capitals: test on a title-cased copy, same length, so "STOKE FERRY PARISH COUNCIL" is found too
  const probe = src.replace(/\b[A-Z][A-Z'’-]+(?:[ \t]+[A-Z][A-Z'’&-]*)*\b/g, (w) => titleCase(w));
  const out: Found[] = [];
  COUNCIL_NAME.lastIndex = 0;
  for (let m = COUNCIL_NAME.exec(probe); m; m = COUNCIL_NAME.exec(probe)) {
    let name = (m[1] ?? m[2] ?? m[3]).trim();
    let index = m.index + m[0].indexOf(name);
    // drop lead-in words the capital-word pattern swept up ("Minutes Of", "Draft", "The")
    const lead = /^(?:(?:Draft|Minutes|Minute|Of|The|Meeting|Proceedings|At|A|An|Regular|Ordinary|Special|Annual|Monthly|Full|Extraordinary|Your|Update|From|Agenda|Notice|Held|In|By|And|With|To|For|Visit|Online|On-line|Virtual|Blended|Hybrid|Remote|Adjourned|Budget|Statutory|Inaugural)\s+)+/i;
    const cut = name.match(lead);
    if (cut) {
      name = name.slice(cut[0].length);
      index += cut[0].length;
    }
    // "District of Newcastle West of Limerick City and County Council" → the council after the last "of"
    for (let tail = /^[\s\S]+?\s+(?:of|and)\s+(?:the\s+)?([A-Z][\s\S]*)$/.exec(name); tail && /\b(?:county|city|borough|district|parish|town|village|community|metropolitan|regional)\s+council$/i.test(tail[1]) && !isGeneric(tail[1]); tail = /^[\s\S]+?\s+(?:of|and)\s+(?:the\s+)?([A-Z][\s\S]*)$/.exec(name)) {
      index += name.length - tail[1].length;
      name = tail[1];
    }
    // "Parish Council Meeting West Dereham Parish Council": generic words before the name go
    for (let w = /^(\S+)\s+(.+)$/.exec(name); w && (GENERIC.has(w[1].toLowerCase()) || /^meeting$/i.test(w[1])) && !isGeneric(w[2]) && /\bcouncil$/i.test(w[2]); w = /^(\S+)\s+(.+)$/.exec(name)) {
      index += name.length - w[2].length;
      name = w[2];
    }
    if (!name || isGeneric(name)) continue;
    const raw = src.slice(index, index + name.length);
    out.push({ value: fixCase(squash(raw)), index, length: name.length });
  }
  return out;
}

const WHOLE_NAME = /\b(?:council|committee|sub-committee|cabinet|board|panel|forum|commission|assembly|partnership|executive|authority|spc)(?:\s+(?:[A-Za-z]+\s+)?meeting)?\s*$/i;

/**
 * The body named by "Minutes of the X held on …", "A meeting of the X was held …",
 * "MINUTES OF PROCEEDINGS AT MEETING OF THE X HELD IN …". Generic phrases are skipped.
 */
export function findMeetingOf(text: string): Found | null {
  const src = text;
  // "SPECIAL MEETING ‘IN COMMITTEE’ OF THE X", "MEETING (IN COMMITTEE) OF THE X": how it sat, in quotes or brackets
  const lead = /\b(?:minutes|meeting|proceedings)\s+(?:[‘'"“(][^’'"”)\n]{1,30}[’'"”)]\s+)?(?:of|for)\s+(?:the\s+)?/gi;
  // a body's name never holds the words that name the document ("X Draft Minutes of the …")
  const stop = new RegExp(
    `(?<!\\b(?:parish|town))\\s+(?:meeting\\s+)?(?:was\\s+|which\\s+was\\s+)?held\\b|\\s+(?:was\\s+|which\\s+was\\s+)?held\\b|\\s+(?:on|dated)\\s+(?:${WEEKDAY}|the\\s+\\d|\\d|${MONTH})|,?\\s+(?:at|from)\\s+\\d|\\s+(?:${WEEKDAY})\\b|\\s+\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}|\\s+${MONTH}\\s+\\d|\\s+(?:present|attendance|apologies|in attendance)\\b|\\s*[:;(]|\\.\\s|\\s+-\\s|\\s+–\\s|,\\s+(?=comprising|consisting|including|which|being)|\\s*-{3,}|\\s+(?:date|time|venue|place)\\s*:|\\s+on\\s+|\\s+to\\s+(?:consider|discuss|deal\\s+with|approve|adopt|agree|receive|review|elect)\\b|\\s+(?=(?:draft\\s+|unconfirmed\\s+|confirmed\\s+|approved\\s+)?(?:minutes|agenda)\\b)`,
    "i",
  );
  let fallback: Found | null = null;
  for (let m = lead.exec(src); m; m = lead.exec(src)) {
    const start = m.index + m[0].length;
    const rest = src.slice(start, start + 160);
    // a blank line before a new sentence ("\n\nA meeting was held") ends it too; case matters here
    const blank = rest.search(/\n[ \t]*\n\s*(?=[A-Z][a-z]*\s+[a-z]|[A-Z]{2,}[^\n]*:)|\s+(?:in|at|IN|AT)\s+(?=(?:the\s+|THE\s+)?[A-ZÀ-Þ])/);
    // a name that is already whole ("… Parish Council", "… Council May Meeting") ends at a blank line
    const para = rest.search(/\n[ \t]*\n/);
    const whole = para >= 0 && WHOLE_NAME.test(rest.slice(0, para)) ? para : -1;
    const s1 = [rest.search(stop), whole].filter((x) => x >= 0).sort((a, b) => a - b)[0] ?? -1;
    const s = s1 < 0 ? blank : blank < 0 ? s1 : Math.min(s1, blank);
    const raw = (s >= 0 ? rest.slice(0, s) : rest.split(/\n\s*\n/)[0]).trimEnd();
    let cand = squash(raw.replace(/([A-Za-z])-[ \t]*\n\s*(?=[A-Za-z])/g, "$1-"));
    if (/^(?:the\s+)?(?:last|previous|proceedings|meeting|minutes)\b/i.test(cand)) continue;
    // "Special Meeting of the X": a later "meeting of" gives X; "Joint Policing Committee Meeting of the X" keeps both
    const inner = /^(.*?)\s+meeting\s+of\s+(?:the\s+)?/i.exec(cand);
    if (inner) {
      // "MINUTES of a meeting of the X": the later "meeting of" gives X
      if (isGeneric(inner[1]) || /^(?:an?|the)$/i.test(inner[1])) continue;
      const after = cand.slice(inner[0].length);
      // "Janaury meeting of the West Dereham Parish Council": a lead with no body word is dropped
      cand = !BODY_WORD.test(inner[1]) && /\bcouncil$/i.test(after) ? after : `${fixCase(inner[1])} of the ${fixCase(after)}`;
    }
    // qualifiers around the name: "A Virtual …", "June 3rd …", "… Parish Council Annual"
    const words = cand.split(/\s+/);
    while (words.length > 1 && (/^(?:a|an|\d+(?:st|nd|rd|th)?)$/i.test(words[0]) || (GENERIC.has(words[0].toLowerCase()) && !KEEP_WORD.test(words[0])))) words.shift();
    // "Souldern Annual Parish Meeting": the meeting of a parish's electors is the body itself
    const parishMeeting = (w: string[]) => w.length >= 3 && /^meeting$/i.test(w[w.length - 1]) && /^(?:parish|town)$/i.test(w[w.length - 2]);
    while (words.length > 1 && GENERIC.has(words[words.length - 1].toLowerCase()) && !KEEP_WORD.test(words[words.length - 1]) && !parishMeeting(words)) words.pop();
    cand = words.join(" ");
    // a body's name has no running words in it ("October meeting be signed as a correct record")
    if (cand.split(/\s+/).some((w) => /^[a-z]/.test(w) && !/^(?:of|and|the|for|on|in|with|de|&)$/.test(w))) continue;
    if (!parishMeeting(cand.split(/\s+/))) cand = cand.replace(/\s+(?:meeting|minutes)$/i, "");
    cand = cand.replace(/^(?:draft|ordinary|monthly|regular)\s+/i, "").trim();
    // "the Parish Council Meeting WEST DEREHAM PARISH COUNCIL": the named council after a generic lead
    const named = findCouncils(cand)[0];
    if (named && named.index > 0 && isGeneric(cand.slice(0, named.index))) cand = named.value;
    if (cand.length < 3 || cand.length > 120 || !/[A-Z]/.test(cand) || isGeneric(cand)) continue;
    if (/^\d/.test(cand) || /\b(?:19|20)\d\d\b/.test(cand)) continue;
    const found = { value: fixCase(cand), index: start, length: raw.length };
    // "Minutes of the Wereham PC" gives way to a later "… Wereham Parish Council"
    if (BODY_WORD.test(cand)) return found;
    fallback ??= found;
  }
  return fallback;
}

/** The body from a document's file name: "2016-03-northwold-parish-council-meeting-…" → "Northwold Parish Council". */
export function bodyFromFileName(file: string): string | null {
  const base = file.split(/[\\/]/).pop()!.replace(/\.[a-z]+$/i, "").toLowerCase();
  const m = base.match(/((?:[a-z]+-){1,3})(parish|town|village)-council/);
  if (!m) return null;
  const stop = new Set(["minutes", "minute", "of", "the", "meeting", "draft", "and", "for", "from", "update", "your", "pc", "agenda"]);
  const words = m[1].split("-").filter(Boolean);
  while (words.length && stop.has(words[0])) words.shift();
  if (!words.length || words.some((w) => stop.has(w))) return null;
  return titleCase(`${words.join(" ")} ${m[2]} council`);
}
