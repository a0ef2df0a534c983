// Signing in and out, sessions, one-time links, CSRF, rate limiting and who may see /admin.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import type { Hono } from "hono";
import { createApp } from "../app.ts";
import type { Db } from "../../store/db.ts";
import type { User } from "../../store/accounts/users.ts";
import { countSessions, IDLE_MS, ABSOLUTE_MS } from "../../store/accounts/sessions.ts";
import { issueSignInToken, SIGN_IN_TOKEN_MS } from "../../store/accounts/tokens.ts";
import { addUser, passwordHashOf, setPasswordHash } from "../../store/accounts/users.ts";
import { hashPassword } from "./password.ts";
import { readAudit } from "../../store/audit.ts";
import { MAX_FAILURES_PER_EMAIL, MAX_FAILURES_PER_IP, FAILURE_WINDOW_MS } from "../../store/accounts/failures.ts";
import { startServer } from "../../../test/support/browser.ts";
import { client, PASSWORD, signInAs, storeWithPeople } from "../../../test/support/accounts.ts";

let db: Db;
let people: { admin: User; clerk: User; member: User };
let clock = new Date("2026-03-02T09:00:00Z");
const tick = (ms: number) => (clock = new Date(clock.getTime() + ms));
let app: Hono;

before(async () => {
  const s = await storeWithPeople();
  db = s.db;
  people = s;
  app = createApp({ db, now: () => clock });
});
after(async () => db.destroy());

describe("signing in", () => {
  test("the right password signs in with an HttpOnly, SameSite=Lax session cookie and sends staff to /admin", async () => {
    const cl = client(app);
    const res = await signInAs(cl, "Clerk@Council.gov.uk");
    assert.equal(res.status, 303);
    assert.equal(res.headers.get("location"), "/admin");
    const line = cl.lastSetCookie.find((l) => l.startsWith("quorum_session="));
    assert.ok(line, cl.lastSetCookie.join("\n"));
    assert.match(line, /HttpOnly/);
    assert.match(line, /SameSite=Lax/);
    assert.match(line, /Path=\//);
    assert.doesNotMatch(line, /Secure/);
    const page = await cl.get("/admin");
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /Colin Clerk/);
    assert.match(html, /Clerk<\/dd>/);
    assert.match(html, /Sign out/);
    assert.equal(page.headers.get("cache-control"), "no-store");
  });

  test("a wrong password and an unknown email get the same generic answer, and no session", async () => {
    const answers: string[] = [];
    for (const [email, password] of [["clerk@council.gov.uk", "not the right password"], ["nobody@council.gov.uk", PASSWORD]]) {
      const cl = client(app);
      const res = await signInAs(cl, email, password);
      assert.equal(res.status, 401);
      assert.ok(!cl.cookies.has("quorum_session"));
      const html = await res.text();
      assert.match(html, /Enter a correct email address and password/);
      assert.match(html, /govuk-error-summary/);
      assert.match(html, /<title>Error: Sign in/);
      answers.push(html.replace(/name="csrf" value="[^"]+"/, "").replace(/value="[^"]*@council.gov.uk"/, ""));
    }
    assert.equal(answers[0], answers[1]);
  });

  test("under https (or an https PUBLIC_URL) the cookie is Secure and named __Host-", async () => {
    for (const [a, origin] of [[app, "https://localhost"], [createApp({ db, now: () => clock, publicUrl: "https://minutes.example.org" }), "http://localhost"]] as const) {
      const cl = client(a, origin);
      const res = await signInAs(cl, "clerk@council.gov.uk");
      assert.equal(res.status, 303);
      const line = cl.lastSetCookie.find((l) => l.startsWith("__Host-quorum_session="));
      assert.ok(line, cl.lastSetCookie.join("\n"));
      assert.match(line, /; Secure/);
      assert.match(line, /HttpOnly/);
      assert.equal((await cl.get("/admin")).status, 200);
    }
  });

  test("only a same-site path is followed after signing in", async () => {
    const cl = client(app);
    const page = await (await cl.get("/sign-in?next=%2Fadmin%2Faudit")).text();
    assert.match(page, /name="next" value="\/admin\/audit"/);
    for (const [next, expected] of [["/admin/audit?page=2", "/admin/audit?page=2"], ["//evil.example/x", "/admin"], ["https://evil.example/", "/admin"], ["/\\evil.example", "/admin"]]) {
      const c2 = client(app);
      const csrf = await c2.formToken("/sign-in");
      const res = await c2.post("/sign-in", { csrf, email: "admin@council.gov.uk", password: PASSWORD, next });
      assert.equal(res.headers.get("location"), expected, next);
    }
  });

  test("an empty form names each missing field in the error summary", async () => {
    const cl = client(app);
    const csrf = await cl.formToken("/sign-in");
    const res = await cl.post("/sign-in", { csrf, email: "", password: "" });
    assert.equal(res.status, 400);
    const html = await res.text();
    assert.match(html, /<a href="#email">Enter your email address<\/a>/);
    assert.match(html, /<a href="#password">Enter your password<\/a>/);
    assert.match(html, /id="email-error"/);
  });
});

