// US and Canadian boards head their minutes with the body's name on a line of its own, above or
// below the document's kind ("ALAMEDA GOLF COMMISSION / MINUTES OF MEETING", "EAST PALO ALTO /
// PLANNING COMMISSION / REGULAR MEETING MINUTES", "MINUTES OF THE REGULAR CITY COUNCIL MEETING").
// A city's name printed with the body ("City of Alameda Planning Board") is the authority.
import { isShouting, squash, titleCase } from "../text/joined.ts";
import type { Found } from "./bodies.ts";

const BODY_NOUN = /\b(?:board|commission|committee|council|authority|trustees|subcommittee|sub-committee|education|cabinet|panel)\b/i;
// a government that owns bodies rather than a body that meets
const GOVERNMENT_ONLY = /\b(?:district|county|city|town|township|village|municipality)$/i;
// the words that name the document or the kind of meeting, not the body
const DOC_WORDS =
  /^(?:(?:approved|unapproved|draft|adopted|final|amended|revised)\s+)*(?:minutes\s+(?:of|for)\s+(?:the\s+)?|(?:(?:regular|special|adjourned|joint|annual)\s+)?meeting\s+(?:minutes\s+)?(?:of|for)\s+(?:the\s+)?)*/i;
const DOC_TAIL = /(?:\s+(?:(?:regular|special|adjourned|annual)\s+)?(?:meeting|minutes|meeting\s+minutes)(?:\s+of)?)+$/i;
const ONLY_DOC = /^(?:(?:approved|unapproved|draft|adopted|final|regular|special|adjourned|annual|meeting|minutes|of|for|the)\s*)+$/i;
const NAME_SHAPE = /(?:board|commission|committee|council|authority|trustees|subcommittee|sub-committee|education|cabinet|panel)$|^(?:board|commission|committee|council)\s+(?:of|on|for)\s+[A-Z]/i;
const LOWER_OK = new Set(["of", "and", "on", "the", "for", "&"]);

const fixCase = (s: string) => (isShouting(s) ? titleCase(s) : s);

/** The body named on a title line among the first lines of `text` (the front of the minutes). */
export function titleLineBody(text: string): Found | null {
  const lines = text.split("\n");
  let offset = 0;
  let seen = 0;
  let fallback: Found | null = null;
  for (const raw of lines) {
    const at = offset;
    offset += raw.length + 1;
    const line = raw.trim();
    if (!line) continue;
    if (++seen > 8) break;
    if (line.length > 90 || /\d/.test(line) || /[:;]/.test(line) || ONLY_DOC.test(line)) continue;
    let name = line.replace(DOC_WORDS, "");
    name = name.replace(DOC_TAIL, "").replace(/^(?:regular|special|adjourned)\s+/i, "").trim();
    if (!name || !BODY_NOUN.test(name) || GOVERNMENT_ONLY.test(name)) continue;
    // a name ends with its noun ("Alameda Golf Commission") or opens with it ("Board of Education");
    // a phrase about the meeting ("Meeting Held in the Council Chamber") is not a name
    if (!NAME_SHAPE.test(name) || /\b(?:held|proceedings|meeting|minutes)\b|['’‘"“]/i.test(name)) continue;
    // running prose is not a title ("The meeting of the Board was called to order")
    if (name.split(/\s+/).some((w) => /^[a-z]/.test(w) && !LOWER_OK.has(w))) continue;
    const index = at + raw.indexOf(line) + line.indexOf(name.split(/\s+/)[0]);
    const found = { value: fixCase(squash(name)), index: Math.max(at, index), length: name.length };
    // a lone "Board" is the weakest title: a later line may name the body in full
    if (/\s/.test(name)) return found;
    fallback ??= found;
  }
  return fallback;
}

/** "City of Alameda Planning Board" → the body and the city it belongs to. */
export function splitCityOf(name: string): { body: string; authority: string | null } {
  // "Souldern Annual Parish Meeting" is a body (the parish's electors), not a meeting of one
  let body = /\b(?:parish|town)\s+meeting$/i.test(name) ? name : name.replace(/\s+(?:regular|special|adjourned)\s+meeting$/i, "").replace(/\s+meeting$/i, "").trim();
  let authority: string | null = null;
  const lead = /^((?:City|Town|County|Village|Township)\s+of\s+[A-Z][A-Za-z'’-]+)\s+(?=[A-Z])(.+)$/.exec(body);
  const tail = /^(.+?\S)\s+of\s+the\s+((?:City|Town|County|Village|Township)\s+of\s+[A-Z][A-Za-z'’-]+(?:\s+[A-Z][A-Za-z'’-]+)?)$/.exec(body);
  // "Township of Nipissing Council" is one name: a bare noun after the city does not split it
  if (lead && BODY_NOUN.test(lead[2]) && /\s/.test(lead[2].trim())) {
    authority = lead[1];
    body = lead[2];
  } else if (tail && BODY_NOUN.test(tail[1])) {
    authority = tail[2];
    body = tail[1];
  }
  return { body, authority };
}

/** A body named by a bare noun ("Board") takes the fullest form the text uses most ("Board of Trustees"). */
export function completeBareBody(body: string, text: string): string {
  if (!/^(?:board|commission|council|committee)$/i.test(body.trim())) return body;
  const noun = body.trim().toLowerCase();
  const Noun = noun.charAt(0).toUpperCase() + noun.slice(1);
  const counts = new Map<string, number>();
  const re = new RegExp(`\\b${Noun}\\s+of\\s+(?:the\\s+)?[A-Z][a-z]+(?:\\s+[A-Z][a-z]+)*`, "g");
  for (const m of text.matchAll(re)) {
    const k = squash(m[0]);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  let best: string | null = null;
  let most = 1;
  for (const [k, n] of counts) if (n > most) [best, most] = [k, n];
  return best ?? body;
}
