// HEAD is answered by running GET and sending its status and final headers without the body.
// Hono's own HEAD handling rebuilds the response from the route's original one, and under
// @hono/node-server that copy drops every header middleware added after the route answered
// (security headers, caching), so HEAD is turned into GET before Hono sees it.
import type { Hono } from "hono";

export function answerHeadWithGet(app: Hono): void {
  const fetchGet = app.fetch;
  app.fetch = async (request, env, ctx) => {
    if (request.method !== "HEAD") return fetchGet(request, env, ctx);
    const res = await fetchGet(new Request(request, { method: "GET" }), env, ctx);
    const headers = new Headers(res.headers);
    await res.body?.cancel();
    return new Response(null, { status: res.status, statusText: res.statusText, headers });
  };
}
