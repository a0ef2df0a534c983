// `quorum user add|reset|list`: people who sign in to the clerk's workspace. A new person (or one
// who forgot their password) gets a one-time link to set a password; no password is ever chosen,
// printed or logged here.
import type { Command } from "commander";
import { QuorumError } from "../domain/errors.ts";
import { openStore, type Db } from "../store/db.ts";
import { addUser, findUserByEmail, listUsers } from "../store/accounts/users.ts";
import { issueSignInToken } from "../store/accounts/tokens.ts";
import { appendAudit } from "../store/audit.ts";
import { parsePublicUrl } from "../serve/urls.ts";

const DB_OPTION = "database: postgres://…, sqlite:PATH or a file path (default: $DATABASE_URL or ./data/quorum.db)";

function signInLink(token: string): string {
  const base = process.env.PUBLIC_URL ? parsePublicUrl(process.env.PUBLIC_URL, "PUBLIC_URL") : "http://localhost:3000";
  return `${base}/account/set-password?token=${token}`;
}

async function withStore(url: string | undefined, run: (db: Db) => Promise<void>): Promise<void> {
  const db = await openStore(url ?? process.env.DATABASE_URL);
  try {
    await run(db);
  } finally {
    await db.destroy();
  }
}

export function registerUser(program: Command): void {
  const user = program.command("user").description("people who sign in to the clerk's workspace");
  user
    .command("add")
    .description("add a person and print a one-time link (valid 24 hours) for them to set a password")
    .requiredOption("--email <email>", "their email address")
    .requiredOption("--role <role>", "admin, clerk, officer or member")
    .option("--name <name>", "the name shown for them")
    .option("--db <url>", DB_OPTION)
    .action(async (opts: { email: string; role: string; name?: string; db?: string }) => {
      await withStore(opts.db, async (db) => {
        const now = new Date();
        const link = await db.transaction().execute(async (tx) => {
          const u = await addUser(tx, { email: opts.email, role: opts.role, displayName: opts.name }, now);
          await appendAudit(tx, { actorLabel: "cli", action: "user.add", recordKind: "user", recordId: u.email, after: { email: u.email, displayName: u.displayName, role: u.role } }, now);
          return signInLink(await issueSignInToken(tx, u.id, now));
        });
        process.stdout.write(`added ${opts.email.trim().toLowerCase()} (${opts.role}); send them this link to set a password (valid 24 hours, works once):\n${link}\n`);
      });
    });
  user
    .command("reset")
    .description("print a new one-time link (valid 24 hours) for a person to set a new password")
    .requiredOption("--email <email>", "their email address")
    .option("--db <url>", DB_OPTION)
    .action(async (opts: { email: string; db?: string }) => {
      await withStore(opts.db, async (db) => {
        const now = new Date();
        const link = await db.transaction().execute(async (tx) => {
          const u = await findUserByEmail(tx, opts.email);
          if (!u) throw new QuorumError("not_found", `there is no user with the email ${opts.email.trim().toLowerCase()}`);
          await appendAudit(tx, { actorLabel: "cli", action: "user.reset", recordKind: "user", recordId: u.email }, now);
          return signInLink(await issueSignInToken(tx, u.id, now));
        });
        process.stdout.write(`send this link to ${opts.email.trim().toLowerCase()} to set a new password (valid 24 hours, works once):\n${link}\n`);
      });
    });
  user
    .command("list")
    .description("list the people who can sign in")
    .option("--db <url>", DB_OPTION)
    .action(async (opts: { db?: string }) => {
      await withStore(opts.db, async (db) => {
        const users = await listUsers(db);
        if (users.length === 0) process.stdout.write("no users yet: add one with quorum user add --email E --role admin\n");
        for (const u of users) {
          const state = u.disabled ? "disabled" : u.hasPassword ? "active" : "no password yet";
          process.stdout.write(`${u.email}\t${u.role}\t${u.displayName}\t${state}\n`);
        }
        await appendAudit(db, { actorLabel: "cli", action: "user.list", recordKind: "user" }, new Date());
      });
    });
}
