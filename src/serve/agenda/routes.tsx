// Agendas: the clerk's page and its writes (add and remove items and papers, publish), the public
// downloads under a meeting's address, and the agenda in the API. Each write reads top to bottom:
// validate, authorise, run (a store function in one transaction with its audit entry), present.
import type { Context, Hono } from "hono";
import { z } from "zod";
import { QuorumError } from "../../domain/errors.ts";
import { SCHEDULE_12A } from "../../domain/schedule-12a.ts";
import type { AppDeps } from "../deps.ts";
import { renderPage } from "../render.tsx";
import { respondWithProblem } from "../errors.tsx";
import { readParams, slug } from "../validate.ts";
import { can, type Action } from "../auth/policy.ts";
import { formToken } from "../auth/csrf.ts";
import type { FieldError } from "../auth/forms.tsx";
import { viewerOf } from "../viewer.ts";
import { urls } from "../urls.ts";
import { getMeetingSource } from "../../store/read/index.ts";
import type { DocumentStore } from "../../store/documents/store.ts";
import { addAgendaItem, addPaper, removeAgendaItem, removePaper } from "../../store/agenda/items.ts";
import { noticeIfPublished, publishAgenda } from "../../store/agenda/publish.ts";
import { packDownload, paperDownload, readAgenda, type AgendaView, type Download } from "../../store/agenda/read.ts";
import { AgendaAdminPage } from "./pages.tsx";
import { EditItemPage } from "./edit-page.tsx";
import { editAgendaItem, moveAgendaItem } from "../../store/agenda/edit.ts";
import { AgendaSection } from "./section.tsx";
import { agendaUrls } from "./urls.ts";
import { MEDIA_TYPES } from "../present/media-types.ts";

const bySlug = z.object({ slug });
const byItem = z.object({ slug, id: z.coerce.number().int().positive().max(2_147_483_647) });
const byDocument = z.object({ slug, doc: z.string().regex(/^(?:pack|minutes|paper-[1-9]\d{0,9}|supplement-[1-9]\d{0,3})$/, "not a document of this meeting") });

const text = (max: number) => z.string().trim().max(max, `Must be ${max} characters or fewer`);
const optional = (max: number) => text(max).transform((v) => v || null);
const paragraph = z.union([z.literal(""), z.enum(Object.keys(SCHEDULE_12A) as [string, ...string[]])]);
const itemForm = z.object({
  "item-number": text(20).pipe(z.string().min(1, "Enter the item's number").regex(/^[A-Za-z0-9][A-Za-z0-9.()/ -]*$/, "Use letters, numbers and . ( ) / - only")),
  "item-title": text(300).pipe(z.string().min(1, "Enter the item's title")),
  "item-author": optional(200),
  "item-wards": optional(300),
  "item-decision-maker": optional(200),
  "item-exempt": paragraph.default(""),
});
const paperForm = z.object({
  "paper-item": z.coerce.number({ message: "Choose the agenda item the paper is for" }).int().positive().max(2_147_483_647),
  "paper-title": text(300).pipe(z.string().min(1, "Enter the title of the paper")),
  "paper-exempt": paragraph.default(""),
});
const FORM_FIELDS = [...Object.keys(itemForm.shape), ...Object.keys(paperForm.shape), "late-reason", "change-reason"];
const editForm = itemForm.extend({ version: z.coerce.number().int().min(1), "change-reason": text(1000).default("") });
const moveForm = z.object({ version: z.coerce.number().int().min(1), direction: z.enum(["up", "down"], { message: "Choose to move the item up or down" }) });
const publishForm = z.object({ version: z.coerce.number().int().min(1), "late-reason": text(1000).default("") });

/** A DocumentStore for an app started without one: nothing can be kept, nothing found. */
const NO_DOCUMENTS: DocumentStore = {
  put: async () => {
    throw new QuorumError("internal", "No document store is configured");
  },
  get: async () => null,
  remove: async () => {},
};

/** Signed out: to sign in (303 after a POST, so the browser GETs it). Signed in but not allowed: 403. */
function refuse(c: Context, action: Action, slugValue: string): Response | undefined {
  const user = c.get("account")?.user;
  if (can(user, action, { kind: "meeting", slug: slugValue })) return undefined;
  if (!user) {
    const back = c.req.method === "GET" ? new URL(c.req.url).pathname : agendaUrls.admin(slugValue);
    return c.redirect(`/sign-in?next=${encodeURIComponent(back)}`, c.req.method === "GET" ? 302 : 303);
  }
  return respondWithProblem(c, { id: "forbidden", status: 403, message: "Your account does not give you access to agendas." });
}

