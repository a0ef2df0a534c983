// bench/results/bench.md from the results: one table per measure, each figure beside its reference.
import type { BenchResults, PageFigure, Verdict } from "./results.ts";
import type { Latency } from "./stats.ts";

/** A Markdown table; a cell's `|` and line breaks are escaped so a value cannot break the table. */
export function table(headers: string[], rows: (string | number | null)[][]): string {
  const cell = (v: string | number | null) => (v == null ? "—" : String(v)).replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
  const line = (cells: (string | number | null)[]) => `| ${cells.map(cell).join(" | ")} |`;
  return [line(headers), `|${headers.map(() => "---").join("|")}|`, ...rows.map(line)].join("\n");
}

/** A number with `digits` decimals, thousands grouped; null or NaN as a dash. */
export function num(n: number | null | undefined, digits = 0): string | null {
  if (n == null || !Number.isFinite(n)) return null;
  return n.toLocaleString("en-GB", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function verdict(v: Verdict): string {
  return v === "met" ? "met" : v === "missed" ? "**missed**" : "";
}

/** A page's req/s over the static asset's beside it: the median of its rounds' shares, or for a run before rounds its one share. */
export function pageShare(p: PageFigure): number | null {
  if (p.share != null) return p.share;
  return p.besideRequestsPerSecond ? p.requestsPerSecond / p.besideRequestsPerSecond : null;
}

const ms = (l: Latency) => [num(l.p50, 1), num(l.p95, 1), num(l.p99, 1)];

/** `misses` is the address of misses.md from where the report is written (it lives in bench/results). */
export function renderResults(r: BenchResults, misses = "misses.md"): string {
  const m = r.machine;
  const out: string[] = [
    "# Quorum benchmark",
    "",
    `${m.date} · commit ${m.commit.slice(0, 12)}${m.dirty ? " (uncommitted changes)" : ""} · ${m.cpu} × ${m.cores}, ${num(m.memoryGiB, 1)} GiB · ${m.os} · Node ${m.node}`,
    "",
    `Load average at start ${m.loadStart.map((x) => x.toFixed(2)).join(" / ")}, at end ${m.loadEnd.map((x) => x.toFixed(2)).join(" / ")} (1/5/15 min). ` +
      `Sizes ${r.options.sizes.join(", ")}${r.options.quick ? " (quick run: short samples, not for comparison)" : ""}; seed ${r.options.seed}; ` +
      `pages under ${r.options.connections} connections for ${r.options.seconds} s each${r.options.rounds ? `, in ${r.options.rounds} round${r.options.rounds > 1 ? "s" : ""}` : ""}; \`--workers\` ${r.options.workersOption ? "measured" : "not offered by this `quorum serve`"}.`,
    "",
    ...(r.earlier ?? []).map((e) => `Kept from an earlier run (${e.measured.join(", ")}): ${e.machine.date}, commit ${e.machine.commit.slice(0, 12)}, load ${e.machine.loadStart.map((x) => x.toFixed(2)).join(" / ")} at its start.\n`),
    "Times in milliseconds. Targets are issue 13's (2 cores, 100k meetings); figures at smaller sizes are marked against the same targets. " +
      `Why each missed target is missed, with a profile and the measured step that would close it: [misses.md](${misses}).`,
  ];
  if (r.errors.length) {
    out.push("", "## Steps that failed", "", table(["step", "error"], r.errors.map((e) => [e.step, e.message])));
  }
  if (r.parse.length) {
    out.push("", "## Parse", "", "Reading and parsing real documents in one process, median of repetitions; the reference reads the same bytes and decodes them.", "");
    out.push(table(["format", "documents", "MB", "parse MB/s", "raw read MB/s (reference)"], r.parse.map((p) => [p.format, p.documents, num(p.megabytes, 2), num(p.parseMBs, 2), num(p.rawReadMBs, 0)])));
  }
  if (r.import.length) {
    out.push("", "## Import", "", "`quorum import` as its own process over a sample of real documents, parsing included; the reference is the same command over an empty folder.", "");
    out.push(table(["database", "documents", "stored", "not storable", "seconds", "documents/s", "empty import s (reference)", "target", ""], r.import.map((i) => [i.db, i.documents, num(i.stored), num(i.notStored), num(i.seconds, 1), num(i.docsPerSecond, 1), num(i.startSeconds, 2), i.target, verdict(i.verdict)])));
  }
  if (r.archives.length) {
    out.push("", "## Archives", "");
    out.push(table(["size", "database", "source", "meetings", "MB", "bytes/meeting", "build s", "target", ""], r.archives.map((a) => [a.size, a.db, a.source, num(a.meetings), num(a.bytes / 2 ** 20, 1), num(a.bytesPerMeeting), num(a.buildSeconds, 0), a.target, verdict(a.verdict)])));
  }
  if (r.search.length) {
    out.push("", "## Search", "", "Requests one at a time to an idle `quorum serve` (one process); the reference is the bare FTS5 (SQLite) or tsvector (PostgreSQL) query for the same first page of 20, ranked, with snippets, timed in the same run.", "");
    out.push(
      table(
        ["size", "database", "kind", "query", "matches", "API p50", "API p95", "API p99", "page p50", "page p95", "page p99", "bare p50", "bare p95", "bare p99", "API/bare p95", "target", ""],
        r.search.map((s) => [s.size, s.db, s.kind, `\`${s.query}\``, num(s.matches), ...ms(s.api), ...ms(s.page), ...ms(s.bare), s.api.p95 != null && s.bare.p95 ? `${num(s.api.p95 / Math.max(s.bare.p95, 1), 2)}×` : null, s.target, verdict(s.verdict)]),
      ),
    );
  }
  if (r.pages.length) {
    out.push("", "## Pages under load", "", `autocannon in a second process on loopback, ${r.options.connections} connections, against \`quorum serve\` in its own process with its response cache off, so every request renders the page (\`cache.md\` measures cache hits). The static asset, served by the same server, is the reference: measured first, and then before each round of each page; a round's share is the page's req/s over the asset's just before it, the machine's speed of the same minute, and a page's share is the median of its rounds'. Rows from runs before rounds have one share, against the asset's run just after the page.`, "");
    out.push(
      table(
        ["size", "database", "workers", "page", "req/s", "static asset beside it, req/s", "share", "shares by round", "p50", "p95", "p99", "errors", "target", ""],
        r.pages.map((p) => [p.size, p.db, p.workers, p.page, num(p.requestsPerSecond), num(p.besideRequestsPerSecond), num(pageShare(p), 3), p.rounds && p.rounds.length > 1 ? p.rounds.map((x) => num(x.share, 3)).join(" / ") : null, ...ms(p.latency), p.errors, p.target, verdict(p.verdict)]),
      ),
    );
  }
  if (r.servers.length) {
    out.push("", "## Serve memory", "", "Peak resident memory (VmHWM) of each `quorum serve` process after the page runs.", "");
    out.push(table(["size", "database", "workers", "peak MB per process", "target", ""], r.servers.map((s) => [s.size, s.db, s.workers, s.peakMB.map((x) => num(x, 0)).join(", "), s.target, verdict(s.verdict)])));
  }
  if (r.growth.length) {
    out.push("", "## Growth", "", "Each page's p95 at the largest size over its p95 at the smallest size, same database and workers.", "");
    out.push(table(["database", "workers", "page", "from", "to", "p95 from", "p95 to", "growth", "target", ""], r.growth.map((g) => [g.db, g.workers, g.page, g.from, g.to, num(g.p95From, 1), num(g.p95To, 1), g.growth == null ? null : `${num(g.growth, 2)}×`, g.target, verdict(g.verdict)])));
  }
  const plans = (r.plans ?? []).filter((p) => p.statements.length);
  if (plans.length) {
    out.push("", "## PostgreSQL's slow statements", "", `Statements that ran past the threshold during a step, logged with their plan by auto_explain; the most time first, at most five a step. Each one's slowest plan is in \`bench.json\` (\`plans\`).`, "");
    out.push(
      table(
        ["size", "step", "over", "statement", "runs", "total s", "slowest ms"],
        plans.flatMap((p) => p.statements.map((s) => [p.size, p.step, `${p.overMs} ms`, `\`${s.query.replace(/\s+/g, " ").replace(/`/g, "'").slice(0, 100)}${s.query.length > 100 ? "…" : ""}\``, s.count, num(s.totalMs / 1000, 1), num(s.maxMs, 0)])),
      ),
    );
  }
  return out.join("\n") + "\n";
}
