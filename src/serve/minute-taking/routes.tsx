// Taking the minutes: the clerk's sheet at /admin/meetings/{slug}/take-minutes (every save kept and
// numbered; a stale save refused), "Save as draft minutes" (the sheet's record stored as the
// meeting's draft minutes, then the lifecycle's publish and approve), and a public meeting's
// minutes as HTML and Word. Writes read validate → authorise → run → present.
import type { Context, Hono } from "hono";
import { z } from "zod";
import { QuorumError } from "../../domain/errors.ts";
import type { AppDeps } from "../deps.ts";
import { renderPage } from "../render.tsx";
import { respondWithProblem } from "../errors.tsx";
import { readParams, slug } from "../validate.ts";
import { can } from "../auth/policy.ts";
import { formToken } from "../auth/csrf.ts";
import type { FieldError } from "../auth/forms.tsx";
import { openSheet, saveAsDraftMinutes, saveSheet } from "../../store/minute-taking/sheets.ts";
import { getMeeting } from "../../store/read/index.ts";
import { emptyItem, type MinuteSheet } from "../../domain/minute-sheet.ts";
import { minutesBlocks } from "../../render/minutes/document.ts";
import { minutesDocx } from "../../render/minutes/docx.ts";
import { minutesHtml } from "../../render/minutes/html.ts";
import { lifecycleUrls } from "../lifecycle/pages.tsx";
import { draftFromSheet, publicDocument } from "./documents.ts";
import { MAX_ITEMS, readSheet, takeMinutesUrls } from "./sheet-form.ts";
import { TakeMinutesPage } from "./pages.tsx";

const bySlug = z.object({ slug });
/** What the source document of taken minutes was "parsed" by: nothing; its record was typed. */
const TAKEN_ON_SHEET = "minute-taking";

function refuse(c: Context, slugValue: string): Response | undefined {
  const user = c.get("account")?.user;
  if (can(user, "minutes.take", { kind: "meeting", slug: slugValue })) return undefined;
  if (!user) return c.redirect(`/sign-in?next=${encodeURIComponent(takeMinutesUrls.page(slugValue))}`, c.req.method === "GET" ? 302 : 303);
  return respondWithProblem(c, { id: "forbidden", status: 403, message: "Your account does not give you access to taking the minutes." });
}

const wantsJson = (c: Context) => /application\/json/.test(c.req.header("accept") ?? "");

export function registerMinuteTaking(app: Hono, deps: AppDeps): void {
  const { db, publicUrl } = deps;
  const now = deps.now ?? (() => new Date());

  async function show(c: Context, s: string, opts: { errors?: FieldError[]; sheet?: MinuteSheet; version?: number; status?: 200 | 409 | 422; saved?: boolean } = {}) {
    const open = await openSheet(db, s);
    const page = (
      <TakeMinutesPage
        csrf={formToken(c, publicUrl)}
        meeting={open.meeting}
        sheet={opts.sheet ?? open.sheet}
        version={opts.version ?? open.version}
        savedAt={open.savedAt}
        submittedAt={open.submittedAt}
        errors={opts.errors ?? []}
        saved={opts.saved ?? false}
        addedFromAgenda={opts.sheet ? [] : open.addedFromAgenda}
      />
    );
    return c.html(renderPage(c, page), opts.status ?? 200);
  }

  app.get("/admin/meetings/:slug/take-minutes", async (c) => {
    const { slug: s } = readParams(c, bySlug);
    const refused = refuse(c, s);
    if (refused) return refused;
    return show(c, s, { saved: c.req.query("saved") === "1" });
  });

  app.post("/admin/meetings/:slug/take-minutes", async (c) => {
    // validate
    const { slug: s } = readParams(c, bySlug);
    const body = await c.req.parseBody();
    const form = Object.fromEntries(Object.entries(body).filter(([, v]) => typeof v === "string")) as Record<string, string>;
    const base = Number(form.version ?? "");
    const action = form.action === "draft" ? "draft" : form.action === "add-item" ? "add-item" : "save";
    const { sheet, errors } = readSheet(form);
    if (!Number.isInteger(base) || base < 0) errors.push({ field: "version", message: "Reload the page: this form did not say which save it was made from" });
    // authorise
    const refused = refuse(c, s);
    if (refused) return refused;
    if (errors.length) {
      if (wantsJson(c)) return c.json({ error: "invalid", errors }, 422);
      return show(c, s, { errors, sheet, version: Number.isInteger(base) ? base : undefined, status: 422 });
    }
    if (action === "add-item" && sheet.items.length < MAX_ITEMS) sheet.items.push(emptyItem(String(sheet.items.length + 1)));
    // run
    const user = c.get("account")!.user;
    const actor = { userId: user.id, label: user.email };
    let version: number;
    try {
      if (action === "draft") {
        if (!sheet.items.length) {
          return show(c, s, { errors: [{ field: "item-0-title", message: "Enter at least one item before saving draft minutes" }], sheet, version: base, status: 422 });
        }
        const open = await openSheet(db, s);
        const { record, source } = await draftFromSheet(open.meeting, sheet);
        version = (await saveAsDraftMinutes(db, { slug: s, baseVersion: base, sheet, record, source, parserVersion: TAKEN_ON_SHEET }, actor, now())).version;
      } else {
        version = await saveSheet(db, s, base, sheet, actor, now());
      }
    } catch (err) {
      if (err instanceof QuorumError && err.code === "conflict") {
        if (wantsJson(c)) return c.json({ error: "conflict", message: err.message }, 409);
        // the sheet as typed stays on the page, so nothing is lost; the number is the one it was made from
        return show(c, s, { errors: [{ field: "version", message: err.message }], sheet, version: base, status: 409 });
      }
      throw err;
    }
    // present
    if (wantsJson(c)) return c.json({ version });
    if (action === "draft") return c.redirect(lifecycleUrls.page(s), 303);
    return c.redirect(`${takeMinutesUrls.page(s)}?saved=1${action === "add-item" ? `#item-${sheet.items.length - 1}` : ""}`, 303);
  });

  // public: a meeting's minutes as a document, through the visibility rule (a listed meeting's draft minutes are not public: no minutes, no document)
  for (const format of ["html", "docx"] as const) {
    app.get(`/meetings/:slug/minutes.${format}`, async (c) => {
      const { slug: s } = readParams(c, bySlug);
      const m = await getMeeting(db, s);
      if (!m) throw new QuorumError("not_found", "Meeting not found");
      if (!m.hasMinutes) throw new QuorumError("not_found", "Minutes not found");
      const blocks = minutesBlocks(publicDocument(m));
      const title = `Minutes: ${m.body.name}, ${m.date}`;
      if (format === "html") return c.html(minutesHtml(blocks, title));
      const bytes = await minutesDocx(blocks, title);
      return c.body(new Uint8Array(bytes), 200, {
        "content-type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "content-disposition": `attachment; filename="${s}-minutes.docx"`,
      });
    });
  }
}
