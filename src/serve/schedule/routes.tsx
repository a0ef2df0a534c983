// The schedule's workspace pages and writes. Each write reads top to bottom: validate the form,
// authorise (signed out: 303 to sign in; signed in without the right: 403), run one store function
// (its history event and audit entry in the same transaction), present: a 303 to the page showing
// the result, or the form again with its errors (400 for the form, 409 for a clash or a stale
// version, 422 for what the store refused).
import type { Context, Hono } from "hono";
import type { Child } from "hono/jsx";
import { z } from "zod";
import { QuorumError } from "../../domain/errors.ts";
import type { SeriesRule } from "../../domain/meeting-series.ts";
import type { AppDeps } from "../deps.ts";
import { renderPage } from "../render.tsx";
import { respondWithProblem } from "../errors.tsx";
import { isoDateIn } from "../format.ts";
import { readParams, readQuery, slug } from "../validate.ts";
import { can } from "../auth/policy.ts";
import { formToken } from "../auth/csrf.ts";
import type { FieldError } from "../auth/forms.tsx";
import type { AuditActor } from "../../store/audit.ts";
import { StaleVersion } from "../../store/people/edit.ts";
import { bodyForSchedule, changeMeeting, scheduleMeeting, type MeetingChange } from "../../store/schedule/meetings.ts";
import { changeSeries, createSeries, previewSeries, type SeriesInput } from "../../store/schedule/series.ts";
import { bodySchedule, meetingForSchedule } from "../../store/schedule/read.ts";
import { CommitteeSchedulePage, SeriesPreviewPage, type FormValues } from "./committee-page.tsx";
import { MeetingSchedulePage } from "./meeting-page.tsx";
import { scheduleUrls } from "./urls.ts";

type Form = Record<string, string | string[]>;
type Status = 200 | 400 | 409 | 422;

const bySlug = z.object({ slug });
const text = (max: number) => z.string().trim().max(max, `Must be ${max} characters or fewer`);
const oneForm = z.object({ date: text(20).min(1, "Enter the date of the meeting"), startTime: text(10), venue: text(200) });
const seriesForm = z.object({
  kind: z.enum(["monthly", "weekly"], { message: "Choose how often the committee meets" }),
  nth: z.enum(["1", "2", "3", "4", "5", "-1"], { message: "Choose which one in the month" }),
  every: z.coerce.number({ message: "Enter a number of weeks from 1 to 8" }).int("Enter a whole number of weeks").min(1, "Enter a number of weeks from 1 to 8").max(8, "Enter a number of weeks from 1 to 8"),
  weekday: z.enum(["0", "1", "2", "3", "4", "5", "6"], { message: "Choose a day of the week" }),
  from: text(20).min(1, "Enter the first date or month of the series"),
  to: text(20).min(1, "Enter the last date or month of the series"),
  seriesTime: text(10),
  seriesVenue: text(200),
});
const changeForm = z.object({
  version: z.coerce.number({ message: "The form is missing its version; reload the page" }).int().min(1),
  reason: text(500),
  date: text(20).optional(),
  startTime: text(10).optional(),
  venue: text(200).optional(),
});
const CHANGES = ["reschedule", "postpone", "cancel", "restore"] as const;
const DONE: Record<string, string> = {
  scheduled: "Meeting scheduled",
  series: "Series scheduled",
  "series-changed": "Series changed",
  reschedule: "Meeting moved",
  postpone: "Meeting postponed",
  cancel: "Meeting cancelled",
  restore: "Meeting restored",
};

async function readForm(c: Context): Promise<Form> {
  const body = await c.req.parseBody({ all: true });
  const out: Form = {};
  for (const [k, v] of Object.entries(body)) out[k] = Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : typeof v === "string" ? v : "";
  return out;
}
const one = (f: Form, k: string) => (typeof f[k] === "string" ? (f[k] as string) : Array.isArray(f[k]) ? ((f[k] as string[])[0] ?? "") : "");
const many = (f: Form, k: string) => (Array.isArray(f[k]) ? (f[k] as string[]) : typeof f[k] === "string" && f[k] ? [f[k] as string] : []);
const strings = (f: Form): FormValues => Object.fromEntries(Object.keys(f).map((k) => [k, one(f, k)]));

function zodErrors(err: z.ZodError, rename: (field: string) => string = (f) => f): FieldError[] {
  return err.issues.map((i) => ({ field: rename(String(i.path[0] ?? "date")), message: i.message }));
}

/** Which field a store refusal is about, from its one-line message. */
function fieldOf(message: string, fields: { date: string; time: string; venue: string; reason: string }): string {
  if (/clocks|24-hour|time/i.test(message) && !/already has a meeting/.test(message)) return fields.time;
  if (/venue/i.test(message)) return fields.venue;
  if (/reason/i.test(message)) return fields.reason;
  return fields.date;
}

const STATUS_OF = (err: QuorumError): 409 | 422 => (err.code === "conflict" ? 409 : 422);

