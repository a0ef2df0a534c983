// The one error handler. Every failure on every surface ends here: the API answers one JSON
// shape with a stable id, pages answer a readable HTML page; neither ever shows a stack trace.
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { ZodError } from "zod";
import { QuorumError, type ErrorCode } from "../domain/errors.ts";
import { ErrorPage } from "./pages/error.tsx";
import { renderPage } from "./render.tsx";
import { logError } from "./request-log.ts";

const STATUS: Record<ErrorCode, number> = {
  invalid: 400,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unsupported: 415,
  unreadable: 422,
  internal: 500,
};

const CODE_OF_STATUS: Record<number, ErrorCode> = {
  400: "invalid",
  403: "forbidden",
  404: "not_found",
  409: "conflict",
  415: "unsupported",
  422: "unreadable",
};

export interface Problem {
  id: ErrorCode;
  status: number;
  message: string;
}

export function toProblem(err: unknown): Problem {
  if (err instanceof QuorumError) return { id: err.code, status: STATUS[err.code], message: err.message };
  if (err instanceof ZodError) {
    const first = err.issues[0];
    const where = first?.path.length ? `${first.path.join(".")}: ` : "";
    return { id: "invalid", status: 400, message: `${where}${first?.message ?? "invalid request"}` };
  }
  if (err instanceof HTTPException) {
    const id = CODE_OF_STATUS[err.status] ?? (err.status >= 500 ? "internal" : "invalid");
    return { id, status: err.status, message: err.status >= 500 ? "Something went wrong on our side." : err.message.split("\n")[0] || "Bad request" };
  }
  return { id: "internal", status: 500, message: "Something went wrong on our side." };
}

export function isApi(c: Context): boolean {
  return c.req.path === "/api" || c.req.path.startsWith("/api/") || c.req.path === "/oparl" || c.req.path.startsWith("/oparl/");
}

// An error kept by a browser or proxy would hide the page once it is fixed or published.
const NO_STORE = { "cache-control": "no-store" };

export function respondWithProblem(c: Context, p: Problem): Response {
  if (isApi(c)) return c.json({ error: { id: p.id, status: p.status, message: p.message } }, p.status as 400, NO_STORE);
  return c.html(renderPage(c, <ErrorPage problem={p} />), p.status as 400, NO_STORE);
}

export function onError(err: Error, c: Context): Response {
  const p = toProblem(err);
  if (p.status >= 500) logError(c, err);
  return respondWithProblem(c, p);
}

export function onNotFound(c: Context): Response {
  return respondWithProblem(c, {
    id: "not_found",
    status: 404,
    message: isApi(c) ? `No API route at ${c.req.path}` : "Page not found",
  });
}
