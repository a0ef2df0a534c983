// Finding and running PostgreSQL's own client programs (pg_dump, pg_restore, psql). They are not
// npm packages: Debian's postgresql-client puts them on PATH or under /usr/lib/postgresql/N/bin.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { delimiter, join } from "node:path";
import { QuorumError } from "../domain/errors.ts";

export type PgTool = "pg_dump" | "pg_restore" | "psql";

/** The path of a PostgreSQL client program: $PATH first, then the newest /usr/lib/postgresql/N/bin. */
export function findPgTool(name: PgTool): string {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    if (dir && existsSync(join(dir, name))) return join(dir, name);
  }
  const root = "/usr/lib/postgresql";
  if (existsSync(root)) {
    const versions = readdirSync(root).filter((v) => existsSync(join(root, v, "bin", name))).sort((a, b) => Number(b) - Number(a));
    if (versions.length) return join(root, versions[0], "bin", name);
  }
  throw new QuorumError("not_found", `${name} not found on PATH or under /usr/lib/postgresql/*/bin: install the PostgreSQL client programs (Debian: apt-get install postgresql-client)`);
}

/** A connection string without its password, and the environment that passes the password instead (so it never shows in `ps`). */
export function pgConnection(url: string): { url: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (u.password) {
    env.PGPASSWORD = decodeURIComponent(u.password);
    u.password = "";
  }
  return { url: u.toString(), env };
}

/** Starts a client program; `done` rejects with its last line of stderr when it fails. */
export function startPgTool(name: PgTool, args: string[], env: NodeJS.ProcessEnv, stdio: { stdin?: boolean; stdout?: boolean } = {}): { child: ChildProcess; done: Promise<void> } {
  const path = findPgTool(name);
  const child = spawn(path, args, { env, stdio: [stdio.stdin ? "pipe" : "ignore", stdio.stdout ? "pipe" : "ignore", "pipe"] });
  child.stdin?.on("error", () => {}); // a child that stops reading reports through its exit status
  let stderr = "";
  child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<void>((resolve, reject) => {
    child.on("error", (err) => reject(new QuorumError("internal", `${name} could not start: ${err.message}`)));
    child.on("close", (code) => {
      if (code === 0) return resolve();
      const last = stderr.trim().split("\n").filter(Boolean).pop() ?? `exit status ${code}`;
      reject(new QuorumError("internal", `${name} failed: ${last}`));
    });
  });
  return { child, done };
}
