// Sending what is due in the outbox over SMTP (nodemailer, SMTP_URL). Each message is claimed
// with a lease, checked against its subscription (an unsubscribed address gets nothing more),
// written from its payload, marked as handed to SMTP, sent, and marked sent; a refusal or an
// unreachable server puts it back with a longer wait each time (outbox.ts).
import { randomBytes } from "node:crypto";
import nodemailer, { type Transporter } from "nodemailer";
import type SMTPTransport from "nodemailer/lib/smtp-transport";
import { QuorumError } from "../../domain/errors.ts";
import { renderMail } from "../../domain/alerts-render.ts";
import { claimDue, DEFAULT_RETRY, giveUpUncertain, markCancelled, markFailed, markHanded, markSent, type Claimed, type RetryPolicy } from "./outbox.ts";
import { buildDigests } from "./digest.ts";
import { queueOwnerReminders } from "./reminders.ts";
import { queueTrackerOverdue } from "./tracker.ts";
import { mailDb, type AnyDb } from "./schema.ts";

/** How long a claim holds a message: longer than the SMTP timeouts below put together. */
export const DEFAULT_LEASE_MS = 5 * 60_000;
const SMTP_TIMEOUT_MS = 60_000;

export interface SenderOptions {
  transport: Pick<Transporter, "sendMail">;
  /** the site's public address, for the links in each message */
  baseUrl: string;
  /** the From address, e.g. "Northbrook Council alerts <alerts@northbrook.gov.uk>" */
  from: string;
  /** the site's time zone (QUORUM_MAIL_TIME_ZONE): the day of a digest of searches and people, and of reminders; a committee's alerts keep its council's */
  timeZone?: string;
  owner?: string;
  leaseMs?: number;
  batch?: number;
  retry?: RetryPolicy;
  now?: () => Date;
}

export interface SendReport {
  sent: number;
  retrying: number;
  failed: number;
  cancelled: number;
  uncertain: number;
  digests: number;
  reminders: number;
  /** alerts to followers of a recommendation or inquiry that something is overdue */
  overdue: number;
}

/** A transport from SMTP_URL (smtp://user:pass@host:587, smtps://…:465). */
export function smtpTransport(url: string | undefined): Transporter {
  if (!url) throw new QuorumError("invalid", "SMTP_URL is not set: give the SMTP server as smtp://user:password@host:587 or smtps://…");
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new QuorumError("invalid", "SMTP_URL is not a URL: give it as smtp://user:password@host:587");
  }
  if (u.protocol !== "smtp:" && u.protocol !== "smtps:") throw new QuorumError("invalid", `SMTP_URL must start smtp:// or smtps://, not ${u.protocol}//`);
  // nodemailer reads the connection from `url` and lays the other options over it
  return nodemailer.createTransport({ url, connectionTimeout: SMTP_TIMEOUT_MS, greetingTimeout: SMTP_TIMEOUT_MS, socketTimeout: SMTP_TIMEOUT_MS } as SMTPTransport.Options);
}

function domainOf(from: string): string {
  const m = /@([^>\s]+)>?\s*$/.exec(from);
  return m ? m[1] : "quorum.invalid";
}

/** Whether the message is still wanted: its subscription live (pending for a confirmation). */
async function stillWanted(db: AnyDb, m: Claimed): Promise<boolean> {
  const mdb = mailDb(db);
  // a reminder goes to whoever owned the item when it was queued
  if (m.kind === "reminder") return true;
  if (m.kind === "digest") {
    if (m.subscriberId === null) return false;
    const live = await mdb.selectFrom("mail_subscriptions").where("subscriber_id", "=", m.subscriberId).where("status", "=", "active").select("id").executeTakeFirst();
    return live !== undefined;
  }
  if (m.subscriptionId === null) return false;
  const s = await mdb.selectFrom("mail_subscriptions").where("id", "=", m.subscriptionId).select("status").executeTakeFirst();
  return s?.status === (m.kind === "confirm" ? "pending" : "active");
}

/** A refusal the server says will not change (5xx) is not retried. */
function isPermanent(err: unknown): boolean {
  const code = (err as { responseCode?: number }).responseCode;
  return typeof code === "number" && code >= 500 && code < 600;
}

/** Sends everything due now, a batch at a time, until nothing is left to claim. */
export async function sendDue(db: AnyDb, o: SenderOptions): Promise<SendReport> {
  const now = o.now ?? (() => new Date());
  const owner = o.owner ?? `${process.pid}-${randomBytes(6).toString("hex")}`;
  const leaseMs = o.leaseMs ?? DEFAULT_LEASE_MS;
  const retry = o.retry ?? DEFAULT_RETRY;
  const report: SendReport = { sent: 0, retrying: 0, failed: 0, cancelled: 0, uncertain: 0, digests: 0, reminders: 0, overdue: 0 };
  report.uncertain = await giveUpUncertain(db, now());
  report.digests = await buildDigests(db, now(), o.timeZone ?? "Europe/London");
  report.reminders = await queueOwnerReminders(db, now(), o.timeZone ?? "Europe/London");
  report.overdue = await queueTrackerOverdue(db, now(), o.timeZone ?? "Europe/London");
  const domain = domainOf(o.from);
  for (;;) {
    const claimed = await claimDue(db, owner, now(), leaseMs, o.batch ?? 20);
    if (!claimed.length) break;
    for (const m of claimed) {
      if (!(await stillWanted(db, m))) {
        await markCancelled(db, m.id, owner);
        report.cancelled++;
        continue;
      }
      const mail = renderMail(m.payload, o.baseUrl);
      if (!(await markHanded(db, m.id, owner, now()))) continue;
      try {
        await o.transport.sendMail({
          from: o.from,
          to: m.to,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          messageId: `<${m.messageId}@${domain}>`,
          headers: mail.unsubscribeUrl ? { "List-Unsubscribe": `<${mail.unsubscribeUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" } : {},
        });
      } catch (err) {
        const outcome = await markFailed(db, m.id, owner, m.attempts, err instanceof Error ? err.message : String(err), isPermanent(err), retry, now());
        if (outcome === "failed") report.failed++;
        else report.retrying++;
        continue;
      }
      await markSent(db, m.id, owner, now());
      report.sent++;
    }
  }
  return report;
}

/** Sends what is due every `intervalMs` until stopped; one run at a time, errors reported and retried next time. */
export function startSender(db: AnyDb, o: SenderOptions & { intervalMs: number; onError?: (err: unknown) => void }): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  let busy = false;
  const tick = () => {
    if (busy) return;
    busy = true;
    running = sendDue(db, o)
      .catch((err) => o.onError?.(err))
      .finally(() => (busy = false));
  };
  const timer = setInterval(tick, o.intervalMs);
  timer.unref();
  tick();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
