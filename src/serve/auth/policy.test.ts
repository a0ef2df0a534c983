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

test("only clerks and administrators manage, publish and approve minutes", () => {
  const m = { kind: "meeting" } as const;
  for (const action of ["minutes.manage", "minutes.publish", "minutes.approve"] as const) {
    assert.deepEqual(["admin", "clerk", "officer", "member"].map((r) => can(user(r as User["role"]), action, m)), [true, true, false, false], action);
    assert.equal(can(undefined, action, m), false);
    assert.equal(can(user("clerk", true), action, m), false);
  }
});
