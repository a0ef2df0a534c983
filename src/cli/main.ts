// The `quorum` command. Each subcommand lives in its own file; this one wires them and turns
// any error into one line on stderr with a non-zero exit, never a stack trace.
import { Command, CommanderError } from "commander";
import { oneLine } from "../domain/errors.ts";
import { registerParse } from "./parse.ts";
import { quorumVersion } from "./version.ts";

const program = new Command();
program
  .name("quorum")
  .description("Quorum: the record of committees and their meetings")
  .version(quorumVersion(), "-V, --version")
  .showHelpAfterError()
  .exitOverride();

// The other commands load the store, the web app and their libraries (PDF and Word writers among
// them): only the one asked for is loaded, so `quorum parse` starts without them. Help, an unknown
// command or none at all loads every one, so commander can list them.
const COMMANDS: Record<string, () => Promise<(program: Command) => void>> = {
  import: async () => (await import("./import.ts")).registerImport,
  migrate: async () => (await import("./migrate.ts")).registerMigrate,
  serve: async () => (await import("./serve.ts")).registerServe,
  backup: async () => (await import("./backup.ts")).registerBackup,
  restore: async () => (await import("./restore.ts")).registerRestore,
  check: async () => (await import("./check.ts")).registerCheck,
  user: async () => (await import("./user.ts")).registerUser,
  release: async () => (await import("./release.ts")).registerRelease,
  export: async () => (await import("./export.ts")).registerExport,
  mail: async () => (await import("./mail.ts")).registerMail,
};

registerParse(program);
const asked = process.argv[2];
if (asked !== "parse") {
  const needed = asked !== undefined && Object.hasOwn(COMMANDS, asked) ? [asked] : Object.keys(COMMANDS);
  for (const name of needed) (await COMMANDS[name]())(program);
}

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) process.exit(err.exitCode);
  process.stderr.write(`quorum: ${oneLine(err)}\n`);
  if (process.env.QUORUM_DEBUG) console.error(err);
  process.exit(1);
}
