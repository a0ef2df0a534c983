// Adds a published agenda to every meeting of an archive, for measuring search with agenda entries
// beside the minutes' (npm run bench:search on the result, against the archive without them).
//   npm run bench:agendas -- --db PATH [--items N] [--papers N]
// Each meeting gets N agenda items (its own items' numbers and titles, with a report author, wards
// and a decision maker) with M papers each, one item in ten exempt with its papers. The entries are
// written by writeAgendaEntries, as publishing writes them, with each public paper's text taken
// from the meeting's item texts (no PDF is made or read: that cost is publishing's, not search's).
import { loadavg } from "node:os";
import { openStore } from "../src/store/db.ts";
import { agendaDb } from "../src/store/agenda/schema.ts";
import { writeAgendaEntries } from "../src/store/agenda/search.ts";
import { itemTexts, ITEM_TEXT_COLUMNS } from "../src/store/item-body.ts";
import { writeTransaction } from "../src/store/write.ts";

const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const path = args[args.indexOf("--db") + 1];
if (!args.includes("--db") || !path) {
  process.stderr.write("usage: npm run bench:agendas -- --db PATH [--items N] [--papers N]\n");
  process.exit(2);
}
const perMeeting = arg("--items", 6);
const papersPer = arg("--papers", 2);

const db = await openStore(path);
const adb = agendaDb(db);
const t0 = Date.now();
const meetings = await db.selectFrom("meetings").select(["id", "date"]).orderBy("id").execute();
let entries = 0;
for (const m of meetings) {
  const stored = await db.selectFrom("items").where("meeting_id", "=", m.id).select(["id", "number", "title", "exempt", "exempt_release_on", ...ITEM_TEXT_COLUMNS]).orderBy("position").limit(perMeeting).execute();
  const items = await itemTexts(db, m.id, stored);
  const at = `${m.date}T09:00:00Z`;
  await writeTransaction(db, async (t) => {
    const trx = t.withTables<import("../src/store/agenda/schema.ts").AgendaTables>();
    const pub = await trx.insertInto("agenda_publications").values({ meeting_id: m.id, sequence: 0, published_at: at, published_on: m.date, clear_days: 5, required_days: 5, late_reason: null, pack_key: "bench", pack_bytes: 0, pack_pages: 0, published_by: null }).returning("id").executeTakeFirstOrThrow();
    const texts = new Map<number, string>();
    for (const [n, item] of items.entries()) {
      const exempt = n % 10 === 9;
      const row = await trx
        .insertInto("agenda_items")
        .values({ meeting_id: m.id, position: n + 1, number: `A${n + 1}`, title: item.title, report_author: "Head of Planning and Regeneration", wards: "All wards", decision_maker: "Cabinet", exempt: exempt ? 1 : 0, exempt_paragraph: exempt ? "3" : null, publication_id: pub.id, created_at: at })
        .returning("id")
        .executeTakeFirstOrThrow();
      for (let p = 0; p < papersPer; p++) {
        const paper = await trx
          .insertInto("agenda_papers")
          .values({ item_id: row.id, meeting_id: m.id, position: p + 1, title: p === 0 ? "Report" : `Appendix ${String.fromCharCode(65 + p - 1)}`, format: "pdf", file_name: "paper.pdf", byte_length: 1, content_hash: "bench", document_key: "bench", page_count: 1, exempt: 0, exempt_paragraph: null, publication_id: pub.id, uploaded_at: at })
          .returning("id")
          .executeTakeFirstOrThrow();
        texts.set(paper.id, item.text ?? "");
      }
    }
    await writeAgendaEntries(trx, m.id, texts);
  });
  entries += items.length * (1 + papersPer);
}
await db.destroy();
console.log(JSON.stringify({ meetings: meetings.length, agendaEntries: entries, seconds: (Date.now() - t0) / 1000, load: loadavg()[0] }));
