// `quorum serve --workers 2` as real processes, on SQLite and PostgreSQL: both workers answer on the
// one port (told apart by /healthz's x-quorum-process header), a session signed in through one is
// signed in at the other, a worker killed is logged and replaced while the site goes on answering,
// and SIGTERM stops every process, a request in flight being answered first. `--workers 1` serves
// from one worker, its heap bounded as every worker's is.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import net from "node:net";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore } from "../../src/store/db.ts";
import { addUser, setPasswordHash } from "../../src/store/accounts/users.ts";
import { hashPassword } from "../../src/serve/auth/password.ts";
import { servingUrl } from "../support/serving.ts";
import { postgresUnavailable, startPostgres } from "../support/postgres.ts";

const BIN = new URL("../../bin/quorum", import.meta.url).pathname;
const tmp = mkdtempSync(join(tmpdir(), "quorum-workers-"));
test.after(() => rmSync(tmp, { recursive: true, force: true }));

const EMAIL = "clerk@council.gov.uk";
const PASSWORD = "a long enough passphrase";

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** Requests on one connection of their own, one after another, so the same worker answers them all. */
async function onOneConnection(url: string, requests: { path: string; method?: string; headers?: Record<string, string>; body?: string }[]): Promise<Reply[]> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const replies: Reply[] = [];
    for (const r of requests) {
      replies.push(
        await new Promise<Reply>((resolve, reject) => {
          const req = http.request(url + r.path, { agent, method: r.method ?? "GET", headers: { ...r.headers, ...(r.body ? { "content-length": String(Buffer.byteLength(r.body)) } : {}) } }, (res) => {
            let body = "";
            res.setEncoding("utf8");
            res.on("data", (c: string) => (body += c));
            res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body }));
          });
          req.on("error", reject);
          req.end(r.body);
        }),
      );
    }
    return replies;
  } finally {
    agent.destroy();
  }
}

async function pidOf(url: string): Promise<number> {
  const [r] = await onOneConnection(url, [{ path: "/healthz" }]);
  assert.equal(r.status, 200);
  return Number(r.headers["x-quorum-process"]);
}

