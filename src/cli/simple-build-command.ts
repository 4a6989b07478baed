/**
 * `gpforge build` and `gpforge validate` read without yargs when the command line is simple:
 * the command first, then only its own options, each `--name value` or `--flag`, with values
 * that cannot be mistaken for options. Editors and hooks run exactly such command lines on every
 * save, and loading and running yargs costs about as much as Node's own start-up (issue 11).
 * Anything else (`--name=value`, `--no-flag`, a value starting with `-`, an unknown or repeated
 * option, `--help`) is undefined here and goes to yargs, which gives its own result or message.
 * The answers equal yargs' for the same command line: test/cli/simple-build-command.test.ts
 * compares the two on generated command lines.
 */
import type { BuildCommandArgs } from './build-command.js';
import type { DiagnosticFormat } from '../diagnostics/format.js';

/**
 * How each option is read; the same options, types and defaults as src/cli/commands.ts, except
 * `--only`, whose names yargs' path checks (a usage error lists the valid ones). An option with
 * choices takes one of them (anything else is left to yargs, whose message lists them).
 */
export type OptionKind = 'list' | 'text' | 'flag' | readonly string[];
/** `--format` of the commands that print diagnostics. */
export const DIAGNOSTIC_FORMATS: readonly DiagnosticFormat[] = ['text', 'json', 'github'];
const SOURCE_OPTIONS: Readonly<Record<string, OptionKind>> = { src: 'list', admx: 'list', domain: 'text', dc: 'text', intune: 'flag', format: DIAGNOSTIC_FORMATS, quiet: 'flag', verbose: 'flag' };
const BUILD_OPTIONS: Readonly<Record<string, OptionKind>> = { ...SOURCE_OPTIONS, out: 'text', check: 'flag', templates: 'text', zip: 'text' };
const OPTION = /^--([a-z]+(?:-[a-z]+)*)$/;

export function simpleBuildCommand(argv: readonly string[]): BuildCommandArgs | undefined {
  const [command, ...rest] = argv;
  if (command !== 'build' && command !== 'validate') return undefined;
  const known = command === 'build' ? BUILD_OPTIONS : SOURCE_OPTIONS;
  const options = readSimpleOptions(rest, known);
  if (!options) return undefined;
  const { lists, texts, flags } = options;
  const common = {
    src: lists.get('src') ?? ['policies'],
    admx: lists.get('admx'),
    domain: texts.get('domain'),
    dc: texts.get('dc'),
    intune: flags.has('intune'),
    format: (texts.get('format') ?? 'text') as DiagnosticFormat,
    quiet: flags.has('quiet'),
    verbose: flags.has('verbose'),
  };
  if (command === 'validate') return { command, ...common };
  return { command, ...common, out: texts.get('out') ?? 'out', check: flags.has('check'), templates: texts.get('templates'), zip: texts.get('zip') };
}

/** Options as simple command lines give them (see the top of this file); undefined when not simple. */
export interface SimpleOptions {
  readonly lists: ReadonlyMap<string, string[]>;
  readonly texts: ReadonlyMap<string, string>;
  readonly flags: ReadonlySet<string>;
}

export function readSimpleOptions(args: readonly string[], known: Readonly<Record<string, OptionKind>>): SimpleOptions | undefined {
  const lists = new Map<string, string[]>();
  const texts = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < args.length; i++) {
    const name = OPTION.exec(args[i] ?? '')?.[1] ?? '';
    const kind = Object.hasOwn(known, name) ? known[name] : undefined;
    if (kind === undefined || texts.has(name) || flags.has(name)) return undefined;
    if (kind === 'flag') {
      flags.add(name);
      continue;
    }
    const value = args[++i];
    if (!isPlainValue(value)) return undefined;
    if (kind === 'list') lists.set(name, [...(lists.get(name) ?? []), value]);
    else if (kind === 'text' || kind.includes(value)) texts.set(name, value);
    else return undefined;
  }
  return { lists, texts, flags };
}

/** A value or positional yargs reads as the text given: present, not empty, not option-like. */
export function isPlainValue(arg: string | undefined): arg is string {
  return arg !== undefined && arg !== '' && !arg.startsWith('-');
}
