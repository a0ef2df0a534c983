// Whether an item was taken in private. Three signs, in the order councils use them:
//  - the item says so itself: "(Exemption paragraphs 1 & 7)", "Confidential …", "In camera", "Closed session";
//  - an earlier resolution excluded the public ("… Schedule 12A …", "closed to the public", "in camera"):
//    every later item is private until the public is readmitted or the meeting resumes in open session.
//    The item holding that resolution is itself public;
//  - the members adjourned "to meet in Committee … to discuss this item" (Irish councils).
import type { ItemBlock, Located, ParseContext } from "../context.ts";
import { plain } from "./markup.ts";

export interface Exemption {
  paragraphs: string | null;
}

const OWN_MARK =
  /\b(?:exempt(?:ion)?\s+(?:information\s*[-–(]?\s*)?(?:under\s+)?(?:paragraphs?|para\.?|categor(?:y|ies))\s*([\d\s,&and]+\d)|exempt\s+item|private\s+and\s+confidential|not\s+for\s+publication)\b/i;
const TITLE_MARK =
  /^confidential\b|\(confidential\)|[–-]\s*confidential\b|\bconfidential\s*(?:item|matters?)?$|\b(?:in\s+camera|closed\s+session|private\s+session|exempt\s+items?)\b|\(exempt\)/i;
const EXCLUSION = new RegExp(
  [
    String.raw`\b(?:press\s+and\s+)?public\s+(?:and\s+(?:the\s+)?press\s+)?(?:be|were|was|are|is)\s+(?:now\s+)?excluded`,
    String.raw`\b(?:resolved|agreed|voted|moved)\s+(?:that\s+|unanimously\s+)?to\s+exclude\s+(?:the\s+)?(?:press\s+and\s+)?public`,
    String.raw`\bexclusion\s+of\s+(?:the\s+)?(?:press\s+and\s+)?public`,
    String.raw`\bschedule\s+12a\b`,
    // "this part of our meeting will be closed to the public as authorized by Section 239"; a public
    // participation slot that "closed to the public" is the end of public speaking, not an exclusion
    String.raw`\b(?:meeting|session)\b[^.]{0,40}\b(?:be|is|was)\s+closed\s+to\s+the\s+public\s+(?:as|under|pursuant|in\s+accordance|for\s+(?:the\s+)?(?:consideration|discussion))`,
    String.raw`\b(?:move[sd]?|go|went|proceed(?:ed)?)\s+(?:in)?to\s+(?:a\s+)?(?:closed|confidential|private)\s+session`,
    String.raw`\b(?:move[sd]?|go|went|proceed(?:ed)?|met)\s+in\s+camera`,
  ].join("|"),
  "i",
);
// US boards: "Closed Session Adjourned: 7:48pm / Open Session: 7:49pm", "ANNOUNCEMENT OF ACTION TAKEN IN CLOSED SESSION"
const US_REOPEN = String.raw`open\s+session\b|closed\s+session\s+(?:was\s+)?(?:adjourned|ended|concluded)|(?:report|announcement)s?\s+(?:out\s+)?(?:of|on|from)\s+(?:any\s+)?actions?\s+taken\s+in\s+closed\s+session|returned?\s+to\s+(?:open|public|regular)\s+(?:session|meeting)|reconvened\s+(?:in|into|to)\s+(?:open|public|regular)`;
const READMIT =
  /\b(?:re-?admitted|public\s+(?:were\s+|was\s+)?(?:invited\s+back|returned|re-?joined)|resume[sd]?\s+(?:to\s+)?(?:an?\s+)?(?:open|public)|(?:open|public)\s+session\s+(?:resumed|reconvened)|reconvene[sd]?\s+(?:in|to)\s+(?:open|public))\b/i;
const US_READMIT = new RegExp(`\\b(?:${US_REOPEN})`, "i");
const REOPEN = new RegExp(String.raw`\b(?:resume[sd]?\s+(?:to\s+)?(?:an?\s+)?(?:open|public)|reconvene[sd]?\s+(?:in|to)\s+(?:open|public)|${US_REOPEN})`, "i");
// "EXEMPT ITEMS" / "UNRESTRICTED ITEMS": headings over a principal council's private and public business
// "PART II" / "PART I" (also "PART 2", "PART B"): the Local Government Act's parts of an agenda,
// private and public, printed as headings of their own
const PRIVATE_HEADING = /^\s*(?:(?:exempt|confidential|restricted|private)\s+(?:items|business)|part\s+(?:ii|2|two|b)(?:\s*[-–:]\s*(?:exempt|confidential|private)\b.*)?)\s*$/i;
const PUBLIC_HEADING = /^\s*(?:(?:unrestricted|open|public)\s+(?:items|business)|part\s+(?:i|1|one|a)(?:\s*[-–:]\s*(?:open|public|unrestricted)\b.*)?)\s*$/i;
const IN_COMMITTEE = /\b(?:adjourn(?:ed)?|went|go|meet)\b[^.]{0,60}\bin\s+committee\b/i;

/** For each item, whether it was taken in private (and under which Schedule 12A paragraphs), else null. */
export function detectExempt(ctx: ParseContext, items: ItemBlock[]): (Located<Exemption> | null)[] {
  const out: (Located<Exemption> | null)[] = [];
  let excluded = false;
  for (const [k, item] of items.entries()) {
    let mark: Located<Exemption> | null = null;
    const title = item.title.value;
    // the item announcing the exclusion is held in public; its title names the exclusion
    const announces = EXCLUSION.test(title) || /\bexclusion\b/i.test(title);
    // the resolution that returns to open session is taken as the meeting reopens
    const reopens = REOPEN.test(ctx.lines.slice(item.start, Math.min(item.end, item.bodyStart + 2)).map((l) => l.text).join(" "));
    for (let i = item.start; i < Math.min(item.end, item.bodyStart + 3); i++) {
      const m = OWN_MARK.exec(plain(ctx.lines[i].text).text);
      if (m && !announces) {
        mark = ctx.located({ paragraphs: m[1]?.trim() ?? null }, i);
        break;
      }
    }
    // "OPEN SESSION: REPORT OF ANY ACTION TAKEN IN CLOSED SESSION" names a closed session but is held in public
    if (!mark && !announces && !US_READMIT.test(title) && TITLE_MARK.test(title)) mark = { value: { paragraphs: null }, span: item.title.span };
    if (!mark && excluded && !announces && !reopens) mark = { value: { paragraphs: null }, span: item.title.span };
    if (!mark) {
      for (let i = item.bodyStart; i < item.end; i++) {
        const t = ctx.lines[i].text;
        if (IN_COMMITTEE.test(t) && /\bthis\s+item\b/i.test(t + " " + (ctx.lines[i + 1]?.text ?? ""))) {
          mark = ctx.located({ paragraphs: null }, i);
          break;
        }
      }
    }
    // exclusion and readmission inside this item, or between it and the next (a section the item
    // was closed at), decide what the following items are
    const until = items[k + 1]?.start ?? ctx.lines.length;
    for (let i = item.start; i < Math.max(item.end, until); i++) {
      const line = plain(ctx.lines[i].text).text;
      if (i >= item.end && PRIVATE_HEADING.test(line)) excluded = true;
      else if (i >= item.end && PUBLIC_HEADING.test(line)) excluded = false;
      const t = ctx.lines[i].text + " " + (ctx.lines[i + 1]?.text ?? "");
      const ex = EXCLUSION.exec(t);
      const re = READMIT.exec(t) ?? US_READMIT.exec(t);
      if (ex && (!re || re.index < ex.index)) excluded = true;
      else if (re) excluded = false;
    }
    out.push(mark);
  }
  return out;
}
