// `quorum mail send-due`: sends what is due in the outbox once (the same work `quorum serve`
// does every QUORUM_MAIL_INTERVAL seconds), and `quorum mail status`: the outbox by state.
import type { Command } from "commander";
import { openStore } from "../store/db.ts";
import { sendDue } from "../store/mail/sender.ts";
import { outboxCounts } from "../store/mail/outbox.ts";
import { mailSettings } from "./mail-settings.ts";

const DB_OPTION = "database: postgres://…, sqlite:PATH or a file path (default: $DATABASE_URL or ./data/quorum.db)";

export function registerMail(program: Command): void {
  const mail = program.command("mail").description("email alerts: send what is due in the outbox, or show it");
  mail
    .command("send-due")
    .description("send every message due now over SMTP_URL, once (quorum serve does this every QUORUM_MAIL_INTERVAL seconds)")
    .option("--db <url>", DB_OPTION)
    .action(async (opts: { db?: string }) => {
      const settings = mailSettings();
      const db = await openStore(opts.db ?? process.env.DATABASE_URL);
      try {
        const r = await sendDue(db, settings.sender);
        process.stdout.write(`Sent ${r.sent}, to retry ${r.retrying}, failed ${r.failed}, not wanted ${r.cancelled}, uncertain ${r.uncertain}; digests made ${r.digests}, owners' reminders ${r.reminders}, overdue alerts ${r.overdue}\n`);
      } finally {
        await db.destroy();
      }
    });
  mail
    .command("status")
    .description("count the outbox's messages by state")
    .option("--db <url>", DB_OPTION)
    .action(async (opts: { db?: string }) => {
      const db = await openStore(opts.db ?? process.env.DATABASE_URL);
      try {
        const c = await outboxCounts(db);
        process.stdout.write(Object.entries(c).map(([k, v]) => `${k} ${v}`).join("\n") + "\n");
      } finally {
        await db.destroy();
      }
    });
}
