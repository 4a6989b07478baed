#!/usr/bin/env node
/**
 * The command line (DESIGN.md §3). Editors and hooks run gpforge on every save, so start-up
 * counts (issue 11): `--help` and `--version` are answered from text captured at build time
 * (cli/fast-output.ts), a simple build, validate or import command line is read without
 * yargs (cli/simple-build-command.ts, cli/import-command.ts), and everything else goes to
 * yargs (cli/commands.ts).
 * Exit codes: 0 success, 1 invalid input, 2 usage error, 3 internal error.
 */
import * as nodeModule from 'node:module';
import { EXIT, runBuildCommand } from './cli/build-command.js';
import { fastOutput } from './cli/fast-output.js';
import { simpleBuildCommand } from './cli/simple-build-command.js';
import { runImportCommandLine, simpleImportCommand } from './cli/import-command.js';

/**
 * Node ≥ 22.1 keeps compiled modules between runs (module.enableCompileCache) when asked before
 * they load; Node 20 has no such cache for ES modules, and this does nothing there.
 */
function enableCompileCache(): void {
  try {
    (nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.();
  } catch {
    // Only an optimisation: without the cache, modules compile as usual.
  }
}

async function run(argv: string[]): Promise<number> {
  const simple = simpleBuildCommand(argv);
  if (simple !== undefined) return runBuildCommand(simple);
  const simpleImport = simpleImportCommand(argv);
  if (simpleImport !== undefined) return runImportCommandLine(simpleImport);
  const { main } = await import('./cli/commands.js');
  return main(argv);
}

function runCommand(argv: string[]): void {
  enableCompileCache();
  run(argv).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(`gpforge: internal error (a bug in gpforge): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = EXIT.internal;
    },
  );
}

const argv = process.argv.slice(2);
const fast = fastOutput(argv);
if (fast !== undefined) process.stdout.write(fast);
else runCommand(argv);
