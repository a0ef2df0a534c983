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
// "Closed Session Adjourned: 7:48pm", "Open Session: 7:49pm", "returned to open session"
const READMIT =
  /(?:^\s*open\s+session\b|\bclosed\s+session\s+(?:was\s+)?(?:adjourned|ended|concluded)\b|\breturned\s+to\s+(?:open|public)\s+session\b)|\b(?:re-?admitted|public\s+(?:were\s+|was\s+)?(?:invited\s+back|returned|re-?joined)|resume[sd]?\s+(?:to\s+)?(?:an?\s+)?(?:open|public)|(?:open|public)\s+session\s+(?:resumed|reconvened)|reconvene[sd]?\s+(?:in|to)\s+(?:open|public))\b/i;
const REOPEN = /\b(?:resume[sd]?\s+(?:to\s+)?(?:an?\s+)?(?:open|public)|reconvene[sd]?\s+(?:in|to)\s+(?:open|public))/i;
// "EXEMPT ITEMS" / "UNRESTRICTED ITEMS": headings over a principal council's private and public business
const PRIVATE_HEADING = /^\s*(?:exempt|confidential|restricted|private)\s+(?:items|business)\s*$/i;
const PUBLIC_HEADING = /^\s*(?:unrestricted|open|public)\s+(?:items|business)\s*$/i;
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
    // "Open Session: Report of Any Action Taken in Closed Session" is the public report of it
    if (!mark && !announces && TITLE_MARK.test(title) && !/\bopen\s+session\b/i.test(title)) mark = { value: { paragraphs: null }, span: item.title.span };
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
      const re = READMIT.exec(t);
      if (ex && (!re || re.index < ex.index)) excluded = true;
      else if (re) excluded = false;
    }
    out.push(mark);
  }
  return out;
}
