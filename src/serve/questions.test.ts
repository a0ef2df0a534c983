// Question time on the meeting page and in the API, from real minutes (an excerpt of Limerick's
// Metropolitan District, test/fixtures/questions/), on SQLite and PostgreSQL. The question asked
// after the public were excluded names "Quarrymount", a word found nowhere else: a crawl of every
// public page and API route, and searches for it, never find it.
import { after, describe, test } from "node:test";
import assert from "node:assert/strict";
import { resolve } from "node:path";
import { parsedDb, stopPostgres } from "../../test/support/portal-db.ts";
import { postgresUnavailable } from "../../test/support/postgres.ts";
import { calendarWithin, crawl } from "../../test/support/crawl.ts";
import { createApp } from "./app.ts";

const FIXTURE = resolve(import.meta.dirname, "../../test/fixtures/questions/limerick-metropolitan-2024-11-18-questions.md");
const MEETING = "limerick-city-and-county-council-metropolitan-district-of-limerick-2024-11-18-0945";
const words = (s: string): string => s.toLowerCase().replace(/&[a-z]+;|&#\d+;/g, " ").replace(/<[^>]+>/g, " ").replace(/[^a-z0-9]+/g, " ").trim();

for (const dialect of ["sqlite", "postgres"] as const) {
  const skip = dialect === "postgres" ? postgresUnavailable() ?? false : false;
  describe(`question time on the portal, on ${dialect}`, { skip }, () => {
    after(() => stopPostgres());

    test("public questions and declaration kinds are on the meeting page and in the API; the exempt question is on no public surface", async () => {
      const t = await parsedDb([FIXTURE], dialect);
      try {
        const app = createApp({ db: t.db });
        const starts = ["/", "/api/v1", "/api/v1/openapi.json", `/meetings/${MEETING}`, `/api/v1/meetings/${MEETING}`, "/search?q=Quarrymount", "/api/v1/search?q=Quarrymount", "/search?q=tenancy+arrears", "/api/v1/search?q=repayment"];
        const visits = await crawl(app, starts, { follow: calendarWithin("2024-11", "2024-11") });
        const pages = [...visits.values()];
        assert.deepEqual(pages.filter((v) => v.status !== 200).map((v) => `${v.status} ${v.url}`), []);
        const leaks = pages.filter((v) => {
          const asked = words(decodeURIComponent(v.url.replace(/\+/g, " ")));
          return ["quarrymount", "repayment plan", "tenancy arrears settlement"].some((p) => words(v.body).includes(p) && !asked.includes(p));
        });
        assert.deepEqual(leaks.map((v) => v.url), []);
        assert.ok(pages.some((v) => v.url === `/meetings/${MEETING}/minutes`), "the minutes text was reached");

        const page = visits.get(`/meetings/${MEETING}`)!.body;
        assert.match(page, /id="questions"/);
        assert.match(page, /Asked by Councillor D\. McSweeney/);
        assert.ok(words(page).includes(words("The Rosbrien Road Active Travel scheme will provide a link")), "the reply is on the page");
        assert.match(page, /qm-declaration-kind">Personal</);

        const api = JSON.parse(visits.get(`/api/v1/meetings/${MEETING}`)!.body);
        assert.deepEqual(
          api.questions.map((q: { askedBy: string; item: { number: string } }) => [q.askedBy, q.item.number]),
          [
            ["Councillor D. McSweeney", "3"],
            ["Councillor E. O’Donovan", "4"],
          ],
        );
        assert.equal(api.declarations[0].kind, "personal");
        const openapi = JSON.parse(visits.get("/api/v1/openapi.json")!.body);
        const detail = JSON.stringify(openapi.components.schemas.MeetingDetail);
        for (const field of ["questions", "askedBy", "askedTo", "answer", "disclosable_pecuniary", "minutesStated"]) assert.ok(detail.includes(field), `OpenAPI documents ${field}`);
      } finally {
        await t.close();
      }
    });
  });
}
