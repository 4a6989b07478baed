/**
 * `gpforge --help` and `gpforge --version` without loading yargs: editors and hooks call them,
 * and loading yargs costs several times Node's own start-up (issue 11). The texts are exactly
 * what yargs prints, captured from it at build time into dist/cli-output.json
 * (src/build/bundle.ts). Where yargs would print something else (a terminal narrower than its 80
 * columns, another language, YARGS_DISABLE_WRAP) or the file is absent (running the sources),
 * the answer is undefined and yargs prints it.
 */
import { readFileSync } from 'node:fs';
import { packageFile } from '../package-files.js';

/** dist/cli-output.json: what yargs prints for each of these argument lists. */
export const FAST_OUTPUT_FILE = 'dist/cli-output.json';
export const FAST_ARGS = ['--help', '--version'] as const;

export function fastOutput(argv: readonly string[]): string | undefined {
  const [arg] = argv;
  if (argv.length !== 1 || !FAST_ARGS.some((fast) => fast === arg)) return undefined;
  if (arg === '--help' && !yargsPrintsCapturedHelp()) return undefined;
  try {
    const texts = JSON.parse(readFileSync(packageFile(FAST_OUTPUT_FILE), 'utf8')) as Record<string, string | undefined>;
    return texts[arg ?? ''];
  } catch {
    return undefined;
  }
}

/** True where yargs would print the help as captured: English, 80 columns wide. */
function yargsPrintsCapturedHelp(): boolean {
  const env = process.env;
  if (env.YARGS_DISABLE_WRAP) return false;
  const columns = process.stdout.columns;
  if (columns !== undefined && columns < 80) return false;
  // yargs picks its language from these variables, in this order (English when none is set).
  const locale = (env.LC_ALL || env.LC_MESSAGES || env.LANG || env.LANGUAGE || 'en_US').replace(/[.:].*/, '');
  return /^(en|C|POSIX)(_|$)/.test(locale);
}
