// What the benchmark ran on, so a figure can be read with its machine, load and code.
import { execFileSync } from "node:child_process";
import { cpus, loadavg, platform, release, totalmem } from "node:os";
import type { Machine } from "./results.ts";

function git(root: string, args: string[]): string {
  try {
    return execFileSync("git", args, { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return "";
  }
}

export function machine(root: string): Machine {
  return {
    cpu: cpus()[0]?.model.trim() ?? "unknown CPU",
    cores: cpus().length,
    memoryGiB: totalmem() / 2 ** 30,
    os: `${platform()} ${release()}`,
    node: process.version,
    loadStart: loadavg(),
    loadEnd: loadavg(),
    commit: git(root, ["rev-parse", "HEAD"]) || "unknown",
    // results committed with the run are not code changes
    dirty: git(root, ["status", "--porcelain", "--", ".", ":(exclude)bench/results"]) !== "",
    date: new Date().toISOString(),
  };
}

export function describeMachine(m: Machine): string {
  return `${m.cpu} × ${m.cores}, ${m.memoryGiB.toFixed(1)} GiB, ${m.os}, node ${m.node}, load ${m.loadStart.map((x) => x.toFixed(2)).join(" ")}`;
}
