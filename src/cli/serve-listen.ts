// One process serving the site: the app over the store, listening on the port, and a stop that
// lets requests in flight finish. `quorum serve` runs it in each worker (serve-cluster.ts).
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { QuorumError } from "../domain/errors.ts";
import type { Db } from "../store/db.ts";
import { createApp } from "../serve/app.ts";
import type { Site } from "../serve/site/settings.ts";
import type { ResponseCacheSettings } from "../serve/response-cache.ts";
import { parseMinutes } from "../parse/minutes.ts";
import { documentsDirFor, folderDocumentStore } from "../store/documents/folder.ts";
import { paperText } from "../ingest/paper-text.ts";
import { takingTurns } from "./serve-turns.ts";

export interface ServeConfig {
  port: number;
  host: string;
  /** --db or $DATABASE_URL, as given */
  dbUrl: string | undefined;
  seed?: string;
  site?: Site;
  log?: (line: string) => void;
  publicUrl?: string;
  workers: number;
  /** PostgreSQL connections each serving process may hold */
  poolMax: number;
  /** signed-out responses kept by each serving process (QUORUM_RESPONSE_CACHE_MB); none without */
  responseCache?: ResponseCacheSettings;
}

/** How long requests in flight may run on once a stop is asked for, before their connections are cut. */
const DRAIN_MS = 10_000;

export interface Listening {
  server: Server;
  /** the port, once listening; rejects with a one-line reason when it cannot listen */
  ready: Promise<number>;
  /** stops taking connections and resolves once the requests in flight have been answered */
  close: () => Promise<void>;
}

export function listen(db: Db, config: ServeConfig): Listening {
  const { site, log, publicUrl, port, host, responseCache } = config;
  const app = createApp({ db, site, log, publicUrl, responseCache, reparse: parseMinutes, documents: folderDocumentStore(documentsDirFor(config.dbUrl)), paperText });
  const server = serve({ fetch: takingTurns(app.fetch), port, hostname: host }) as Server;
  const ready = new Promise<number>((resolve, reject) => {
    server.once("listening", () => resolve((server.address() as AddressInfo).port));
    server.once("error", (err: NodeJS.ErrnoException) =>
      reject(new QuorumError("invalid", err.code === "EADDRINUSE" ? `port ${port} is already in use (choose another with --port)` : `cannot listen on ${host}:${port}: ${err.message}`)),
    );
  });
  const close = () =>
    new Promise<void>((resolve) => {
      if (!server.listening) return resolve();
      const cut = setTimeout(() => server.closeAllConnections(), DRAIN_MS);
      cut.unref();
      server.close(() => {
        clearTimeout(cut);
        resolve();
      });
      // keep-alive connections waiting for a next request would hold close() open
      server.closeIdleConnections();
    });
  return { server, ready, close };
}

