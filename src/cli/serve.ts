import type { Command } from "commander";
import { responseCacheSettings } from "./serve-cache.ts";
import cluster from "node:cluster";
import { availableParallelism } from "node:os";
import { QuorumError } from "../domain/errors.ts";
import { loadSiteSettings } from "../serve/site/load.ts";
import { parsePublicUrl } from "../serve/urls.ts";
import type { ServeConfig } from "./serve-listen.ts";
import { servePrimary, serveWorker } from "./serve-cluster.ts";

const MAX_WORKERS = 256;

interface ServeOptions {
  port?: string;
  host: string;
  db?: string;
  seed?: string;
  settings?: string;
  logFormat?: string;
  publicUrl?: string;
  workers?: string;
}

function count(value: string, name: string, max: number): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isInteger(n) || n < 1 || n > max) throw new QuorumError("invalid", `${name} must be a whole number from 1 to ${max}, not "${value}"`);
  return n;
}

function serveConfig(opts: ServeOptions): ServeConfig {
  const port = Number(opts.port ?? process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new QuorumError("invalid", `--port must be a number from 0 to 65535, not "${opts.port}"`);
  const logFormat = opts.logFormat ?? (process.env.QUORUM_LOG_FORMAT || "json");
  if (logFormat !== "json" && logFormat !== "off") throw new QuorumError("invalid", `--log-format must be json or off, not "${logFormat}"`);
  const publicUrl = opts.publicUrl ? parsePublicUrl(opts.publicUrl, "--public-url") : process.env.PUBLIC_URL ? parsePublicUrl(process.env.PUBLIC_URL, "PUBLIC_URL") : undefined;
  const settingsFile = opts.settings ?? (process.env.QUORUM_SETTINGS || undefined);
  const site = settingsFile ? loadSiteSettings(settingsFile) : undefined;
  const workers =
    opts.workers !== undefined ? count(opts.workers, "--workers", MAX_WORKERS) : process.env.QUORUM_WORKERS ? count(process.env.QUORUM_WORKERS, "QUORUM_WORKERS", MAX_WORKERS) : availableParallelism();
  const poolMax = process.env.DATABASE_POOL_MAX ? count(process.env.DATABASE_POOL_MAX, "DATABASE_POOL_MAX", 1000) : 4;
  const log = logFormat === "json" ? (line: string) => void process.stdout.write(line + "\n") : undefined;
  const responseCache = responseCacheSettings(process.env);
  return { port, host: opts.host, dbUrl: opts.db ?? process.env.DATABASE_URL, seed: opts.seed, site, log, publicUrl, workers, poolMax, responseCache };
}

export function registerServe(program: Command): void {
  program
    .command("serve")
    .description("serve the public website and the JSON API")
    .option("--port <n>", "port to listen on (default $PORT or 3000)")
    .option("--host <host>", "address to listen on", "0.0.0.0")
    .option("--db <url>", "database: a SQLite path, sqlite:PATH or postgres://… (default $DATABASE_URL or ./data/quorum.db)")
    .option("--seed <dir>", "when the database holds no meetings, import the minutes in this folder first")
    .option("--settings <file>", "site settings: the council's name, logo, colours, footer (default $QUORUM_SETTINGS; docs/SETTINGS.md)")
    .option("--log-format <format>", "request logs on stdout: json or off (default $QUORUM_LOG_FORMAT or json)")
    .option("--public-url <url>", "the site's public address, for absolute links in downloads (default $PUBLIC_URL; links are relative without one)")
    .option("--workers <n>", "processes answering requests on the one port (default $QUORUM_WORKERS or the number of cores)")
    .action(async (opts: ServeOptions) => {
      const config = serveConfig(opts);
      if (cluster.isWorker) return serveWorker(config);
      return servePrimary(config);
    });
}
