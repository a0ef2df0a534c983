// The kind of a declared interest, from the words the minutes use, in the closed vocabulary
// DECLARATION_KINDS: what the parser writes and what the store keeps from other producers' records.
import { DECLARATION_KINDS, type DeclarationKind } from "./minutes.ts";

/**
 * "Disclosable Pecuniary" → "disclosable_pecuniary". Of two kinds named together the weightier is
 * kept: "personal and prejudicial" is prejudicial. Null when no known kind is named.
 */
export function kindOf(interest: string | null | undefined): DeclarationKind | null {
  if (!interest) return null;
  const k = interest.toLowerCase();
  if (/\bdisclosable\b/.test(k)) return "disclosable_pecuniary";
  if (/\bother\s+registrable\b/.test(k)) return "other_registrable";
  if (/\bnon[\s-]*registrable\b/.test(k)) return "non_registrable";
  if (/\bprejudicial\b/.test(k)) return "prejudicial";
  if (/\bnon[\s-]*pecuniary\b/.test(k)) return "non_pecuniary";
  if (/\bpecuniary\b/.test(k)) return "pecuniary";
  if (/\bpersonal\b/.test(k)) return "personal";
  return null;
}

/** A kind given by another producer, kept only when it is one of the vocabulary. */
export function declarationKind(value: unknown): DeclarationKind | null {
  return typeof value === "string" && (DECLARATION_KINDS as readonly string[]).includes(value) ? (value as DeclarationKind) : null;
}
