// Failed sign-ins, counted in the database so that every process serving the site agrees on
// the limit. Limits apply per email and per address over a sliding window.
import { accountsDb, type AnyDb } from "./schema.ts";

export const FAILURE_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_IP = 20;

export async function recordFailure(db: AnyDb, email: string, ip: string, now: Date): Promise<void> {
  await accountsDb(db).insertInto("sign_in_failures").values({ email, ip, at: now.toISOString() }).execute();
}

/** Whether sign-in for this email or from this address is held back for now. */
export async function isThrottled(db: AnyDb, email: string, ip: string, now: Date): Promise<boolean> {
  const since = new Date(now.getTime() - FAILURE_WINDOW_MS).toISOString();
  const adb = accountsDb(db);
  const byEmail = await adb.selectFrom("sign_in_failures").select((eb) => eb.fn.countAll<number>().as("n")).where("email", "=", email).where("at", ">", since).executeTakeFirstOrThrow();
  if (Number(byEmail.n) >= MAX_FAILURES_PER_EMAIL) return true;
  const byIp = await adb.selectFrom("sign_in_failures").select((eb) => eb.fn.countAll<number>().as("n")).where("ip", "=", ip).where("at", ">", since).executeTakeFirstOrThrow();
  return Number(byIp.n) >= MAX_FAILURES_PER_IP;
}

/** A successful sign-in clears that email's failures; old rows go too. */
export async function clearFailures(db: AnyDb, email: string, now: Date): Promise<void> {
  const adb = accountsDb(db);
  await adb.deleteFrom("sign_in_failures").where("email", "=", email).execute();
  await adb.deleteFrom("sign_in_failures").where("at", "<", new Date(now.getTime() - FAILURE_WINDOW_MS).toISOString()).execute();
}
