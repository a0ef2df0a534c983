import { test } from "node:test";
import assert from "node:assert/strict";
import { can } from "./policy.ts";
import type { User } from "../../store/accounts/users.ts";

const user = (role: User["role"], disabled = false): User => ({ id: 1, email: "x@y.uk", displayName: "X", role, disabled, hasPassword: true, createdAt: "", updatedAt: "" });

test("staff see the workspace, members and the signed-out do not; only admins read the audit log", () => {
  const w = { kind: "workspace" } as const;
  const a = { kind: "audit_log" } as const;
  assert.deepEqual(["admin", "clerk", "officer", "member"].map((r) => can(user(r as User["role"]), "workspace.view", w)), [true, true, true, false]);
  assert.deepEqual(["admin", "clerk", "officer", "member"].map((r) => can(user(r as User["role"]), "audit.read", a)), [true, false, false, false]);
  assert.equal(can(undefined, "workspace.view", w), false);
  assert.equal(can(user("admin", true), "audit.read", a), false);
});

test("only clerks and admins review, publish and reject imports", () => {
  const r = { kind: "import_review" } as const;
  for (const action of ["imports.review", "imports.decide"] as const) {
    assert.deepEqual(["admin", "clerk", "officer", "member"].map((role) => can(user(role as User["role"]), action, r)), [true, true, false, false]);
    assert.equal(can(undefined, action, r), false);
    assert.equal(can(user("clerk", true), action, r), false);
  }
});

test("everyone signed in has a dashboard; only an item's owner posts on it; clerks and admins review, close, extend and assign", () => {
  const roles = ["admin", "clerk", "officer", "member"] as const;
  const u = (role: User["role"], id: number): User => ({ ...user(role), id });
  assert.deepEqual(roles.map((r) => can(user(r), "dashboard.view", { kind: "dashboard" })), [true, true, true, true]);
  assert.equal(can(undefined, "dashboard.view", { kind: "dashboard" }), false);
  assert.equal(can(user("member", true), "dashboard.view", { kind: "dashboard" }), false);
  // user 1 owns the item: an officer or member with that id may post, nobody else
  const item = { kind: "tracked_item", ownerUserId: 1 } as const;
  assert.deepEqual(roles.map((r) => can(u(r, 1), "tracker.post_update", item)), [false, false, true, true]);
  assert.deepEqual(roles.map((r) => can(u(r, 2), "tracker.post_update", item)), [false, false, false, false]);
  assert.equal(can(u("member", 1), "tracker.post_update", { kind: "tracked_item", ownerUserId: null }), false);
  for (const action of ["tracker.assign_owner", "tracker.review_update", "tracker.close", "tracker.extend"] as const) {
    assert.deepEqual(roles.map((r) => can(user(r), action, { kind: "tracker" })), [true, true, false, false], action);
    assert.equal(can(undefined, action, { kind: "tracker" }), false);
  }
  // the rest of the workspace stays closed to members
  assert.equal(can(user("member"), "workspace.view", { kind: "workspace" }), false);
});

test("only clerks and administrators manage, take, publish and approve minutes", () => {
  const m = { kind: "meeting" } as const;
  for (const action of ["minutes.manage", "minutes.take", "minutes.publish", "minutes.approve"] as const) {
    assert.deepEqual(["admin", "clerk", "officer", "member"].map((r) => can(user(r as User["role"]), action, m)), [true, true, false, false], action);
    assert.equal(can(undefined, action, m), false);
    assert.equal(can(user("clerk", true), action, m), false);
  }
});
