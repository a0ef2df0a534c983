// Random tokens for sessions and sign-in links, and the hash under which they are stored: the
// database never holds a token that would sign someone in.
import { createHash, randomBytes } from "node:crypto";

export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}