describe("sessions", () => {
  test("a session ends after 8 idle hours, and after 7 days however busy", async () => {
    const cl = client(app);
    await signInAs(cl, "clerk@council.gov.uk");
    tick(IDLE_MS - 60_000);
    assert.equal((await cl.get("/admin")).status, 200);
    tick(IDLE_MS);
    const idle = await cl.get("/admin");
    assert.equal(idle.status, 302);
    assert.equal(idle.headers.get("location"), "/sign-in?next=%2Fadmin");

    const busy = client(app);
    await signInAs(busy, "clerk@council.gov.uk");
    let spent = 0;
    while (spent + IDLE_MS / 2 < ABSOLUTE_MS) {
      tick(IDLE_MS / 2);
      spent += IDLE_MS / 2;
      assert.equal((await busy.get("/admin")).status, 200, `after ${spent} ms`);
    }
    tick(ABSOLUTE_MS - spent);
    assert.equal((await busy.get("/admin")).status, 302);
  });

  test("signing out ends the session on the server, not just in the browser", async () => {
    const cl = client(app);
    await signInAs(cl, "member@council.gov.uk");
    const cookie = cl.cookies.get("quorum_session")!;
    const before = await countSessions(db, people.member.id);
    assert.ok(before >= 1);
    const csrf = await cl.formToken("/sign-in");
    const res = await cl.post("/sign-out", { csrf });
    assert.equal(res.status, 303);
    assert.equal(res.headers.get("location"), "/");
    assert.equal(await countSessions(db, people.member.id), before - 1);
    // the old cookie, replayed, signs nobody in
    const replay = await app.request("http://localhost/admin", { headers: { cookie: `quorum_session=${cookie}` } });
    assert.equal(replay.status, 302);
  });

  test("signing in again starts a new session: the token is rotated", async () => {
    const cl = client(app);
    await signInAs(cl, "clerk@council.gov.uk");
    const first = cl.cookies.get("quorum_session")!;
    await signInAs(cl, "clerk@council.gov.uk");
    const second = cl.cookies.get("quorum_session")!;
    assert.notEqual(first, second);
    const old = await app.request("http://localhost/admin", { headers: { cookie: `quorum_session=${first}` } });
    assert.equal(old.status, 302);
  });
});

describe("CSRF", () => {
  test("a POST without the form token, with another session's token, or from a foreign Origin is refused with 403", async () => {
    const cl = client(app);
    await signInAs(cl, "clerk@council.gov.uk");
    const csrf = await cl.formToken("/admin");
    const other = client(app);
    await signInAs(other, "admin@council.gov.uk");
    const foreign = await other.formToken("/admin");
    assert.equal((await cl.post("/sign-out", {})).status, 403);
    assert.equal((await cl.post("/sign-out", { csrf: foreign })).status, 403);
    assert.equal((await cl.post("/sign-out", { csrf }, { origin: "https://evil.example" })).status, 403);
    const signedOut = client(app);
    await signedOut.formToken("/sign-in");
    assert.equal((await signedOut.post("/sign-in", { email: "clerk@council.gov.uk", password: PASSWORD })).status, 403);
    // still signed in after all that
    assert.equal((await cl.get("/admin")).status, 200);
    assert.equal((await cl.post("/sign-out", { csrf })).status, 303);
  });
});

