// /api/v1/export: the catalogue of open datasets, each JSON dataset a page at a time (`next` is the
// following page, with its cursor), each CSV file streamed whole, a page of meetings at a time.
// Everything is the public's, whoever asks: an export is a public surface, read on the council's
// date as the pages are, so an exempt item released by then is exported.
import type { Context, Hono } from "hono";
import { z } from "zod";
import type { AppDeps } from "../deps.ts";
import { cursor, limit, readQuery } from "../validate.ts";
import { authorityLicences } from "../../store/opendata/licence.ts";
import { DATASETS, exportContext, pages, type CsvDataset, type Dataset, type JsonDataset } from "./datasets.ts";
import { csvHeader } from "./csv.ts";
import { baseUrl } from "./oparl-routes.ts";
import { OPARL_PREFIX } from "./oparl.ts";
import { viewerOf } from "../viewer.ts";

export const EXPORT_PREFIX = "/api/v1/export";

export function exportPath(d: Dataset): string {
  return d.kind === "csv" ? `${EXPORT_PREFIX}/csv/${d.name}.csv` : `${EXPORT_PREFIX}/${d.format}/${d.name}`;
}

function nextLink(c: Context, lim: number, next: string | null): string | null {
  if (!next) return null;
  const u = new URL(c.req.url);
  u.searchParams.set("limit", String(lim));
  u.searchParams.set("cursor", next);
  return u.pathname + u.search;
}

export function registerExport(app: Hono, deps: AppDeps): void {
  const { db } = deps;

  app.get(EXPORT_PREFIX, async (c) =>
    c.json({
      licences: (await authorityLicences(db)).map((l) => ({ council: { id: l.slug, name: l.authority }, name: l.name, url: l.url })),
      oparl: OPARL_PREFIX,
      datasets: DATASETS.map((d) => ({ format: d.format, name: d.name, description: d.what, url: exportPath(d), mediaType: d.kind === "csv" ? "text/csv" : "application/json" })),
    }),
  );

  for (const d of DATASETS) {
    if (d.kind === "json") registerJson(app, deps, d);
    else registerCsv(app, deps, d);
  }
}

function registerJson(app: Hono, deps: AppDeps, d: JsonDataset) {
  // made once per dataset, not per request
  const query = z.object({ limit: limit(d.limits.max, d.limits.dflt), cursor });
  app.get(exportPath(d), async (c) => {
    const q = readQuery(c, query);
    const x = await exportContext(deps.db, baseUrl(c, deps.publicUrl), viewerOf(c).today);
    const page = await d.page(x, { limit: q.limit, ...(q.cursor ? { cursor: q.cursor } : {}) });
    return c.json({ data: page.data, limit: q.limit, next: nextLink(c, q.limit, page.next) });
  });
}

const noQuery = z.object({});

function registerCsv(app: Hono, deps: AppDeps, d: CsvDataset) {
  app.get(exportPath(d), async (c) => {
    readQuery(c, noQuery);
    const x = await exportContext(deps.db, baseUrl(c, deps.publicUrl), viewerOf(c).today);
    const encoder = new TextEncoder();
    const rows = pages((p) => d.page(x, p), d.limits.dflt);
    let headed = false;
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (!headed) {
          headed = true;
          controller.enqueue(encoder.encode(csvHeader(d.name)));
          return;
        }
        try {
          const next = await rows.next();
          if (next.done) controller.close();
          else controller.enqueue(encoder.encode(next.value.join("")));
        } catch (err) {
          controller.error(err);
        }
      },
      async cancel() {
        await rows.return(undefined);
      },
    });
    // through the context, so the headers set for a signed-in viewer (private, no-store) are kept
    return c.body(body, 200, { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${d.name}.csv"` });
  });
}
