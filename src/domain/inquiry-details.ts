// What a minutes document says about the scrutiny inquiry behind a recommendation table: the
// response form appended to Cabinet minutes names the inquiry, its chairman, the lead member and
// officer and how often updates are wanted. Pure: reads a string, returns what it found.
import { parseMonitoringFrequency } from "./scrutiny.ts";

export interface InquiryDetails {
  title: string | null;
  chair: string | null;
  leadMember: string | null;
  leadOfficer: string | null;
  committee: string | null;
  monitoringMonths: number[] | null;
}

// "Inquiry Chair" also stops at "Inquiry Chairman"
const LABELS = [
  "Select Committee Inquiry Title",
  "Inquiry Title",
  "Inquiry Chair",
  "Date report submitted for response",
  "Lead BCC Cabinet Member",
  "Lead Cabinet Member",
  "Select Committee Support Officer",
  "Suggested frequency of future updates",
  "Recommendation",
];

/** The value after `label:` up to the next known label or the end of the line. */
function field(text: string, label: RegExp): string | null {
  const m = label.exec(text);
  if (!m) return null;
  const rest = text.slice(m.index + m[0].length);
  const line = rest.split("\n")[0];
  let end = line.length;
  for (const l of LABELS) {
    const at = line.toLowerCase().indexOf(l.toLowerCase());
    // at 0 the field is empty and the next label follows at once
    if (at >= 0 && at < end) end = at;
  }
  const value = line.slice(0, end).trim().replace(/[\s.;,]+$/, "");
  return value || null;
}

export function inquiryDetailsFromText(text: string): InquiryDetails | null {
  const title = field(text, /\b(?:Select Committee )?Inquiry Title\s*:\s*/i);
  const chair = field(text, /\bInquiry Chair(?:man|person)?\s*:\s*/i);
  if (!title && !chair) return null;
  // "Lead … Member … and Lead Officer: Noel Brown and Cath Marriott"
  const lead = field(text, /\bLead [^:\n]*?Cabinet Member[^:\n]*:\s*/i);
  const [leadMember = null, leadOfficer = null] = lead ? lead.split(/\s+and\s+/i) : [];
  // The first select committee named with its own name ("the Transport, Economy and Environment
  // Select Committee"), not a bare "the Select Committee".
  const committee = /\b((?:[A-Z][a-z]+(?:,\s|\s(?:and|&)\s|\s))+Select Committee)\b/.exec(text.replace(/\s+/g, " "))?.[1] ?? null;
  return {
    title,
    chair,
    leadMember,
    leadOfficer,
    committee,
    monitoringMonths: parseMonitoringFrequency(field(text, /\bfrequency of (?:future )?updates[^:\n]*:\s*/i)),
  };
}
