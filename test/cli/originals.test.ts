// The original minutes documents, imported by the real `quorum import` process and downloaded from
// their meeting: the same bytes back, as an attachment; never for draft minutes, nor (unless the
// viewer is entitled to the committee) while an exempt item is not released; only the document the
// meeting now rests on. Then `quorum backup` and `quorum restore` into a fresh database and document
// folder give back the originals and the agenda's papers. On SQLite and PostgreSQL.
import { after, describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore, type Db } from "../../src/store/db.ts";
import { createApp } from "../../src/serve/app.ts";
import { folderDocumentStore } from "../../src/store/documents/folder.ts";
import { addUser, setPasswordHash } from "../../src/store/accounts/users.ts";
import { hashPassword } from "../../src/serve/auth/password.ts";
import { addAgendaItem, addPaper } from "../../src/store/agenda/items.ts";
import { publishAgenda } from "../../src/store/agenda/publish.ts";
import { readAgenda } from "../../src/store/agenda/read.ts";
import { client, PASSWORD, signInAs, type Client } from "../support/accounts.ts";
import { pdfPaper, scheduledMeeting } from "../support/agenda.ts";
import { postgresUnavailable, startPostgres, type PostgresCluster } from "../support/postgres.ts";

const BIN = new URL("../../bin/quorum", import.meta.url).pathname;
const fixture = (p: string) => new URL(`../fixtures/${p}`, import.meta.url).pathname;
const PDF = fixture("pdf/Minutes-December-5-2023.pdf");
const DOCX = fixture("docx/westbury-parish-council-2025-01-14.docx");
const HTML = fixture("html/cabinet-2024-03-12.html");
const V1 = fixture("exempt/staffs-2016-12-12-v1-item-35-public.txt");
const V2 = fixture("exempt/staffs-2016-12-12-v2-item-35-exempt.txt");

const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");
const fileSha = (f: string) => sha(readFileSync(f));
const tmp = mkdtempSync(join(tmpdir(), "quorum-originals-"));
let cluster: Promise<PostgresCluster> | null = null;
after(async () => {
  if (cluster) await (await cluster).stop();
  rmSync(tmp, { recursive: true, force: true });
});

function quorum(env: Record<string, string>, ...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", env: { ...process.env, DATABASE_URL: "", ...env } });
  assert.equal(r.status, 0, `quorum ${args.join(" ")}: ${r.stderr}${r.stdout}`);
  return r;
}

interface Site {
  url: string;
  docs: string;
  env: Record<string, string>;
  import(...args: string[]): void;
  open(): Promise<{ db: Db; app: ReturnType<typeof createApp>; anon: Client; clerk: Client; slugOf(file: string): Promise<string>; close(): Promise<void> }>;
}

let n = 0;
async function site(dialect: "sqlite" | "postgres"): Promise<Site> {
  const dir = join(tmp, `site-${++n}`);
  mkdirSync(dir);
  let url: string;
  if (dialect === "sqlite") url = join(dir, "q.db");
  else {
    cluster ??= startPostgres();
    url = await (await cluster).createDatabase();
  }
  const docs = join(dir, "documents");
  const env = { QUORUM_DOCUMENTS_DIR: docs };
  return {
    url,
    docs,
    env,
    import: (...args) => void quorum(env, "import", "--db", url, ...args),
    async open() {
      const db = await openStore(url);
      // the clerk, unless this store has one already (opened before, or restored from a backup)
      const made = await addUser(db, { email: "clerk@council.gov.uk", role: "clerk", displayName: "Colin Clerk" }, new Date("2026-03-01T09:00:00Z")).catch(() => null);
      if (made) await setPasswordHash(db, made.id, await hashPassword(PASSWORD), new Date("2026-03-01T09:00:00Z"));
      const app = createApp({ db, documents: folderDocumentStore(docs) });
      const clerk = client(app);
      assert.equal((await signInAs(clerk, "clerk@council.gov.uk")).status, 303);
      return {
        db,
        app,
        anon: client(app),
        clerk,
        async slugOf(file) {
          const name = file.split("/").pop()!;
          const row = await db
            .selectFrom("meetings")
            .innerJoin("source_documents", "source_documents.id", "meetings.source_document_id")
            .where("source_documents.file_name", "=", name)
            .select("meetings.slug")
            .executeTakeFirstOrThrow();
          return row.slug;
        },
        close: () => db.destroy(),
      };
    },
  };
}

const original = (slug: string) => `/meetings/${encodeURIComponent(slug)}/minutes/original`;

async function bytesOf(res: Response): Promise<Uint8Array> {
  return new Uint8Array(await res.arrayBuffer());
}

