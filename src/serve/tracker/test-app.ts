// A portal with the tracker's routes over a store holding the Bucks and Staffs minutes, a few
// progress updates and a forward plan, judged as at a fixed date.
import type { Hono } from "hono";
import { openStore, type Db } from "../../store/db.ts";
import { closeRecommendation, listRecommendations } from "../../store/scrutiny/recommendations.ts";
import { addRecommendationUpdate } from "../../store/scrutiny/record.ts";
import { addKeyDecision } from "../../store/scrutiny/forward-plan.ts";
import { BUCKS, STAFFS, importFromCorpus, migrateAll } from "../../store/scrutiny/test-stores.ts";
import { createApp } from "../app.ts";
import { registerTracker } from "./routes.tsx";

export const AS_OF = "2018-11-01";

export interface TrackerFixture {
  app: Hono;
  db: Db;
  bucks: { meetingSlug: string };
  staffs: { meetingSlug: string };
  close(): Promise<void>;
}

export async function trackerFixture(): Promise<TrackerFixture> {
  const db = await openStore(":memory:", { migrate: false });
  await migrateAll(db);
  const bucks = await importFromCorpus(db, BUCKS);
  const staffs = await importFromCorpus(db, STAFFS);
  const recs = await listRecommendations(db, AS_OF);
  await addRecommendationUpdate(db, recs[1].id, { date: "2018-10-20", rag: "amber", text: "Business plan template being revised", by: "Claire Hawkes" });
  await addRecommendationUpdate(db, recs[4].id, { date: "2018-10-22", rag: "green", text: "Guidance published on the intranet", by: "Faye Blunstone" });
  await closeRecommendation(db, recs[0].id, { outcome: "implemented", date: "2018-04-30", note: "Statement published" });
  await addKeyDecision(db, {
    authority: "buckinghamshire-county-council",
    body: "buckinghamshire-county-council-cabinet",
    reference: "KD-2018-40",
    decision: "Modern slavery victim support: continuation of the pilot service",
    decisionMaker: "Cabinet",
    plannedDate: "2018-12-10",
    firstPublished: "2018-10-15",
    private: null,
    exception: null,
  });
  await addKeyDecision(db, {
    authority: "buckinghamshire-county-council",
    reference: "KD-2018-41",
    decision: "Award of the home care framework contract",
    decisionMaker: "Cabinet Member for Health and Wellbeing",
    plannedDate: "2018-11-20",
    firstPublished: "2018-10-30",
    private: { reason: "Tender prices are commercially sensitive", paragraphs: "3" },
    exception: null,
  });
  const app = createApp({ db, now: () => new Date(`${AS_OF}T12:00:00Z`) });
  // Until the app registers the tracker itself.
  if (!app.routes.some((r) => r.path === "/recommendations")) registerTracker(app, { db, now: () => new Date(`${AS_OF}T12:00:00Z`) });
  return { app, db, bucks, staffs, close: () => db.destroy() };
}
