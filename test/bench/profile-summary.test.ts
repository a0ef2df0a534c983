import { test } from "node:test";
import assert from "node:assert/strict";
import { busyTotalUs, categorise, summarise, type CpuProfile } from "../../bench/lib/profile-summary.ts";

const frame = (functionName: string, url = "") => ({ functionName, url });
const SQLITE = frame("executeQuery", "file:///q/node_modules/kysely/dist/esm/dialect/sqlite/sqlite-driver.js");
const ROUTE = frame("meetingPage", "file:///q/src/serve/meetings/route.tsx");
const STORE = frame("readMeeting", "file:///q/src/store/read/meeting.ts");
const JSX = frame("toStringToBuffer", "file:///q/node_modules/hono/dist/jsx/base.js");
const KYSELY = frame("visitNode", "file:///q/node_modules/kysely/dist/esm/operation-node/operation-node-visitor.js");
const HONO = frame("dispatch", "file:///q/node_modules/hono/dist/compose.js");
const BUFFER = frame("write", "node:buffer");

test("a statement claims its whole stack, wherever the leaf is", () => {
  assert.equal(categorise([BUFFER, SQLITE, STORE, ROUTE]), "database statements");
  assert.equal(categorise([frame("all"), frame("x", "file:///q/node_modules/better-sqlite3/lib/methods/wrappers.js"), STORE]), "database statements");
  assert.equal(categorise([frame("parse", "file:///q/node_modules/pg-protocol/dist/parser.js"), STORE]), "database statements");
});

test("otherwise the frame nearest the leaf in a package or Quorum's code decides, Node's own last", () => {
  assert.equal(categorise([KYSELY, STORE, ROUTE]), "query building (Kysely)");
  assert.equal(categorise([BUFFER, JSX, ROUTE]), "HTML rendering (JSX)");
  assert.equal(categorise([STORE, ROUTE, HONO]), "Quorum's own code");
  assert.equal(categorise([frame("executeParser", "file:///q/node_modules/chrono-node/dist/esm/x.js"), frame("readItem", "file:///q/src/parse/decisions/find.ts"), STORE]), "reading and parsing minutes");
  assert.equal(categorise([BUFFER, HONO]), "Hono (routing, middleware, writing the response)");
  assert.equal(categorise([BUFFER, frame("emit", "node:events")]), "Node (HTTP, streams, buffers)");
  assert.equal(categorise([frame("(garbage collector)")]), "garbage collection");
  assert.equal(categorise([frame("(idle)")]), "idle");
  assert.equal(categorise([frame("f", "file:///elsewhere.js")]), "other");
});

test("only samples inside the window count, each for the time until the next", () => {
  // root → route → (statement | render); idle beside them
  const profile: CpuProfile = {
    nodes: [
      { id: 1, callFrame: frame("(root)"), children: [2, 5] },
      { id: 2, callFrame: ROUTE, children: [3, 4] },
      { id: 3, callFrame: SQLITE },
      { id: 4, callFrame: JSX },
      { id: 5, callFrame: frame("(idle)") },
    ],
    startTime: 1000,
    endTime: 1100,
    samples: [3, 3, 4, 5, 3, 4],
    timeDeltas: [10, 10, 10, 10, 10, 10], // samples at 1010, 1020, 1030, 1040, 1050, 1060
  };
  const all = summarise(profile);
  assert.equal(all.busyUs["database statements"], 30); // the last sample has no successor: 0 µs
  assert.equal(all.busyUs["HTML rendering (JSX)"], 10);
  assert.equal(all.idleUs, 10);
  assert.equal(busyTotalUs(all.busyUs), 40, "busy is every category's time, idle left out");
  const window = summarise(profile, 1015, 1045);
  assert.equal(window.busyUs["database statements"], 10);
  assert.equal(window.busyUs["HTML rendering (JSX)"], 10);
  assert.equal(window.idleUs, 10);
  assert.equal(window.windowUs, 30);
  assert.deepEqual(window.top.map((t) => t.name), ["executeQuery", "toStringToBuffer"]);
});
