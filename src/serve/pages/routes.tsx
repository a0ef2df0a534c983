import type { Hono } from "hono";
import type { AppDeps } from "../deps.ts";
import { renderPage } from "../render.tsx";
import { Layout } from "../components/layout.tsx";

export function registerPages(app: Hono, _deps: AppDeps): void {
  app.get("/", (c) =>
    c.html(
      renderPage(
        <Layout title="Quorum" section="home">
          <h1 class="govuk-heading-xl">Committees, meetings and decisions</h1>
        </Layout>,
      ),
    ),
  );
}
