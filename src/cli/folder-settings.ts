// A folder of minutes can say which council it belongs to, in a `quorum.json` beside the documents
// (or in a parent folder up to the one named on the command line): {"authority": "…", "timeZone": "…"}.
// An archive usually holds one council's minutes, and documents often name it inconsistently or not
// at all, so the folder's word is taken over the parser's. `"import": "review"` queues the folder's
// documents for a clerk to publish instead of publishing them at once.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { z } from "zod";
import { QuorumError } from "../domain/errors.ts";

export const SETTINGS_FILE = "quorum.json";

const Settings = z
  .object({
    authority: z.string().trim().min(1).max(200).optional(),
    timeZone: z.string().trim().min(1).optional(),
    /** "review" queues this folder's documents at /admin/imports; "publish" (the default) publishes at once */
    import: z.enum(["publish", "review"]).optional(),
  })
  .strict();
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
