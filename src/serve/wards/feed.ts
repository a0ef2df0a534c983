// A ward's Atom feed: the agenda items that affect it, as each is published, and the key decisions
// that name it, as each enters the forward plan; read as the public sees them (store/wards/read.ts),
// written by the same `atomFeed` as every other feed.
import type { WardBusiness, WardSummary } from "../../store/wards/read.ts";
import { FEED_SIZE, type FeedEntry } from "../follow/atom.ts";
import { when } from "../forward-plan/describe.ts";
import { planUrls } from "../forward-plan/urls.ts";
import { formatLongDate } from "../format.ts";
import { urls } from "../urls.ts";

export function wardEntries(ward: WardSummary, b: WardBusiness, base: string): FeedEntry[] {
  const items: FeedEntry[] = [...b.upcoming, ...b.recent].map((i) => {
    const link = `${base}${urls.meeting(i.meeting.slug)}#agenda-item-${i.id}`;
    const at = new Date(i.publishedAt);
    return {
      id: link,
      link,
      title: `Agenda item: ${i.number ? `${i.number}. ` : ""}${i.title} (${i.body.name}, ${formatLongDate(i.meeting.date)})`,
      updated: at,
      published: at,
      summary: `On the agenda of the ${i.body.name}'s meeting on ${formatLongDate(i.meeting.date)}, affecting ${ward.name} ward.`,
    };
  });
  const decisions: FeedEntry[] = b.keyDecisions.map((d) => {
    const link = base + planUrls.decision(d.slug);
    const at = new Date(`${d.firstPublished}T00:00:00Z`);
    const privately = d.exempt ? ` To be taken in private${d.exempt.paragraphs ? ` (Schedule 12A paragraph ${d.exempt.paragraphs})` : ""}: ${d.exempt.reason}` : "";
    return { id: link, link, title: `Key decision: ${d.decision}`, updated: at, published: at, summary: `${d.decisionMaker}, expected ${when(d.plannedDate)}.${privately}` };
  });
  return [...items, ...decisions].sort((a, b) => b.updated.getTime() - a.updated.getTime() || (a.id < b.id ? -1 : 1)).slice(0, FEED_SIZE);
}
