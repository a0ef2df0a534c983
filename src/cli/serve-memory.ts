// How much memory a process serving requests may hold. V8 sizes its heap for the machine (about a
// quarter of its memory: 4 GB here) and, while requests allocate quickly, lets garbage pile up
// towards that before collecting: a `quorum serve` process under 50 connections reached 600 MB
// resident with 50-110 MB of it live. A serving process is given a deliberate bound instead: an old
// generation of QUORUM_SERVE_HEAP_MB (default 128, twice the live set measured under load) and a
// young generation of 8 MB semi-spaces (V8's default is 16), so it collects sooner and more often
// in smaller steps. What the operator sets in NODE_OPTIONS or on node's command line wins.
import { QuorumError } from "../domain/errors.ts";

const DEFAULT_HEAP_MB = 128;
const SEMI_SPACE_MB = 8;

/** The V8 flags a serving worker process is started with (none the operator has set already). */
export function serveHeapFlags(env: NodeJS.ProcessEnv = process.env, execArgv: string[] = process.execArgv): string[] {
  const given = [...execArgv, ...(env.NODE_OPTIONS ?? "").split(/\s+/)];
  const has = (flag: string) => given.some((a) => a === flag || a.startsWith(`${flag}=`) || a.replace(/_/g, "-").startsWith(`${flag}=`));
  const flags: string[] = [];
  if (!has("--max-old-space-size")) flags.push(`--max-old-space-size=${heapMB(env.QUORUM_SERVE_HEAP_MB)}`);
  if (!has("--max-semi-space-size")) flags.push(`--max-semi-space-size=${SEMI_SPACE_MB}`);
  return flags;
}

function heapMB(value: string | undefined): number {
  if (value === undefined || value.trim() === "") return DEFAULT_HEAP_MB;
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || n < 64 || n > 65536) throw new QuorumError("invalid", `QUORUM_SERVE_HEAP_MB must be a whole number of megabytes from 64 to 65536, not "${value}"`);
  return n;
}
