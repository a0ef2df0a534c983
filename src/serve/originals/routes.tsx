// A meeting's original minutes document, as imported (PDF, Word, HTML…), downloaded from its
// meeting when the visibility rule allows (isOriginalShown: public minutes, the current version
// only, exempt business released or the viewer entitled). Always an attachment, never sniffed, and
// with a policy that lets an HTML original run nothing should a browser open it anyway.
import type { Context, Hono } from "hono";
import { z } from "zod";
import { QuorumError } from "../../domain/errors.ts";
import type { AppDeps } from "../deps.ts";
import { readParams, slug } from "../validate.ts";
import { viewerOf } from "../viewer.ts";
import { urls } from "../urls.ts";
import { fileSize } from "../agenda/section.tsx";
import { meetingOriginal, originalDownload, type OriginalView } from "../../store/read/originals.ts";
import { ORIGINAL_LABELS } from "../../store/documents/originals.ts";

/** The headers of every original: a download, of the type it was imported as, that runs nothing. */
export const ORIGINAL_HEADERS = {
  "x-content-type-options": "nosniff",
  "content-security-policy": "default-src 'none'; sandbox; frame-ancestors 'none'",
};

const bySlug = z.object({ slug });

export function registerOriginals(app: Hono, deps: AppDeps): void {
  const { db } = deps;
  app.get("/meetings/:slug/minutes/original", async (c) => {
    const { slug: s } = readParams(c, bySlug);
    const got = deps.documents ? await originalDownload(db, deps.documents, s, viewerOf(c)) : null;
    if (!got) throw new QuorumError("not_found", "Document not found");
    return c.body(got.bytes as Uint8Array<ArrayBuffer>, 200, {
      ...ORIGINAL_HEADERS,
      "content-type": got.original.mediaType,
      "content-disposition": `attachment; filename="${got.original.fileName.replace(/[^A-Za-z0-9._-]/g, "")}"`,
      // the public's copy may be kept a little; a signed-in viewer's (perhaps exempt) only by them
      "cache-control": c.get("account") ? "private, no-store" : "public, max-age=300",
    });
  });
}

/** The original a viewer may download from a meeting's page or record; null when none. */
export function originalFor(deps: AppDeps, c: Context, meetingSlug: string): Promise<OriginalView | null> {
  return deps.documents ? meetingOriginal(deps.db, meetingSlug, viewerOf(c)) : Promise.resolve(null);
}

/** The original in the API's meeting record. */
export function presentOriginal(meetingSlug: string, o: OriginalView | null) {
  return o ? { url: urls.minutesOriginal(meetingSlug), mediaType: o.mediaType, bytes: o.byteLength } : null;
}

/** The link on the meeting page: "Original minutes document (PDF, 312 KB)". */
export function OriginalLink({ slug: s, title, original }: { slug: string; title: string; original: OriginalView }) {
  return (
    <li>
      <a class="govuk-link" href={urls.minutesOriginal(s)} download>
        Original minutes document<span class="govuk-visually-hidden"> of {title}</span>
      </a>{" "}
      <span class="qm-count">
        ({ORIGINAL_LABELS[original.format]}, {fileSize(original.byteLength)})
      </span>
    </li>
  );
}
