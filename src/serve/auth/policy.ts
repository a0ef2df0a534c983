// Who may do what: the one place that answers it. Routes ask `can` after validating a request
// and before running it.
import type { User } from "../../store/accounts/users.ts";

export type Action = "workspace.view" | "audit.read" | "imports.review" | "imports.decide" | "meeting.correct" | "people.edit" | "bodies.edit" | "exempt.access.manage" | "exempt.release";
/** What an action is done to; none yet needs more than its kind. */
export type Resource = { kind: "workspace" } | { kind: "audit_log" } | { kind: "import_review" } | { kind: "meeting" } | { kind: "person" } | { kind: "body" } | { kind: "committee_access" } | { kind: "exempt_item" };

const STAFF = new Set(["admin", "clerk", "officer"]);

export function can(user: User | undefined, action: Action, _resource: Resource): boolean {
  if (!user || user.disabled) return false;
  switch (action) {
    case "workspace.view":
      return STAFF.has(user.role);
    case "audit.read":
      return user.role === "admin";
    // democratic services' work: the import queue, the review screen, publishing and rejecting
    case "imports.review":
    case "imports.decide":
    case "meeting.correct":
    // people, committees and memberships are democratic services' records
    case "people.edit":
    case "bodies.edit":
    // who reads a committee's exempt business, and when it becomes public: democratic services
    case "exempt.access.manage":
    case "exempt.release":
      return user.role === "admin" || user.role === "clerk";
  }
}
