// One-time sign-in links (first sign-in and password resets): valid for a day, used once.
import { accountsDb, type AnyDb } from "./schema.ts";
import { hashToken, newToken } from "./secrets.ts";

export const SIGN_IN_TOKEN_MS = 24 * 60 * 60 * 1000;

/** Issues a token for the link; only its hash is stored. */
export async function issueSignInToken(db: AnyDb, userId: number, now: Date): Promise<string> {
  const token = newToken();
  await accountsDb(db)
    .insertInto("sign_in_tokens")
    .values({ token_hash: hashToken(token), user_id: userId, created_at: now.toISOString(), expires_at: new Date(now.getTime() + SIGN_IN_TOKEN_MS).toISOString(), used_at: null })
    .execute();
  return token;
}

/** The user a token would sign in, without using it; undefined when unknown, used or expired. */
export async function peekSignInToken(db: AnyDb, token: string, now: Date): Promise<number | undefined> {
  const r = await accountsDb(db).selectFrom("sign_in_tokens").selectAll().where("token_hash", "=", hashToken(token)).executeTakeFirst();
  if (!r || r.used_at !== null || now.getTime() >= Date.parse(r.expires_at)) return undefined;
  return r.user_id;
}

/** Uses a token: returns its user once, and never again (a conditional update, so two racing uses cannot both win). */
export async function useSignInToken(db: AnyDb, token: string, now: Date): Promise<number | undefined> {
  const at = now.toISOString();
  const r = await accountsDb(db)
    .updateTable("sign_in_tokens")
    .set({ used_at: at })
    .where("token_hash", "=", hashToken(token))
    .where("used_at", "is", null)
    .where("expires_at", ">", at)
    .returning("user_id")
    .executeTakeFirst();
  return r?.user_id;
}
