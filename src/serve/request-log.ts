// Request ids and structured request logs. Each request gets an id: the caller's x-request-id
// when it is short and plain (so a proxy's id carries through), otherwise a new UUID. The id is
// echoed in the x-request-id response header and shown on error pages for a visitor to quote.
// With a log writer, one JSON line is written per request once its body is known (its length in
// Content-Length) or, for a body sent as a stream, once it has been sent:
//   {"time","level":"info","requestId","method","path","status","durationMs","bytes"}
// The path is logged without its query string: search words and filters can hold names, and
// the logs should not become a record of who looked for whom.
import { randomUUID } from "node:crypto";
import type { Context, MiddlewareHandler } from "hono";
import type { LogWriter } from "./deps.ts";

const REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

export function requestIdFrom(header: string | undefined): string {
  return header && REQUEST_ID.test(header) ? header : randomUUID();
}

export function requestContext(log: LogWriter | undefined): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    const requestId = requestIdFrom(c.req.header("x-request-id"));
    c.set("requestId", requestId);
    c.set("log", log);
    if (log) sizeStringBodies(c);
    await next();
    c.res.headers.set("x-request-id", requestId);
    if (log) logWhenSent(c, log, requestId, started);
  };
}

/**
 * Pages and JSON answers are strings in memory: their length in bytes goes in Content-Length as
 * they are made, and the log reads it there. Otherwise the log must count the body as a stream,
 * and under @hono/node-server reading the body turns the string into a web stream (a USVString
 * conversion of the whole page, then copied chunk by chunk) instead of one write to the socket:
 * 15-20% of a meeting page's CPU under load (bench/results/profile.md).
 */
function sizeStringBodies(c: Context): void {
  const html = c.html;
  const json = c.json;
  const sized = (headers: Record<string, string | string[]> | undefined, body: string) => ({ ...headers, "content-length": String(Buffer.byteLength(body)) });
  c.html = ((body, arg, headers) => (typeof body === "string" ? html(body, arg as never, sized(headers, body)) : html(body, arg as never, headers))) as typeof c.html;
  c.json = ((object: unknown, arg: unknown, headers: Record<string, string | string[]> | undefined) => {
    const body = JSON.stringify(object);
    if (typeof body !== "string") return json(object as never, arg as never, headers);
    return c.body(body, arg as never, { "content-type": "application/json", ...sized(headers, body) });
  }) as unknown as typeof c.json;
}

function logWhenSent(c: Context, log: LogWriter, requestId: string, started: number): void {
  const write = (bytes: number) =>
    log(
      JSON.stringify({
        time: new Date().toISOString(),
        level: "info",
        requestId,
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        durationMs: Math.round((performance.now() - started) * 10) / 10,
        bytes,
      }),
    );
  const res = c.res;
  const length = res.headers.get("content-length");
  if (c.req.method === "HEAD" || length !== null) return write(Number(length ?? 0));
  // Headers and status are copied before the body is touched: reading .body of
  // @hono/node-server's lightweight Response rebuilds it from the headers it was created with,
  // dropping those set since (the security headers, x-request-id).
  const headers = new Headers(res.headers);
  const status = res.status;
  const body = res.body;
  if (!body) return write(0);
  c.res = new Response(counted(body, write), { status, headers });
}

/** The same body, counting its bytes and reporting once it has been read to the end or dropped. */
function counted(body: ReadableStream<Uint8Array>, done: (bytes: number) => void): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  let bytes = 0;
  let reported = false;
  const report = () => {
    if (!reported) done(bytes);
    reported = true;
  };
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done: end, value } = await reader.read();
        if (end) {
          report();
          controller.close();
          return;
        }
        bytes += value.byteLength;
        controller.enqueue(value);
      } catch (err) {
        report();
        controller.error(err);
      }
    },
    async cancel(reason) {
      report();
      await reader.cancel(reason);
    },
  });
}

/** A server-side error with its stack: to the log when there is one, to stderr otherwise. */
export function logError(c: Context, err: Error): void {
  const log = c.get("log");
  if (!log) {
    console.error(`${c.req.method} ${c.req.path}:`, err);
    return;
  }
  log(
    JSON.stringify({
      time: new Date().toISOString(),
      level: "error",
      requestId: c.get("requestId"),
      method: c.req.method,
      path: c.req.path,
      error: err.message,
      stack: err.stack,
    }),
  );
}
