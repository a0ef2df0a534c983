// A throwaway PostgreSQL cluster for tests: initdb in a temp dir owned by the postgres user, started
// on a free loopback port with its socket in that dir, stopped and removed afterwards.
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { skipUnlessCi } from "./ci.ts";

export interface PostgresCluster {
  /** connection URL of a new, empty database */
  createDatabase(name?: string): Promise<string>;
  /** what the server has logged so far */
  log(): string;
  stop(): Promise<void>;
}

function binDir(): string | null {
  const override = process.env.POSTGRES_BIN_DIR;
  if (override) return existsSync(join(override, "initdb")) ? override : null;
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).filter((v) => existsSync(join(root, v, "bin", "initdb"))).sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(root, versions[0], "bin") : null;
}

/** Why PostgreSQL tests cannot run here, or null when they can; under CI, an error instead. */
export function postgresUnavailable(): string | null {
  return skipUnlessCi(whyNoPostgres()) || null;
}

function whyNoPostgres(): string | null {
  if (!binDir()) {
    return process.env.POSTGRES_BIN_DIR
      ? `PostgreSQL server binaries not found under ${process.env.POSTGRES_BIN_DIR} (POSTGRES_BIN_DIR)`
      : "PostgreSQL server binaries not found under /usr/lib/postgresql (install Debian's postgresql package)";
  }
  if (process.getuid?.() !== 0) return "starting a throwaway PostgreSQL cluster needs root (to run initdb as the postgres user via runuser)";
  if (spawnSync("id", ["-u", "postgres"]).status !== 0) return "no postgres system user, so no PostgreSQL cluster can be started";
  return null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * A cluster freshly made by initdb, made once per machine and PostgreSQL version and copied for
 * each test's cluster: initdb costs about a second of CPU, and the suite starts dozens of clusters.
 * It is made under a temporary name and renamed into place, so a run never copies a half-made one.
 */
function initdbOnce(bin: string, asPostgres: (cmd: string, args: string[]) => void): string {
  const args = ["-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync"];
  const version = execFileSync(join(bin, "postgres"), ["--version"], { encoding: "utf8" }).trim();
  // it stays in the temporary folder (about 40 MB) for the next run; a new server or new options make another
  const key = createHash("sha256").update(`${bin}\n${version}\n${args.join(" ")}`).digest("hex").slice(0, 12);
  const made = join(tmpdir(), `quorum-pg-initdb-${key}`);
  if (existsSync(join(made, "PG_VERSION"))) return made;
  const dir = mkdtempSync(join(tmpdir(), "quorum-pg-initdb-making-"));
  const { uid, gid } = postgresIds();
  chownSync(dir, uid, gid);
  const data = join(dir, "data");
  asPostgres("initdb", ["-D", data, ...args]);
  try {
    renameSync(data, made);
  } catch {
    // another test process made it first: theirs is used, this one dropped
    if (!existsSync(join(made, "PG_VERSION"))) throw new Error(`could not keep the initdb cluster at ${made}`);
  }
  rmSync(dir, { recursive: true, force: true });
  return made;
}

/** A copy of the initdb cluster, owned by postgres as the original is, with its 0700 mode. */
function copyCluster(from: string, to: string): void {
  const r = spawnSync("cp", ["-a", from, to], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`copying the initdb cluster failed: ${r.stderr.trim()}`);
}

let ids: { uid: number; gid: number } | undefined;
function postgresIds(): { uid: number; gid: number } {
  return (ids ??= {
    uid: Number(execFileSync("id", ["-u", "postgres"]).toString().trim()),
    gid: Number(execFileSync("id", ["-g", "postgres"]).toString().trim()),
  });
}

/** `settings`: more server settings (`-c name=value`), such as a preloaded library's. */
export async function startPostgres(settings: Record<string, string> = {}): Promise<PostgresCluster> {
  const bin = binDir()!;
  const dir = mkdtempSync(join(tmpdir(), "quorum-pg-"));
  const { uid, gid } = postgresIds();
  chownSync(dir, uid, gid);
  const data = join(dir, "data");
  const asPostgres = (cmd: string, args: string[]) => {
    const r = spawnSync("runuser", ["-u", "postgres", "--", join(bin, cmd), ...args], { encoding: "utf8" });
    if (r.status !== 0) throw new Error(`${cmd} failed: ${(r.stderr || r.stdout).trim().split("\n").slice(-3).join(" ")}`);
  };
  copyCluster(initdbOnce(bin, asPostgres), data);
  let port = 0;
  for (let attempt = 0; ; attempt++) {
    port = await freePort();
    try {
      asPostgres("pg_ctl", [
        "-D", data, "-l", join(dir, "log"), "-w", "-t", "30",
        "-o", `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=50${Object.entries(settings).map(([k, v]) => ` -c ${k}=${v}`).join("")}`,
        "start",
      ]);
      break;
    } catch (err) {
      if (attempt >= 2) throw err;
    }
  }
  let n = 0;
  const admin = `postgres://postgres@127.0.0.1:${port}/postgres`;
  return {
    async createDatabase(name = `quorum_test_${++n}`) {
      const client = new pg.Client({ connectionString: admin });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    log() {
      return existsSync(join(dir, "log")) ? readFileSync(join(dir, "log"), "utf8") : "";
    },
    async stop() {
      spawnSync("runuser", ["-u", "postgres", "--", join(bin, "pg_ctl"), "-D", data, "-m", "immediate", "-w", "stop"], { encoding: "utf8" });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
