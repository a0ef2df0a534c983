// People who can sign in. Emails are kept lower-cased so one address is one person.
import { QuorumError } from "../../domain/errors.ts";
import { accountsDb, ROLES, type AnyDb, type Role } from "./schema.ts";

export interface User {
  id: number;
  email: string;
  displayName: string;
  role: Role;
  disabled: boolean;
  hasPassword: boolean;
  createdAt: string;
  updatedAt: string;
}

export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

export function isRole(role: string): role is Role {
  return (ROLES as readonly string[]).includes(role);
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function toUser(r: { id: number; email: string; display_name: string; role: Role; disabled: number; password_hash: string | null; created_at: string; updated_at: string }): User {
  return { id: r.id, email: r.email, displayName: r.display_name, role: r.role, disabled: r.disabled !== 0, hasPassword: r.password_hash !== null, createdAt: r.created_at, updatedAt: r.updated_at };
}

export async function addUser(db: AnyDb, input: { email: string; role: string; displayName?: string }, now: Date): Promise<User> {
  const email = normaliseEmail(input.email);
  if (!EMAIL.test(email)) throw new QuorumError("invalid", `"${input.email}" is not an email address`);
  if (!isRole(input.role)) throw new QuorumError("invalid", `role must be one of ${ROLES.join(", ")}`);
  if (await findUserByEmail(db, email)) throw new QuorumError("conflict", `there is already a user with the email ${email}`);
  const at = now.toISOString();
  const row = await accountsDb(db)
    .insertInto("users")
    .values({ email, display_name: input.displayName?.trim() || email.split("@")[0], role: input.role, password_hash: null, created_at: at, updated_at: at })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toUser(row);
}

export async function findUserByEmail(db: AnyDb, email: string): Promise<User | undefined> {
  const r = await accountsDb(db).selectFrom("users").selectAll().where("email", "=", normaliseEmail(email)).executeTakeFirst();
  return r && toUser(r);
}

export async function findUserById(db: AnyDb, id: number): Promise<User | undefined> {
  const r = await accountsDb(db).selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
  return r && toUser(r);
}

export async function listUsers(db: AnyDb): Promise<User[]> {
  const rows = await accountsDb(db).selectFrom("users").selectAll().orderBy("email").execute();
  return rows.map(toUser);
}

/** The stored password hash, for checking a sign-in; never leaves the server. */
export async function passwordHashOf(db: AnyDb, userId: number): Promise<string | null> {
  const r = await accountsDb(db).selectFrom("users").select("password_hash").where("id", "=", userId).executeTakeFirst();
  return r?.password_hash ?? null;
}

export async function setPasswordHash(db: AnyDb, userId: number, hash: string, now: Date): Promise<void> {
  await accountsDb(db).updateTable("users").set({ password_hash: hash, updated_at: now.toISOString() }).where("id", "=", userId).execute();
}

export async function setDisabled(db: AnyDb, userId: number, disabled: boolean, now: Date): Promise<void> {
  await accountsDb(db).updateTable("users").set({ disabled: disabled ? 1 : 0, updated_at: now.toISOString() }).where("id", "=", userId).execute();
}
