// The one error type users see. `message` is a single line fit for a terminal or a page;
// anything else (stack, cause) stays in logs.

export type ErrorCode =
  | "unreadable" // a document we cannot read: empty, binary, no text layer
  | "unsupported" // a format we do not read
  | "not_found"
  | "invalid" // bad input to a command or a request
  | "conflict"
  | "forbidden"
  | "internal";

export class QuorumError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message.replace(/\s*\n\s*/g, " "), options);
    this.name = "QuorumError";
    this.code = code;
  }
}

/** A one-line message for any thrown value, never a stack trace. */
export function oneLine(err: unknown): string {
  if (err instanceof QuorumError) return err.message;
  const msg = err instanceof Error ? err.message : String(err);
  return (msg.split("\n")[0] || "unexpected error").slice(0, 300);
}