/** The form's text fields (every field of these forms present, empty when not sent) and its files. */
async function formOf(c: Context): Promise<{ fields: Record<string, string>; files: Record<string, File> }> {
  const body = await c.req.parseBody();
  const fields: Record<string, string> = Object.fromEntries(FORM_FIELDS.map((f) => [f, ""]));
  const files: Record<string, File> = {};
  for (const [k, v] of Object.entries(body)) {
    if (typeof v === "string") fields[k] = v;
    else if (v instanceof File) files[k] = v;
  }
  return { fields, files };
}

function fieldErrors(error: z.ZodError): FieldError[] {
  const seen = new Set<string>();
  const out: FieldError[] = [];
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "");
    if (seen.has(field)) continue;
    seen.add(field);
    out.push({ field, message: issue.message });
  }
  return out;
}

function download(c: Context, d: Download, publicFile: boolean): Response {
  return c.body(d.bytes as Uint8Array<ArrayBuffer>, 200, {
    "content-type": d.contentType,
    "content-disposition": `attachment; filename="${d.fileName.replace(/["\\]/g, "")}"`,
    // a public file may be kept a little; anything else only by the one who fetched it
    ...(publicFile && !c.get("account") ? { "cache-control": "public, max-age=300" } : { "cache-control": "private, no-store" }),
  });
}

function presentAgenda(a: AgendaView) {
  const slugValue = a.meeting.slug;
  return {
    meeting: { id: slugValue, url: urls.meeting(slugValue) },
    publications: a.publications.map((p) => ({
      sequence: p.sequence,
      publishedAt: p.publishedAt,
      clearWorkingDays: p.clearDays,
      requiredClearWorkingDays: p.requiredDays,
      late: p.late,
      lateReason: p.lateReason,
      pack: { url: agendaUrls.pack(slugValue, p.sequence), mediaType: MEDIA_TYPES.pdf, pages: p.packPages, bytes: p.packBytes },
    })),
    items: a.items.map((i) => ({
      number: i.number,
      title: i.title,
      reportAuthor: i.reportAuthor,
      wards: i.wards,
      decisionMaker: i.decisionMaker,
      exempt: i.exempt,
      exemptParagraph: i.exemptParagraph,
      supplement: i.publicationSequence ? i.publicationSequence : null,
      changes: i.changes.map((ch) => ({ on: ch.changedOn, at: ch.changedAt, reason: ch.reason })),
      papers: i.papers.map((p) => ({
        title: p.title,
        format: p.format,
        bytes: p.byteLength,
        pages: p.pageCount,
        exempt: p.exempt,
        exemptParagraph: p.exemptParagraph,
        download: p.downloadable ? agendaUrls.paper(slugValue, p.id) : null,
        mediaType: MEDIA_TYPES[p.format],
      })),
    })),
  };
}

const byId = z.object({ id: slug });

