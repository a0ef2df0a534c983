#!/usr/bin/env node
// `npm run build`: compiles src/ to JavaScript in dist/ (or --out DIR) so production runs plain
// `node dist/cli/main.js` without tsx, then copies the files modules read at run time (static
// assets, any JSON or data) beside the compiled code. The output directory is emptied first so
// no stale module survives a rename. It must sit at the top of the project, like dist/: modules
// find package.json and node_modules by walking up from themselves.
import { cpSync, readdirSync, rmSync, statSync } from "node:fs";
import { dirname, extname, join, relative, resolve } from "node:path";
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const at = args.indexOf("--out");
const out = resolve(at >= 0 ? args[at + 1] ?? "" : join(root, "dist"));
if (dirname(out) !== root || out === join(root, "src")) {
  console.error(`build: --out must be a new folder at the top of the project (like dist/), not ${out}`);
  process.exit(1);
}

rmSync(out, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
const r = spawnSync(process.execPath, [tsc, "-p", join(root, "tsconfig.build.json"), "--outDir", out], { stdio: "inherit", cwd: root });
if (r.status !== 0) process.exit(r.status ?? 1);

const src = join(root, "src");
let copied = 0;
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (![".ts", ".tsx"].includes(extname(name))) {
      cpSync(path, join(out, relative(src, path)));
      copied++;
    }
  }
};
walk(src);
console.log(`built ${relative(root, out)}/ (${copied} asset files copied)`);
