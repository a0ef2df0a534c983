// An account or workspace form is a few short fields; nothing larger is read. Applied by the app's
// write gate before the account guard reads a form for its CSRF token.
import { bodyLimit } from "hono/body-limit";
import { respondWithProblem } from "../errors.tsx";

export const formBodyLimit = bodyLimit({ maxSize: 16 * 1024, onError: (c) => respondWithProblem(c, { id: "invalid", status: 413, message: "The form sent was too large." }) });
