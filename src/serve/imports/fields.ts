// The parsed record of a queued import as rows for the review screen: each value with the path of
// its provenance, its source span, whether it was inferred rather than read, and whether it lies in
// exempt business. Pure: no I/O.
import type { ParsedMinutes, Span } from "../../domain/minutes.ts";
import { inferOutcome, parseVotes } from "../../store/rules/outcomes.ts";
import { isSpanPublic } from "../../store/visibility.ts";

export interface FieldRow {
  /** the provenance path, e.g. "items/3/title" */
  path: string;
  label: string;
  value: string;
  span: Span | null;
  exempt: boolean;
  /** the parser's own doubt about the value: a guess, a fallback, OCR below threshold or conflicting readings */
  low?: boolean;
}

export interface FieldSection {
  id: string;
  heading: string;
  /** a line under the heading (an exempt item's ground) */
  note?: string;
  exempt?: boolean;
  rows: FieldRow[];
}

const STATUS: Record<string, string> = { present: "Present", apologies: "Apologies", absent: "Absent", in_attendance: "In attendance" };

function validSpan(span: Span | undefined, length: number): Span | null {
  return span && Number.isInteger(span.start) && Number.isInteger(span.end) && Number.isInteger(span.line) && span.start >= 0 && span.end <= length ? span : null;
}

export function fieldSections(record: ParsedMinutes, textLength: number, exemptRanges: [number, number][]): FieldSection[] {
  const prov = record.provenance ?? {};
  const confidence = record.confidence ?? {};
  // a row is doubtful when its own path, or a field under it ("questions/0/answer"), is marked low
  const doubted = new Set(Object.entries(confidence).flatMap(([path, c]) => (c === "low" ? [path, path.replace(/\/[a-zA-Z]+$/, "")] : [])));
  const row = (path: string, label: string, value: string | null | undefined, itemExempt = false): FieldRow => {
    const span = validSpan(prov[path], textLength);
    return {
      path,
      label,
      value: value?.trim() ? value : "Not found",
      span,
      exempt: itemExempt || (span !== null && !isSpanPublic(span, exemptRanges)),
      ...(doubted.has(path) ? { low: true } : {}),
    };
  };
  const next = record.nextMeeting;
  const sections: FieldSection[] = [
    {
      id: "header",
      heading: "Meeting",
      rows: [
        row("authority", "Council", record.authority),
        row("body", "Committee", record.body),
        row("date", "Date", record.date),
        row("startTime", "Start time", record.startTime),
        row("endTime", "Closing time", record.endTime),
        row("venue", "Venue", record.venue),
        row("nextMeeting", "Next meeting", next ? [next.date, next.time, next.venue].filter(Boolean).join(", ") : null),
        row("minutesStatus", "Minutes status", record.minutesStatus ? `${record.minutesStatus === "draft" ? "Draft" : "Approved"}${record.minutesStatusText ? ` (“${record.minutesStatusText}”)` : ""}` : null),
      ],
    },
    {
      id: "attendance",
      heading: "Attendance",
      rows: record.attendance.map((a, i) =>
        row(
          `attendance/${i}`,
          a.name,
          [STATUS[a.status] ?? a.status, a.kind, a.role, a.substituteFor ? `substitute for ${a.substituteFor}` : null].filter(Boolean).join(", "),
        ),
      ),
    },
  ];
  record.items.forEach((it, i) => {
    const rows = [row(`items/${i}/number`, "Number", it.number, it.exempt), row(`items/${i}/title`, "Title", it.title, it.exempt)];
    if (it.exempt) rows.push(row(`items/${i}/exempt`, "Exempt", it.exemptParagraphs ? `Schedule 12A paragraph ${it.exemptParagraphs}` : "Yes, paragraph not stated", true));
    it.resolutions.forEach((r, j) => {
      const outcome = r.text ? inferOutcome(r.text) : null;
      const votes = r.text ? parseVotes(r.text) : null;
      const extra = [
        outcome ? `Outcome: ${outcome}` : null,
        votes ? `Votes: ${votes.for ?? 0} for, ${votes.against ?? 0} against, ${votes.abstain ?? 0} abstaining` : null,
        r.movedBy ? `Moved by ${r.movedBy}` : null,
        r.secondedBy ? `seconded by ${r.secondedBy}` : null,
      ].filter(Boolean);
      rows.push(row(`items/${i}/resolutions/${j}`, `Decision ${j + 1}`, [r.text, ...extra].join("\n"), it.exempt));
    });
    sections.push({ id: `item-${i}`, heading: `Item ${it.number}: ${it.title}`, exempt: it.exempt, rows });
  });
  const declarations = record.declarations ?? [];
  if (declarations.length) {
    sections.push({
      id: "declarations",
      heading: "Declarations of interest",
      rows: declarations.map((d, i) => {
        const item = d.item ? record.items.find((it) => it.number === d.item) : undefined;
        return row(`declarations/${i}`, d.name, [d.item ? `Item ${d.item}` : null, d.interest, d.description].filter(Boolean).join(", "), Boolean(item?.exempt));
      }),
    });
  }
  const questions = record.questions ?? [];
  if (questions.length) {
    sections.push({
      id: "questions",
      heading: "Questions",
      rows: questions.map((q, i) => {
        const item = q.item ? record.items.find((it) => it.number === q.item) : undefined;
        const asked = [q.askedTo ? `To ${q.askedTo}` : null, q.item ? `Item ${q.item}` : null].filter(Boolean).join(", ");
        return row(`questions/${i}`, q.askedBy ?? "Question", [asked || null, q.question, q.answer ? `Answer: ${q.answer}` : "No answer recorded"].filter(Boolean).join("\n"), Boolean(item?.exempt));
      }),
    });
  }
  if (record.recommendations.length) {
    sections.push({
      id: "recommendations",
      heading: "Recommendations and responses",
      rows: record.recommendations.map((r, i) =>
        row(
          `recommendations/${i}`,
          `Recommendation ${r.number}`,
          [r.text, r.response ? `Response: ${r.response}` : null, r.responseText, r.responsibleMember ? `Member: ${r.responsibleMember}` : null, r.responsibleOfficer ? `Officer: ${r.responsibleOfficer}` : null, r.actionBy ? `By ${r.actionBy}` : null]
            .filter(Boolean)
            .join("\n"),
        ),
      ),
    });
  }
  return sections;
}

/** What to check first: values the parser inferred rather than read or was unsure of, and values with no source. */
export function lowConfidence(sections: FieldSection[]): { row: FieldRow; why: string }[] {
  const out: { row: FieldRow; why: string }[] = [];
  for (const s of sections) {
    for (const r of s.rows) {
      if (r.span?.implied) out.push({ row: r, why: "inferred, not read from the text" });
      else if (r.low) out.push({ row: r, why: "the parser was unsure: a guess or a fallback" });
      else if (!r.span && r.value !== "Not found") out.push({ row: r, why: "no source found in the text" });
    }
  }
  return out;
}

export function fieldLabel(sections: FieldSection[], row: FieldRow): string {
  const s = sections.find((x) => x.rows.includes(row));
  return s && s.id !== "header" ? `${s.heading}: ${row.label}` : row.label;
}
