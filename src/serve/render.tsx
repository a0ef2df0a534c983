import type { Child } from "hono/jsx";

/** A full HTML document from a page element; the doctype cannot be written in JSX. */
export function renderPage(page: Child): string {
  return "<!DOCTYPE html>" + String(page);
}
