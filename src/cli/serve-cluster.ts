// `quorum serve --workers N`: one primary process and N workers sharing the port (node:cluster
// hands each new connection to the next worker in turn). A slow query blocks only the worker
// running it; the others go on answering. With N = 1 the one worker is still a process of its own,
// so that its heap is bounded (serve-memory.ts) without the operator passing node flags. The primary serves nothing itself: it
// migrates, seeds and indexes exempt releases (once, not once per worker), replaces a worker that
// dies, and on SIGTERM or SIGINT stops every worker, each finishing the requests it has in flight.
import cluster, { type Worker } from "node:cluster";
import { QuorumError, oneLine } from "../domain/errors.ts";
import { openStore } from "../store/db.ts";
import { indexReleasesEveryHour } from "./release.ts";
import type { ServeConfig } from "./serve-listen.ts";
import { documentsDirFor, folderDocumentStore } from "../store/documents/folder.ts";
import { serveHeapFlags } from "./serve-memory.ts";
import { startMailSender } from "./serve-mail.ts";

/** A worker dying this soon after it started is not replaced at once, so a crash loop does not spin. */
const QUICK_DEATH_MS = 5_000;
const RESTART_DELAY_MS = 1_000;
/** How long the primary waits for workers to finish their requests before killing them. */
const STOP_GRACE_MS = 15_000;

interface FatalMessage {
  quorum: "fatal";
  message: string;
}

const note = (line: string) => void process.stderr.write(`quorum: ${line}\n`);

export async function servePrimary(config: ServeConfig): Promise<void> {
  // each worker's heap is bounded (serve-memory.ts): workers are forked with these flags added to node's own
  cluster.setupPrimary({ execArgv: [...process.execArgv, ...serveHeapFlags()] });
  // migrations, seeding and the hourly release indexing; PostgreSQL connections close when idle
  const db = await openStore(config.dbUrl, { poolMax: config.poolMax });
  let releases: NodeJS.Timeout | undefined;
  let mail: ReturnType<typeof startMailSender>;
  try {
    if (config.seed) {
      // the parser is loaded only to seed
      const { seedIfEmpty } = await import("./start.ts");
      await seedIfEmpty(db, config.seed, folderDocumentStore(documentsDirFor(config.dbUrl)));
    }
    releases = await indexReleasesEveryHour(db);
    mail = startMailSender(db, config.publicUrl);
  } catch (err) {
    await db.destroy();
    throw err;
  }

  const started = new Map<Worker, number>();
  const listening = new Set<Worker>();
  let announced = false;
  let stopping = false;
  let failure: QuorumError | undefined;
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));

  const fork = () => {
    const worker = cluster.fork();
    started.set(worker, Date.now());
    worker.on("message", (m: FatalMessage) => {
      if (m?.quorum === "fatal" && !announced) failure ??= new QuorumError("invalid", m.message);
    });
  };

  const stop = () => {
    if (stopping) return;
    stopping = true;
    clearInterval(releases);
    void mail?.stop();
    if (!started.size) return finish();
    for (const w of started.keys()) w.process.kill("SIGTERM");
    setTimeout(() => {
      for (const w of started.keys()) w.process.kill("SIGKILL");
    }, STOP_GRACE_MS).unref();
  };

  cluster.on("listening", (worker, address) => {
    listening.add(worker);
    if (!announced && listening.size === config.workers) {
      announced = true;
      process.stdout.write(`Quorum is serving on ${servingUrl(config.host, address.port)} with ${config.workers} worker${config.workers === 1 ? "" : "s"}\n`);
    }
  });

  cluster.on("exit", (worker, code, signal) => {
    const since = started.get(worker) ?? 0;
    const served = listening.has(worker);
    started.delete(worker);
    listening.delete(worker);
    if (stopping) {
      if (!started.size) finish();
      return;
    }
    if (!announced) {
      // it could not start (the port taken, the database unreachable): the others would fail alike
      failure ??= new QuorumError("internal", `a worker stopped before it could serve (${signal ?? `exit code ${code}`})`);
      return stop();
    }
    const quick = !served || Date.now() - since < QUICK_DEATH_MS;
    note(`worker ${worker.process.pid} stopped (${signal ?? `exit code ${code}`}); starting another${quick ? ` in ${RESTART_DELAY_MS / 1000} s` : ""}`);
    if (quick) setTimeout(() => !stopping && fork(), RESTART_DELAY_MS);
    else fork();
  });

  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  for (let i = 0; i < config.workers; i++) fork();
  await done;
  await mail?.stop();
  await db.destroy();
  if (failure) throw failure;
  process.exit(0);
}

export async function serveWorker(config: ServeConfig): Promise<void> {
  // Ctrl-C reaches every process of the group; the primary decides, and sends SIGTERM
  process.on("SIGINT", () => {});
  let db: Awaited<ReturnType<typeof openStore>> | undefined;
  try {
    // the primary has migrated
    db = await openStore(config.dbUrl, { migrate: false, poolMax: config.poolMax });
    // the site's code is loaded here, in the workers, and not in the primary, which serves nothing
    const { listen } = await import("./serve-listen.ts");
    const serving = listen(db, config);
    await serving.ready;
    const store = db;
    // SIGTERM comes twice when the whole group is signalled (systemctl stop, a shell's kill -- -PGID):
    // once to the worker itself and once from the primary. The second must not cut the first's
    // drain short, as the default action of a signal with no handler left would.
    let stopping = false;
    process.on("SIGTERM", () => {
      if (stopping) return;
      stopping = true;
      void serving
        .close()
        .then(() => store.destroy())
        .finally(() => process.exit(0));
    });
  } catch (err) {
    await db?.destroy().catch(() => undefined);
    // reported once, by the primary, rather than once per worker
    const message: FatalMessage = { quorum: "fatal", message: oneLine(err) };
    process.send!(message, () => process.exit(1));
  }
}

/** The address to print: a wildcard host is reached as localhost. */
export function servingUrl(host: string, port: number): string {
  return `http://${host === "0.0.0.0" || host === "::" ? "localhost" : host}:${port}`;
}
