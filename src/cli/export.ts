// `quorum export --format ocd|oparl|csv --out DIR`: the open datasets written as files, one per
// dataset (JSON Lines for OCD and OParl, one object a line; CSV for the bulk files), with the
// councils' licences in licence.json. Each file is written a page at a time, waiting for the disk
// when it falls behind, so memory stays bounded however large the archive. Only public records:
// the same reads and presenters as /api/v1/export and /oparl/v1.
import { createWriteStream, type WriteStream } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { once } from "node:events";
import { join } from "node:path";
import type { Command } from "commander";
import { QuorumError } from "../domain/errors.ts";
import { openStore } from "../store/db.ts";
import { authorityLicences } from "../store/opendata/licence.ts";
import { councilToday } from "../store/exempt/access.ts";
import { parsePublicUrl } from "../serve/urls.ts";
import { datasetsOf, EXPORT_FORMATS, exportContext, fileOf, pages, type ExportFormat } from "../serve/opendata/datasets.ts";
import { csvHeader } from "../serve/opendata/csv.ts";
import { oparlSystem, oparlUrls } from "../serve/opendata/oparl.ts";
import { DEFAULT_SITE } from "../serve/site/settings.ts";

interface ExportOptions {
  format: string;
  out: string;
  db?: string;
  publicUrl?: string;
}

async function write(out: WriteStream, text: string): Promise<void> {
  if (!out.write(text)) await once(out, "drain");
}

async function close(out: WriteStream): Promise<void> {
  out.end();
  await once(out, "finish");
}

export function registerExport(program: Command): void {
  program
    .command("export")
    .description("write the public records as open data files: Open Civic Data JSON, OParl 1.1 JSON or CSV")
    .requiredOption("--format <format>", "ocd, oparl or csv")
    .requiredOption("--out <dir>", "the folder to write to (made if missing)")
    .option("--db <url>", "database: postgres://…, sqlite:PATH or a file path (default: $DATABASE_URL or ./data/quorum.db)")
    .option("--public-url <url>", "the site's public address, for links and OParl ids (default $PUBLIC_URL; OParl needs one)")
    .action(async (opts: ExportOptions) => {
      if (!EXPORT_FORMATS.includes(opts.format as ExportFormat)) throw new QuorumError("invalid", `--format must be one of ${EXPORT_FORMATS.join(", ")}, not "${opts.format}"`);
      const format = opts.format as ExportFormat;
      const raw = opts.publicUrl ?? process.env.PUBLIC_URL;
      const base = raw ? parsePublicUrl(raw, opts.publicUrl ? "--public-url" : "PUBLIC_URL") : "";
      if (format === "oparl" && !base) throw new QuorumError("invalid", "OParl ids are absolute URLs: give the site's address with --public-url (or $PUBLIC_URL)");
      await mkdir(opts.out, { recursive: true });
      const db = await openStore(opts.db ?? process.env.DATABASE_URL);
      const written: string[] = [];
      try {
        // the council's date, as the portal's pages judge release dates
        const x = await exportContext(db, base, await councilToday(db, new Date()));
        const licences = await authorityLicences(db);
        await writeFile(join(opts.out, "licence.json"), JSON.stringify({ licences: licences.map((l) => ({ council: l.authority, name: l.name, url: l.url })) }, null, 2) + "\n");
        if (format === "oparl") {
          await writeFile(join(opts.out, "system.json"), JSON.stringify(oparlSystem(oparlUrls(base), { name: DEFAULT_SITE.name, licence: DEFAULT_SITE.licence }), null, 2) + "\n");
        }
        for (const d of datasetsOf(format)) {
          const file = fileOf(d);
          const out = createWriteStream(join(opts.out, file));
          let n = 0;
          try {
            if (d.kind === "csv") {
              await write(out, csvHeader(d.name));
              for await (const lines of pages((p) => d.page(x, p), d.limits.max)) {
                if (lines.length) await write(out, lines.join(""));
                n += lines.length;
              }
            } else {
              for await (const records of pages((p) => d.page(x, p), d.limits.max)) {
                if (records.length) await write(out, records.map((r) => JSON.stringify(r) + "\n").join(""));
                n += records.length;
              }
            }
          } finally {
            await close(out);
          }
          written.push(`${file} ${n}`);
        }
      } finally {
        await db.destroy();
      }
      process.stdout.write(`wrote ${opts.out}: ${written.join(", ")}\n`);
    });
}
