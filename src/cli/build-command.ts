/**
 * `gpforge build` and `gpforge validate` as a command line gives them, whichever parser read it:
 * yargs (commands.ts) or, for simple command lines, simple-build-command.ts. Both hand the same
 * arguments to runBuildCommand(), so the two paths cannot drift apart after parsing.
 */
import type { Console, ConsoleOptions } from './console.js';
import type { DiagnosticFormat } from '../diagnostics/format.js';
import type { OutputKind } from '../emit/output-kinds.js';

/** Exit codes: 0 success, 1 invalid input, 2 usage error, 3 internal error. */
export const EXIT = { ok: 0, invalid: 1, usage: 2, internal: 3 } as const;

export interface BuildCommandArgs {
  readonly command: 'build' | 'validate';
  readonly src: readonly string[];
  readonly admx?: readonly string[] | undefined;
  readonly domain?: string | undefined;
  readonly dc?: string | undefined;
  /** build only (validate writes nothing). */
  readonly out?: string | undefined;
  readonly check?: boolean | undefined;
  readonly templates?: string | undefined;
  readonly zip?: string | undefined;
  /** build only: `--only`, already checked. */
  readonly only?: readonly OutputKind[] | undefined;
  /** `--intune`: also warn about what Intune refuses. */
  readonly intune?: boolean | undefined;
  readonly format: DiagnosticFormat;
  readonly quiet: boolean;
  readonly verbose: boolean;
}

export type BuildCommandRunner = (args: BuildCommandArgs) => Promise<number>;

/** The console for a command's options (loaded with the command). */
export async function consoleFor(args: ConsoleOptions): Promise<Console> {
  const { Console } = await import('./console.js');
  return new Console(args);
}

/** Runs build or validate; returns the exit code. */
export const runBuildCommand: BuildCommandRunner = async (args) => {
  const { runBuild } = await import('./run-build.js');
  const { command, src, admx, domain, dc, out, check, templates, zip, only, intune } = args;
  const console = await consoleFor(args);
  return runBuild(command === 'validate' ? { src, admx, domain, dc, intune } : { src, admx, domain, dc, out, check, templates, zip, only, intune }, console);
};
