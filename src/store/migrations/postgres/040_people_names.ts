// Version 40: person_names. The SQL is the same on both databases, so PostgreSQL runs SQLite's
// migration (src/store/migrations/sqlite/040_people_names.ts). Frozen once released.
export { up, down } from "../sqlite/040_people_names.ts";
