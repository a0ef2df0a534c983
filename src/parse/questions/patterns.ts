// The words question time is written in: a question's heading, the label of its reply, the verbs
// of a question and an answer told in sentences. Every pattern is anchored and bounded, read once
// per line or sentence.

/**
 * A question's own heading: "Question submitted by Councillor D. McSweeney", "Questions submitted
 * by Councillor Scanlan:", "Question from Mr K Keel to the Cabinet Member for Highways: Will …",
 * "Question 3 from Cllr A Smith". Group 1: everything after "by" / "from".
 */
export const QUESTION_HEAD =
  /^(?:\(?\d{1,3}[.)]?\s*|\(?[a-h]\)\s*)?(?:(?:public|supplementary|oral|written|members'?|urgent)\s+)?questions?\s*(?:no\.?\s*)?(?:\d{1,3}[.:]?\s*)?(?:(?:submitted|asked|tabled|put|raised|received|lodged)\s+)?(?:by|from)\s+(\S.{1,160})$/i;

/** Who asks, when it is a kind of people rather than a person: the heading of question time, not a question. */
export const NOT_AN_ASKER = /^(?:the\s+)?(?:members?|councillors|residents|parishioners|electors|the\s+public|public|floor|members\s+of\s+the\s+public)\b(?!\s+[A-Z])/i;

/** "REPLY:", "**REPLY**:", "Reply from the Leader:", "Response (Cabinet Member for Finance) –", "ANSWER". Group 1: the rest of the line. */
export const REPLY_LABEL = /^(?:reply|response|answer|responses)(?:\s+(?:from|by)\s+[^:]{1,80}?|\s*\([^)]{1,80}\))?\s*(?:[:.\-–—]\s*(.*))?$/i;

/** "(i)", "(ii)", "(a)", "i)" at the start of a line: one of several questions under one heading. */
export const SUB_QUESTION = /^\(?(?:[ivx]{1,5}|[a-h])\)\s+(?=\S)/;

/** The opening quotation mark of a question quoted as written. */
export const OPEN_QUOTE = /^[“"‘']/;
export const CLOSE_QUOTE = /[”"’]/;

/** A notice of motion is not a question, even under the same kind of heading. */
export const MOTION_HEAD = /^(?:\(?\d{1,3}[.)]?\s*)?notices?\s+of\s+motions?\b/i;

/** Items given to question time: "Public Questions", "Questions from Members", "Public Question Time", "Questions on notice". */
export const QUESTIONS_TITLE = /\bquestions?\b/i;

/** "Mr J Smith asked the Clerk whether …": group 1 the asker, group 2 the rest. */
export const ASKED = /^(.{2,60}?)\s+(?:also\s+|then\s+|further\s+)?(?:asked|queried|enquired|inquired)\s+(.*)$/s;

/** The office or person asked, before what was asked: "the Clerk", "the Cabinet Member for Highways", "Cllr A Smith". */
export const ASKED_WHOM =
  /^((?:the\s+[A-Z][\w'’&-]*(?:\s+(?:for|of|and|&|[A-Z][\w'’&-]*)){0,8})|(?:(?:Cllr|Councillor|Mr|Mrs|Ms|Miss|Dr)\.?\s+(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]*))\s+(?=(?:whether|if|about|what|why|when|how|who|where|regarding|for|to)\b)/;

/** An asker: a name with an honorific or a role, or a member of the public. */
export const ASKER =
  /^(?:(?:Cllrs?|Councillors?|Mr|Mrs|Ms|Miss|Dr|Rev|Revd|Prof|Mayor|Alderman)\.?\s+(?:[A-Z][\w'’.-]*\s*){1,4}|(?:the\s+)?(?:Chair(?:man|woman|person)?|Vice[- ]Chair(?:man)?|Leader|Mayor|Clerk)|an?\s+(?:member\s+of\s+the\s+public|resident|parishioner|local\s+resident|elector))$/i;

/** A procedural invitation, not a question: "asked if there were any questions". */
export const INVITATION = /\bany\s+(?:questions|comments|matters)\b|\bif\s+there\s+(?:were|was|are|is)\b/i;

/** "The Clerk replied that …", "The Chairman confirmed that …", "He explained …": an answer told in a sentence. */
export const ANSWERED =
  /^(?:(?:the\s+)?[A-Z][\w'’.-]*(?:\s+(?:for|of|and|&|[A-Z][\w'’.-]*)){0,8}|He|She|They|It)\s+(?:replied|responded|answered|confirmed|explained|advised|said|stated|informed|reported|agreed|undertook|clarified)\b/;
