import type { ParsedMinutes } from "../domain/minutes.ts";

/** A human-readable account of a parsed record, for a terminal. */
export function summarise(r: ParsedMinutes): string {
  const lines: string[] = [];
  const when = [r.date ?? "date unknown", r.startTime && (r.endTime ? `${r.startTime}–${r.endTime}` : r.startTime)].filter(Boolean).join(" ");
  lines.push(`${r.body ?? "Unknown body"}${r.authority ? ` (${r.authority})` : ""}`);
  lines.push(`  ${when}${r.venue ? `, ${r.venue}` : ""}`);
  const by = (s: string) => r.attendance.filter((a) => a.status === s);
  const names = (xs: typeof r.attendance) => xs.map((a) => a.name + (a.role ? ` (${a.role})` : "") + (a.substituteFor ? ` [for ${a.substituteFor}]` : "")).join(", ");
  for (const [label, status] of [["Present", "present"], ["In attendance", "in_attendance"], ["Apologies", "apologies"], ["Absent", "absent"]] as const) {
    const xs = by(status);
    if (xs.length) lines.push(`${label} (${xs.length}): ${names(xs)}`);
  }
  lines.push(`Items (${r.items.length}):`);
  for (const it of r.items) {
    lines.push(`  ${it.number}. ${it.title}${it.exempt ? "  [exempt]" : ""}`);
    for (const res of it.resolutions) lines.push(`       RESOLVED: ${res.text.length > 160 ? res.text.slice(0, 157) + "…" : res.text}`);
  }
  if (r.recommendations.length) {
    lines.push(`Recommendations (${r.recommendations.length}):`);
    for (const rec of r.recommendations) lines.push(`  ${rec.number}. [${rec.response ?? "?"}] ${rec.text.slice(0, 100)}${rec.text.length > 100 ? "…" : ""}`);
  }
  if (r.nextMeeting) lines.push(`Next meeting: ${[r.nextMeeting.date, r.nextMeeting.time, r.nextMeeting.venue].filter(Boolean).join(", ")}`);
  if (r.warnings.length) {
    lines.push(`Warnings (${r.warnings.length}):`);
    for (const w of r.warnings) lines.push(`  - ${w}`);
  }
  return lines.join("\n") + "\n";
}
