// Reading a settings file (quorum serve --settings FILE, or QUORUM_SETTINGS): JSON, checked by
// the schema in settings.ts, with the logo and statement files read once here. Every problem is
// one line naming the file and the field, so `quorum serve` stops before serving a broken site.
import { readFileSync, statSync } from "node:fs";
import { dirname, extname, resolve } from "node:path";
import { z } from "zod";
import { QuorumError } from "../../domain/errors.ts";
import { contrastProblems, DEFAULT_COLOURS, DEFAULT_SITE, settingsFileSchema, type Site, type SiteLogo } from "./settings.ts";

const LOGO_TYPES: Record<string, string> = {
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
};
const MAX_LOGO_BYTES = 1024 * 1024;
const MAX_STATEMENT_BYTES = 200 * 1024;

function fail(file: string, field: string, message: string): never {
  throw new QuorumError("invalid", `settings file ${file}: ${field ? `${field}: ` : ""}${message}`);
}

function firstIssue(err: z.ZodError): { field: string; message: string } {
  const issue = err.issues[0];
  if (issue.code === "unrecognized_keys") {
    return { field: [...issue.path, issue.keys[0]].join("."), message: "is not a setting (see docs/SETTINGS.md)" };
  }
  if (issue.code === "invalid_type" && issue.input === undefined) return { field: issue.path.join("."), message: "is required" };
  return { field: issue.path.join("."), message: issue.message };
}

function readNear(settingsFile: string, field: string, relative: string, maxBytes: number): Buffer {
  const path = resolve(dirname(settingsFile), relative);
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) fail(settingsFile, field, `"${relative}" is not a file`);
    size = st.size;
  } catch (err) {
    if (err instanceof QuorumError) throw err;
    fail(settingsFile, field, `cannot read "${relative}" (${(err as NodeJS.ErrnoException).code ?? "error"})`);
  }
  if (size > maxBytes) fail(settingsFile, field, `"${relative}" is larger than ${Math.round(maxBytes / 1024)} KB`);
  return readFileSync(path);
}

/** Reads and checks a settings file; throws a one-line QuorumError naming the file and field. */
export function loadSiteSettings(file: string): Site {
  let raw: string;
  try {
    raw = readFileSync(file, "utf8");
  } catch (err) {
    fail(file, "", `cannot be read (${(err as NodeJS.ErrnoException).code ?? "error"})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (err) {
    fail(file, "", `is not valid JSON (${(err as Error).message.split("\n")[0]})`);
  }
  const parsed = settingsFileSchema.safeParse(json);
  if (!parsed.success) {
    const { field, message } = firstIssue(parsed.error);
    fail(file, field, message);
  }
  const s = parsed.data;

  const colours = { ...DEFAULT_COLOURS, ...s.colours };
  const problem = contrastProblems(colours)[0];
  if (problem) fail(file, problem.field, problem.message);

  let logo: SiteLogo | null = null;
  if (s.logo?.file) {
    const ext = extname(s.logo.file).toLowerCase();
    const type = LOGO_TYPES[ext];
    if (!type) fail(file, "logo.file", `must be one of ${Object.keys(LOGO_TYPES).join(" ")}, not "${s.logo.file}"`);
    const bytes = readNear(file, "logo.file", s.logo.file, MAX_LOGO_BYTES);
    logo = { src: `/site-logo${ext}`, alt: s.logo.alt, file: { bytes, type } };
  } else if (s.logo?.url) {
    logo = { src: s.logo.url, alt: s.logo.alt };
  }

  let statement: string | null = null;
  if (s.accessibilityStatement?.file) {
    const bytes = readNear(file, "accessibilityStatement.file", s.accessibilityStatement.file, MAX_STATEMENT_BYTES);
    statement = bytes.toString("utf8").trim();
    if (!statement) fail(file, "accessibilityStatement.file", `"${s.accessibilityStatement.file}" is empty`);
  } else if (s.accessibilityStatement?.text) {
    statement = s.accessibilityStatement.text;
  }

  return {
    name: s.name,
    tagline: s.tagline ?? DEFAULT_SITE.tagline,
    logo,
    colours,
    footerLinks: s.footerLinks ?? [],
    contact: s.contact ?? {},
    accessibilityStatement: statement,
    licence: s.licence ?? DEFAULT_SITE.licence,
    custom: true,
  };
}
