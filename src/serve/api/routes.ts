import type { Hono } from "hono";
import type { AppDeps } from "../deps.ts";

export function registerApi(app: Hono, _deps: AppDeps): void {
  app.get("/api/v1", (c) => c.json({ openapi: "/api/v1/openapi.json" }));
}
