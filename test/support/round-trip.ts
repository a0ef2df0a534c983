// The round trip of a recorded record through the rendered Word document and back through the
// parser: what differs, field by field ("items/3/title: recorded … read back …").
import type { ParsedMinutes, Votes } from "../../src/domain/minutes.ts";
import { docxText } from "../../src/ingest/docx.ts";
import { parseMinutes } from "../../src/parse/minutes.ts";
import { splitLines } from "../../src/domain/source.ts";
import { documentFromRecord, minutesBlocks } from "../../src/render/minutes/document.ts";
import { minutesDocx } from "../../src/render/minutes/docx.ts";
import { createHash } from "node:crypto";

export async function renderAndParse(record: ParsedMinutes, texts: string[] = []): Promise<{ docx: Buffer; text: string; parsed: ParsedMinutes }> {
  const docx = await minutesDocx(minutesBlocks(documentFromRecord(record, texts)), "minutes");
  const text = await docxText(docx);
  const parsed = parseMinutes({
    file: "minutes.docx",
    format: "docx",
    text,
    lines: splitLines(text),
    contentHash: createHash("sha256").update(docx).digest("hex"),
    byteLength: docx.length,
  });
  return { docx, text, parsed };
}

const norm = (s: string | null | undefined) => (s ?? "").replace(/\s+/g, " ").trim();

function votesKey(v: Votes | null | undefined): string {
  if (!v) return "none";
  const r = v.recorded;
  const names = r ? ["for", "against", "abstain", "absent", "recused"].map((k) => `${k}=${(r[k as keyof typeof r] ?? []).join("|")}`).join(";") : "";
  return `${v.for ?? "-"}/${v.against ?? "-"}/${v.abstain ?? "-"}${v.unanimous ? " unanimous" : ""}${names ? ` ${names}` : ""}`;
}

/** Every field the recorded record states that the read-back record states differently. */
export function recordDifferences(recorded: ParsedMinutes, read: ParsedMinutes): string[] {
  const out: string[] = [];
  const same = (path: string, a: unknown, b: unknown) => {
    if (a !== b) out.push(`${path}: recorded ${JSON.stringify(a)}, read back ${JSON.stringify(b)}`);
  };
  for (const f of ["authority", "body", "date", "startTime", "endTime", "venue"] as const) same(f, norm(recorded[f]), norm(read[f]));
  same("attendance.length", recorded.attendance.length, read.attendance.length);
  const readPeople = new Map(read.attendance.map((a) => [norm(a.name), a]));
  recorded.attendance.forEach((a, i) => {
    const b = readPeople.get(norm(a.name));
    if (!b) return out.push(`attendance/${i}: ${a.name} not read back`);
    same(`attendance/${i} (${a.name}).status`, a.status, b.status);
    same(`attendance/${i} (${a.name}).kind`, a.kind, b.kind);
    same(`attendance/${i} (${a.name}).role`, norm(a.role), norm(b.role));
    same(`attendance/${i} (${a.name}).substituteFor`, norm(a.substituteFor), norm(b.substituteFor));
  });
  same("items.length", recorded.items.length, read.items.length);
  recorded.items.forEach((it, i) => {
    const b = read.items[i];
    if (!b) return;
    same(`items/${i}/number`, it.number, b.number);
    same(`items/${i}/title`, norm(it.title), norm(b.title));
    same(`items/${i}/exempt`, it.exempt, b.exempt);
    if (it.exemptParagraphs) same(`items/${i}/exemptParagraphs`, it.exemptParagraphs, b.exemptParagraphs ?? null);
    same(`items/${i}/resolutions.length`, it.resolutions.length, b.resolutions.length);
    it.resolutions.forEach((r, j) => {
      const rb = b.resolutions[j];
      if (!rb) return;
      same(`items/${i}/resolutions/${j}/text`, norm(r.text), norm(rb.text));
      if (r.votes) same(`items/${i}/resolutions/${j}/votes`, votesKey(r.votes), votesKey(rb.votes));
    });
  });
  const decl = (d: NonNullable<ParsedMinutes["declarations"]>[number]) => `${norm(d.name)} item=${d.item ?? "-"} kind=${d.kind ?? "-"}`;
  const rd = (recorded.declarations ?? []).map(decl).sort();
  const bd = (read.declarations ?? []).map(decl).sort();
  same("declarations", rd.join("\n"), bd.join("\n"));
  if (recorded.nextMeeting?.date) same("nextMeeting.date", recorded.nextMeeting.date, read.nextMeeting?.date ?? null);
  return out;
}
