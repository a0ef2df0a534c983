// Correcting a stored meeting, draft or published: /admin/meetings/{slug}/correct lists every field
// (conflicts with a re-import first) and links to one form per part of the record. Each route reads
// top to bottom: validate, authorise, run, present.
import type { Context, Hono } from "hono";
import type { AppDeps } from "../deps.ts";
import { renderPage } from "../render.tsx";
import { formToken } from "../auth/csrf.ts";
import { refuse } from "../admin/routes.tsx";
import type { FieldError } from "../auth/forms.tsx";
import { QuorumError } from "../../domain/errors.ts";
import { completeRecord } from "../../store/corrections/overlay.ts";
import { meetingsToCorrect, meetingToCorrect, peopleOf, type MeetingToCorrect } from "../../store/corrections/meeting.ts";
import { readQuery, page as pageNumber } from "../validate.ts";
import { z } from "zod";
import { listCorrections, resolveConflict, saveCorrections, type Actor } from "../../store/corrections/corrections.ts";
import { fieldsOf, formValues, hasElement, readForm, type FormKind } from "./fields.ts";
import { CorrectFormPage, CorrectOverviewPage, MeetingsPage, MEETINGS_PAGE_SIZE } from "./pages.tsx";
import { correctUrl } from "./urls.ts";
import type { AuditEntry } from "../../store/audit.ts";

const RESOURCE = { kind: "meeting" } as const;

const FORMS: { kind: FormKind; path: string; heading: (m: MeetingToCorrect, at: number[]) => string }[] = [
  { kind: "header", path: "/header", heading: () => "Correct the meeting details" },
  { kind: "attendance", path: "/attendance/:i", heading: (m, at) => `Correct the attendance of ${m.corrected.attendance[at[0]].name}` },
  { kind: "items", path: "/items/:i", heading: (m, at) => `Correct item ${m.corrected.items[at[0]].number}` },
  { kind: "decisions", path: "/items/:i/decisions/:j", heading: (m, at) => `Correct decision ${at[1] + 1} of item ${m.corrected.items[at[0]].number}` },
  { kind: "declarations", path: "/declarations/:i", heading: (m, at) => `Correct the declaration by ${m.corrected.declarations![at[0]].name}` },
  { kind: "recommendations", path: "/recommendations/:i", heading: (m, at) => `Correct recommendation ${m.corrected.recommendations[at[0]].number}` },
];

function slugParam(c: Context): string {
  const slug = c.req.param("slug") ?? "";
  if (!/^[a-z0-9-]{1,200}$/.test(slug)) throw new QuorumError("not_found", "There is no such meeting.");
  return slug;
}

function indexParams(c: Context): number[] {
  return ["i", "j"].flatMap((k) => {
    const v = c.req.param(k);
    if (v === undefined) return [];
    if (!/^\d{1,5}$/.test(v)) throw new QuorumError("not_found", "There is no such part of this meeting.");
    return [Number(v)];
  });
}

function versionOf(body: Record<string, unknown>): number {
  const v = body.version;
  if (typeof v !== "string" || !/^\d{1,9}$/.test(v)) throw new QuorumError("invalid", "The form was incomplete. Go back, reload the page and try again.");
  return Number(v);
}

function actorOf(c: Context): Actor {
  const user = c.get("account")!.user;
  return { userId: user.id, label: user.email };
}

const pageOnly = z.object({ page: pageNumber });

