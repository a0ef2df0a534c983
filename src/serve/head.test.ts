// HEAD answers the headers GET would, through the real Node server as well as app.request: the
// node server's Response dropped headers that middleware set after the route had answered.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import type { AddressInfo } from "node:net";
import { serve, type ServerType } from "@hono/node-server";
import { openStore, type Db } from "../store/db.ts";
import { createApp } from "./app.ts";

const PATHS = ["/", "/no/such/page", "/api/v1/authorities", "/api/v1/nothing", "/decisions?from=nonsense", "/assets/govuk-frontend.min.css", "/committees/"];
const COMPARED = ["content-security-policy", "x-content-type-options", "referrer-policy", "cache-control", "content-type", "location"];

let db: Db;
let app: ReturnType<typeof createApp>;
let server: ServerType;
let origin = "";
before(async () => {
  db = await openStore(":memory:");
  app = createApp({ db });
  server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise((resolve) => server.once("listening", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(async () => {
  await new Promise((resolve) => server.close(resolve));
  await db.destroy();
});

const pick = (res: Response) => Object.fromEntries(COMPARED.map((h) => [h, res.headers.get(h)]));

for (const [via, send] of [
  ["a listening @hono/node-server", (path: string, method: string) => fetch(origin + path, { method, redirect: "manual" })],
  ["app.request", (path: string, method: string) => app.request(path, { method })],
] as const) {
  test(`HEAD sends the same status and headers as GET, through ${via}`, async () => {
    for (const path of PATHS) {
      const get = await send(path, "GET");
      const getHeaders = pick(get); // read before the body: a consumed node-server response rebuilds its headers
      await get.arrayBuffer();
      const head = await send(path, "HEAD");
      assert.equal(head.status, get.status, path);
      assert.equal(getHeaders["x-content-type-options"], "nosniff", `${path} GET`);
      assert.deepEqual(pick(head), getHeaders, `${path}: HEAD headers differ from GET`);
      assert.equal((await head.arrayBuffer()).byteLength, 0, `${path}: HEAD has no body`);
    }
  });
}
