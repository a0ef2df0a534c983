// One crash round: `quorum import` and `quorum serve` (answering requests) on one database, each
// SIGKILLed at its own random moment.
import { kill, peakRssKiB, quorumProcess, sleep, type Spawned } from "./crash.ts";

export interface RoundResult {
  /** processes that were still running when killed */
  kills: number;
  peakImportKiB: number;
  peakServeKiB: number;
  requests: number;
}

async function requestUntilGone(server: Spawned): Promise<number> {
  let n = 0;
  while (server.child.exitCode === null && server.child.signalCode === null) {
    const m = /serving on (http:\/\/\S+)/.exec(server.out());
    if (!m) {
      await sleep(20);
      continue;
    }
    try {
      await (await fetch(m[1] + (n % 2 ? "/meetings" : "/api/v1/meetings"))).arrayBuffer();
      n++;
    } catch {
      await sleep(5); // killed mid-request
    }
  }
  return n;
}

/** Kills an import of `importArgs` after `importMs` and a server on the same database after `serveMs`. */
export async function crashRound(db: string, importArgs: string[], importMs: number, serveMs: number, env: Record<string, string>): Promise<RoundResult> {
  const importer = quorumProcess(["import", "--db", db, ...importArgs], env);
  const server = quorumProcess(["serve", "--port", "0", "--host", "127.0.0.1", "--db", db], env);
  const requests = requestUntilGone(server);
  let peakImportKiB = 0;
  let peakServeKiB = 0;
  const watch = setInterval(() => {
    peakImportKiB = Math.max(peakImportKiB, peakRssKiB(importer.child.pid));
    peakServeKiB = Math.max(peakServeKiB, peakRssKiB(server.child.pid));
  }, 25);
  const killAt = async (p: Spawned, ms: number) => {
    await Promise.race([sleep(ms), p.exited]);
    return kill(p);
  };
  try {
    const killed = await Promise.all([killAt(importer, importMs), killAt(server, serveMs)]);
    return { kills: killed.filter(Boolean).length, peakImportKiB, peakServeKiB, requests: await requests };
  } finally {
    clearInterval(watch);
  }
}