export function registerCorrections(app: Hono, deps: AppDeps): void {
  const { db, publicUrl, reparse } = deps;
  const now = deps.now ?? (() => new Date());
  const base = "/admin/meetings/:slug/correct";

  async function load(slug: string): Promise<MeetingToCorrect> {
    const m = await meetingToCorrect(db, slug, reparse);
    if (!m) throw new QuorumError("not_found", "There is no such meeting.");
    return m;
  }

  async function overview(c: Context, m: MeetingToCorrect, extra: { errors?: FieldError[]; stale?: AuditEntry[] } = {}, status: 200 | 409 | 422 = 200) {
    const corrections = await listCorrections(db, m.slug);
    return c.html(renderPage(c, <CorrectOverviewPage m={m} corrections={corrections} csrf={formToken(c, publicUrl)} saved={c.req.query("saved") === "1"} errors={extra.errors ?? []} stale={extra.stale} />), status);
  }

  app.get("/admin/meetings", async (c) => {
    const q = readQuery(c, pageOnly);
    const refused = refuse(c, "meeting.correct", RESOURCE);
    if (refused) return refused;
    const { meetings, total } = await meetingsToCorrect(db, MEETINGS_PAGE_SIZE, (q.page - 1) * MEETINGS_PAGE_SIZE);
    return c.html(renderPage(c, <MeetingsPage meetings={meetings} total={total} page={q.page} base={new URL(c.req.url)} />));
  });

  app.get(base, async (c) => {
    const slug = slugParam(c);
    const refused = refuse(c, "meeting.correct", RESOURCE);
    if (refused) return refused;
    return overview(c, await load(slug));
  });

  for (const form of FORMS) {
    const path = base + form.path;

    async function page(c: Context, m: MeetingToCorrect, at: number[], state: { values?: Record<string, string>; reason?: string; errors?: FieldError[]; stale?: AuditEntry[] }, status: 200 | 409 | 422) {
      const fields = fieldsOf(form.kind, form.kind === "attendance" ? (await peopleOf(db, m.authorityId)).map((p) => ({ value: p.slug, text: p.name })) : []);
      const action = new URL(c.req.url).pathname;
      return c.html(
        renderPage(
          c,
          <CorrectFormPage
            m={m}
            kind={form.kind}
            heading={form.heading(m, at)}
            action={action}
            fields={fields}
            values={state.values ?? formValues(m.corrected, form.kind, at, fields)}
            parsed={formValues(completeRecord(m.parsed), form.kind, at, fields)}
            reason={state.reason ?? ""}
            errors={state.errors ?? []}
            csrf={formToken(c, publicUrl)}
            version={m.version}
            stale={state.stale}
          />,
        ),
        status,
      );
    }

    app.get(path, async (c) => {
      const slug = slugParam(c);
      const at = indexParams(c);
      const refused = refuse(c, "meeting.correct", RESOURCE);
      if (refused) return refused;
      const m = await load(slug);
      if (!hasElement(m.corrected, form.kind, at)) throw new QuorumError("not_found", "There is no such part of this meeting.");
      return page(c, m, at, {}, 200);
    });

    app.post(path, async (c) => {
      // validate
      const slug = slugParam(c);
      const at = indexParams(c);
      const body = await c.req.parseBody();
      // authorise
      const refused = refuse(c, "meeting.correct", RESOURCE);
      if (refused) return refused;
      const m = await load(slug);
      if (!hasElement(m.corrected, form.kind, at)) throw new QuorumError("not_found", "There is no such part of this meeting.");
      const version = versionOf(body);
      const people = form.kind === "attendance" ? (await peopleOf(db, m.authorityId)).map((p) => ({ value: p.slug, text: p.name })) : [];
      const { errors, values, changes } = readForm(form.kind, at, fieldsOf(form.kind, people), body);
      const reason = typeof body.reason === "string" ? body.reason.slice(0, 2000) : "";
      if (errors.length) return page(c, m, at, { values, reason, errors }, 422);
      // run
      const result = await saveCorrections(db, { slug, expectedVersion: version, changes, reason, actor: actorOf(c), now: now(), reparse });
      // present
      if (result.status === "reason_required") return page(c, m, at, { values, reason, errors: [{ field: "reason", message: "Enter the reason for correcting approved minutes" }] }, 422);
      if (result.status === "stale") return page(c, await load(slug), at, { reason, stale: result.changes }, 409);
      return c.redirect(`${correctUrl(slug)}?saved=1`, 303);
    });
  }

  app.post(`${base}/conflicts/:id`, async (c) => {
    // validate
    const slug = slugParam(c);
    const id = c.req.param("id");
    if (!/^\d{1,9}$/.test(id)) throw new QuorumError("not_found", "There is no such correction.");
    const body = await c.req.parseBody();
    // authorise
    const refused = refuse(c, "meeting.correct", RESOURCE);
    if (refused) return refused;
    const choice = body.choice;
    if (choice !== "keep" && choice !== "take") return overview(c, await load(slug), { errors: [{ field: "conflicts", message: "Choose whether to keep the correction or take the new reading" }] }, 422);
    const version = versionOf(body);
    // run
    const result = await resolveConflict(db, { slug, correctionId: Number(id), choice, expectedVersion: version, actor: actorOf(c), now: now(), reparse });
    // present
    if (result.status === "stale") return overview(c, await load(slug), { stale: result.changes }, 409);
    return c.redirect(`${correctUrl(slug)}?saved=1`, 303);
  });
}
