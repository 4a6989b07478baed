/**
 * Every command line but `--help` and `--version` (src/cli.ts answers those from captured text):
 * a simple build, validate, import or diff command line is read without yargs
 * (simple-build-command.ts, import-command.ts, diff-command.ts), and everything else goes to
 * yargs (commands.ts).
 * In the bundle this is dist/core.cjs, run through V8's code cache (src/code-cache.ts).
 * Exit codes: 0 success, 1 invalid input, 2 usage error, 3 internal error.
 */
import { EXIT, runBuildCommand } from './build-command.js';
import { simpleBuildCommand } from './simple-build-command.js';
import { runImportCommandLine, simpleImportCommand } from './import-command.js';
import { runDiffCommand, simpleDiffCommand } from './diff-command.js';

async function run(argv: string[]): Promise<number> {
  const simple = simpleBuildCommand(argv);
  if (simple !== undefined) return runBuildCommand(simple);
  const simpleImport = simpleImportCommand(argv);
  if (simpleImport !== undefined) return runImportCommandLine(simpleImport);
  const simpleDiff = simpleDiffCommand(argv);
  if (simpleDiff !== undefined) return runDiffCommand(simpleDiff);
  const { main } = await import('./commands.js');
  return main(argv);
}

/** Runs the command line and sets the exit code; a thrown error is a gpforge bug (exit 3). */
export async function runCommand(argv: string[]): Promise<void> {
  try {
    process.exitCode = await run(argv);
  } catch (error) {
    process.stderr.write(`gpforge: internal error (a bug in gpforge): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = EXIT.internal;
  }
}
