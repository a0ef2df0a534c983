// What a role read beside a name may not be: a plural label for the whole list ("…, Mrs Victoria
// Whitehead, Councillors, and …" labels everyone before it), an email address printed where the
// office was ("clerk@…" stands for the Clerk), or the initials used for minuting ("Chair - KD").
import { ROLE_WORD } from "./names.ts";

const PLURAL_LABEL = /^(?:councillors|cllrs|members|trustees|governors|directors|commissioners|aldermen)$/i;
const EMAIL = /^([A-Za-z][\w.+-]*)@[\w-]+(?:\.[\w-]+)+$/;

/** The role as it should be recorded, or null when the text beside the name is not a role. */
export function cleanRole(role: string | null): string | null {
  if (!role) return role;
  let r = role.trim();
  if (PLURAL_LABEL.test(r)) return null;
  const email = EMAIL.exec(r);
  if (email) {
    const local = email[1].replace(/[._-]+/g, " ");
    return ROLE_WORD.test(local) ? local.charAt(0).toUpperCase() + local.slice(1) : null;
  }
  // "Chair - KD", "RFO - NO", "Clerk - BMc": the member's initials after the office
  r = r.replace(/\s+[-–—]\s+[A-Z][A-Za-z]{1,3}$/, "");
  return r || null;
}
