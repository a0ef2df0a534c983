// What exempt item 35 of the Staffordshire fixture (test/fixtures/exempt) seals: its text, and
// everything read from it (a declaration, a response table, work-programme changes, a vote). A
// signed-out crawl must find none of it on any public surface.
import type { Visit } from "./crawl.ts";

export const ITEM_35 = [
  "briefing note outlining a recent confidential HR matter",
  "Members accepted the details shared",
  "review the appropriate timing of communication with the Chairman",
  "That the briefing note be received",
  "review future communication timings for such issues",
];

/** Text as a reader sees it: tags and entities dropped, lower case, one space between words. */
export const words = (s: string): string => s.toLowerCase().replace(/&[a-z]+;|&#\d+;/g, " ").replace(/<[^>]+>/g, " ").replace(/[^a-z0-9]+/g, " ").trim();

export const SEALED = [
  ...ITEM_35,
  "Wolstanton",
  "relative of the employee concerned",
  "settlement figure be renegotiated",
  "reopen the Wolstanton settlement talks",
  "disciplinary panel",
  "Settlement terms for the",
  "Wolstanton Depot Settlement Negotiations",
  "Helen Riley",
  "by 8 votes for, 3 against",
  "For 8, against 3, abstaining 1",
  "Talks with the union have begun",
];

// the vote on item 35's resolution, as the API would give it
export const SEALED_VOTES = /"for":8,"against":3,"abstain":1/;

/** Each page that shows something item 35 seals, and what. */
export function leaksIn(pages: Pick<Visit, "url" | "body">[]): string[] {
  const out: string[] = [];
  for (const v of pages) {
    const body = words(v.body);
    // a search page repeats its own query
    const asked = words(decodeURIComponent(v.url.replace(/\+/g, " ")));
    for (const phrase of SEALED) if (body.includes(words(phrase)) && !asked.includes(words(phrase))) out.push(`${v.url}: "${phrase}"`);
    if (SEALED_VOTES.test(v.body)) out.push(`${v.url}: item 35's votes`);
  }
  return out;
}
