// Who may do what: the one place that answers it. Routes ask `can` after validating a request
// and before running it.
import type { User } from "../../store/accounts/users.ts";

export type Action = "workspace.view" | "audit.read" | "exempt.access.manage" | "exempt.release";
/** What an action is done to; none yet needs more than its kind. */
export type Resource = { kind: "workspace" } | { kind: "audit_log" } | { kind: "committee_access" } | { kind: "exempt_item" };

const STAFF = new Set(["admin", "clerk", "officer"]);

export function can(user: User | undefined, action: Action, _resource: Resource): boolean {
  if (!user || user.disabled) return false;
  switch (action) {
    case "workspace.view":
      return STAFF.has(user.role);
    case "audit.read":
      return user.role === "admin";
    // who reads a committee's exempt business, and when it becomes public: democratic services
    case "exempt.access.manage":
    case "exempt.release":
      return user.role === "admin" || user.role === "clerk";
  }
}
