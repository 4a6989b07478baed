/**
 * `gpforge diff` as a command line gives it, whichever parser read it: yargs (commands.ts) or,
 * for a simple command line, simpleDiffCommand() below. Both hand the same arguments to
 * runDiffCommand(), so the two paths cannot drift apart after parsing.
 *
 * Simple means, as for build (simple-build-command.ts): `diff <base> [head]` first, then only
 * `--format`, `--fail-on`, `--src`, `--admx`, each `--name value`, values that cannot be mistaken
 * for options, `--format` and `--fail-on` once and one of their choices. A CI job runs exactly
 * such a line on every pull request, and yargs (with the text-width packages it loads) costs a
 * tenth of a 727-policy diff (issue 12's bar: within 2× one validate). Anything else is
 * undefined here and goes to yargs. test/cli/simple-diff-command.test.ts compares the two
 * readings on generated command lines.
 */
import type { DiffArgs, DiffFormat } from './run-diff.js';
import { isPlainValue, readSimpleOptions, type OptionKind } from './simple-build-command.js';

export type DiffCommandRunner = (args: DiffArgs) => Promise<number>;

/** Runs diff; returns the exit code. */
export const runDiffCommand: DiffCommandRunner = async (args) => {
  const { runDiff } = await import('./run-diff.js');
  return runDiff(args);
};

/** The same options, choices and defaults as the diff command in src/cli/commands.ts. */
const DIFF_FORMATS: readonly DiffFormat[] = ['text', 'markdown', 'json', 'github'];
const OPTIONS: Readonly<Record<string, OptionKind>> = { format: DIFF_FORMATS, 'fail-on': ['breaking', 'none'], src: 'list', admx: 'list' };

export function simpleDiffCommand(argv: readonly string[]): DiffArgs | undefined {
  const [command, base, ...rest] = argv;
  if (command !== 'diff' || !isPlainValue(base)) return undefined;
  const head = isPlainValue(rest[0]) ? rest[0] : undefined;
  const options = readSimpleOptions(head === undefined ? rest : rest.slice(1), OPTIONS);
  if (!options) return undefined;
  const { lists, texts } = options;
  return {
    base,
    head,
    src: lists.get('src') ?? ['policies'],
    admx: lists.get('admx'),
    format: (texts.get('format') ?? 'text') as DiffFormat,
    failOn: (texts.get('fail-on') ?? 'none') as DiffArgs['failOn'],
  };
}
