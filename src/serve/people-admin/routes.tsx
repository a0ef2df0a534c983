// Editing people, committees and memberships after publishing (clerks and admins). Each write
// reads top to bottom: validate the form, authorise, run one store function (which writes its
// audit entry in the same transaction), present: a 303 to the page showing the result, or the
// form again with its errors (400 for the form, 409 for a stale version, 422 for what the store
// refused).
import type { Context, Hono } from "hono";
import type { Child } from "hono/jsx";
import { z } from "zod";
import type { AppDeps } from "../deps.ts";
import { renderPage } from "../render.tsx";
import { isoDate, readParams, readQuery, slug } from "../validate.ts";
import { refuse } from "../admin/routes.tsx";
import { formToken } from "../auth/csrf.ts";
import type { FieldError } from "../auth/forms.tsx";
import { QuorumError } from "../../domain/errors.ts";
import { readAudit } from "../../store/audit.ts";
import { BODY_KINDS, PERSON_KINDS } from "../../store/schema.ts";
import { fieldsOf, editPerson, StaleVersion, type Actor } from "../../store/people/edit.ts";
import { mergePeople, splitPerson } from "../../store/people/merge.ts";
import { addMembership, editMembership, endMembership, MEMBERSHIP_ROLES } from "../../store/people/memberships.ts";
import { bodyRow, editBody } from "../../store/people/bodies.ts";
import { findPeople, listBodiesForEdit, mergeCandidates, personForEdit } from "../../store/people/admin-read.ts";
import type { PersonFields } from "../../store/people/decisions.ts";
import { MembershipPage, MergePage, PeopleListPage, PersonEditPage, personUrl, SplitPage } from "./person-pages.tsx";
import { CommitteeEditPage, CommitteesListPage, committeeUrl } from "./committee-pages.tsx";

/** The write routes here, for the app's one rule that the site otherwise only reads. */
export const PEOPLE_ADMIN_POSTS = /^\/admin\/(people\/[^/]+(\/(merge|split|memberships(\/\d+(\/end)?)?))?|committees\/[^/]+)$/;

const version = z.coerce.number({ message: "The form is missing its version; reload the page" }).int().min(1);
const optional = (max: number) => z.string().trim().max(max, `Must be ${max} characters or fewer`).transform((s) => s || null);
const personForm = z.object({
  version,
  displayName: z.string().trim().min(1, "Enter the name as shown").max(120, "Name must be 120 characters or fewer"),
  honorific: optional(40),
  forenames: optional(120),
  initials: optional(12),
  surname: z.string().trim().min(1, "Enter a surname").max(80, "Surname must be 80 characters or fewer"),
  kind: z.enum(PERSON_KINDS, { message: "Choose member, officer or other" }),
  party: optional(120),
  ward: optional(120),
});
const dateField = z
  .string()
  .trim()
  .transform((s) => s || null)
  .pipe(isoDate.nullable());
const membershipForm = z.object({ version, role: z.enum(MEMBERSHIP_ROLES, { message: "Choose a role" }), from: dateField, to: dateField });
const bodyForm = z.object({ version, name: z.string().trim().min(1, "Enter the committee's name").max(200, "Name must be 200 characters or fewer"), kind: z.enum(BODY_KINDS, { message: "Choose a kind of committee" }) });
const bySlug = z.object({ slug });
const byMembership = z.object({ slug, id: z.coerce.number().int().min(1) });

type Form = Record<string, string | string[]>;

async function readForm(c: Context): Promise<Form> {
  const body = await c.req.parseBody({ all: true });
  const out: Form = {};
  for (const [k, v] of Object.entries(body)) out[k] = Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : typeof v === "string" ? v : "";
  return out;
}

const one = (f: Form, k: string) => (typeof f[k] === "string" ? (f[k] as string) : "");

/** zod's complaints as form errors, each linked to its field. */
function fieldErrors(err: z.ZodError): FieldError[] {
  return err.issues.map((i) => ({ field: String(i.path[0] ?? "version"), message: i.message.includes("date") || i.message.includes("calendar") ? `Enter a real date, for example 2024-05-21 (${i.message})` : i.message }));
}

function actorOf(c: Context): Actor {
  const user = c.get("account")!.user;
  return { userId: user.id, label: user.email };
}

async function latestChange(deps: AppDeps, err: StaleVersion) {
  return (await readAudit(deps.db, { recordKind: err.recordKind, recordId: err.recordId, limit: 1 })).entries[0] ?? null;
}

const STALE: FieldError = { field: "conflict", message: "Someone else changed this record after you opened the form. Check their change below, then save again." };

