// Browser tests drive the Debian Chromium through playwright-core (no downloaded browser), with
// a fresh profile per run, and check pages with axe-core injected from node_modules.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve, type ServerType } from "@hono/node-server";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import type { Hono } from "hono";
import { skipUnlessCi } from "./ci.ts";

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve("axe-core/axe.min.js");

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Why the browser suites cannot run here, or false when they can; under CI, an error instead. */
export function chromiumUnavailable(): string | false {
  return skipUnlessCi(existsSync(CHROMIUM) ? null : `no Chromium at ${CHROMIUM} (install Debian's chromium or set CHROMIUM_PATH)`);
}

const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export interface Browser {
  context: BrowserContext;
  page(): Promise<Page>;
  close(): Promise<void>;
}

/** One Chromium with a throwaway profile; close() removes the profile. */
export async function launchBrowser(): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), "quorum-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: { width: 1200, height: 900 },
    locale: "en-GB",
    timezoneId: "Europe/London",
    // axe is added as a script tag, which the pages' own Content-Security-Policy would refuse.
    bypassCSP: true,
  });
  context.setDefaultTimeout(15_000);
  return {
    context,
    page: () => context.newPage(),
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Collects the page's script errors and console errors as they happen. The browser reports the 404
 * status of the not-found page itself as a console error, so that one is left out.
 */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && !/status of 404/.test(m.text())) errors.push(`${page.url()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => errors.push(`${page.url()}: ${e.message}`));
  return errors;
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** Serves an app on a free loopback port. */
export async function startServer(app: Hono): Promise<RunningServer> {
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve()))),
  };
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; html: string }[];
}

export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/** Runs axe-core on the page as it stands and returns the WCAG 2.2 A/AA violations. */
export async function axe(page: Page): Promise<AxeViolation[]> {
  // Strings, not functions: the test code is type-checked without the DOM library.
  if (!(await page.evaluate("typeof window.axe !== 'undefined'"))) await page.addScriptTag({ path: AXE_PATH });
  const opts = JSON.stringify({ runOnly: { type: "tag", values: AXE_TAGS }, resultTypes: ["violations"] });
  return page.evaluate<AxeViolation[]>(`window.axe.run(document, ${opts}).then((r) => r.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, html: n.html.slice(0, 200) })),
  })))`);
}

export function describeViolations(vs: AxeViolation[]): string {
  return vs.map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `   ${n.target.join(" ")}: ${n.html}`).join("\n")}`).join("\n");
}
