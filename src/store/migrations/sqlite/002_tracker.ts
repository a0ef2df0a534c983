// SQLite schema, version 2: the recommendation tracker, actions, work programmes and the forward
// plan. Frozen: change the schema with a new numbered migration, never by editing this one.
// Imported rows are keyed by what the minutes say (meeting, recommendation number, item and
// clause), so a re-import updates them in place and keeps the updates people have added.
import { sql, type Kysely } from "kysely";

const NOW = `(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

const statements = [
  `CREATE TABLE inquiries (
    id INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    authority_id INTEGER NOT NULL REFERENCES authorities(id),
    title TEXT NOT NULL,
    committee_name TEXT,
    committee_body_id INTEGER REFERENCES bodies(id),
    chair TEXT,
    lead_member TEXT,
    lead_officer TEXT,
    report_date TEXT,
    received_on TEXT,
    response_period_months INTEGER,
    response_meeting_id INTEGER UNIQUE REFERENCES meetings(id) ON DELETE SET NULL,
    source TEXT NOT NULL DEFAULT 'manual' CHECK (source IN ('minutes','manual')),
    created_at TEXT NOT NULL DEFAULT ${NOW},
    updated_at TEXT NOT NULL DEFAULT ${NOW}
  )`,
  `CREATE INDEX inquiries_authority ON inquiries (authority_id)`,
  // The months after the response at which updates are asked for; none means the default 6 and 12.
  `CREATE TABLE inquiry_schedules (
    inquiry_id INTEGER NOT NULL REFERENCES inquiries(id) ON DELETE CASCADE,
    months_after INTEGER NOT NULL CHECK (months_after > 0),
    PRIMARY KEY (inquiry_id, months_after)
  )`,
  `CREATE TABLE tracked_recommendations (
    id INTEGER PRIMARY KEY,
    inquiry_id INTEGER NOT NULL REFERENCES inquiries(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    number TEXT NOT NULL,
    text TEXT NOT NULL,
    response TEXT CHECK (response IN ('yes','partially','no')),
    response_text TEXT,
    responsible_member TEXT,
    responsible_officer TEXT,
    action_by TEXT,
    responded_on TEXT,
    response_meeting_id INTEGER REFERENCES meetings(id) ON DELETE SET NULL,
    closure_outcome TEXT CHECK (closure_outcome IN ('implemented','not_implemented','superseded')),
    closure_date TEXT,
    closure_note TEXT,
    created_at TEXT NOT NULL DEFAULT ${NOW},
    updated_at TEXT NOT NULL DEFAULT ${NOW},
    UNIQUE (inquiry_id, number)
  )`,
  `CREATE TABLE recommendation_updates (
    id INTEGER PRIMARY KEY,
    recommendation_id INTEGER NOT NULL REFERENCES tracked_recommendations(id) ON DELETE CASCADE,
    date TEXT NOT NULL,
    rag TEXT NOT NULL CHECK (rag IN ('red','amber','green')),
    text TEXT NOT NULL,
    by_name TEXT,
    created_at TEXT NOT NULL DEFAULT ${NOW}
  )`,
  `CREATE INDEX recommendation_updates_recommendation ON recommendation_updates (recommendation_id, date)`,
  `CREATE TABLE actions (
    id INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    body_id INTEGER NOT NULL REFERENCES bodies(id),
    meeting_id INTEGER REFERENCES meetings(id) ON DELETE CASCADE,
    item_slug TEXT,
    item_number TEXT,
    resolution_position INTEGER,
    label TEXT,
    text TEXT NOT NULL,
    owner TEXT,
    recipient TEXT,
    due TEXT,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','done','dropped')),
    answered_meeting_id INTEGER REFERENCES meetings(id) ON DELETE SET NULL,
    source TEXT NOT NULL DEFAULT 'manual' CHECK (source IN ('minutes','manual')),
    created_at TEXT NOT NULL DEFAULT ${NOW},
    updated_at TEXT NOT NULL DEFAULT ${NOW}
  )`,
  `CREATE INDEX actions_body ON actions (body_id)`,
  `CREATE INDEX actions_meeting ON actions (meeting_id)`,
  `CREATE INDEX actions_answered ON actions (answered_meeting_id)`,
  `CREATE TABLE action_updates (
    id INTEGER PRIMARY KEY,
    action_id INTEGER NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
    date TEXT NOT NULL,
    text TEXT NOT NULL,
    by_name TEXT,
    created_at TEXT NOT NULL DEFAULT ${NOW}
  )`,
  `CREATE INDEX action_updates_action ON action_updates (action_id, date)`,
  `CREATE TABLE work_programme_items (
    id INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    body_id INTEGER NOT NULL REFERENCES bodies(id),
    title TEXT NOT NULL,
    title_key TEXT NOT NULL,
    planned_for TEXT,
    status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned','considered','removed')),
    created_at TEXT NOT NULL DEFAULT ${NOW},
    updated_at TEXT NOT NULL DEFAULT ${NOW},
    UNIQUE (body_id, title_key)
  )`,
  `CREATE TABLE work_programme_events (
    id INTEGER PRIMARY KEY,
    item_id INTEGER NOT NULL REFERENCES work_programme_items(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('added','moved','removed','considered')),
    on_date TEXT NOT NULL,
    from_slot TEXT,
    to_slot TEXT,
    note TEXT,
    meeting_id INTEGER REFERENCES meetings(id) ON DELETE SET NULL,
    UNIQUE (item_id, position)
  )`,
  `CREATE TABLE forward_plan_entries (
    id INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    authority_id INTEGER NOT NULL REFERENCES authorities(id),
    reference TEXT,
    decision TEXT NOT NULL,
    decision_maker TEXT NOT NULL,
    body_id INTEGER REFERENCES bodies(id),
    planned_date TEXT NOT NULL,
    first_published TEXT NOT NULL,
    private_reason TEXT,
    private_paragraphs TEXT,
    notice_exception TEXT CHECK (notice_exception IN ('general_exception','special_urgency')),
    created_at TEXT NOT NULL DEFAULT ${NOW},
    updated_at TEXT NOT NULL DEFAULT ${NOW}
  )`,
  `CREATE INDEX forward_plan_planned ON forward_plan_entries (authority_id, planned_date)`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ["forward_plan_entries", "work_programme_events", "work_programme_items", "action_updates", "actions", "recommendation_updates", "tracked_recommendations", "inquiry_schedules", "inquiries"]) {
    await sql.raw(`DROP TABLE IF EXISTS ${t}`).execute(db);
  }
}
