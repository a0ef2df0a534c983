// Who may do what: the one place that answers it. Routes ask `can` after validating a request
// and before running it.
import type { User } from "../../store/accounts/users.ts";

export type Action =
  | "workspace.view"
  | "audit.read"
  // democratic services' work
  | "imports.review"
  | "imports.decide"
  | "meeting.correct"
  | "people.edit"
  | "bodies.edit"
  | "exempt.access.manage"
  | "exempt.release"
  | "minutes.manage"
  | "minutes.publish"
  | "minutes.approve"
  | "forward_plan.edit"
  | "meetings.schedule"
  | "agenda.manage"
  | "agenda.publish"
  | "minutes.take"
  // owners keep the tracker current
  | "dashboard.view"
  | "tracker.post_update"
  | "tracker.assign_owner"
  | "tracker.review_update"
  | "tracker.close"
  | "tracker.extend";
/** What an action is done to: a tracked item carries its owner, so only that person may post on it. */
export type Resource =
  | { kind: "workspace" }
  | { kind: "audit_log" }
  | { kind: "import_review" }
  | { kind: "meeting"; slug?: string }
  | { kind: "person" }
  | { kind: "body" }
  | { kind: "committee_access" }
  | { kind: "exempt_item" }
  | { kind: "forward_plan" }
  | { kind: "dashboard" }
  | { kind: "tracker" }
  | { kind: "tracked_item"; ownerUserId: number | null };

const STAFF = new Set(["admin", "clerk", "officer"]);
const DEMOCRATIC_SERVICES = new Set(["admin", "clerk"]);
const OWNERS = new Set(["officer", "member"]);

export function can(user: User | undefined, action: Action, resource: Resource): boolean {
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
    // the minutes are democratic services' to publish and approve
    case "minutes.manage":
    case "minutes.publish":
    case "minutes.approve":
    // the forward plan of key decisions: adding, changing, withdrawing, and where each was taken
    case "forward_plan.edit":
    // planning meetings and changing the plan: democratic services
    case "meetings.schedule":
    // agendas, their papers and their publication are democratic services' too
    case "agenda.manage":
    case "agenda.publish":
    // taking the minutes at a meeting and storing them as a draft
    case "minutes.take":
      return DEMOCRATIC_SERVICES.has(user.role);
    case "dashboard.view":
      return true;
    case "tracker.post_update":
      return OWNERS.has(user.role) && resource.kind === "tracked_item" && resource.ownerUserId === user.id;
    case "tracker.assign_owner":
    case "tracker.review_update":
    case "tracker.close":
    case "tracker.extend":
      return DEMOCRATIC_SERVICES.has(user.role);
  }
}
