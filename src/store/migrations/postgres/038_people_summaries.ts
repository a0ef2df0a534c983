// Version 38: person_summaries. The SQL is the same on both databases, so PostgreSQL runs
// SQLite's migration (src/store/migrations/sqlite/038_people_summaries.ts). Frozen once released.
export { up, down } from "../sqlite/038_people_summaries.ts";
