// How large a form may be, bounded by the app's write gate before anything (the account guard
// reading the CSRF token first) reads it.
import { bodyLimit } from "hono/body-limit";
import { respondWithProblem } from "../errors.tsx";
import { MAX_PAPER_BYTES } from "../../store/agenda/items.ts";

const limitOf = (maxSize: number) => bodyLimit({ maxSize, onError: (c) => respondWithProblem(c, { id: "invalid", status: 413, message: "The form sent was too large." }) });

/** An account or workspace form is a few short fields. */
export const formBodyLimit = limitOf(16 * 1024);
/** A correction may carry a long decision's text. */
export const correctionBodyLimit = limitOf(128 * 1024);
/** Splitting a person lists every attendance row they hold. */
export const peopleBodyLimit = limitOf(256 * 1024);
/** A key decision's form carries its details, wards, consultees and document links, in any script. */
export const forwardPlanBodyLimit = limitOf(96 * 1024);
/** An agenda paper upload: the paper and a few fields. */
export const paperBodyLimit = limitOf(MAX_PAPER_BYTES + 64 * 1024);
/** A minute-taking sheet carries every item's narrative and decision. */
export const minutesBodyLimit = limitOf(512 * 1024);
