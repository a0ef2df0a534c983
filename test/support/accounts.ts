// A browser-like client for the account routes: keeps cookies, reads the form token from the
// page, and posts forms with this site's Origin. Plus a store with people in it.
import type { Hono } from "hono";
import { openStore, type Db } from "../../src/store/db.ts";
import { addUser, setPasswordHash, type User } from "../../src/store/accounts/users.ts";
import { hashPassword } from "../../src/serve/auth/password.ts";

export interface Client {
  cookies: Map<string, string>;
  /** the raw Set-Cookie lines of the last response */
  lastSetCookie: string[];
  get(path: string, headers?: Record<string, string>): Promise<Response>;
  post(path: string, form: Record<string, string>, headers?: Record<string, string>): Promise<Response>;
  /** GETs a page and returns the value of its form's csrf field */
  formToken(path: string): Promise<string>;
}

export function client(app: Hono, origin = "http://localhost"): Client {
  const cookies = new Map<string, string>();
  const c: Client = {
    cookies,
    lastSetCookie: [],
    async get(path, headers = {}) {
      return keep(await app.request(origin + path, { headers: { cookie: cookieHeader(), ...headers } }));
    },
    async post(path, form, headers = {}) {
      return keep(
        await app.request(origin + path, {
          method: "POST",
          body: new URLSearchParams(form).toString(),
          headers: { cookie: cookieHeader(), "content-type": "application/x-www-form-urlencoded", origin, ...headers },
        }),
      );
    },
    async formToken(path) {
      const html = await (await c.get(path)).text();
      const m = /name="csrf" value="([^"]+)"/.exec(html);
      if (!m) throw new Error(`no csrf field on ${path}`);
      return m[1];
    },
  };
  function cookieHeader(): string {
    return [...cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
  function keep(res: Response): Response {
    c.lastSetCookie = res.headers.getSetCookie();
    for (const line of c.lastSetCookie) {
      const [pair] = line.split(";");
      const i = pair.indexOf("=");
      const name = pair.slice(0, i).trim();
      const value = pair.slice(i + 1).trim();
      if (/max-age=0/i.test(line) || value === "") cookies.delete(name);
      else cookies.set(name, value);
    }
    return res;
  }
  return c;
}

export const PASSWORD = "a long enough passphrase";

export async function storeWithPeople(): Promise<{ db: Db; admin: User; clerk: User; member: User }> {
  const db = await openStore(":memory:");
  const at = new Date("2026-03-02T09:00:00Z");
  const admin = await addUser(db, { email: "admin@council.gov.uk", role: "admin", displayName: "Ada Admin" }, at);
  const clerk = await addUser(db, { email: "clerk@council.gov.uk", role: "clerk", displayName: "Colin Clerk" }, at);
  const member = await addUser(db, { email: "member@council.gov.uk", role: "member", displayName: "Meg Member" }, at);
  const hash = await hashPassword(PASSWORD);
  for (const u of [admin, clerk, member]) await setPasswordHash(db, u.id, hash, at);
  return { db, admin, clerk, member };
}

/** Signs a client in through the form; returns the response to the POST. */
export async function signInAs(cl: Client, email: string, password = PASSWORD): Promise<Response> {
  const csrf = await cl.formToken("/sign-in");
  return cl.post("/sign-in", { csrf, email, password });
}

export const ROLES = ["admin", "clerk", "officer", "member"] as const;
export type Role = (typeof ROLES)[number];
export type Who = Role | "signed out";

/** One account for each role, `<role>@council.gov.uk`, with PASSWORD. */
export async function addRoleUsers(db: Db, at: Date): Promise<Record<Role, User>> {
  const hash = await hashPassword(PASSWORD);
  const users = {} as Record<Role, User>;
  for (const role of ROLES) {
    users[role] = await addUser(db, { email: `${role}@council.gov.uk`, role }, at);
    await setPasswordHash(db, users[role].id, hash, at);
  }
  return users;
}

/** A client signed in as each role's account (made by addRoleUsers), and one signed out. */
export async function roleClients(app: Hono): Promise<Map<Who, Client>> {
  const as = new Map<Who, Client>();
  for (const role of ROLES) {
    const cl = client(app);
    const res = await signInAs(cl, `${role}@council.gov.uk`);
    if (res.status !== 303) throw new Error(`signing in as ${role} answered ${res.status}`);
    as.set(role, cl);
  }
  as.set("signed out", client(app));
  return as;
}