/** Signed out: to sign in (303 after a POST, so the browser GETs it). Signed in but not allowed: 403. */
function refuse(c: Context, back: string): Response | undefined {
  const user = c.get("account")?.user;
  if (can(user, "meetings.schedule", { kind: "meeting" })) return undefined;
  if (!user) return c.redirect(`/sign-in?next=${encodeURIComponent(back)}`, c.req.method === "GET" ? 302 : 303);
  return respondWithProblem(c, { id: "forbidden", status: 403, message: "Your account does not give you access to the schedule of meetings." });
}

function actorOf(c: Context): AuditActor {
  const user = c.get("account")!.user;
  return { userId: user.id, label: user.email };
}

function ruleOf(v: z.infer<typeof seriesForm>): SeriesRule {
  const weekday = Number(v.weekday) as SeriesRule["weekday"];
  return v.kind === "monthly" ? { kind: "monthly", weekday, nth: Number(v.nth) as 1 } : { kind: "weekly", weekday, every: v.every };
}

const doneQuery = z.object({ done: z.string().max(40).optional() });
const bySlugAndId = z.object({ slug, id: z.coerce.number().int().min(1) });
const byChange = z.object({ slug, change: z.enum(CHANGES) });

export function registerSchedule(app: Hono, deps: AppDeps): void {
  const { db, publicUrl } = deps;
  const now = deps.now ?? (() => new Date());
  const html = (c: Context, page: Child, status: Status = 200) => c.html(renderPage(c, page), status);
  const doneOf = (c: Context) => {
    const d = readQuery(c, doneQuery).done;
    return d ? DONE[d] : undefined;
  };

  const committeePage = async (c: Context, body: string, errors: FieldError[] = [], values: FormValues = {}, status: Status = 200) => {
    const s = await bodySchedule(db, body, isoDateIn(now()));
    return html(c, <CommitteeSchedulePage csrf={formToken(c, publicUrl)} s={s} errors={errors} values={values} done={errors.length ? undefined : doneOf(c)} />, status);
  };
  const meetingPage = async (c: Context, s: string, errors: FieldError[] = [], values: FormValues = {}, status: Status = 200) => {
    const m = await meetingForSchedule(db, s);
    return html(c, <MeetingSchedulePage csrf={formToken(c, publicUrl)} m={m} errors={errors} values={values} done={errors.length ? undefined : doneOf(c)} />, status);
  };

  app.get("/admin/committees/:slug/schedule", async (c) => {
    const { slug: body } = readParams(c, bySlug);
    const refused = refuse(c, scheduleUrls.committee(body));
    if (refused) return refused;
    return committeePage(c, body);
  });

  app.post("/admin/committees/:slug/schedule", async (c) => {
    // validate
    const { slug: body } = readParams(c, bySlug);
    const form = await readForm(c);
    const parsed = oneForm.safeParse(strings(form));
    // authorise
    const refused = refuse(c, scheduleUrls.committee(body));
    if (refused) return refused;
    if (!parsed.success) return committeePage(c, body, zodErrors(parsed.error), strings(form), 400);
    // run
    try {
      await scheduleMeeting(db, { body, date: parsed.data.date, startTime: parsed.data.startTime || null, venue: parsed.data.venue || null }, actorOf(c), now());
    } catch (err) {
      if (err instanceof QuorumError && (err.code === "invalid" || err.code === "conflict")) {
        return committeePage(c, body, [{ field: fieldOf(err.message, { date: "date", time: "startTime", venue: "venue", reason: "date" }), message: err.message }], strings(form), STATUS_OF(err));
      }
      throw err;
    }
    // present
    return c.redirect(`${scheduleUrls.committee(body)}?done=scheduled#one`, 303);
  });

  app.post("/admin/committees/:slug/schedule/series", async (c) => {
    // validate
    const { slug: body } = readParams(c, bySlug);
    const form = await readForm(c);
    const values = strings(form);
    const parsed = seriesForm.safeParse(values);
    const creating = one(form, "step") === "create";
    // authorise
    const refused = refuse(c, scheduleUrls.committee(body));
    if (refused) return refused;
    if (!parsed.success) return committeePage(c, body, zodErrors(parsed.error, (f) => (f === "every" || f === "nth" || f === "weekday" || f === "kind" || f === "from" || f === "to" || f.startsWith("series") ? f : "from")), values, 400);
    const keep = new Set(many(form, "keep"));
    const skip = creating ? many(form, "offered").filter((d) => !keep.has(d)) : [];
    const input: SeriesInput = { body, rule: ruleOf(parsed.data), from: parsed.data.from, to: parsed.data.to, skip, startTime: parsed.data.seriesTime || null, venue: parsed.data.seriesVenue || null };
    const fields = { date: "from", time: "seriesTime", venue: "seriesVenue", reason: "from" };
    let preview;
    try {
      preview = await previewSeries(db, input);
    } catch (err) {
      if (err instanceof QuorumError && err.code === "invalid") return committeePage(c, body, [{ field: fieldOf(err.message, fields), message: err.message }], values, 422);
      throw err;
    }
    const bodyRef = await bodyForSchedule(db, body);
    const again = (errors: FieldError[], status: Status) => html(c, <SeriesPreviewPage csrf={formToken(c, publicUrl)} body={bodyRef} values={values} preview={preview} errors={errors} />, status);
    if (!creating) return again([], 200);
    if (!keep.size) return again([{ field: "keep", message: "Choose at least one date to make a meeting on" }], 400);
    // run
    try {
      await createSeries(db, input, actorOf(c), now());
    } catch (err) {
      if (err instanceof QuorumError && (err.code === "invalid" || err.code === "conflict")) return again([{ field: "keep", message: err.message }], STATUS_OF(err));
      throw err;
    }
    // present
    return c.redirect(`${scheduleUrls.committee(body)}?done=series`, 303);
  });

  app.post("/admin/committees/:slug/schedule/series/:id", async (c) => {
    // validate
    const { slug: body, id } = readParams(c, bySlugAndId);
    const form = await readForm(c);
    const values = strings(form);
    const change = one(form, `change-${id}`);
    const from = one(form, `from-${id}`).trim();
    const reason = one(form, "reason").trim();
    const errors: FieldError[] = [];
    if (change !== "change" && change !== "cancel") errors.push({ field: `change-${id}`, message: "Choose what to do to the meetings still to come" });
    if (!/^\d{4}-\d{2}-\d{2}$/.test(from)) errors.push({ field: `from-${id}`, message: "Enter the date the change starts from, for example 2026-09-01" });
    if (!reason) errors.push({ field: `reason-${id}`, message: "Give the reason, as the public will read it" });
    else if (reason.length > 500) errors.push({ field: `reason-${id}`, message: "The reason must be 500 characters or fewer" });
    // authorise
    const refused = refuse(c, scheduleUrls.committee(body));
    if (refused) return refused;
    if (errors.length) return committeePage(c, body, errors, { ...values, [`reason-${id}`]: reason }, 400);
    // run
    try {
      await changeSeries(db, { body, seriesId: id, from, change: change as "change" | "cancel", reason, startTime: one(form, `time-${id}`).trim() || null, venue: one(form, `venue-${id}`).trim() || null }, actorOf(c), now());
    } catch (err) {
      if (err instanceof QuorumError && (err.code === "invalid" || err.code === "conflict")) {
        return committeePage(c, body, [{ field: fieldOf(err.message, { date: `from-${id}`, time: `time-${id}`, venue: `venue-${id}`, reason: `reason-${id}` }), message: err.message }], { ...values, [`reason-${id}`]: reason }, STATUS_OF(err));
      }
      throw err;
    }
    // present
    return c.redirect(`${scheduleUrls.committee(body)}?done=series-changed`, 303);
  });

  app.get("/admin/meetings/:slug/schedule", async (c) => {
    const { slug: s } = readParams(c, bySlug);
    const refused = refuse(c, scheduleUrls.meeting(s));
    if (refused) return refused;
    return meetingPage(c, s);
  });

  app.post("/admin/meetings/:slug/schedule/:change", async (c) => {
    // validate
    const { slug: s, change } = readParams(c, byChange);
    const form = await readForm(c);
    const values = { ...strings(form), change };
    const parsed = changeForm.safeParse(strings(form));
    const reasonField = `${change}-reason`;
    const rename = (f: string) => (f === "reason" ? reasonField : f === "version" ? reasonField : f);
    const errors: FieldError[] = parsed.success ? [] : zodErrors(parsed.error, rename);
    if (parsed.success && !parsed.data.reason) errors.push({ field: reasonField, message: "Give the reason, as the public will read it" });
    if (parsed.success && change === "reschedule" && !parsed.data.date) errors.push({ field: "date", message: "Enter the new date of the meeting" });
    // authorise
    const refused = refuse(c, scheduleUrls.meeting(s));
    if (refused) return refused;
    if (errors.length || !parsed.success) return meetingPage(c, s, errors, values, 400);
    // run
    const v = parsed.data;
    try {
      await changeMeeting(db, { slug: s, version: v.version, change: change as MeetingChange, reason: v.reason, date: v.date, startTime: v.startTime || null, venue: v.venue || null }, actorOf(c), now());
    } catch (err) {
      if (err instanceof StaleVersion) return meetingPage(c, s, [{ field: reasonField, message: "Someone else changed this meeting after you opened the page. Check its state and history below, then try again." }], values, 409);
      if (err instanceof QuorumError && (err.code === "invalid" || err.code === "conflict")) {
        return meetingPage(c, s, [{ field: change === "reschedule" ? fieldOf(err.message, { date: "date", time: "startTime", venue: "venue", reason: reasonField }) : reasonField, message: err.message }], values, STATUS_OF(err));
      }
      throw err;
    }
    // present
    return c.redirect(`${scheduleUrls.meeting(s)}?done=${change}`, 303);
  });
}
