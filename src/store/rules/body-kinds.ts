// The kind of a body, read from its name. The name is kept as written; the kind groups bodies in the portal.
import type { BodyKind } from "../schema.ts";

const RULES: [RegExp, BodyKind][] = [
  [/\btask (and|&) finish\b/i, "task and finish group"],
  [/\bsub[- ]?committee\b/i, "sub-committee"],
  [/\bselect committee\b/i, "select committee"],
  [/\b(overview|scrutiny)\b.*\bcommittee\b|\bscrutiny\b/i, "scrutiny committee"],
  [/\bstrategic policy committee\b/i, "strategic policy committee"],
  // capitals only: "spc" could be part of a reference
  [/\bSPC\b/, "strategic policy committee"],
  [/\bmunicipal district\b|\bmetropolitan district\b/i, "municipal district"],
  [/\bparish council\b/i, "parish council"],
  [/\btown council\b/i, "town council"],
  [/\bcabinet\b|\bexecutive\b/i, "cabinet"],
  [/\bpanel\b/i, "panel"],
  [/\bboard\b/i, "board"],
  [/\bcommittee\b/i, "committee"],
  [/^(full |county |city |borough |district )?council( meeting)?$|\b(county|city|borough|district|township of .*) council$|\bfull council\b/i, "full council"],
];

export function bodyKind(name: string): BodyKind {
  for (const [re, kind] of RULES) if (re.test(name)) return kind;
  return "other";
}