for (const dialect of ["sqlite", "postgres"] as const) {
  const skip = dialect === "postgres" ? postgresUnavailable() : null;
  describe(`original minutes documents (${dialect})`, { skip: skip ?? false }, () => {
    test("a PDF, a Word document and an HTML page imported by `quorum import` download as the same bytes, offered on the meeting page and in the API", async () => {
      const s = await site(dialect);
      s.import(PDF, DOCX, HTML);
      // a second import of the same bytes changes nothing and writes no second file
      s.import(PDF, DOCX, HTML);
      const stored = readdirSync(s.docs, { recursive: true }).filter((f) => String(f).split("/").length === 2);
      assert.deepEqual(stored.map((f) => String(f).split("/")[1]).sort(), [PDF, DOCX, HTML].map(fileSha).sort(), "one file per distinct content, named by its SHA-256");
      const o = await s.open();
      try {
        for (const [file, type, label] of [
          [PDF, "application/pdf", "PDF"],
          [DOCX, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word"],
          [HTML, "text/html", "HTML"],
        ] as const) {
          const slug = await o.slugOf(file);
          const res = await o.anon.get(original(slug));
          assert.equal(res.status, 200, file);
          assert.equal(sha(await bytesOf(res)), fileSha(file), `${file}: the same bytes`);
          assert.equal(res.headers.get("content-type")?.split(";")[0], type);
          assert.match(res.headers.get("content-disposition") ?? "", /^attachment; filename="[A-Za-z0-9._-]+"/);
          assert.equal(res.headers.get("x-content-type-options"), "nosniff");
          // an HTML original never runs as part of the site: sandboxed, no script, no fetches
          assert.match(res.headers.get("content-security-policy") ?? "", /sandbox/);
          assert.match(res.headers.get("content-security-policy") ?? "", /default-src 'none'/);
          const page = await (await o.anon.get(`/meetings/${encodeURIComponent(slug)}`)).text();
          const kb = Math.max(1, Math.round(readFileSync(file).length / 1024));
          assert.match(page, new RegExp(`href="${original(slug)}"[^>]*>\\s*Original minutes document<span class="govuk-visually-hidden">[^<]*</span>\\s*</a>\\s*<span class="qm-count">\\(${label}, ${kb} KB\\)</span>`), `${file}: offered on the page`);
          const api = (await (await o.anon.get(`/api/v1/meetings/${encodeURIComponent(slug)}`)).json()) as { originalDocument?: { url: string; mediaType: string; bytes: number } | null };
          assert.deepEqual(api.originalDocument, { url: original(slug), mediaType: type, bytes: readFileSync(file).length });
        }
      } finally {
        await o.close();
      }
    });

    test("draft minutes from a review import have no original to download, signed out or in", async () => {
      const s = await site(dialect);
      s.import("--review", V1);
      const o = await s.open();
      try {
        const slug = (await o.db.selectFrom("meetings").select("slug").executeTakeFirstOrThrow()).slug;
        const kept = await o.db.selectFrom("source_documents").select(["document_key", "media_type"]).executeTakeFirstOrThrow();
        assert.deepEqual(kept, { document_key: fileSha(V1), media_type: "text/plain" }, "the original is kept, and withheld by the rule");
        assert.equal((await o.anon.get(original(slug))).status, 404);
        assert.equal((await o.clerk.get(original(slug))).status, 404);
      } finally {
        await o.close();
      }
    });

    test("minutes with an exempt item: refused signed out (no link, no API link), given to a clerk; only the current version is ever served", async () => {
      const s = await site(dialect);
      s.import(V1);
      let o = await s.open();
      const slug = await o.slugOf(V1);
      try {
        const before = await o.anon.get(original(slug));
        assert.equal(before.status, 200, "the first version has no exempt item");
        assert.equal(sha(await bytesOf(before)), fileSha(V1));
      } finally {
        await o.close();
      }
      // a corrected document for the same meeting: a new version, now with item 35 exempt
      s.import(V2);
      o = await s.open();
      try {
        assert.equal(await o.slugOf(V2), slug);
        const refused = await o.anon.get(original(slug));
        assert.equal(refused.status, 404, "the exempt item's text is in the original");
        const page = await (await o.anon.get(`/meetings/${encodeURIComponent(slug)}`)).text();
        assert.ok(!page.includes(original(slug)), "no link for the public");
        const api = (await (await o.anon.get(`/api/v1/meetings/${encodeURIComponent(slug)}`)).json()) as { originalDocument?: unknown };
        assert.equal(api.originalDocument, null);
        const clerk = await o.clerk.get(original(slug));
        assert.equal(clerk.status, 200);
        const got = sha(await bytesOf(clerk));
        assert.equal(got, fileSha(V2), "the clerk gets the current version");
        assert.notEqual(got, fileSha(V1), "never the earlier one");
        assert.equal(clerk.headers.get("cache-control"), "private, no-store");
        assert.ok((await (await o.clerk.get(`/meetings/${encodeURIComponent(slug)}`)).text()).includes(original(slug)), "the clerk is offered it");
      } finally {
        await o.close();
      }
    });

    test("a document imported before originals were kept gets its original when the same bytes are imported again, still unchanged", async () => {
      const s = await site(dialect);
      s.import(PDF);
      let o = await s.open();
      const slug = await o.slugOf(PDF);
      try {
        // as a store upgraded from a release that kept only the text
        await o.db.updateTable("source_documents").set({ document_key: null, media_type: null, original_name: null }).execute();
        assert.equal((await o.anon.get(original(slug))).status, 404);
      } finally {
        await o.close();
      }
      rmSync(s.docs, { recursive: true, force: true });
      const again = quorum(s.env, "import", "--db", s.url, PDF);
      assert.match(again.stdout, /ok 0 \(0 new, 0 updated in place\), unchanged 1/);
      o = await s.open();
      try {
        const res = await o.anon.get(original(slug));
        assert.equal(res.status, 200);
        assert.equal(sha(await bytesOf(res)), fileSha(PDF));
      } finally {
        await o.close();
      }
    });

    test("`quorum check` finds a document a row names that is missing, and counts files no row names", async () => {
      const s = await site(dialect);
      s.import(PDF);
      const ok = quorum(s.env, "check", "--db", s.url);
      assert.match(ok.stdout, /documents \(1 kept, 0 that no row names\)/);
      // a file left by an import that was rolled back: harmless, and counted
      mkdirSync(join(s.docs, "ab"), { recursive: true });
      writeFileSync(join(s.docs, "ab", `ab${"0".repeat(62)}`), "stray");
      assert.match(quorum(s.env, "check", "--db", s.url).stdout, /documents \(2 kept, 1 that no row names\)/);
      rmSync(join(s.docs, fileSha(PDF).slice(0, 2), fileSha(PDF)));
      const r = spawnSync(process.execPath, [BIN, "check", "--db", s.url], { encoding: "utf8", env: { ...process.env, DATABASE_URL: "", ...s.env } });
      assert.equal(r.status, 1);
      assert.match(r.stderr, new RegExp(`^quorum: check failed: .*1 document the database names is missing from ${s.docs}: ${fileSha(PDF)}`));
    });

    test("backup and restore into a fresh database and document folder: the original and a paper download again; an old one-file backup still restores", async () => {
      const s = await site(dialect);
      s.import(PDF);
      let o = await s.open();
      let paperUrl = "";
      const paper = await pdfPaper(["MILL LANE OFFICER REPORT"]);
      let slug = "";
      try {
        slug = await o.slugOf(PDF);
        const documents = folderDocumentStore(s.docs);
        const m = await scheduledMeeting(o.db, { date: "2026-03-19", slug: "planning-2026-03-19" });
        const actor = { userId: null, label: "test" };
        const at = new Date("2026-03-10T15:00:00Z");
        const item = await addAgendaItem(o.db, m.slug, { number: "1", title: "Land at Mill Lane", reportAuthor: null, wards: null, decisionMaker: null, exempt: false, exemptParagraph: null }, actor, at);
        const p = await addPaper(o.db, documents, m.slug, { itemId: item.id, title: "Officer report", fileName: "report.pdf", bytes: paper, exempt: false, exemptParagraph: null }, actor, at);
        const version = (await readAgenda(o.db, m.slug, { kind: "staff", userId: 0, role: "clerk", bodies: "all", today: null }, { all: true }))!.version;
        await publishAgenda(o.db, documents, m.slug, { version, lateReason: null, paperUrl: (id) => `/x/${id}` }, actor, at);
        paperUrl = `/meetings/${m.slug}/documents/paper-${p.id}`;
        assert.equal((await o.anon.get(paperUrl)).status, 200);
      } finally {
        await o.close();
      }
      const backup = join(tmp, `backup-${n}`);
      quorum(s.env, "backup", "--db", s.url, "--out", backup);

      const fresh = await site(dialect);
      quorum(fresh.env, "restore", "--db", fresh.url, backup);
      o = await fresh.open();
      try {
        const got = await o.anon.get(original(slug));
        assert.equal(got.status, 200);
        assert.equal(sha(await bytesOf(got)), fileSha(PDF));
        const p = await o.anon.get(paperUrl);
        assert.equal(p.status, 200);
        assert.equal(sha(await bytesOf(p)), sha(paper));
        assert.equal((await o.anon.get("/meetings/planning-2026-03-19/documents/pack")).status, 200, "the reports pack too");
      } finally {
        await o.close();
      }

      // a backup written before documents were kept in it: the database alone
      if (dialect === "sqlite") {
        const old = join(tmp, `old-${n}.db`);
        copyFileSync(s.url, old);
        const again = await site(dialect);
        quorum(again.env, "restore", "--db", again.url, old);
        o = await again.open();
        try {
          assert.equal(await o.slugOf(PDF), slug);
        } finally {
          await o.close();
        }
      }
    });
  });
}
