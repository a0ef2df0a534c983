// A correction form is a few fields and at most a decision's text; nothing larger is read. Applied
// before the account guard reads the form for its CSRF token.
import { bodyLimit } from "hono/body-limit";
import { respondWithProblem } from "../errors.tsx";

export const correctionBodyLimit = bodyLimit({ maxSize: 128 * 1024, onError: (c) => respondWithProblem(c, { id: "invalid", status: 413, message: "The form sent was too large." }) });
