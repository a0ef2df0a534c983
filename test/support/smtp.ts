// A real SMTP server on loopback (the smtp-server package) for the email tests: it keeps every
// message it accepts, parsed by mailparser (not by the code that wrote it), and can refuse the
// next messages or run a step (such as killing the sender) once a message has arrived in full.
import { once } from "node:events";
import { after, before, beforeEach } from "node:test";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { simpleParser, type ParsedMail } from "mailparser";

export interface Received {
  to: string;
  subject: string;
  messageId: string;
  text: string;
  html: string;
  headers: Map<string, unknown>;
  raw: string;
}

export interface TestSmtp {
  url: string;
  received: Received[];
  /** refuse the next `n` messages with this reply (451: try again later) */
  refuseNext(n: number, code?: number): void;
  /** runs once a message has arrived in full, before the server answers it */
  beforeReply?: (r: Received) => Promise<void> | void;
  close(): Promise<void>;
}

function addressText(v: ParsedMail["to"]): string {
  if (!v) return "";
  return (Array.isArray(v) ? v : [v]).map((a) => a.text).join(", ");
}

export async function startSmtp(): Promise<TestSmtp> {
  const t = smtpServer();
  await t.listen();
  return t;
}

/**
 * The enclosing suite's SMTP server: listening before its tests, closed after them, and what it
 * received emptied before each test.
 */
export function suiteSmtp(): TestSmtp {
  const t = smtpServer();
  before(() => t.listen());
  after(() => t.close());
  beforeEach(() => {
    t.received.length = 0;
  });
  return t;
}

function smtpServer(): TestSmtp & { listen(): Promise<void> } {
  let refuse = 0;
  let refuseCode = 451;
  const received: Received[] = [];
  const t: TestSmtp & { listen(): Promise<void> } = {
    url: "",
    listen: async () => {
      server.listen(0, "127.0.0.1");
      await once(server.server, "listening");
      t.url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
    },
    received,
    refuseNext(n, code = 451) {
      refuse = n;
      refuseCode = code;
    },
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        void (async () => {
          if (refuse > 0) {
            refuse--;
            const err = Object.assign(new Error("Try again later"), { responseCode: refuseCode });
            return callback(err);
          }
          const raw = Buffer.concat(chunks).toString("utf8");
          const parsed = await simpleParser(raw);
          const r: Received = { to: addressText(parsed.to), subject: parsed.subject ?? "", messageId: parsed.messageId ?? "", text: parsed.text ?? "", html: typeof parsed.html === "string" ? parsed.html : "", headers: parsed.headers as Map<string, unknown>, raw };
          received.push(r);
          await t.beforeReply?.(r);
          callback();
        })().catch((err) => callback(err as Error));
      });
    },
  });
  return t;
}

/** The first link in a message's plain text that starts with `prefix`. */
export function linkIn(r: Received, prefix: string): string {
  const m = r.text.match(new RegExp(`${prefix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}[^\\s]*`));
  if (!m) throw new Error(`no link starting ${prefix} in:\n${r.text}`);
  return m[0];
}

/** A header as the message carried it (unfolded), read from the raw text; undefined when absent. */
export function rawHeader(r: Received, name: string): string | undefined {
  const head = r.raw.split(/\r?\n\r?\n/, 1)[0].replace(/\r?\n[ \t]+/g, " ");
  const line = head.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line?.slice(name.length + 1).trim();
}
