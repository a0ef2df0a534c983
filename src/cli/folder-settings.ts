// A folder of minutes can say which council it belongs to, in a `quorum.json` beside the documents
// (or in a parent folder up to the one named on the command line): {"authority": "…", "timeZone": "…"}.
// An archive usually holds one council's minutes, and documents often name it inconsistently or not
// at all, so the folder's word is taken over the parser's. `"import": "review"` queues the folder's
// documents for a clerk to publish instead of publishing them at once. `"licence"` (with
// `"authority"`) is the licence the council publishes its data under: an identifier such as
// "OGL-UK-3.0" or "CC-BY-4.0", or {"name": …, "url": …} (docs/SETTINGS.md).
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { z } from "zod";
import { QuorumError } from "../domain/errors.ts";
import type { Db } from "../store/db.ts";
import { KNOWN_LICENCES, setAuthorityLicence, type Licence } from "../store/opendata/licence.ts";

export const SETTINGS_FILE = "quorum.json";

const Settings = z
  .object({
    authority: z.string().trim().min(1).max(200).optional(),
    timeZone: z.string().trim().min(1).optional(),
    /** "review" queues this folder's documents at /admin/imports; "publish" (the default) publishes at once */
    import: z.enum(["publish", "review"]).optional(),
    licence: z
      .union([
        z.string().refine((id) => Object.hasOwn(KNOWN_LICENCES, id), { message: `a licence identifier (${Object.keys(KNOWN_LICENCES).join(", ")}) or {"name", "url"}` }),
        z.strictObject({ name: z.string().trim().min(1).max(200), url: z.url({ protocol: /^https?$/ }).max(500) }),
      ])
      .optional(),
  })
  .strict()
  .refine((s) => !s.licence || s.authority, { message: "a licence needs the council it belongs to: give \"authority\" beside it", path: ["licence"] });
export type FolderSettings = z.infer<typeof Settings>;

export function folderSettingsReader(): (file: string, roots: string[]) => FolderSettings {
  const cache = new Map<string, FolderSettings | null>();
  const read = (dir: string): FolderSettings | null => {
    if (cache.has(dir)) return cache.get(dir)!;
    const path = join(dir, SETTINGS_FILE);
    let settings: FolderSettings | null = null;
    if (existsSync(path)) {
      let json: unknown;
      try {
        json = JSON.parse(readFileSync(path, "utf8"));
      } catch {
        throw new QuorumError("invalid", `${path}: not valid JSON`);
      }
      const parsed = Settings.safeParse(json);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new QuorumError("invalid", `${path}: ${issue.path.join(".") || "settings"}: ${issue.message}`);
      }
      settings = parsed.data;
    }
    cache.set(dir, settings);
    return settings;
  };
  return (file, roots) => {
    const abs = resolve(file);
    const root = roots.map((r) => resolve(r)).find((r) => abs === r || !relative(r, abs).startsWith(".."));
    let dir = dirname(abs);
    for (;;) {
      const found = read(dir);
      if (found) return found;
      if (!root || dir === root || dir === dirname(dir) || relative(root, dir).startsWith("..")) return {};
      dir = dirname(dir);
    }
  };
}

/** The licence a folder's settings give its council, or null when they name none. */
export function folderLicence(settings: FolderSettings): Licence | null {
  if (!settings.licence) return null;
  return typeof settings.licence === "string" ? KNOWN_LICENCES[settings.licence] : settings.licence;
}

/**
 * Collects the licences the folders of an import name and sets them on their councils once the
 * documents are stored (a council is created by its first document).
 */
export function licenceCollector() {
  const seen = new Map<string, Licence>();
  return {
    add(settings: FolderSettings): void {
      const licence = folderLicence(settings);
      if (licence && settings.authority) seen.set(settings.authority, licence);
    },
    async apply(db: Db): Promise<void> {
      for (const [authority, licence] of seen) await setAuthorityLicence(db, authority, licence);
    },
  };
}
