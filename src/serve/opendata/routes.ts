// Open data: the OParl 1.1 API (/oparl/v1), the exports under /api/v1/export (Open Civic Data
// JSON and CSV bulk files), all read through the public reads.
import type { Hono } from "hono";
import type { AppDeps } from "../deps.ts";
import { registerOparl } from "./oparl-routes.ts";
import { registerExport } from "./export-routes.ts";

export function registerOpenData(app: Hono, deps: AppDeps): void {
  registerOparl(app, deps);
  registerExport(app, deps);
}
