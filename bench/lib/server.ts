// `quorum serve` in its own process for the benchmarks: started on a free loopback port, ready when
// /healthz answers, and stopped with its whole process group (workers included).
import { spawn, type ChildProcess } from "node:child_process";
import { openSync, closeSync, readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { resolve } from "node:path";

export interface Server {
  url: string;
  pid: number;
  /** VmHWM in MB of the serve process and each process under it */
  peakMB(): number[];
  /** null while it runs; once it has stopped on its own, how, with the end of its stderr */
  died(): string | null;
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();

/** Stops every server still running (for an interrupted run). */
export function stopAllServers(): void {
  for (const child of running) killGroup(child);
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals = "SIGTERM"): void {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    /* already gone */
  }
}

export async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", rej);
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => res(port));
    });
  });
}

/** Whether this `quorum serve` takes `--workers`. */
export function serveHelp(root: string): Promise<string> {
  return new Promise((res) => {
    const child = spawn(process.execPath, [resolve(root, "bin/quorum"), "serve", "--help"], { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (c: Buffer) => (out += c));
    child.on("close", () => res(out));
    child.on("error", () => res(out));
  });
}

/**
 * `responseCacheMb` defaults to 0: the load runs ask for one address again and again, so with the
 * response cache on they would measure its hits, not the page (bench/results/cache.md has those).
 */
export async function startServer(root: string, db: string, opts: { workers?: number; readyTimeoutS?: number; responseCacheMb?: number; nodeArgs?: string[] } = {}): Promise<Server> {
  const port = await freePort();
  const args = [...(opts.nodeArgs ?? []), resolve(root, "bin/quorum"), "serve", "--db", db, "--port", String(port), "--host", "127.0.0.1"];
  if (opts.workers) args.push("--workers", String(opts.workers));
  // request logs are written, as in production, but to /dev/null so the load generator need not read them
  const devnull = openSync("/dev/null", "w");
  const env = { ...process.env, QUORUM_RESPONSE_CACHE_MB: String(opts.responseCacheMb ?? 0) };
  const child = spawn(process.execPath, args, { cwd: root, env, stdio: ["ignore", devnull, "pipe"], detached: true });
  closeSync(devnull);
  running.add(child);
  let stderr = "";
  child.stderr!.on("data", (c: Buffer) => {
    stderr = (stderr + c.toString()).slice(-4000);
  });
  let exited: number | null | undefined;
  const gone = new Promise<void>((res) => child.once("exit", (code) => ((exited = code), running.delete(child), res())));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (exited !== undefined) return;
    killGroup(child, "SIGTERM");
    const t = setTimeout(() => killGroup(child, "SIGKILL"), 10_000);
    await gone;
    clearTimeout(t);
    // workers outlive their parent for a moment; make sure none is left
    killGroup(child, "SIGKILL");
  };
  const deadline = Date.now() + (opts.readyTimeoutS ?? 300) * 1000;
  for (;;) {
    if (exited !== undefined) throw new Error(`quorum serve exited with ${exited}: ${stderr.trim().split("\n").slice(-3).join(" ")}`);
    try {
      const r = await fetch(`${url}/healthz`);
      await r.arrayBuffer();
      if (r.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`quorum serve did not answer /healthz within ${opts.readyTimeoutS ?? 300} s`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  let stopping = false;
  const died = () => (exited === undefined || stopping ? null : `quorum serve exited with ${exited}: ${stderr.trim().split("\n").slice(-3).join(" / ")}`);
  const stopOnce = () => ((stopping = true), stop());
  return { url, pid: child.pid!, peakMB: () => processTree(child.pid!).map(vmHwmMB).filter((x): x is number => x != null), died, stop: stopOnce };
}

/** The process that answered /healthz (its x-quorum-process header): with `--workers 1`, the one worker. */
export async function answeringPid(url: string): Promise<number> {
  const r = await fetch(`${url}/healthz`);
  await r.arrayBuffer();
  const pid = Number(r.headers.get("x-quorum-process"));
  if (!Number.isInteger(pid) || pid <= 0) throw new Error("/healthz did not say which process answered");
  return pid;
}

/** The fields of /proc/PID/stat after the command name (so [1] is the parent, [11] and [12] user and system CPU in ticks); null once it has exited. */
export function procStat(pid: number | string): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // the command name may hold spaces and brackets; fields resume after the last ")"
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  } catch {
    return null;
  }
}

/** CPU ms used so far by these processes (/proc counts in ticks of 1/100 s on Linux). */
export function cpuMs(pids: number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    const f = procStat(pid);
    if (f) ticks += Number(f[11]) + Number(f[12]);
  }
  return ticks * 10;
}

/** The pid and every descendant's. */
export function processTree(pid: number): number[] {
  const parent = new Map<number, number>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const fields = procStat(name);
    if (fields) parent.set(Number(name), Number(fields[1]));
  }
  const out = [pid];
  for (let i = 0; i < out.length; i++) for (const [child, ppid] of parent) if (ppid === out[i]) out.push(child);
  return out;
}

export function vmHwmMB(pid: number): number | null {
  try {
    const m = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}
