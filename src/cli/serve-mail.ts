// The outbox sender inside `quorum serve`: run by the primary, which also indexes releases. Leases
// would let every worker run it safely, but one is enough.
import { oneLine } from "../domain/errors.ts";
import type { Db } from "../store/db.ts";
import { startSender } from "../store/mail/sender.ts";
import { mailSettings, senderWanted } from "./mail-settings.ts";

export function startMailSender(db: Db, publicUrl: string | undefined): { stop(): Promise<void> } | undefined {
  if (!senderWanted()) return undefined;
  const settings = mailSettings(process.env, publicUrl);
  return startSender(db, { ...settings.sender, intervalMs: settings.intervalMs, onError: (err) => process.stderr.write(`quorum: sending email: ${oneLine(err)}\n`) });
}
