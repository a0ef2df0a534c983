// Routes validate with schemas made once, when their module loads, never inside a handler: zod does
// its work (building and compiling the parser) when a schema is made, 0.1-0.2 ms each time, and
// parsing with a made schema costs a microsecond or two. Read from the route modules' source: a
// schema made in a handler is either passed straight to readQuery/readParams/safeParse, or made on
// a line indented as a handler's body is.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const SERVE = fileURLToPath(new URL(".", import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Where a schema is made per request in this source text: line numbers with the line. */
export function schemasMadePerRequest(text: string): string[] {
  const found = new Map<number, string>();
  const lineOf = (index: number) => text.slice(0, index).split("\n").length;
  const add = (line: number, what: string) => void (found.has(line) || found.set(line, `${line}: ${what.replace(/\s+/g, " ").slice(0, 80)}`));
  // made in the argument list of the call that uses it
  for (const m of text.matchAll(/\b(?:readQuery|readParams)\(\s*c\s*,\s*(?:z\.|[A-Za-z_$][\w$]*\.(?:extend|merge|pick|omit|partial)\()/g)) add(lineOf(m.index!), m[0]);
  for (const m of text.matchAll(/(?:\bz\.(?:object|strictObject)|\.(?:extend|merge|pick|omit|partial))\((?:[^;]*?)\)\s*\.(?:safeParse|parse)\(/g)) add(lineOf(m.index!), m[0]);
  // made on a line of a handler's body (module-level schemas start at the margin or two spaces in)
  text.split("\n").forEach((line, i) => {
    if (/^ {4,}/.test(line) && /\bz\.(?:object|strictObject)\(/.test(line) && !/^\s*(?:\/\/|\*)/.test(line)) add(i + 1, line.trim());
  });
  return [...found.values()];
}

test("the check finds a schema made in a handler, in each of the ways one can be", () => {
  const handler = (body: string) => `app.get("/x", async (c) => {\n    ${body}\n  });`;
  assert.equal(schemasMadePerRequest(handler("const q = readQuery(c, z.object({ page }));")).length, 1);
  assert.equal(schemasMadePerRequest(handler("const q = readParams(c, bySlug.extend({ id }));")).length, 1);
  assert.equal(schemasMadePerRequest(handler("const r = z.object({ version }).safeParse(form);")).length, 1);
  assert.equal(schemasMadePerRequest(handler("const r = membershipForm.extend({ body }).safeParse(form);")).length, 1);
  assert.equal(schemasMadePerRequest(handler("const schema = z.object({ version });")).length, 1);
  assert.deepEqual(schemasMadePerRequest(`const bySlug = z.object({ slug });\n${handler("const q = readParams(c, bySlug);")}`), []);
});

test("no route module makes a zod schema per request", () => {
  const found = sources(SERVE).flatMap((file) => schemasMadePerRequest(readFileSync(file, "utf8")).map((hit) => `${relative(SERVE, file)}:${hit}`));
  assert.deepEqual(found, []);
});
