// What the public may know about a meeting's corrections: that a field was corrected, when, and
// why; never a value, and nothing about exempt business or draft minutes (the visibility rule).
import { locate, parsePath } from "../../domain/corrections.ts";
import type { Db } from "../db.ts";
import { isFromPublicBusiness, areMinutesPublic } from "../visibility.ts";
import { meetingToCorrect } from "./meeting.ts";
import { listCorrections } from "./corrections.ts";

export interface PublicCorrection {
  /** what was corrected, in words: "Attendance", "Item 4", "A decision under item 4" */
  what: string;
  reason: string | null;
  at: string;
}

export async function publicCorrections(db: Db, slug: string): Promise<PublicCorrection[]> {
  const m = await meetingToCorrect(db, slug).catch(() => null);
  if (!m || !areMinutesPublic({ minutesStatus: m.minutesStatus })) return [];
  const sealed = async (table: "declarations" | "recommendations", position: number) => {
    const row = await db.selectFrom(table).where("meeting_id", "=", m.id).where("position", "=", position).select("exempt").executeTakeFirst();
    return !row || !isFromPublicBusiness({ exempt: row.exempt, minutesStatus: m.minutesStatus });
  };
  const out: PublicCorrection[] = [];
  for (const c of await listCorrections(db, slug)) {
    if (c.state === "superseded") continue;
    const path = locate(m.parsed, { id: c.id, path: c.path, anchor: c.anchor, before: null, after: null });
    const t = path ? parsePath(path) : null;
    if (!t) continue;
    const item = t.kind === "items" || t.kind === "resolutions" ? m.corrected.items[t.at[0]] : undefined;
    if (item?.exempt) continue;
    if ((t.kind === "declarations" || t.kind === "recommendations") && (await sealed(t.kind, t.at[0]))) continue;
    const what = { meeting: "Meeting details", attendance: "Attendance", items: `Item ${item?.number ?? ""}`, resolutions: `A decision under item ${item?.number ?? ""}`, declarations: "A declaration of interest", recommendations: "A recommendation" }[t.kind];
    out.push({ what, reason: c.reason, at: c.at });
  }
  return out;
}
