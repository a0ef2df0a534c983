// The address a `quorum serve` child process prints once it listens ("… serving on http://…").
import type { ChildProcess } from "node:child_process";

/** Resolves with the URL from the child's "serving on" line; rejects if it exits first or prints none in time. */
export function servingUrl(child: ChildProcess, timeoutMs = 60_000): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`no "serving on" line in ${timeoutMs / 1000} s: ${out}`)), timeoutMs);
    child.stdout!.on("data", (c: Buffer) => {
      out += c.toString();
      const m = /serving on (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code}: ${out}`));
    });
  });
}