const searchQuery = z.object({ q: z.string().max(100).optional() });
const doneQuery = z.object({ done: z.enum(["saved", "merged", "split", "membership"]).optional() });
const mergeForm = z.object({ version, into: slug.or(z.literal("")).refine((x) => x !== "", "Choose the person to keep") });
const splitForm = z.object({ version, rows: z.array(z.coerce.number().int().min(1)).max(10_000).min(1, "Choose the meetings that belong to someone else") });
const endForm = z.object({ version, on: z.string().trim().min(1, "Enter the last day of the membership").pipe(isoDate) });
const savedQuery = z.object({ done: z.literal("saved").optional() });

const newMembershipForm = membershipForm.extend({ body: z.string().min(1, "Choose a committee").pipe(slug) });

export function registerPeopleAdmin(app: Hono, deps: AppDeps): void {
  const { db, publicUrl } = deps;
  const now = deps.now ?? (() => new Date());
  const html = (c: Context, page: Child, status: 200 | 400 | 409 | 422 = 200) => c.html(renderPage(c, page), status);

  app.get("/admin/people", async (c) => {
    const q = readQuery(c, searchQuery);
    const refused = refuse(c, "people.edit", { kind: "person" });
    if (refused) return refused;
    const { rows, total } = await findPeople(db, q.q, 200, 0);
    return html(c, <PeopleListPage q={q.q} rows={rows} total={total} />);
  });

  // --- a person's details ---

  const personPage = async (c: Context, s: string, extra: { values?: PersonFields; errors?: FieldError[]; conflict?: Awaited<ReturnType<typeof latestChange>>; done?: string; membership?: Record<string, string> } = {}) => {
    const data = await personForEdit(db, s);
    return <PersonEditPage csrf={formToken(c, publicUrl)} data={data} values={extra.values ?? fieldsOf(data.person)} version={data.person.version} errors={extra.errors ?? []} conflict={extra.conflict} done={extra.done} membership={extra.membership} />;
  };
  const DONE: Record<string, string> = { saved: "Details saved", merged: "People merged", split: "Person split in two; this is the new person", membership: "Membership saved" };

  app.get("/admin/people/:slug", async (c) => {
    const { slug: s } = readParams(c, bySlug);
    const done = readQuery(c, doneQuery).done;
    const refused = refuse(c, "people.edit", { kind: "person" });
    if (refused) return refused;
    return html(c, await personPage(c, s, { done: done && DONE[done] }));
  });

  app.post("/admin/people/:slug", async (c) => {
    const { slug: s } = readParams(c, bySlug);
    const form = await readForm(c);
    const parsed = personForm.safeParse(form);
    const refused = refuse(c, "people.edit", { kind: "person" });
    if (refused) return refused;
    if (!parsed.success) {
      const values = { displayName: one(form, "displayName"), honorific: one(form, "honorific"), forenames: one(form, "forenames"), initials: one(form, "initials"), surname: one(form, "surname"), kind: one(form, "kind"), party: one(form, "party"), ward: one(form, "ward") };
      return html(c, await personPage(c, s, { values, errors: fieldErrors(parsed.error) }), 400);
    }
    const { version: v, ...fields } = parsed.data;
    try {
      await editPerson(db, { slug: s, version: v, fields, actor: actorOf(c), now: now() });
    } catch (err) {
      if (err instanceof StaleVersion) return html(c, await personPage(c, s, { values: fields, errors: [STALE], conflict: await latestChange(deps, err) }), 409);
      throw err;
    }
    return c.redirect(`${personUrl(s)}?done=saved`, 303);
  });

  // --- merging and splitting ---

  const mergePage = async (c: Context, s: string, extra: { into?: string; errors?: FieldError[]; conflict?: Awaited<ReturnType<typeof latestChange>> } = {}) => {
    const data = await personForEdit(db, s);
    const candidates = await mergeCandidates(db, data.person.authority_id, data.person.id);
    return <MergePage csrf={formToken(c, publicUrl)} data={data} candidates={candidates} version={data.person.version} into={extra.into} errors={extra.errors ?? []} conflict={extra.conflict} />;
  };

  app.get("/admin/people/:slug/merge", async (c) => {
    const { slug: s } = readParams(c, bySlug);
    const refused = refuse(c, "people.edit", { kind: "person" });
    if (refused) return refused;
    return html(c, await mergePage(c, s));
  });

  app.post("/admin/people/:slug/merge", async (c) => {
    const { slug: s } = readParams(c, bySlug);
    const form = await readForm(c);
    const parsed = mergeForm.safeParse(form);
    const refused = refuse(c, "people.edit", { kind: "person" });
    if (refused) return refused;
    if (!parsed.success) return html(c, await mergePage(c, s, { into: one(form, "into"), errors: fieldErrors(parsed.error) }), 400);
    try {
      const { slug: kept } = await mergePeople(db, { slug: s, version: parsed.data.version, into: parsed.data.into, actor: actorOf(c), now: now() });
      return c.redirect(`${personUrl(kept)}?done=merged`, 303);
    } catch (err) {
      if (err instanceof StaleVersion) return html(c, await mergePage(c, s, { into: parsed.data.into, errors: [STALE], conflict: await latestChange(deps, err) }), 409);
      if (err instanceof QuorumError && (err.code === "invalid" || (err.code === "not_found" && err.message === "Person not found"))) {
        if (err.code === "not_found") await personForEdit(db, s);
        return html(c, await mergePage(c, s, { into: parsed.data.into, errors: [{ field: "into", message: err.code === "not_found" ? "Choose a person from the list" : err.message }] }), 422);
      }
      throw err;
    }
  });

  const splitPage = async (c: Context, s: string, extra: { chosen?: string[]; errors?: FieldError[]; conflict?: Awaited<ReturnType<typeof latestChange>> } = {}) => {
    const data = await personForEdit(db, s);
    return <SplitPage csrf={formToken(c, publicUrl)} data={data} version={data.person.version} chosen={extra.chosen ?? []} errors={extra.errors ?? []} conflict={extra.conflict} />;
  };

  app.get("/admin/people/:slug/split", async (c) => {
    const { slug: s } = readParams(c, bySlug);
    const refused = refuse(c, "people.edit", { kind: "person" });
    if (refused) return refused;
    return html(c, await splitPage(c, s));
  });

  app.post("/admin/people/:slug/split", async (c) => {
    const { slug: s } = readParams(c, bySlug);
    const form = await readForm(c);
    const rows = ([] as string[]).concat(form.rows ?? []);
    const parsed = splitForm.safeParse({ ...form, rows });
    const refused = refuse(c, "people.edit", { kind: "person" });
    if (refused) return refused;
    if (!parsed.success) return html(c, await splitPage(c, s, { chosen: rows, errors: fieldErrors(parsed.error) }), 400);
    try {
      const created = await splitPerson(db, { slug: s, version: parsed.data.version, attendanceIds: parsed.data.rows, actor: actorOf(c), now: now() });
      return c.redirect(`${personUrl(created.slug)}?done=split`, 303);
    } catch (err) {
      if (err instanceof StaleVersion) return html(c, await splitPage(c, s, { chosen: rows, errors: [STALE], conflict: await latestChange(deps, err) }), 409);
      if (err instanceof QuorumError && err.code === "invalid") return html(c, await splitPage(c, s, { chosen: rows, errors: [{ field: "rows", message: err.message }] }), 422);
      throw err;
    }
  });

  // --- memberships ---

  app.post("/admin/people/:slug/memberships", async (c) => {
    const { slug: s } = readParams(c, bySlug);
    const form = await readForm(c);
    const parsed = newMembershipForm.safeParse(form);
    const refused = refuse(c, "people.edit", { kind: "person" });
    if (refused) return refused;
    const membership = { body: one(form, "body"), role: one(form, "role"), from: one(form, "from"), to: one(form, "to") };
    if (!parsed.success) return html(c, await personPage(c, s, { errors: fieldErrors(parsed.error), membership }), 400);
    const { version: v, body, ...fields } = parsed.data;
    try {
      await addMembership(db, { person: s, version: v, body, fields, actor: actorOf(c), now: now() });
    } catch (err) {
      if (err instanceof StaleVersion) return html(c, await personPage(c, s, { errors: [STALE], conflict: await latestChange(deps, err), membership }), 409);
      if (err instanceof QuorumError && err.code === "invalid") return html(c, await personPage(c, s, { errors: [{ field: err.message.includes("committee") ? "body" : "to", message: err.message }], membership }), 422);
      throw err;
    }
    return c.redirect(`${personUrl(s)}?done=membership`, 303);
  });

  const membershipPage = async (c: Context, s: string, id: number, extra: { values?: Record<string, string | null>; errors?: FieldError[]; conflict?: Awaited<ReturnType<typeof latestChange>> } = {}) => {
    const data = await personForEdit(db, s);
    const m = data.memberships.find((x) => x.id === id && x.source !== "attendance");
    if (!m) throw new QuorumError("not_found", "Membership not found");
    return <MembershipPage csrf={formToken(c, publicUrl)} data={data} id={id} version={data.person.version} values={extra.values ?? { role: m.role, from: m.from, to: m.to }} errors={extra.errors ?? []} conflict={extra.conflict} />;
  };

  app.get("/admin/people/:slug/memberships/:id", async (c) => {
    const { slug: s, id } = readParams(c, byMembership);
    const refused = refuse(c, "people.edit", { kind: "person" });
    if (refused) return refused;
    return html(c, await membershipPage(c, s, id));
  });

  app.post("/admin/people/:slug/memberships/:id", async (c) => {
    const { slug: s, id } = readParams(c, byMembership);
    const form = await readForm(c);
    const parsed = membershipForm.safeParse(form);
    const refused = refuse(c, "people.edit", { kind: "person" });
    if (refused) return refused;
    const values = { role: one(form, "role"), from: one(form, "from"), to: one(form, "to") };
    if (!parsed.success) return html(c, await membershipPage(c, s, id, { values, errors: fieldErrors(parsed.error) }), 400);
    const { version: v, ...fields } = parsed.data;
    try {
      await editMembership(db, { person: s, version: v, id, fields, actor: actorOf(c), now: now() });
    } catch (err) {
      if (err instanceof StaleVersion) return html(c, await membershipPage(c, s, id, { values, errors: [STALE], conflict: await latestChange(deps, err) }), 409);
      if (err instanceof QuorumError && err.code === "invalid") return html(c, await membershipPage(c, s, id, { values, errors: [{ field: "to", message: err.message }] }), 422);
      throw err;
    }
    return c.redirect(`${personUrl(s)}?done=membership`, 303);
  });

  app.post("/admin/people/:slug/memberships/:id/end", async (c) => {
    const { slug: s, id } = readParams(c, byMembership);
    const form = await readForm(c);
    const parsed = endForm.safeParse(form);
    const refused = refuse(c, "people.edit", { kind: "person" });
    if (refused) return refused;
    const values = { on: one(form, "on") };
    if (!parsed.success) return html(c, await membershipPage(c, s, id, { values, errors: fieldErrors(parsed.error) }), 400);
    try {
      await endMembership(db, { person: s, version: parsed.data.version, id, on: parsed.data.on, actor: actorOf(c), now: now() });
    } catch (err) {
      if (err instanceof StaleVersion) return html(c, await membershipPage(c, s, id, { values, errors: [STALE], conflict: await latestChange(deps, err) }), 409);
      if (err instanceof QuorumError && err.code === "invalid") return html(c, await membershipPage(c, s, id, { values, errors: [{ field: "on", message: err.message }] }), 422);
      throw err;
    }
    return c.redirect(`${personUrl(s)}?done=membership`, 303);
  });

  // --- committees ---

  app.get("/admin/committees", async (c) => {
    const refused = refuse(c, "bodies.edit", { kind: "body" });
    if (refused) return refused;
    return html(c, <CommitteesListPage rows={await listBodiesForEdit(db)} />);
  });

  const committeePage = async (c: Context, s: string, extra: { values?: { name: string; kind: string }; errors?: FieldError[]; conflict?: Awaited<ReturnType<typeof latestChange>>; done?: string } = {}) => {
    const b = await bodyRow(db, s);
    return <CommitteeEditPage csrf={formToken(c, publicUrl)} slug={b.slug} authority={b.authority} name={b.name} values={extra.values ?? { name: b.name, kind: b.kind }} version={b.version} errors={extra.errors ?? []} conflict={extra.conflict} done={extra.done} />;
  };

  app.get("/admin/committees/:slug", async (c) => {
    const { slug: s } = readParams(c, bySlug);
    const saved = readQuery(c, savedQuery).done;
    const refused = refuse(c, "bodies.edit", { kind: "body" });
    if (refused) return refused;
    return html(c, await committeePage(c, s, { done: saved && "Committee saved" }));
  });

  app.post("/admin/committees/:slug", async (c) => {
    const { slug: s } = readParams(c, bySlug);
    const form = await readForm(c);
    const parsed = bodyForm.safeParse(form);
    const refused = refuse(c, "bodies.edit", { kind: "body" });
    if (refused) return refused;
    const values = { name: one(form, "name"), kind: one(form, "kind") };
    if (!parsed.success) return html(c, await committeePage(c, s, { values, errors: fieldErrors(parsed.error) }), 400);
    try {
      await editBody(db, { slug: s, version: parsed.data.version, name: parsed.data.name, kind: parsed.data.kind, actor: actorOf(c), now: now() });
    } catch (err) {
      if (err instanceof StaleVersion) return html(c, await committeePage(c, s, { values, errors: [STALE], conflict: await latestChange(deps, err) }), 409);
      throw err;
    }
    return c.redirect(`${committeeUrl(s)}?done=saved`, 303);
  });
}