/** Asks on new connections until the processes that answered are what is wanted (a replacement may take a while to start); returns them. */
async function answering(url: string, want: (pids: Set<number>) => boolean): Promise<Set<number>> {
  const pids = new Set<number>();
  const deadline = Date.now() + 120_000;
  while (!want(pids) && Date.now() < deadline) {
    pids.add(await pidOf(url));
    await new Promise((r) => setTimeout(r, 20));
  }
  return pids;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

interface Served {
  child: ChildProcess;
  url: string;
  out: () => string;
  err: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

async function serve(db: string, workers: string, opts: { group?: boolean } = {}): Promise<Served> {
  const child = spawn(process.execPath, [BIN, "serve", "--port", "0", "--host", "127.0.0.1", "--db", db, "--workers", workers, "--log-format", "off"], {
    // a process group of its own, to be signalled as systemd signals a service's
    detached: opts.group ?? false,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, DATABASE_URL: "", QUORUM_WORKERS: "" },
  });
  let out = "";
  let err = "";
  child.stdout!.on("data", (c: Buffer) => (out += c.toString()));
  child.stderr!.on("data", (c: Buffer) => (err += c.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  try {
    return { child, url: await servingUrl(child, 120_000), out: () => out, err: () => err, exited };
  } catch (e) {
    child.kill("SIGKILL");
    throw new Error(`${(e as Error).message}\n${err}`);
  }
}

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 1200; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.fail(`never: ${what}`);
}

async function withUser(url: string): Promise<void> {
  const db = await openStore(url);
  try {
    const user = await addUser(db, { email: EMAIL, role: "clerk", displayName: "Colin Clerk" }, new Date());
    await setPasswordHash(db, user.id, await hashPassword(PASSWORD), new Date());
  } finally {
    await db.destroy();
  }
}

function cookiesFrom(headers: http.IncomingHttpHeaders): string {
  return (headers["set-cookie"] ?? []).map((line) => line.split(";")[0]).join("; ");
}

/** The connection is refused once no worker listens any more. */
function refused(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect(Number(port), hostname);
    socket.once("connect", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", () => resolve(true));
  });
}

const CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n";

/**
 * A sign-in form (a wrong password: 401) sent in two halves with `stop` called between them: the
 * server must stop taking connections yet answer this request in flight. "Expect: 100-continue":
 * the 100 says the worker has read the request's head, so the request is in flight (a connection
 * that has sent nothing yet is idle, and closed at once when stopping).
 */
async function formInFlight(url: string, cookie: string, csrf: string, stop: () => void): Promise<{ reply: string; reset: Error | undefined }> {
  const { hostname, port } = new URL(url);
  const socket = net.connect(Number(port), hostname);
  await new Promise((r) => socket.once("connect", r));
  const body = new URLSearchParams({ csrf, email: EMAIL, password: "not the password" }).toString();
  let reply = "";
  let reset: Error | undefined;
  socket.setEncoding("utf8");
  socket.on("data", (c: string) => (reply += c));
  socket.on("error", (e) => (reset = e));
  const closed = new Promise((r) => socket.once("close", r));
  socket.write(`POST /sign-in HTTP/1.1\r\nHost: ${hostname}:${port}\r\nOrigin: ${new URL(url).origin}\r\nCookie: ${cookie}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n`);
  await until(() => reply === CONTINUE, "the worker read the request's head");
  socket.write(body.slice(0, 5));
  stop();
  for (let i = 0; i < 1200 && !(await refused(url)); i++) await new Promise((r) => setTimeout(r, 50));
  assert.ok(await refused(url), "no new connections once stopping");
  assert.equal(reply, CONTINUE, "nothing answered before the form was whole");
  socket.write(body.slice(5));
  await closed;
  return { reply, reset };
}

async function twoWorkers(db: string): Promise<void> {
  await withUser(db);
  const served = await serve(db, "2");
  try {
    assert.match(served.out(), /Quorum is serving on http:\/\/127\.0\.0\.1:\d+ with 2 workers\n/);
    const url = served.url;

    // both workers answer, and neither is the primary
    const first = await answering(url, (p) => p.size >= 2);
    assert.equal(first.size, 2, "two processes answer on the one port");
    assert.ok(!first.has(served.child.pid!), "the primary serves nothing itself");
    // each worker runs with a bounded heap (src/cli/serve-memory.ts)
    for (const pid of first) {
      const argv = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
      assert.ok(argv.includes("--max-old-space-size=128") && argv.includes("--max-semi-space-size=8"), argv.join(" "));
    }

    // signed in through whichever worker, signed in at both
    const [form] = await onOneConnection(url, [{ path: "/sign-in" }]);
    const csrf = /name="csrf" value="([^"]+)"/.exec(form.body)?.[1];
    assert.ok(csrf, "the sign-in form carries a token");
    const preSession = cookiesFrom(form.headers);
    const [signedIn] = await onOneConnection(url, [
      {
        path: "/sign-in",
        method: "POST",
        headers: { cookie: preSession, origin: new URL(url).origin, "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ csrf, email: EMAIL, password: PASSWORD }).toString(),
      },
    ]);
    assert.equal(signedIn.status, 303, signedIn.body);
    const session = cookiesFrom(signedIn.headers);
    const sawSignedIn = new Set<number>();
    for (let i = 0; i < 200 && sawSignedIn.size < 2; i++) {
      const [health, admin] = await onOneConnection(url, [{ path: "/healthz" }, { path: "/admin", headers: { cookie: session } }]);
      assert.equal(admin.status, 200, "the session is known to every worker");
      assert.match(admin.body, /Colin Clerk/);
      sawSignedIn.add(Number(health.headers["x-quorum-process"]));
    }
    assert.deepEqual(sawSignedIn, first, "both workers saw the clerk signed in");

    // a worker killed is logged and replaced; the site answers throughout
    const [victim, survivor] = [...first];
    process.kill(victim, "SIGKILL");
    await until(() => served.err().includes(`worker ${victim} stopped (SIGKILL); starting another`), "the primary reports the dead worker");
    const after = await answering(url, (p) => [...p].some((pid) => !first.has(pid)));
    assert.ok(!after.has(victim), "the dead worker answers nothing");
    const replacement = [...after].find((pid) => !first.has(pid));
    assert.ok(replacement, `a replacement answers (saw ${[...after]})`);
    assert.ok(after.has(survivor) || alive(survivor), "the other worker was left alone");
    const workers = [survivor, replacement];

    // SIGTERM: the workers stop taking connections, a request in flight is still answered, then all exit
    const { reply } = await formInFlight(url, preSession, csrf, () => served.child.kill("SIGTERM"));
    assert.match(reply, /^HTTP\/1\.1 100 Continue\r\n\r\nHTTP\/1\.1 401 /, "the request in flight was answered");
    const exit = await served.exited;
    assert.deepEqual(exit, { code: 0, signal: null }, served.err());
    for (const pid of workers) assert.equal(alive(pid), false, `worker ${pid} stopped with the primary`);
  } finally {
    served.child.kill("SIGKILL");
  }
}