describe("rate limiting", () => {
  test(`after ${MAX_FAILURES_PER_EMAIL} failures an email is held back, even with the right password, and the message is the same for an unknown email`, async () => {
    const email = "admin@council.gov.uk";
    const cl = client(app);
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL; i++) assert.equal((await signInAs(cl, email, `wrong password ${i}`)).status, 401);
    const held = await signInAs(cl, email, PASSWORD);
    assert.equal(held.status, 429);
    const heldText = await held.text();
    assert.match(heldText, /too many attempts to sign in/);
    assert.ok(!cl.cookies.has("quorum_session"));
    const ghost = client(app);
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL; i++) await signInAs(ghost, "ghost@council.gov.uk", `wrong password ${i}`);
    const ghostHeld = await signInAs(ghost, "ghost@council.gov.uk", PASSWORD);
    assert.equal(ghostHeld.status, 429);
    const strip = (s: string) => s.replace(/name="csrf" value="[^"]+"/, "").replace(/value="[^"]*@council.gov.uk"/, "");
    assert.equal(strip(await ghostHeld.text()), strip(heldText));
    tick(FAILURE_WINDOW_MS + 1000);
    assert.equal((await signInAs(cl, email, PASSWORD)).status, 303);
  });
});

describe("rate limiting per address", () => {
  test(`after ${MAX_FAILURES_PER_IP} failures from one address (as the local proxy reports it), that address is held back whatever the email`, async () => {
    const server = await startServer(app);
    try {
      const from = async (ip: string, email: string, password: string) => {
        const jar = new Map<string, string>();
        const keep = (res: Response) => {
          for (const line of res.headers.getSetCookie()) jar.set(line.split("=")[0], line.split(";")[0].split("=").slice(1).join("="));
          return res;
        };
        const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
        const form = await keep(await fetch(server.url + "/sign-in", { headers: { "x-forwarded-for": `198.51.100.1, ${ip}` } })).text();
        const csrf = /name="csrf" value="([^"]+)"/.exec(form)![1];
        const res = await fetch(server.url + "/sign-in", {
          method: "POST",
          redirect: "manual",
          body: new URLSearchParams({ csrf, email, password }),
          headers: { cookie: cookie(), origin: server.url, "x-forwarded-for": `198.51.100.1, ${ip}` },
        });
        await res.arrayBuffer();
        return res.status;
      };
      for (let i = 0; i < MAX_FAILURES_PER_IP; i++) assert.equal(await from("203.0.113.5", `spray${i}@council.gov.uk`, "wrong password"), 401, `attempt ${i}`);
      assert.equal(await from("203.0.113.5", "clerk@council.gov.uk", PASSWORD), 429);
      assert.equal(await from("203.0.113.6", "clerk@council.gov.uk", PASSWORD), 303);
    } finally {
      await server.close();
    }
  });
});

describe("one-time links", () => {
  test("a link sets a password and signs in once; used again, or after 24 hours, it does nothing", async () => {
    const token = await issueSignInToken(db, people.member.id, clock);
    const cl = client(app);
    const form = await cl.get(`/account/set-password?token=${token}`);
    assert.equal(form.status, 200);
    assert.equal(form.headers.get("cache-control"), "no-store");
    assert.equal(form.headers.get("referrer-policy"), "no-referrer");
    const csrf = /name="csrf" value="([^"]+)"/.exec(await form.text())![1];
    const short = await cl.post("/account/set-password", { csrf, token, password: "too short", confirm: "too short" });
    assert.equal(short.status, 400);
    assert.match(await short.text(), /Password must be 12 characters or more/);
    const mismatch = await cl.post("/account/set-password", { csrf, token, password: "a brand new passphrase", confirm: "a brand new passphrasE" });
    assert.equal(mismatch.status, 400);
    assert.match(await mismatch.text(), /Enter the same password twice/);
    const before = await passwordHashOf(db, people.member.id);
    const ok = await cl.post("/account/set-password", { csrf, token, password: "a brand new passphrase", confirm: "a brand new passphrase" });
    assert.equal(ok.status, 303);
    assert.ok(cl.cookies.has("quorum_session"));
    assert.notEqual(await passwordHashOf(db, people.member.id), before);
    assert.equal((await signInAs(client(app), "member@council.gov.uk", "a brand new passphrase")).status, 303);

    const again = client(app);
    assert.equal((await again.get(`/account/set-password?token=${token}`)).status, 410);
    const csrf2 = await again.formToken("/sign-in");
    assert.equal((await again.post("/account/set-password", { csrf: csrf2, token, password: "another new passphrase", confirm: "another new passphrase" })).status, 410);
    assert.ok(!again.cookies.has("quorum_session"));

    const late = await issueSignInToken(db, people.member.id, clock);
    tick(SIGN_IN_TOKEN_MS);
    assert.equal((await client(app).get(`/account/set-password?token=${late}`)).status, 410);
    const audit = await readAudit(db, { actor: "member@council.gov.uk" });
    assert.ok(audit.entries.some((e) => e.action === "user.set_password"));
  });
});

