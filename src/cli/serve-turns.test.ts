import { test } from "node:test";
import assert from "node:assert/strict";
import { createServer, connect, type AddressInfo } from "node:net";
import { takingTurns } from "./serve-turns.ts";

/** Work that holds the thread, as a request's synchronous SQLite reads do. */
function busy(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

test("requests start one a turn of the event loop, in the order they came", async () => {
  let turn = 0;
  let ticking = true;
  const tick = () => {
    turn++;
    if (ticking) setImmediate(tick);
  };
  setImmediate(tick);
  const starts: { id: number; turn: number }[] = [];
  const handle = takingTurns(async (id: number) => {
    starts.push({ id, turn });
    busy(2);
    return id * 10;
  });
  const answers = await Promise.all([0, 1, 2, 3].map((id) => handle(id)));
  ticking = false;
  assert.deepEqual(answers, [0, 10, 20, 30]);
  assert.deepEqual(starts.map((s) => s.id), [0, 1, 2, 3]);
  for (let i = 1; i < starts.length; i++) assert.ok(starts[i].turn > starts[i - 1].turn, `request ${i} started in turn ${starts[i].turn}, the one before it in ${starts[i - 1].turn}`);
});

test("a connection made while requests wait is taken in before the next request starts", async () => {
  const server = createServer((socket) => {
    order.push("connection");
    socket.destroy();
  });
  const order: string[] = [];
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  let client: ReturnType<typeof connect> | undefined;
  try {
    const handle = takingTurns(async (id: number) => {
      order.push(`request ${id}`);
      // the first request opens a connection; the kernel completes it while the thread is held
      if (id === 0) client = connect(port, "127.0.0.1").on("error", () => {});
      busy(30);
    });
    await Promise.all([0, 1, 2].map((id) => handle(id)));
    const until = Date.now() + 2000;
    while (!order.includes("connection") && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
    assert.ok(order.indexOf("connection") > 0 && order.indexOf("connection") < order.indexOf("request 2"), `in this order: ${order.join(", ")}`);
  } finally {
    client?.destroy();
    await new Promise((resolve) => server.close(resolve));
  }
});

test("a request that fails answers with its error, and the ones after it still run", async () => {
  const handle = takingTurns(async (id: number) => {
    if (id === 1) throw new Error("request 1 failed");
    return id;
  });
  const results = await Promise.allSettled([0, 1, 2].map((id) => handle(id)));
  assert.deepEqual(
    results.map((r) => (r.status === "fulfilled" ? r.value : (r.reason as Error).message)),
    [0, "request 1 failed", 2],
  );
});
