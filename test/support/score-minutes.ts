// Field-by-field agreement between a parsed record and a hand-checked expectation, on the same
// rules as the project's published scorer: exact for dates and times, token F1 (≥ 0.8 counts
// as full) for text, set F1 over names matched by surname and initial, items matched by number.
import type { ParsedMinutes } from "../../src/domain/minutes.ts";

type Record = Partial<ParsedMinutes>;

const TITLES = new Set(
  ("mr mrs ms miss mx dr prof professor sir dame lady lord rev revd reverend cllr clr clir councillor councilor " +
    "councilmember councilwoman councilman alderman alderperson ald mayor deputy vice chair chairman chairwoman chairperson " +
    "county district borough city town parish member members commissioner supervisor trustee director hon honourable " +
    "obe mbe cbe dbe kbe jp qc kc bem mp mep frs phd esq jr sr ii iii").split(/\s+/),
);

export const words = (s: unknown): string[] =>
  String(s ?? "").toLowerCase().replace(/&/g, " and ").replace(/[^a-z0-9]+/g, " ").trim().split(/\s+/).filter(Boolean);

interface NameKey { surname: string; initial: string }
function nameKey(raw: string): NameKey | null {
  const s = raw.replace(/\([^)]*\)/g, " ").split(/[,;]/)[0];
  const w = words(s).filter((t) => !TITLES.has(t));
  if (!w.length) return null;
  return { surname: w[w.length - 1], initial: w.length > 1 ? w[0][0] : "" };
}
const sameName = (a: NameKey, b: NameKey) => a.surname === b.surname && (!a.initial || !b.initial || a.initial === b.initial);

const f1 = (tp: number, predicted: number, gold: number) => {
  const p = predicted ? tp / predicted : 0;
  const r = gold ? tp / gold : 0;
  return p + r ? (2 * p * r) / (p + r) : 0;
};

export function nameSetF1(gold: string[], pred: string[]): number {
  const g = gold.map(nameKey).filter((k): k is NameKey => !!k);
  const p = pred.map(nameKey).filter((k): k is NameKey => !!k);
  if (!g.length && !p.length) return 1;
  if (!g.length || !p.length) return 0;
  const used = new Set<number>();
  let tp = 0;
  for (const gk of g) {
    const j = p.findIndex((pk, k) => !used.has(k) && sameName(gk, pk));
    if (j >= 0) {
      used.add(j);
      tp++;
    }
  }
  return f1(tp, p.length, g.length);
}

export function tokenF1(a: unknown, b: unknown): number {
  const ga = words(a);
  const pb = words(b);
  if (!ga.length && !pb.length) return 1;
  if (!ga.length || !pb.length) return 0;
  const bag = new Map<string, number>();
  for (const t of ga) bag.set(t, (bag.get(t) ?? 0) + 1);
  let tp = 0;
  for (const t of pb) {
    const n = bag.get(t) ?? 0;
    if (n > 0) {
      tp++;
      bag.set(t, n - 1);
    }
  }
  return f1(tp, pb.length, ga.length);
}

const exact = (g: unknown, p: unknown) => ((g ?? null) === (p ?? null) ? 1 : 0);
const textField = (g: unknown, p: unknown) => {
  if (g == null && p == null) return 1;
  if (g == null || p == null) return 0;
  const f = tokenF1(g, p);
  return f >= 0.8 ? 1 : f;
};
const itemNo = (n: unknown) => String(n ?? "").trim().toLowerCase().replace(/[.):]+$/, "").replace(/^item\s*/, "");
const mean = (xs: number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : 0);

export type FieldScores = { [field: string]: number | null; overall: number };

export function scoreMinutes(gold: Record, pred: Record): FieldScores {
  const s: { [k: string]: number | null } = {};
  s.date = exact(gold.date, pred.date);
  s.startTime = exact(gold.startTime, pred.startTime);
  s.endTime = exact(gold.endTime, pred.endTime);
  s.body = textField(gold.body, pred.body);
  s.venue = textField(gold.venue, pred.venue);
  const names = (r: Record, statuses: string[]) => (r.attendance ?? []).filter((a) => statuses.includes(a.status)).map((a) => a.name);
  s.attended = nameSetF1(names(gold, ["present", "in_attendance"]), names(pred, ["present", "in_attendance"]));
  s.apologies = nameSetF1(names(gold, ["apologies"]), names(pred, ["apologies"]));

  const keyed = <T extends { number: string }>(items: T[]) => {
    const seen = new Map<string, number>();
    return items.map((it) => {
      const n = itemNo(it.number);
      const k = seen.get(n) ?? 0;
      seen.set(n, k + 1);
      return [k ? `${n}#${k}` : n, it] as const;
    });
  };
  const gKeyed = keyed(gold.items ?? []);
  const pItems = pred.items ?? [];
  const pByNo = new Map(keyed(pItems));
  const tp = gKeyed.filter(([k]) => pByNo.has(k)).length;
  s.items = gKeyed.length || pItems.length ? f1(tp, pItems.length, gKeyed.length) : 1;
  s.titles = gKeyed.length ? mean(gKeyed.map(([k, it]) => (pByNo.has(k) ? textField(it.title, pByNo.get(k)!.title) : 0))) : 1;
  const resText = (it: { resolutions?: { text: string }[] } | undefined) => (it?.resolutions ?? []).map((r) => r.text).join(" ");
  const decided = gKeyed.filter(([k, it]) => resText(it) || resText(pByNo.get(k)));
  s.resolutions = decided.length
    ? mean(decided.map(([k, it]) => tokenF1(resText(it), resText(pByNo.get(k)))))
    : pItems.some((it) => resText(it)) ? 0 : 1;
  const gEx = new Set(gKeyed.filter(([, it]) => it.exempt).map(([k]) => k));
  const pEx = new Set([...pByNo].filter(([, it]) => it.exempt).map(([k]) => k));
  s.exempt = gEx.size || pEx.size ? f1([...gEx].filter((k) => pEx.has(k)).length, pEx.size, gEx.size) : null;

  const gRec = gold.recommendations ?? [];
  const pRec = pred.recommendations ?? [];
  if (gRec.length || pRec.length) {
    const pr = new Map(pRec.map((r) => [itemNo(r.number), r]));
    const found = gRec.filter((r) => pr.has(itemNo(r.number))).length;
    const resp = gRec.length ? mean(gRec.map((r) => ((pr.get(itemNo(r.number))?.response ?? null) === r.response ? 1 : 0))) : 0;
    s.recommendations = (f1(found, pRec.length, gRec.length) + resp) / 2;
  } else s.recommendations = null;
  s.nextMeeting = exact(gold.nextMeeting?.date ?? null, pred.nextMeeting?.date ?? null);
  const vals = Object.values(s).filter((v): v is number => v != null);
  return { ...s, overall: mean(vals) };
}
