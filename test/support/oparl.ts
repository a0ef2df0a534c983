// Validates OParl output against the OParl 1.1 JSON schemas copied into test/fixtures (see its
// SOURCE.txt), with ajv. The schemas use keywords of their own ("references", "backreference",
// "cardinality", "schema") that describe links rather than constrain values, and the format "url";
// their patterns escape ":" and "/", which a regular expression with the "u" flag refuses, so they
// are compiled without it;
// ajv ignores the first and checks the second as an absolute http(s) URL. An embedded object (a
// Meeting's AgendaItems, a Paper's File) is validated against its own type's schema too.
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { Ajv, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";

const SCHEMAS = resolve(import.meta.dirname, "../fixtures/oparl-1.1-schema");
const TYPE = /^https:\/\/schema\.oparl\.org\/1\.1\/(\w+)$/;

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

export function oparlValidator(): (value: unknown) => string[] {
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats(ajv);
  ajv.addFormat("url", (s: string) => {
    try {
      const u = new URL(s);
      return u.protocol === "http:" || u.protocol === "https:";
    } catch {
      return false;
    }
  });
  const validators = new Map<string, ValidateFunction>();
  for (const f of readdirSync(SCHEMAS).filter((n) => n.endsWith(".json"))) {
    const schema = JSON.parse(readFileSync(join(SCHEMAS, f), "utf8"));
    validators.set(f.replace(/\.json$/, ""), ajv.compile(schema));
  }
  const check = (value: unknown, path: string, out: string[]) => {
    if (Array.isArray(value)) value.forEach((v, i) => check(v, `${path}[${i}]`, out));
    else if (value && typeof value === "object") {
      const type = (value as { type?: unknown }).type;
      const m = typeof type === "string" ? TYPE.exec(type) : null;
      if (m) {
        const validate = validators.get(m[1]);
        if (!validate) out.push(`${path}: no schema for ${m[1]}`);
        else if (!validate(value)) out.push(...validate.errors!.map((e) => `${path} (${m[1]})${e.instancePath} ${e.message}`));
      }
      for (const [k, v] of Object.entries(value)) check(v, `${path}.${k}`, out);
    }
  };
  return (value) => {
    const out: string[] = [];
    check(value, "$", out);
    return out;
  };
}

/** The OParl types an answer holds, itself and embedded. */
export function oparlTypes(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) oparlTypes(v, out);
  else if (value && typeof value === "object") {
    const type = (value as { type?: unknown }).type;
    const m = typeof type === "string" ? TYPE.exec(type) : null;
    if (m) out.add(m[1]);
    for (const v of Object.values(value)) oparlTypes(v, out);
  }
  return out;
}