export function registerAgenda(app: Hono, deps: AppDeps): void {
  const { db, publicUrl } = deps;
  const documents = deps.documents ?? NO_DOCUMENTS;
  const now = deps.now ?? (() => new Date());
  const actorOf = (c: Context) => {
    const user = c.get("account")!.user;
    return { userId: user.id, label: user.email };
  };

  async function show(c: Context, meetingSlug: string, errors: FieldError[] = [], values?: Record<string, string>, status: 200 | 400 | 404 | 409 | 413 | 422 = 200) {
    const agenda = await readAgenda(db, meetingSlug, viewerOf(c), { all: true });
    if (!agenda) throw new QuorumError("not_found", "Meeting not found");
    const notice = (await noticeIfPublished(db, meetingSlug, now()))!;
    return c.html(renderPage(c, <AgendaAdminPage csrf={formToken(c, publicUrl)} agenda={agenda} notice={notice} errors={errors} values={values} />), status);
  }

  /** A store refusal shown on the form, at the field it concerns; anything else goes to the one error handler. */
  function refused(c: Context, s: string, err: unknown, field: string, values?: Record<string, string>) {
    if (err instanceof QuorumError && (err.code === "invalid" || err.code === "conflict")) return show(c, s, [{ field, message: err.message }], values, err.code === "conflict" ? 409 : 422);
    throw err;
  }

  app.get("/admin/meetings/:slug/agenda", async (c) => {
    const { slug: s } = readParams(c, bySlug);
    const no = refuse(c, "agenda.manage", s);
    if (no) return no;
    return show(c, s);
  });

  app.post("/admin/meetings/:slug/agenda/items", async (c) => {
    // validate
    const { slug: s } = readParams(c, bySlug);
    const { fields } = await formOf(c);
    const parsed = itemForm.safeParse(fields);
    // authorise
    const no = refuse(c, "agenda.manage", s);
    if (no) return no;
    if (!parsed.success) return show(c, s, fieldErrors(parsed.error), fields, 400);
    // run
    const f = parsed.data;
    try {
      await addAgendaItem(db, s, { number: f["item-number"], title: f["item-title"], reportAuthor: f["item-author"], wards: f["item-wards"], decisionMaker: f["item-decision-maker"], exempt: f["item-exempt"] !== "", exemptParagraph: f["item-exempt"] || null }, actorOf(c), now());
    } catch (err) {
      return refused(c, s, err, "item-number", fields);
    }
    // present
    return c.redirect(`${agendaUrls.admin(s)}#agenda-items`, 303);
  });

  async function showItem(c: Context, meetingSlug: string, itemId: number, errors: FieldError[] = [], values?: Record<string, string>, status: 200 | 400 | 409 | 422 = 200) {
    const agenda = await readAgenda(db, meetingSlug, viewerOf(c), { all: true });
    const item = agenda?.items.find((i) => i.id === itemId);
    if (!agenda || !item) throw new QuorumError("not_found", "Agenda item not found");
    return c.html(renderPage(c, <EditItemPage csrf={formToken(c, publicUrl)} agenda={agenda} item={item} errors={errors} values={values} />), status);
  }

  app.get("/admin/meetings/:slug/agenda/items/:id", async (c) => {
    const { slug: s, id } = readParams(c, byItem);
    const no = refuse(c, "agenda.manage", s);
    if (no) return no;
    return showItem(c, s, id);
  });

  app.post("/admin/meetings/:slug/agenda/items/:id", async (c) => {
    // validate
    const { slug: s, id } = readParams(c, byItem);
    const { fields } = await formOf(c);
    const parsed = editForm.safeParse(fields);
    // authorise
    const no = refuse(c, "agenda.manage", s);
    if (no) return no;
    if (!parsed.success) return showItem(c, s, id, fieldErrors(parsed.error), fields, 400);
    // run
    const f = parsed.data;
    const input = { number: f["item-number"], title: f["item-title"], reportAuthor: f["item-author"], wards: f["item-wards"], decisionMaker: f["item-decision-maker"], exempt: f["item-exempt"] !== "", exemptParagraph: f["item-exempt"] || null };
    try {
      await editAgendaItem(db, documents, s, id, input, { version: f.version, reason: f["change-reason"] || null, readText: deps.paperText }, actorOf(c), now());
    } catch (err) {
      if (!(err instanceof QuorumError) || (err.code !== "invalid" && err.code !== "conflict")) throw err;
      const stale = /has changed since/.test(err.message);
      const field = stale ? "item-title" : /already has an item/.test(err.message) ? "item-number" : /reason/.test(err.message) ? "change-reason" : "item-exempt";
      // a stale page is shown again with the item as it now is, so the other clerk's change is seen
      return showItem(c, s, id, [{ field, message: err.message }], stale ? undefined : fields, err.code === "conflict" ? 409 : 422);
    }
    // present
    return c.redirect(`${agendaUrls.admin(s)}#agenda-item-${id}`, 303);
  });

  app.post("/admin/meetings/:slug/agenda/items/:id/move", async (c) => {
    const { slug: s, id } = readParams(c, byItem);
    const { fields } = await formOf(c);
    const parsed = moveForm.safeParse(fields);
    const no = refuse(c, "agenda.manage", s);
    if (no) return no;
    if (!parsed.success) return show(c, s, [{ field: "agenda-items", message: parsed.error.issues[0].message }], undefined, 400);
    try {
      await moveAgendaItem(db, s, id, parsed.data.direction, parsed.data.version, actorOf(c), now());
    } catch (err) {
      return refused(c, s, err, "agenda-items");
    }
    return c.redirect(`${agendaUrls.admin(s)}#agenda-item-${id}`, 303);
  });

  app.post("/admin/meetings/:slug/agenda/items/:id/remove", async (c) => {
    const { slug: s, id } = readParams(c, byItem);
    const no = refuse(c, "agenda.manage", s);
    if (no) return no;
    try {
      await removeAgendaItem(db, documents, s, id, actorOf(c), now());
    } catch (err) {
      return refused(c, s, err, "agenda-items");
    }
    return c.redirect(agendaUrls.admin(s), 303);
  });

  app.post("/admin/meetings/:slug/agenda/papers", async (c) => {
    // validate
    const { slug: s } = readParams(c, bySlug);
    const { fields, files } = await formOf(c);
    const parsed = paperForm.safeParse(fields);
    const file = files["paper-file"];
    const errors = parsed.success ? [] : fieldErrors(parsed.error);
    if (!file || file.size === 0) errors.push({ field: "paper-file", message: "Select a PDF or Word document to upload" });
    // authorise
    const no = refuse(c, "agenda.manage", s);
    if (no) return no;
    if (errors.length || !parsed.success) return show(c, s, errors, fields, 400);
    // run
    const f = parsed.data;
    try {
      await addPaper(db, documents, s, { itemId: f["paper-item"], title: f["paper-title"], fileName: file!.name, bytes: new Uint8Array(await file!.arrayBuffer()), exempt: f["paper-exempt"] !== "", exemptParagraph: f["paper-exempt"] || null }, actorOf(c), now());
    } catch (err) {
      const field = err instanceof QuorumError && /item/.test(err.message) ? "paper-item" : "paper-file";
      return refused(c, s, err, field, fields);
    }
    // present
    return c.redirect(`${agendaUrls.admin(s)}#agenda-items`, 303);
  });

  app.post("/admin/meetings/:slug/agenda/papers/:id/remove", async (c) => {
    const { slug: s, id } = readParams(c, byItem);
    const no = refuse(c, "agenda.manage", s);
    if (no) return no;
    try {
      await removePaper(db, documents, s, id, actorOf(c), now());
    } catch (err) {
      return refused(c, s, err, "agenda-items");
    }
    return c.redirect(agendaUrls.admin(s), 303);
  });

  app.post("/admin/meetings/:slug/agenda/publish", async (c) => {
    // validate
    const { slug: s } = readParams(c, bySlug);
    const { fields } = await formOf(c);
    const parsed = publishForm.safeParse(fields);
    // authorise
    const no = refuse(c, "agenda.publish", s);
    if (no) return no;
    if (!parsed.success) return show(c, s, [{ field: "late-reason", message: parsed.error.issues[0].message }], fields, 400);
    // run
    try {
      const base = publicUrl ?? "";
      await publishAgenda(db, documents, s, { version: parsed.data.version, lateReason: parsed.data["late-reason"] || null, paperUrl: (id) => base + agendaUrls.paper(s, id), readText: deps.paperText }, actorOf(c), now());
    } catch (err) {
      return refused(c, s, err, err instanceof QuorumError && err.code === "invalid" ? "late-reason" : "publish", fields);
    }
    // present: the public page, where the agenda now is
    return c.redirect(`${urls.meeting(s)}#agenda`, 303);
  });

  // public: a meeting's documents. Papers and packs from the document store through the
  // visibility rule; the minutes as imported, as their text with exempt parts withheld (the
  // original file is at /minutes/original: serve/originals/).
  app.get("/meetings/:slug/documents/:doc", async (c) => {
    const { slug: s, doc } = readParams(c, byDocument);
    const viewer = viewerOf(c);
    if (doc === "minutes") {
      const source = await getMeetingSource(db, s, viewer);
      if (!source) throw new QuorumError("not_found", "Document not found");
      const name = source.fileName.replace(/^.*[\\/]/, "").replace(/\.[^.]*$/, "").replace(/[^A-Za-z0-9._-]+/g, "-") || s;
      return c.body(source.text, 200, { "content-type": "text/plain; charset=utf-8", "content-disposition": `attachment; filename="${name}.txt"` });
    }
    if (doc.startsWith("paper-")) {
      const got = await paperDownload(db, documents, s, Number(doc.slice(6)), viewer);
      if (!got) throw new QuorumError("not_found", "Document not found");
      return download(c, got, true);
    }
    const got = await packDownload(db, documents, s, doc === "pack" ? 0 : Number(doc.slice("supplement-".length)));
    if (!got) throw new QuorumError("not_found", "Document not found");
    return download(c, got, true);
  });

  app.get("/api/v1/meetings/:id/agenda", async (c) => {
    const { id: s } = readParams(c, byId);
    const agenda = await readAgenda(db, s, viewerOf(c));
    if (!agenda) throw new QuorumError("not_found", `No meeting with id "${s}"`);
    return c.json(presentAgenda(agenda));
  });
}

/** The agenda section of a meeting's public page, as this viewer may see it; with a link to the workspace for clerks. */
export async function agendaSection(deps: AppDeps, c: Context, meetingSlug: string) {
  const agenda = await readAgenda(deps.db, meetingSlug, viewerOf(c));
  const manage = can(c.get("account")?.user, "agenda.manage", { kind: "meeting", slug: meetingSlug }) ? agendaUrls.admin(meetingSlug) : null;
  return <AgendaSection agenda={agenda} manage={manage} />;
}
