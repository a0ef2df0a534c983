import type { Command } from "commander";
import { serve } from "@hono/node-server";
import { QuorumError } from "../domain/errors.ts";
import { openStore } from "../store/db.ts";
import { createApp } from "../serve/app.ts";
import { indexReleasesEveryHour } from "./release.ts";
import { loadSiteSettings } from "../serve/site/load.ts";
import { parsePublicUrl } from "../serve/urls.ts";
import { seedIfEmpty } from "./start.ts";
import { parseMinutes } from "../parse/minutes.ts";

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
    .action(async (opts: { port?: string; host: string; db?: string; seed?: string; settings?: string; logFormat?: string; publicUrl?: string }) => {
      const port = Number(opts.port ?? process.env.PORT ?? 3000);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new QuorumError("invalid", `--port must be a number from 0 to 65535, not "${opts.port}"`);
      const logFormat = opts.logFormat ?? (process.env.QUORUM_LOG_FORMAT || "json");
      if (logFormat !== "json" && logFormat !== "off") throw new QuorumError("invalid", `--log-format must be json or off, not "${logFormat}"`);
      const publicUrl = opts.publicUrl ? parsePublicUrl(opts.publicUrl, "--public-url") : process.env.PUBLIC_URL ? parsePublicUrl(process.env.PUBLIC_URL, "PUBLIC_URL") : undefined;
      const settingsFile = opts.settings ?? (process.env.QUORUM_SETTINGS || undefined);
      const site = settingsFile ? loadSiteSettings(settingsFile) : undefined;
      const db = await openStore(opts.db ?? process.env.DATABASE_URL);
      if (opts.seed) await seedIfEmpty(db, opts.seed);
      // exempt items whose release date has come go into search now, then once an hour
      const releases = await indexReleasesEveryHour(db);
      const log = logFormat === "json" ? (line: string) => void process.stdout.write(line + "\n") : undefined;
      const app = createApp({ db, site, log, publicUrl, reparse: parseMinutes });
      const server = serve({ fetch: app.fetch, port, hostname: opts.host }, (info) => {
        const host = opts.host === "0.0.0.0" || opts.host === "::" ? "localhost" : opts.host;
        process.stdout.write(`Quorum is serving on http://${host}:${info.port}\n`);
      });
      const failed = new Promise<never>((_, reject) =>
        server.once("error", (err: NodeJS.ErrnoException) => {
          void db.destroy();
          reject(new QuorumError("invalid", err.code === "EADDRINUSE" ? `port ${port} is already in use (choose another with --port)` : `cannot listen on ${opts.host}:${port}: ${err.message}`));
        }),
      );
      const stop = () => {
        clearInterval(releases);
        server.close();
        void db.destroy().finally(() => process.exit(0));
      };
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
      await Promise.race([failed, new Promise<void>((resolve) => server.once("close", () => resolve()))]);
    });
}
