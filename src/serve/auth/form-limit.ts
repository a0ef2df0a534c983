// How large a form may be, bounded by the app's write gate before anything (the account guard
// reading the CSRF token first) reads it.
import { bodyLimit } from "hono/body-limit";
import { respondWithProblem } from "../errors.tsx";

const limitOf = (maxSize: number) => bodyLimit({ maxSize, onError: (c) => respondWithProblem(c, { id: "invalid", status: 413, message: "The form sent was too large." }) });

/** An account or workspace form is a few short fields. */
export const formBodyLimit = limitOf(16 * 1024);
/** A correction may carry a long decision's text. */
export const correctionBodyLimit = limitOf(128 * 1024);
/** Splitting a person lists every attendance row they hold. */
export const peopleBodyLimit = limitOf(256 * 1024);
/** A minute-taking sheet carries every item's narrative and decision. */
export const minutesBodyLimit = limitOf(512 * 1024);
