// Steps the browser journeys share: signing in on the sign-in page, checking a page with axe-core
// (and for script errors), and filling the clerk's agenda forms (an item; a paper upload).
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { axe, describeViolations } from "./browser.ts";
import { PASSWORD } from "./accounts.ts";
import { pdfPaper } from "./agenda.ts";

/** Signs in on the sign-in page the browser is on (it goes on to where it was sent from). */
export async function signInHere(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.fill("#email", email);
  await page.fill("#password", password);
  await Promise.all([page.waitForNavigation(), page.click("main button[type=submit]")]);
}

/**
 * No WCAG 2.2 A/AA violations on the page as it stands, and no script or console errors so far but
 * the failed loads `allowed` names (the browser logs a form's 4xx answer as one).
 */
export async function expectAccessible(page: Page, errors: string[], what: string, allowed = /Failed to load resource: the server responded with a status of (400|409|422)\b/): Promise<void> {
  const v = await axe(page);
  assert.deepEqual(v.map((x) => x.id), [], `${what}:\n${describeViolations(v)}`);
  assert.deepEqual(errors.filter((e) => !allowed.test(e)), [], `${what}: page errors`);
}

export interface AgendaItemFields {
  number: string;
  title: string;
  /** form field id → value: item-author, item-wards, item-decision-maker */
  extra?: Record<string, string>;
  /** the Schedule 12A paragraph for an exempt item, "" for public */
  exempt?: string;
}

/** Adds an item through the agenda page's "Add an item" form. */
export async function addItemInForm(page: Page, item: AgendaItemFields): Promise<void> {
  await page.fill("#item-number", item.number);
  await page.fill("#item-title", item.title);
  for (const [id, v] of Object.entries(item.extra ?? {})) await page.fill(`#${id}`, v);
  await page.selectOption("#item-exempt", item.exempt ?? "");
  await page.click("#add-item");
  await page.waitForLoadState();
}

export interface UploadFile {
  name: string;
  buffer: Buffer;
  mimeType: string;
}

/** Uploads a paper for the item labelled `item` ("2. Land at Mill Lane") through the agenda page's form. */
export async function uploadInForm(page: Page, item: string, title: string, file: UploadFile, exempt = ""): Promise<void> {
  await page.selectOption("#paper-item", { label: item });
  await page.fill("#paper-title", title);
  await page.setInputFiles("#paper-file", file);
  await page.selectOption("#paper-exempt", exempt);
  await page.click("#upload-paper");
  await page.waitForLoadState();
}

/** A PDF to upload whose pages carry the given text. */
export async function pdfUpload(name: string, pages: string[]): Promise<UploadFile> {
  return { name, buffer: Buffer.from(await pdfPaper(pages)), mimeType: "application/pdf" };
}
