/**
 * `gpforge import` as a command line gives it, whichever parser read it: yargs (commands.ts) or,
 * for a simple command line, simpleImportCommand() below. Both hand the same arguments to
 * runImportCommandLine(), so the two paths cannot drift apart after parsing.
 *
 * Simple means, as for build (simple-build-command.ts): `import <path>` first, then only
 * `--out`, `--locale`, `--force`, `--format`, `--quiet`, `--verbose`, each `--name value` or
 * `--flag`, values that cannot be mistaken for options, no option repeated (but --locale).
 * Loading and running yargs costs about a tenth of importing the Windows templates (issue 11).
 * Anything else is undefined here and goes to yargs. test/cli/simple-import-command.test.ts
 * compares the two readings on generated command lines.
 */
import { consoleFor, EXIT } from './build-command.js';
import type { ConsoleOptions } from './console.js';
import type { ImportCommandArgs } from './run-import.js';
import type { DiagnosticFormat } from '../diagnostics/format.js';
import { DIAGNOSTIC_FORMATS, isPlainValue, readSimpleOptions, type OptionKind } from './simple-build-command.js';

export type ImportCommandLine = ImportCommandArgs & ConsoleOptions & { readonly reorder: boolean };
export type ImportCommandRunner = (args: ImportCommandLine) => Promise<number>;

/** Runs import and prints its outcome; exit 1 when it holds an error. */
export const runImportCommandLine: ImportCommandRunner = async (args) => {
  const [{ runImportCommand }, { hasErrors }] = await Promise.all([import('./run-import.js'), import('../diagnostics/diagnostic.js')]);
  const console = await consoleFor(args);
  const outcome = await runImportCommand(args, (m) => console.progress(m));
  console.report(outcome.diagnostics, outcome.texts, outcome.summary);
  return hasErrors(outcome.diagnostics) ? EXIT.invalid : EXIT.ok;
};

/** The same options, types and defaults as the import command in src/cli/commands.ts (the GPO-only ones go to yargs). */
const OPTIONS: Readonly<Record<string, OptionKind>> = { out: 'text', locale: 'list', force: 'flag', format: DIAGNOSTIC_FORMATS, quiet: 'flag', verbose: 'flag' };

export function simpleImportCommand(argv: readonly string[]): ImportCommandLine | undefined {
  const [command, path, ...rest] = argv;
  if (command !== 'import' || !isPlainValue(path)) return undefined;
  const options = readSimpleOptions(rest, OPTIONS);
  if (!options) return undefined;
  const { lists, texts, flags } = options;
  return {
    path,
    out: texts.get('out') ?? 'policies',
    locale: lists.get('locale') ?? ['en-US'],
    force: flags.has('force'),
    reorder: false,
    format: (texts.get('format') ?? 'text') as DiagnosticFormat,
    quiet: flags.has('quiet'),
    verbose: flags.has('verbose'),
  };
}
