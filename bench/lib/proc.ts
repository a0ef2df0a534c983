// Child processes for the benchmark: a command run to completion with its output kept (the last part
// of it), its wall time measured, and its process group killed if the run is interrupted.
import { spawn, type ChildProcess } from "node:child_process";
import { performance } from "node:perf_hooks";

export interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
  seconds: number;
}

const running = new Set<ChildProcess>();

export function killAllChildren(): void {
  for (const c of running) {
    try {
      process.kill(-c.pid!, "SIGKILL");
    } catch {
      /* gone */
    }
  }
}

/** Runs `cmd args` in `cwd`; keeps the last 64 KB of stdout and 8 KB of stderr. */
export function run(cmd: string, args: string[], cwd: string, opts: { echo?: boolean; env?: NodeJS.ProcessEnv } = {}): Promise<Ran> {
  const t0 = performance.now();
  const child = spawn(cmd, args, { cwd, stdio: ["ignore", "pipe", "pipe"], detached: true, env: opts.env ?? process.env });
  running.add(child);
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (c: Buffer) => {
    stdout = (stdout + c.toString()).slice(-65_536);
    if (opts.echo) process.stdout.write(c);
  });
  child.stderr!.on("data", (c: Buffer) => {
    stderr = (stderr + c.toString()).slice(-8_192);
  });
  return new Promise((res, rej) => {
    child.once("error", (err) => (running.delete(child), rej(err)));
    child.once("close", (code) => {
      running.delete(child);
      res({ code, stdout, stderr, seconds: (performance.now() - t0) / 1000 });
    });
  });
}

/** The last non-empty lines of a command's stderr (or stdout), for an error message. */
export function tail(r: Ran, lines = 3): string {
  // progress bars say nothing about why a command stopped
  const useful = (s: string) => s.replace(/\r/g, "\n").split("\n").filter((l) => l.trim() && !/[█░]/.test(l));
  const err = useful(r.stderr);
  return (err.length ? err : useful(r.stdout)).slice(-lines).join(" / ");
}
