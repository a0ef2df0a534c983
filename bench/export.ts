// `quorum export` on a generated archive: how long each format takes and the process's peak memory
// (VmHWM from /proc), with a reference measured in the same run: `quorum check` on the same
// archive, a process that opens the store and reads every table without writing anything out.
//   npm run bench:export [-- --db PATH] [--runs N]
// Build an archive first with `npm run bench:generate -- --meetings N --db PATH`.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { median } from "./lib/stats.ts";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const db = resolve(opt("--db", join(root, ".bench/export.db")));
const runs = Number(opt("--runs", "3"));
if (!existsSync(db)) throw new Error(`${db} does not exist: build one with npm run bench:generate -- --meetings N --db ${db}`);

/** Runs the quorum command, sampling its peak resident memory until it ends. */
function measure(cmd: string[]): Promise<{ seconds: number; peakMb: number; stdout: string }> {
  return new Promise((done, fail) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [join(root, "bin/quorum"), ...cmd], { env: { ...process.env, PUBLIC_URL: "https://minutes.example.org" } });
    let stdout = "";
    let stderr = "";
    let peak = 0;
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    const sample = setInterval(() => {
      try {
        const kb = Number(/^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"))?.[1] ?? 0);
        peak = Math.max(peak, kb / 1024);
      } catch {
        // the process has just ended
      }
    }, 50);
    child.on("exit", (code) => {
      clearInterval(sample);
      if (code !== 0) fail(new Error(`quorum ${cmd.join(" ")} exited ${code}: ${stderr}`));
      else done({ seconds: (performance.now() - t0) / 1000, peakMb: peak, stdout });
    });
  });
}

const rows: string[] = [];
const out = mkdtempSync(join(tmpdir(), "quorum-bench-export-"));
try {
  const cases: [string, string[]][] = [
    ["reference: quorum check", ["check", "--db", db]],
    ...(["csv", "ocd", "oparl"] as const).map((f): [string, string[]] => [`quorum export --format ${f}`, ["export", "--db", db, "--format", f, "--out", join(out, f)]]),
  ];
  for (const [name, cmd] of cases) {
    const results = [];
    for (let i = 0; i < runs; i++) results.push(await measure(cmd));
    const written = results.at(-1)!.stdout.trim();
    rows.push(`| ${name} | ${median(results.map((r) => r.seconds))!.toFixed(1)} s | ${median(results.map((r) => r.peakMb))!.toFixed(0)} MB | ${written.slice(0, 160)} |`);
    process.stderr.write(`${name}: done\n`);
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
process.stdout.write(
  [`archive: ${db}; ${runs} runs each, medians; load average ${loadavg()[0].toFixed(1)}`, "", "| command | time | peak memory (VmHWM) | output |", "|---|---|---|---|", ...rows, ""].join("\n"),
);
