// Kind (member / officer / other) and status of one person, from the block they are listed in
// and what is written beside their name.
import type { AttendanceStatus, AttendeeKind } from "../../domain/minutes.ts";
import type { SectionKind } from "./sections.ts";

export const OFFICER_CUE =
  /\b(?:clerk|officers?|officials?|director|engineer|administrator|manager|executive(?!\s+member)|librarian|social\s+worker|treasurer|secretary|solicitor|accountant|planner|superintendent|chief|intern|assistant|archivist|rfo|responsible\s+financial|staff|head\s+of|co-?ordinator|analyst|advisor|adviser|democratic\s+services|minute[- ]taker|caretaker|lengthsman|fire\s+chief|cao|ceo)\b/i;

export const OTHER_CUE =
  /\b(?:(?:county|borough|district|city)\s+(?:council(?:lor)?|cllr)|ncc|bcklwn|police|pcso|constabulary|garda|warden|representative|foundation|kpmg|auditors?|consultants?|residents?|press|reporter|journalist|ltd|limited|plc|inc|charity|trust|association|society|club|school|church|rector|vicar|mp|mep|guest|visitor)\b/i;

const COUNCILLOR = /^(?:cllr|clr|clir|cmhlr|councillor|councilor)\b/i;

export function classify(
  section: SectionKind,
  name: string,
  role: string | null,
): { kind: AttendeeKind; status: AttendanceStatus } {
  const about = [role ?? "", /^(?:inspector|pcso|pc|sgt|sergeant|insp)\b/i.test(name) ? "police" : ""].join(" ");
  let kind: AttendeeKind = section.kind;
  if (section.status === "apologies" || section.status === "absent") {
    if (OTHER_CUE.test(about)) kind = "other";
    else if (OFFICER_CUE.test(about)) kind = "officer";
    return { kind, status: section.status };
  }
  if (section.plainInAttendance) {
    if (/\b(?:chair(?:man|person)?|cathaoirleach|mayor)\b/i.test(about)) return { kind: "member", status: "present" };
    if (OTHER_CUE.test(about) || COUNCILLOR.test(name)) kind = "other";
    else kind = "officer";
  } else if (section.kind === "member") {
    if (OTHER_CUE.test(about)) kind = "other";
    else if (OFFICER_CUE.test(about) && !/\b(?:chair|mayor|member|councillor)\b/i.test(about)) kind = "officer";
  } else if (section.kind === "other") {
    if (OFFICER_CUE.test(about) && !OTHER_CUE.test(about) && !COUNCILLOR.test(name)) kind = "officer";
  }
  let status: AttendanceStatus = section.status;
  if (kind === "officer") status = "present";
  else if (kind === "other") status = "in_attendance";
  return { kind, status };
}
