// Who may do what: the one place that answers it. Routes ask `can` after validating a request
// and before running it.
import type { User } from "../../store/accounts/users.ts";

export type Action = "workspace.view" | "audit.read" | "minutes.manage" | "minutes.publish" | "minutes.approve";
/** What an action is done to; none yet needs more than its kind. */
export type Resource = { kind: "workspace" } | { kind: "audit_log" } | { kind: "meeting"; slug?: string };

const STAFF = new Set(["admin", "clerk", "officer"]);
/** democratic services: the minutes are theirs to publish and approve */
const CLERKS = new Set(["admin", "clerk"]);

export function can(user: User | undefined, action: Action, _resource: Resource): boolean {
  if (!user || user.disabled) return false;
  switch (action) {
    case "workspace.view":
      return STAFF.has(user.role);
    case "audit.read":
      return user.role === "admin";
    case "minutes.manage":
    case "minutes.publish":
    case "minutes.approve":
      return CLERKS.has(user.role);
  }
}
