// The version users see comes from package.json, read beside the code so it also holds in dist/.
import { readFileSync } from "node:fs";

export function quorumVersion(): string {
  return (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }).version;
}
