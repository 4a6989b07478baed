#!/usr/bin/env node
/**
 * The command line (DESIGN.md §3): parses arguments, reads files, calls compile(), prints
 * diagnostics, writes the bundle, sets the exit code. No logic of its own.
 * Exit codes: 0 success, 1 invalid input, 2 usage error, 3 internal error.
 */
import yargs, { type Argv } from 'yargs';
import { hideBin } from 'yargs/helpers';
import { compile } from './compile.js';
import { diagnostic, hasErrors, type Diagnostic } from './diagnostics/diagnostic.js';
import { formatDiagnostics, locateAll, type DiagnosticFormat } from './diagnostics/format.js';
import { compileTemplates } from './emit/templates.js';
import { readSources } from './load/read-sources.js';
import { readTemplateSources } from './load/template-sources.js';
import { writeBundle } from './write/write-bundle.js';

const EXIT = { ok: 0, invalid: 1, usage: 2, internal: 3 } as const;

interface CommonArgs {
  src: string[];
  format: DiagnosticFormat;
  domain?: string;
  dc?: string;
}

function commonOptions<T>(y: Argv<T>) {
  return y
    .option('src', { type: 'string', array: true, default: ['policies'], describe: 'YAML file or folder of YAML files (repeatable)' })
    .option('format', { choices: ['text', 'json', 'github'] as const, default: 'text' as DiagnosticFormat, describe: 'How diagnostics are printed' })
    .option('domain', { type: 'string', describe: 'Source domain written into GPO backups when a GPO file names none (default example.com)' })
    .option('dc', { type: 'string', describe: 'Source domain controller written into GPO backups (default dc.<domain>)' });
}

/** Prints diagnostics to stdout (they are the product of validate) and a summary to stderr. */
function report(diagnostics: readonly Diagnostic[], texts: ReadonlyMap<string, string>, format: DiagnosticFormat, summary: string): void {
  const printed = formatDiagnostics(locateAll(diagnostics, texts), format);
  if (printed !== '' || format === 'json') process.stdout.write(printed);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  process.stderr.write(`gpforge: ${summary} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'})\n`);
}

/**
 * The time written into GPO backups: SOURCE_DATE_EPOCH (reproducible-builds.org) when set,
 * else a fixed instant, so that builds never depend on the clock.
 */
export const FIXED_BACKUP_TIME = new Date('2000-01-01T00:00:00Z');

function backupTime(): Date {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  return epoch !== undefined && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : FIXED_BACKUP_TIME;
}

function run(args: CommonArgs & { out?: string }, emit: boolean): number {
  const read = readSources(args.src);
  const texts = new Map(read.sources.map((s) => [s.path, s.text]));
  if (hasErrors(read.diagnostics)) {
    report(read.diagnostics, texts, args.format, 'nothing built');
    return EXIT.invalid;
  }
  const templates = compileTemplates(readTemplateSources());
  const gpoDefaults = { ...(args.domain !== undefined && { domain: args.domain }), ...(args.dc !== undefined && { domainController: args.dc }) };
  const result = compile(read.sources, { templates, emit, gpoDefaults, backupTime: backupTime() });
  const diagnostics = [...read.diagnostics, ...result.diagnostics];
  if (hasErrors(diagnostics)) {
    report(diagnostics, texts, args.format, emit ? `build failed, ${args.out} left unchanged` : 'invalid');
    return EXIT.invalid;
  }
  if (emit && args.out !== undefined) {
    try {
      writeBundle(args.out, result.files);
    } catch (error) {
      const failure = diagnostic('GPF1008', args.out, undefined, error instanceof Error ? error.message : String(error));
      report([...diagnostics, failure], texts, args.format, `${args.out} left unchanged`);
      return EXIT.invalid;
    }
  }
  const summary = emit ? `wrote ${result.files.length} files to ${args.out}` : `${read.sources.length} file${read.sources.length === 1 ? '' : 's'} valid`;
  report(diagnostics, texts, args.format, summary);
  return EXIT.ok;
}

export async function main(argv: string[]): Promise<number> {
  let exitCode: number = EXIT.ok;
  const parser = yargs(argv)
    .scriptName('gpforge')
    .command('build', 'Validate the YAML and write the bundle', (y) =>
      commonOptions(y).option('out', { type: 'string', default: 'out', describe: 'Bundle folder (replaced atomically)' }),
      (args) => void (exitCode = run(args, true)),
    )
    .command('validate', 'Validate the YAML only; exit 1 on any error', (y) => commonOptions(y), (args) => void (exitCode = run(args, false)))
    .demandCommand(1, 'Name a command: build or validate')
    .strict()
    .help()
    .version()
    .fail((message, error) => {
      throw error ?? new UsageError(message);
    });
  try {
    await parser.parseAsync();
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`gpforge: ${error.message}\nRun gpforge --help for usage.\n`);
    return EXIT.usage;
  }
  return exitCode;
}

/** A mistake in the command line itself (exit 2), as opposed to in the files it names. */
class UsageError extends Error {}

main(hideBin(process.argv)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(`gpforge: internal error (a bug in gpforge): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = EXIT.internal;
  },
);
