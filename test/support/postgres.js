// A throwaway PostgreSQL cluster for tests: initdb in a temp dir owned by the postgres user, started
// on a free loopback port with its socket in that dir, stopped and removed afterwards.
import { execFileSync, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
function binDir() {
    const root = "/usr/lib/postgresql";
    if (!existsSync(root))
        return null;
    const versions = readdirSync(root).filter((v) => existsSync(join(root, v, "bin", "initdb"))).sort((a, b) => Number(b) - Number(a));
    return versions.length ? join(root, versions[0], "bin") : null;
}
/** Why PostgreSQL tests cannot run here, or null when they can. */
export function postgresUnavailable() {
    if (!binDir())
        return "PostgreSQL server binaries not found under /usr/lib/postgresql (install Debian's postgresql package)";
    if (process.getuid?.() !== 0)
        return "starting a throwaway PostgreSQL cluster needs root (to run initdb as the postgres user via runuser)";
    if (spawnSync("id", ["-u", "postgres"]).status !== 0)
        return "no postgres system user";
    return null;
}
async function freePort() {
    return new Promise((resolve, reject) => {
        const srv = createServer();
        srv.unref();
        srv.on("error", reject);
        srv.listen(0, "127.0.0.1", () => {
            const port = srv.address().port;
            srv.close(() => resolve(port));
        });
    });
}
export async function startPostgres() {
    const bin = binDir();
    const dir = mkdtempSync(join(tmpdir(), "quorum-pg-"));
    const uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim());
    chownSync(dir, uid, gid);
    const data = join(dir, "data");
    const asPostgres = (cmd, args) => {
        const r = spawnSync("runuser", ["-u", "postgres", "--", join(bin, cmd), ...args], { encoding: "utf8" });
        if (r.status !== 0)
            throw new Error(`${cmd} failed: ${(r.stderr || r.stdout).trim().split("\n").slice(-3).join(" ")}`);
    };
    asPostgres("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync"]);
    let port = 0;
    for (let attempt = 0;; attempt++) {
        port = await freePort();
        try {
            asPostgres("pg_ctl", [
                "-D", data, "-l", join(dir, "log"), "-w", "-t", "30",
                "-o", `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=50`,
                "start",
            ]);
            break;
        }
        catch (err) {
            if (attempt >= 2)
                throw err;
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
            }
            finally {
                await client.end();
            }
            return `postgres://postgres@127.0.0.1:${port}/${name}`;
        },
        async stop() {
            spawnSync("runuser", ["-u", "postgres", "--", join(bin, "pg_ctl"), "-D", data, "-m", "immediate", "-w", "stop"], { encoding: "utf8" });
            rmSync(dir, { recursive: true, force: true });
        },
    };
}
