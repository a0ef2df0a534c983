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

registerParse(program);
(await import("./import.ts")).registerImport(program);
(await import("./migrate.ts")).registerMigrate(program);
(await import("./serve.ts")).registerServe(program);
(await import("./backup.ts")).registerBackup(program);
(await import("./restore.ts")).registerRestore(program);
(await import("./check.ts")).registerCheck(program);
(await import("./user.ts")).registerUser(program);
(await import("./release.ts")).registerRelease(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) process.exit(err.exitCode);
  process.stderr.write(`quorum: ${oneLine(err)}\n`);
  if (process.env.QUORUM_DEBUG) console.error(err);
  process.exit(1);
}