test("SQLite: two workers share the port and sessions; a killed worker is replaced; SIGTERM stops all", async () => {
  await twoWorkers(join(mkdtempSync(join(tmp, "sqlite-")), "q.db"));
});

test("PostgreSQL: two workers share the port and sessions; a killed worker is replaced; SIGTERM stops all", { skip: postgresUnavailable() ?? false }, async () => {
  const cluster = await startPostgres();
  try {
    await twoWorkers(await cluster.createDatabase());
  } finally {
    await cluster.stop();
  }
});

test("--workers 1 serves from one worker process whose heap is bounded; SIGTERM to the whole group still lets a request in flight finish", async () => {
  const served = await serve(join(mkdtempSync(join(tmp, "one-")), "q.db"), "1", { group: true });
  try {
    assert.match(served.out(), /^Quorum is serving on http:\/\/127\.0\.0\.1:\d+ with 1 worker\n$/);
    const pids = await answering(served.url, (p) => p.size >= 1);
    const [worker] = [...pids];
    assert.notEqual(worker, served.child.pid);
    // the bound is given on the worker's command line (serve-memory.ts), as with more workers
    const argv = readFileSync(`/proc/${worker}/cmdline`, "utf8").split("\0");
    assert.ok(argv.includes("--max-old-space-size=128"), argv.join(" "));
    assert.ok(argv.includes("--max-semi-space-size=8"), argv.join(" "));

    // systemctl stop signals every process of the service: the worker hears SIGTERM from it and
    // again from the primary, and must still finish the request it is reading
    const [form] = await onOneConnection(served.url, [{ path: "/sign-in" }]);
    const csrf = /name="csrf" value="([^"]+)"/.exec(form.body)?.[1];
    assert.ok(csrf, "the sign-in form carries a token");
    const { reply, reset } = await formInFlight(served.url, cookiesFrom(form.headers), csrf, () => process.kill(-served.child.pid!, "SIGTERM"));
    assert.equal(reset, undefined, `the connection was cut: ${served.err()}`);
    assert.match(reply, /^HTTP\/1\.1 100 Continue\r\n\r\nHTTP\/1\.1 401 /, "the request in flight was answered");
    assert.deepEqual(await served.exited, { code: 0, signal: null }, served.err());
    await until(() => !alive(worker), "the worker stopped with the primary");
  } finally {
    try {
      process.kill(-served.child.pid!, "SIGKILL");
    } catch {
      /* already gone */
    }
  }
});

test("--workers and QUORUM_WORKERS take a whole number of processes", async () => {
  for (const [args, env, said] of [
    [["--workers", "0"], {}, '--workers must be a whole number from 1 to 256, not "0"'],
    [["--workers", "two"], {}, '--workers must be a whole number from 1 to 256, not "two"'],
    [[], { QUORUM_WORKERS: "-1" }, 'QUORUM_WORKERS must be a whole number from 1 to 256, not "-1"'],
  ] as const) {
    const child = spawn(process.execPath, [BIN, "serve", "--port", "0", "--db", join(tmp, "never.db"), ...args], { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ...env } });
    let err = "";
    child.stderr!.on("data", (c: Buffer) => (err += c.toString()));
    const code = await new Promise((r) => child.once("exit", r));
    assert.equal(code, 1);
    assert.equal(err, `quorum: ${said}\n`);
  }
});
