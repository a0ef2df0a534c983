// Sessions: the cookie holds a random token, the table only its hash. A session ends when it has
// been idle too long or has reached its absolute lifetime, whichever comes first.
import { accountsDb, type AnyDb } from "./schema.ts";
import { hashToken, newToken } from "./secrets.ts";
import type { User } from "./users.ts";
import { findUserById } from "./users.ts";

export const IDLE_MS = 8 * 60 * 60 * 1000;
export const ABSOLUTE_MS = 7 * 24 * 60 * 60 * 1000;
/** How stale a session's last_seen_at may be before a request writes it again. */
const TOUCH_MS = 60_000;

export interface Session {
  id: string;
  user: User;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
}

/** Starts a session and returns the token for the cookie (the only copy). */
export async function createSession(db: AnyDb, userId: number, now: Date, userAgent?: string): Promise<string> {
  const token = newToken();
  const at = now.toISOString();
  await accountsDb(db)
    .insertInto("sessions")
    .values({ id: hashToken(token), user_id: userId, created_at: at, last_seen_at: at, expires_at: new Date(now.getTime() + ABSOLUTE_MS).toISOString(), user_agent: userAgent ? userAgent.slice(0, 120) : null })
    .execute();
  return token;
}

/** The live session for a cookie token, its last-seen time moved to now; undefined when none. */
export async function touchSession(db: AnyDb, token: string, now: Date): Promise<Session | undefined> {
  const id = hashToken(token);
  const row = await accountsDb(db).selectFrom("sessions").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) return undefined;
  const t = now.getTime();
  if (t >= Date.parse(row.expires_at) || t - Date.parse(row.last_seen_at) >= IDLE_MS) {
    await endSession(db, token);
    return undefined;
  }
  const user = await findUserById(db, row.user_id);
  if (!user || user.disabled) return undefined;
  // Written at most once a minute: the idle limit is hours, and every write moves the archive's
  // version (store/archive-version.ts), which would empty the signed-out visitors' response cache.
  if (t - Date.parse(row.last_seen_at) < TOUCH_MS) return { id, user, createdAt: row.created_at, lastSeenAt: row.last_seen_at, expiresAt: row.expires_at };
  const at = now.toISOString();
  await accountsDb(db).updateTable("sessions").set({ last_seen_at: at }).where("id", "=", id).execute();
  return { id, user, createdAt: row.created_at, lastSeenAt: at, expiresAt: row.expires_at };
}

export async function endSession(db: AnyDb, token: string): Promise<void> {
  await accountsDb(db).deleteFrom("sessions").where("id", "=", hashToken(token)).execute();
}

/** Ends every session of a person, e.g. when their password is set anew. */
export async function endSessionsOf(db: AnyDb, userId: number): Promise<void> {
  await accountsDb(db).deleteFrom("sessions").where("user_id", "=", userId).execute();
}

export async function countSessions(db: AnyDb, userId: number): Promise<number> {
  const r = await accountsDb(db).selectFrom("sessions").select((eb) => eb.fn.countAll<number>().as("n")).where("user_id", "=", userId).executeTakeFirstOrThrow();
  return Number(r.n);
}
