// The sender's settings, from the environment (docs/SETTINGS.md): where mail goes (SMTP_URL), who
// it is from, the public address its links use, whether `quorum serve` sends it and how often.
import { QuorumError } from "../domain/errors.ts";
import { parsePublicUrl } from "../serve/urls.ts";
import { smtpTransport, type SenderOptions } from "../store/mail/sender.ts";

export interface MailSettings {
  sender: Omit<SenderOptions, "now">;
  intervalMs: number;
}

function seconds(value: string, name: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || n < 1 || n > 86_400) throw new QuorumError("invalid", `${name} must be a whole number of seconds from 1 to 86400, not "${value}"`);
  return n * 1000;
}

/** Whether `quorum serve` runs the sender: on when SMTP_URL is set, unless QUORUM_MAIL_SENDER=off. */
export function senderWanted(env: NodeJS.ProcessEnv = process.env): boolean {
  const setting = (env.QUORUM_MAIL_SENDER ?? "").trim().toLowerCase();
  if (setting && setting !== "on" && setting !== "off") throw new QuorumError("invalid", `QUORUM_MAIL_SENDER must be on or off, not "${env.QUORUM_MAIL_SENDER}"`);
  return setting === "on" || (setting !== "off" && Boolean(env.SMTP_URL));
}

export function mailSettings(env: NodeJS.ProcessEnv = process.env, publicUrl?: string): MailSettings {
  const base = publicUrl ?? (env.PUBLIC_URL ? parsePublicUrl(env.PUBLIC_URL, "PUBLIC_URL") : undefined);
  if (!base) throw new QuorumError("invalid", "Sending email needs PUBLIC_URL (the site's public address, for the links in each message)");
  const from = env.QUORUM_MAIL_FROM?.trim() || `alerts@${new URL(base).hostname}`;
  const timeZone = env.QUORUM_MAIL_TIME_ZONE?.trim() || "Europe/London";
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone });
  } catch {
    throw new QuorumError("invalid", `QUORUM_MAIL_TIME_ZONE must be an IANA time zone such as Europe/London, not "${timeZone}"`);
  }
  return {
    sender: { transport: smtpTransport(env.SMTP_URL), baseUrl: base, from, timeZone },
    intervalMs: env.QUORUM_MAIL_INTERVAL ? seconds(env.QUORUM_MAIL_INTERVAL, "QUORUM_MAIL_INTERVAL") : 30_000,
  };
}
