export { kindOf } from "../../domain/declaration-kinds.ts";
// The words a declaration of interest is written in: who declared, what kind of interest, which item.

/** Titles of the item where members declare interests. */
export const DECLARATIONS_TITLE =
  /\b(?:declarations?|disclosures?)\s+(?:of\s+|by\s+members\s+of\s+)?(?:(?:disclosable\s+)?pecuniary\s+|personal\s+|members'?\s+|any\s+)?(?:interests?|conflicts?\s+of\s+interest)|\binterests?\s+declared\b|\bto\s+(?:receive|declare|consider)\b[^.]{0,40}\binterests?\b/i;

const HONORIFIC =
  String.raw`(?:Cllrs?\.?|Clirs?\.?|Clrs?\.?|Councillors?|Mayor|Deputy\s+Mayor|Reeve|Deputy\s+Reeve|Mr\.?|Mrs\.?|Ms\.?|Miss|Dr\.?|Rev(?:d|\.)?|Prof\.?)`;
// A capitalised word, an initial ("J", "J."), or a double-barrelled / apostrophised surname
// ("O'Brien" is the first form; the second is for "O' Brien" only, so no word matches two ways).
const NAME_WORD = String.raw`(?:[A-Z][A-Za-z\u00C0-\u024F'’]*(?:-[A-Z][A-Za-z\u00C0-\u024F'’]*)?(?![A-Za-z\u00C0-\u024F'’])\.?|O['’]\s[A-Z][a-z]+)`;
const WITH_HONORIFIC = String.raw`${HONORIFIC}\s*(?:${NAME_WORD}\s*){1,4}`;
const ROLE = String.raw`(?:[Tt]he\s+)?(?:Chair(?:man|woman|person)?|Vice[- ]Chair(?:man|woman|person)?|Clerk|Mayor|Cathaoirleach|Leas-Chathaoirleach)`;
// Bare names must not start with an honorific or a role: those are the other forms. Each stretch
// of text is then one kind of name in one way only; a list of names that could each be read two
// ways made a long PRESENT list with no declaration after it take exponential time to reject.
const NOT_HONORIFIC = String.raw`(?!(?:${HONORIFIC}|${ROLE})(?![A-Za-z\u00C0-\u024F'’]))`;
const BARE = String.raw`${NOT_HONORIFIC}(?:${NAME_WORD}\s+){1,3}${NAME_WORD}`;
/** The first name of a list: one bare word only when it is initials ("PAG"). */
const FIRST_NAME = String.raw`(?:${HONORIFIC}(?=\s*(?:&|and)\s*${HONORIFIC}\s*[A-Z])|${WITH_HONORIFIC}|${ROLE}|${BARE}|${NOT_HONORIFIC}[A-Z]{2,3}(?![A-Za-z\u00C0-\u024F'’]))`;
/** Later names of a list may be a single word ("Cllr Smith and Jones"). */
const NEXT_NAME = String.raw`(?:${WITH_HONORIFIC}|${ROLE}|${NOT_HONORIFIC}(?:${NAME_WORD}\s+){0,3}${NAME_WORD})`;
/**
 * One or more names joined by commas, "and" or "&" ("Cllr S Briston and Cllr L Peake", "PAG, MPO
 * and DCO"). At most 30: the pattern is tried at every name of a long list (a PRESENT list of
 * thousands), and an open-ended list made each try run to the end of it.
 */
export const NAMES = String.raw`${FIRST_NAME}(?:\s*(?:,|and|&)\s*${NEXT_NAME}){0,29}`;

/** The kinds of interest the codes of conduct name, longest first. */
const KIND = String.raw`(?:(?:[Dd]isclosable|[Oo]ther|[Nn]on|[Pp]ecuniary|[Pp]ersonal|[Pp]rejudicial|[Rr]egistrable)(?=[\s-])(?:[\s-]+(?:and\s+)?(?:[Pp]ecuniary|[Pp]rejudicial|[Rr]egistrable))*)`;


/**
 * "<names> declared a pecuniary interest", "<names> had declared an interest", "<name> declared pecuniary
 * interest", "<name> declared their interest". Group 1: the names; group 2: the kind.
 */
export const DECLARED = new RegExp(
  String.raw`(${NAMES})(?:\s*\([A-Z]{1,4}\))?(?:\s*,\s*(?<clause>(?:as|being|who|which|in\s+(?:his|her|their)\s+capacity)\b[^,;.()]{1,80}?)\s*,)?\s*,?\s+(?:has\s+|had\s+|each\s+|both\s+|also\s+|then\s+)*(?:[Dd]eclared|[Dd]eclares|disclosed|registered)\s+(?:an?\s+|his\s+|her\s+|their\s+|the\s+following\s+)?(?:(?<kind>${KIND})\s+(?:and\s+\w+\s+)?)?(?:(?:[a-z]+\s+|conflict\s+of\s+)?[Ii]nterests?\b|(?=(?:on|in|for)\s+(?:[Aa]genda\s+)?[Ii]tems?\s*(?:[Nn]o\.?\s*)?\d))`,
  "g",
);

/** In the declarations item, "<name> declared that his property borders the site" is a declaration too. */
/** Every declaration sentence holds one of these words; sentences without one are not searched. */
export const DECLARING_WORD = /[Dd]eclare[ds]|disclosed|registered/;

export const DECLARED_THAT = new RegExp(String.raw`(${NAMES})(?:\s*\([A-Z]{1,4}\))?\s+(?:had\s+)?[Dd]eclared\s+(?=that\b)`, "g");

/** A sentence of the declarations item that starts with a name and then gives the reason or item. */
export const NAMED_LINE = new RegExp(
  String.raw`^(${WITH_HONORIFIC}(?:\s*(?:,|and|&)\s*${WITH_HONORIFIC})*)(?![\w'’-])\s*(?:$|[:,(]|[-–]\s|(?:due\s+to|as|because|for|regarding|re|in\s+relation\s+to|in\s+respect\s+of|with\s+regard\s+to|on|in)\b)`,
);

export const KIND_WORDS = new RegExp(String.raw`\b(${KIND})\s+interests?\b`, "i");

/** "item 12a", "Item No. 8", "items 7 and 9", "agenda item 215/20", "minute 14.1". */
export const ITEM_REF = /\b(?:agenda\s+)?(?:item|minute)s?\s*(?:no\.?\s*|number\s+)?(\d{1,4}(?:[./]\d{1,3})*(?:[a-h]|[ivx]{1,4})?)\b/i;

/** Statements that nobody declared anything, or that members were only asked to. */
export const NONE =
  /^(?:none\.?|nil\.?|n\/a)$|\bno\s+(?:(?:such|other|further|new)\s+)?(?:declarations?|interests?|disclosures?)\b|\bnone\s+(?:were|was)\s+(?:declared|made|received)\b|\b(?:reminded|invited|asked|requested)\b[^.]{0,40}\bdeclare\b/i;

export function normaliseKind(kind: string | undefined): string | null {
  if (!kind) return null;
  return kind.toLowerCase().replace(/\s+/g, " ").replace(/^non pecuniary$/, "non-pecuniary").replace(/^non registrable$/, "non-registrable");
}

