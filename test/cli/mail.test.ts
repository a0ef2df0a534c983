// The sender as the `quorum` command runs it, as real processes against a real SMTP server on
// loopback: `quorum serve` sends what is queued (in its one process, or in the primary of
// several), not with QUORUM_MAIL_SENDER=off; `quorum mail send-due` says in one line what is missing.
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore } from "../../src/store/db.ts";
import { requestSubscription } from "../../src/store/mail/subscriptions.ts";
import { outboxStates } from "../support/mail.ts";
import { committeeWithMinutes } from "../support/schedule.ts";
import { quorumProcess } from "../support/crash.ts";
import { servingUrl } from "../support/serving.ts";
import { startSmtp, type TestSmtp } from "../support/smtp.ts";
import { senderWanted } from "../../src/cli/mail-settings.ts";

describe("the sender in quorum serve and quorum mail", () => {
  let dir: string;
  let smtp: TestSmtp;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "quorum-mail-cli-"));
    smtp = await startSmtp();
  });
  after(async () => {
    await smtp.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function storeWithConfirmation(name: string): Promise<string> {
    const path = join(dir, `${name}.db`);
    const db = await openStore(path);
    const { body } = await committeeWithMinutes(db);
    await requestSubscription(db, { email: `${name}@example.org`, committee: body, frequency: "immediate", ip: "192.0.2.1" }, new Date());
    await db.destroy();
    return path;
  }

  for (const workers of ["1", "2"]) {
    it(`quorum serve --workers ${workers} sends a queued message`, async () => {
      const path = await storeWithConfirmation(`serve${workers}`);
      const serve = quorumProcess(["serve", "--port", "0", "--host", "127.0.0.1", "--db", path, "--workers", workers, "--log-format", "off"], { SMTP_URL: smtp.url, PUBLIC_URL: "https://alerts.example.org", QUORUM_MAIL_INTERVAL: "1" });
      try {
        await servingUrl(serve.child);
        while (!smtp.received.some((m) => m.to === `serve${workers}@example.org`)) {
          if (serve.child.exitCode !== null) assert.fail(serve.out());
          await new Promise((r) => setTimeout(r, 100));
        }
      } finally {
        // SIGTERM: the sender stops with the server, and the process exits cleanly
        serve.child.kill("SIGTERM");
      }
      assert.equal((await serve.exited).code, 0, serve.out());
      const db = await openStore(path);
      assert.deepEqual(await outboxStates(db), ["sent"]);
      await db.destroy();
      assert.equal(smtp.received.filter((m) => m.to === `serve${workers}@example.org`).length, 1);
    });
  }

  it("QUORUM_MAIL_SENDER turns the sender off and on; without SMTP_URL it is off", () => {
    assert.equal(senderWanted({ SMTP_URL: "smtp://127.0.0.1:25" }), true);
    assert.equal(senderWanted({ SMTP_URL: "smtp://127.0.0.1:25", QUORUM_MAIL_SENDER: "off" }), false);
    assert.equal(senderWanted({}), false);
    assert.equal(senderWanted({ QUORUM_MAIL_SENDER: "on" }), true);
    assert.throws(() => senderWanted({ QUORUM_MAIL_SENDER: "maybe" }), /on or off/);
  });

  it("quorum mail send-due names what is missing in one line", async () => {
    const path = await storeWithConfirmation("missing");
    const noSmtp = quorumProcess(["mail", "send-due", "--db", path], { PUBLIC_URL: "https://alerts.example.org", SMTP_URL: "" });
    assert.equal((await noSmtp.exited).code, 1);
    assert.equal(noSmtp.out(), "quorum: SMTP_URL is not set: give the SMTP server as smtp://user:password@host:587 or smtps://…\n");
    const noUrl = quorumProcess(["mail", "send-due", "--db", path], { SMTP_URL: smtp.url, PUBLIC_URL: "" });
    assert.equal((await noUrl.exited).code, 1);
    assert.match(noUrl.out(), /^quorum: Sending email needs PUBLIC_URL/);
    const ok = quorumProcess(["mail", "send-due", "--db", path], { SMTP_URL: smtp.url, PUBLIC_URL: "https://alerts.example.org" });
    assert.equal((await ok.exited).code, 0, ok.out());
    assert.match(ok.out(), /^Sent 1,/);
  });
});
