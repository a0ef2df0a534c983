// How members voted on a meeting's decisions. Read by decision id, so only the decisions a viewer
// may see (the meeting read has already applied the visibility rule to them) get their votes.
import type { Db } from "../db.ts";
import { preparedRead } from "../prepared.ts";
import { MEMBER_VOTES } from "../schema.ts";
import type { RecordedVotesView } from "./types.ts";

const votesOf = preparedRead((db: Db, p: { meetingId: number }) =>
  db
    .selectFrom("decision_votes")
    .leftJoin("people", "people.id", "decision_votes.person_id")
    .where("decision_votes.meeting_id", "=", p.meetingId)
    .select(["decision_votes.resolution_id", "decision_votes.position", "decision_votes.vote", "decision_votes.raw_name", "people.slug", "people.display_name"]),
);

export async function recordedVotes(db: Db, meetingId: number): Promise<Map<number, RecordedVotesView>> {
  // sorted here, not by the database: decision_votes_resolution gives that order, and a plan walking
  // it for the meeting's few votes reads every vote in the archive (test/store/generic-plans.test.ts)
  const rows = (await votesOf(db, { meetingId }, null)).sort((a, b) => a.resolution_id - b.resolution_id || a.position - b.position);
  const out = new Map<number, RecordedVotesView>();
  for (const r of rows) {
    let view = out.get(r.resolution_id);
    if (!view) out.set(r.resolution_id, (view = Object.fromEntries(MEMBER_VOTES.map((v) => [v, []])) as unknown as RecordedVotesView));
    view[r.vote].push({ name: r.raw_name, person: r.slug ? { slug: r.slug, name: r.display_name! } : null });
  }
  return out;
}
