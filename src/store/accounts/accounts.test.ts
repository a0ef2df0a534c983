// The accounts repositories and the audit log, on SQLite and PostgreSQL.
import { it } from "node:test";
import assert from "node:assert/strict";
import { sql } from "kysely";
import { eachStore } from "../scrutiny/test-stores.ts";
import { addUser, findUserByEmail, listUsers, passwordHashOf, setPasswordHash } from "./users.ts";
import { createSession, endSession, touchSession, IDLE_MS, ABSOLUTE_MS, countSessions } from "./sessions.ts";
import { issueSignInToken, peekSignInToken, useSignInToken, SIGN_IN_TOKEN_MS } from "./tokens.ts";
import { clearFailures, isThrottled, recordFailure, MAX_FAILURES_PER_EMAIL, MAX_FAILURES_PER_IP, FAILURE_WINDOW_MS } from "./failures.ts";
import { hashToken } from "./secrets.ts";
import { appendAudit, readAudit } from "../audit.ts";
import { archiveVersion } from "../archive-version.ts";

const T0 = new Date("2026-03-02T09:00:00Z");
const at = (ms: number) => new Date(T0.getTime() + ms);

eachStore("accounts", (store) => {
  it("users: emails are lower-cased and unique, roles are closed", async () => {
    const db = await store.open();
    const u = await addUser(db, { email: " Clerk@Council.GOV.uk ", role: "clerk", displayName: "Jo Clerk" }, T0);
    assert.equal(u.email, "clerk@council.gov.uk");
    assert.equal(u.hasPassword, false);
    assert.equal((await findUserByEmail(db, "CLERK@council.gov.uk"))?.id, u.id);
    await assert.rejects(addUser(db, { email: "clerk@council.gov.uk", role: "admin" }, T0), /already a user/);
    await assert.rejects(addUser(db, { email: "x@council.gov.uk", role: "superuser" }, T0), /role must be one of/);
    await assert.rejects(addUser(db, { email: "not-an-email", role: "clerk" }, T0), /not an email/);
    await setPasswordHash(db, u.id, "scrypt$x", T0);
    assert.equal(await passwordHashOf(db, u.id), "scrypt$x");
    assert.deepEqual((await listUsers(db)).map((x) => [x.email, x.role, x.hasPassword]), [["clerk@council.gov.uk", "clerk", true]]);
  });

  it("sessions: only the token's hash is stored; idle and absolute expiry end them", async () => {
    const db = await store.open();
    const u = await addUser(db, { email: "a@council.gov.uk", role: "admin" }, T0);
    const token = await createSession(db, u.id, T0, "test-agent");
    const stored = await sql<{ id: string }>`SELECT id FROM sessions`.execute(db);
    assert.deepEqual(stored.rows.map((r) => r.id), [hashToken(token)]);
    assert.notEqual(stored.rows[0].id, token);
    assert.equal((await touchSession(db, token, at(IDLE_MS - 1000)))?.user.email, "a@council.gov.uk");
    // kept alive by use, until the absolute limit
    let t = IDLE_MS - 1000;
    while (t + IDLE_MS / 2 < ABSOLUTE_MS) {
      t += IDLE_MS / 2;
      assert.ok(await touchSession(db, token, at(t)), `alive at ${t}`);
    }
    assert.equal(await touchSession(db, token, at(ABSOLUTE_MS)), undefined);
    assert.equal(await countSessions(db, u.id), 0);
    const idle = await createSession(db, u.id, T0);
    assert.equal(await touchSession(db, idle, at(IDLE_MS)), undefined);
    const ended = await createSession(db, u.id, T0);
    await endSession(db, ended);
    assert.equal(await touchSession(db, ended, T0), undefined);
    assert.equal(await touchSession(db, "not-a-token", T0), undefined);
  });

  it("a session in use is written at most once a minute, so signed-in browsing leaves the archive's version alone", async () => {
    const db = await store.open();
    const u = await addUser(db, { email: "v@council.gov.uk", role: "clerk" }, T0);
    const token = await createSession(db, u.id, T0);
    assert.equal((await touchSession(db, token, at(61_000)))?.lastSeenAt, at(61_000).toISOString());
    const version = await archiveVersion(db);
    for (const ms of [62_000, 90_000, 120_000]) assert.ok(await touchSession(db, token, at(ms)));
    assert.equal(await archiveVersion(db), version);
    assert.equal((await touchSession(db, token, at(121_001)))?.lastSeenAt, at(121_001).toISOString());
    assert.notEqual(await archiveVersion(db), version);
  });

  it("sign-in tokens: used once, not after a day", async () => {
    const db = await store.open();
    const u = await addUser(db, { email: "b@council.gov.uk", role: "clerk" }, T0);
    const token = await issueSignInToken(db, u.id, T0);
    assert.equal(await peekSignInToken(db, token, T0), u.id);
    assert.equal(await useSignInToken(db, token, at(1000)), u.id);
    assert.equal(await useSignInToken(db, token, at(2000)), undefined);
    assert.equal(await peekSignInToken(db, token, at(2000)), undefined);
    const late = await issueSignInToken(db, u.id, T0);
    assert.equal(await useSignInToken(db, late, at(SIGN_IN_TOKEN_MS)), undefined);
    const rows = await sql<{ token_hash: string }>`SELECT token_hash FROM sign_in_tokens`.execute(db);
    assert.ok(rows.rows.every((r) => r.token_hash !== token && r.token_hash !== late));
  });

  it("failed sign-ins throttle per email within the window", async () => {
    const db = await store.open();
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL - 1; i++) await recordFailure(db, "c@x.uk", "10.0.0.1", at(i));
    assert.equal(await isThrottled(db, "c@x.uk", "10.0.0.2", at(10)), false);
    await recordFailure(db, "c@x.uk", "10.0.0.1", at(20));
    assert.equal(await isThrottled(db, "c@x.uk", "10.0.0.2", at(30)), true);
    assert.equal(await isThrottled(db, "d@x.uk", "10.0.0.2", at(30)), false);
    assert.equal(await isThrottled(db, "c@x.uk", "10.0.0.2", at(FAILURE_WINDOW_MS + 30)), false);
    await clearFailures(db, "c@x.uk", at(40));
    assert.equal(await isThrottled(db, "c@x.uk", "10.0.0.2", at(50)), false);
    // per address, whatever the email
    for (let i = 0; i < MAX_FAILURES_PER_IP; i++) await recordFailure(db, `spray${i}@x.uk`, "10.0.0.9", at(60 + i));
    assert.equal(await isThrottled(db, "fresh@x.uk", "10.0.0.9", at(100)), true);
    assert.equal(await isThrottled(db, "fresh@x.uk", "10.0.0.8", at(100)), false);
  });

  it("the audit log appends, filters by record, actor and date, pages, and refuses changes", async () => {
    const db = await store.open();
    const u = await addUser(db, { email: "e@council.gov.uk", role: "admin" }, T0);
    await appendAudit(db, { actorLabel: "cli", action: "user.add", recordKind: "user", recordId: "e@council.gov.uk", after: { role: "admin" } }, T0);
    await appendAudit(db, { actorUserId: u.id, actorLabel: u.email, action: "meeting.correct", recordKind: "meeting", recordId: "m-1", before: { t: "a" }, after: { t: "b" } }, new Date("2026-03-03T10:00:00Z"));
    await appendAudit(db, { actorUserId: u.id, actorLabel: u.email, action: "meeting.approve", recordKind: "meeting", recordId: "m-1" }, new Date("2026-03-04T10:00:00Z"));
    const all = await readAudit(db);
    assert.equal(all.total, 3);
    assert.deepEqual(all.entries.map((e) => e.action), ["meeting.approve", "meeting.correct", "user.add"]);
    assert.deepEqual(all.entries[1].before, { t: "a" });
    assert.equal((await readAudit(db, { recordKind: "meeting", recordId: "m-1" })).total, 2);
    assert.deepEqual((await readAudit(db, { actor: "cli" })).entries.map((e) => e.action), ["user.add"]);
    assert.deepEqual((await readAudit(db, { from: "2026-03-03", to: "2026-03-03" })).entries.map((e) => e.action), ["meeting.correct"]);
    const page2 = await readAudit(db, { limit: 2, offset: 2 });
    assert.deepEqual([page2.total, page2.entries.map((e) => e.action)], [3, ["user.add"]]);
    await assert.rejects(sql`UPDATE audit_log SET action = 'x'`.execute(db), /append-only/);
    await assert.rejects(sql`DELETE FROM audit_log`.execute(db), /append-only/);
  });
});