describe("the workspace", () => {
  test("signed out, /admin and /admin/audit send you to sign in; a member is refused /admin", async () => {
    for (const path of ["/admin", "/admin/audit?actor=cli"]) {
      const res = await client(app).get(path);
      assert.equal(res.status, 302, path);
      assert.equal(res.headers.get("location"), `/sign-in?next=${encodeURIComponent(path)}`);
    }
    assert.equal((await client(app).get("/api/v1/admin/audit")).status, 403);
    const m = await addUser(db, { email: "another.member@council.gov.uk", role: "member" }, clock);
    await setPasswordHash(db, m.id, await hashPassword(PASSWORD), clock);
    const member = client(app);
    assert.equal((await signInAs(member, m.email)).status, 303);
    const refused = await member.get("/admin");
    assert.equal(refused.status, 403);
    assert.match(await refused.text(), /does not give you access/);
  });

  test("the audit log: a clerk is refused (403), an admin sees the entries, filtered and as JSON", async () => {
    const clerk = client(app);
    await signInAs(clerk, "clerk@council.gov.uk");
    assert.equal((await clerk.get("/admin/audit")).status, 403);
    assert.equal((await clerk.get("/api/v1/admin/audit")).status, 403);
    const admin = client(app);
    await signInAs(admin, "admin@council.gov.uk");
    const page = await admin.get("/admin/audit?actor=clerk%40council.gov.uk");
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /user\.sign_in/);
    assert.doesNotMatch(html, /<td class="govuk-table__cell">admin@council.gov.uk<\/td>/);
    const json = await admin.get("/api/v1/admin/audit?actor=clerk%40council.gov.uk");
    assert.equal(json.status, 200);
    assert.equal(json.headers.get("cache-control"), "no-store");
    const body = (await json.json()) as { data: { actor: string; action: string }[]; total: number };
    assert.ok(body.total > 0);
    assert.ok(body.data.every((e) => e.actor === "clerk@council.gov.uk"));
    assert.equal((await admin.get("/api/v1/admin/audit?from=2026-02-30")).status, 400);
  });
});

describe("everything else only reads", () => {
  test("every POST other than the account forms, and every other method, answers 405", async () => {
    const cl = client(app);
    await signInAs(cl, "admin@council.gov.uk");
    const csrf = await cl.formToken("/admin");
    for (const path of ["/", "/admin", "/admin/audit", "/api/v1/meetings", "/api/v1/admin/audit", "/committees", "/sign-in/x", "/account/set-password/x", "/admin/meetings/x/minutes", "/admin/meetings/x/minutes/other"]) {
      const res = await cl.post(path, { csrf });
      assert.equal(res.status, 405, path);
    }
    for (const method of ["PUT", "DELETE", "PATCH"]) {
      const res = await app.request("http://localhost/sign-in", { method, headers: { origin: "http://localhost" } });
      assert.equal(res.status, 405, method);
    }
  });

  test("an account form larger than 16 KB is refused before it is read", async () => {
    const cl = client(app);
    const csrf = await cl.formToken("/sign-in");
    const res = await cl.post("/sign-in", { csrf, email: "clerk@council.gov.uk", password: "x".repeat(64 * 1024) });
    assert.equal(res.status, 413);
  });

  test("a signed-in person sees the public's records on public pages, in responses no cache keeps", async () => {
    const cl = client(app);
    const signed = await signInAs(cl, "admin@council.gov.uk");
    assert.equal(signed.status, 303, await signed.text());
    const main = (html: string) => html.slice(html.indexOf("<main"), html.indexOf("</main>"));
    for (const path of ["/", "/committees", "/api/v1/meetings", "/decisions"]) {
      const anon = await app.request(`http://localhost${path}`);
      const signedIn = await cl.get(path);
      assert.equal(signedIn.status, anon.status, path);
      const [a, b] = [await anon.text(), await signedIn.text()];
      assert.equal(path.startsWith("/api/") ? b : main(b), path.startsWith("/api/") ? a : main(a), path);
      assert.equal(signedIn.headers.get("cache-control"), "private, no-store", path);
      assert.match(signedIn.headers.get("vary") ?? "", /Cookie/, path);
      assert.notEqual(anon.headers.get("cache-control"), "private, no-store", path);
      assert.doesNotMatch(anon.headers.get("vary") ?? "", /Cookie/, path);
    }
  });

});
