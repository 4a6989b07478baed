#!/usr/bin/env node
/**
 * The command line (DESIGN.md §3): parses arguments, reads files, calls compile(), prints
 * diagnostics, writes the bundle, sets the exit code. No logic of its own.
 * Exit codes: 0 success, 1 invalid input, 2 usage error, 3 internal error.
 */
import yargs, { type Argv } from 'yargs';
import { hideBin } from 'yargs/helpers';
import { runImport, runLint, type Outcome } from './cli-admx.js';
import { compile } from './compile.js';
import { diagnostic, hasErrors, type Diagnostic } from './diagnostics/diagnostic.js';
import { formatDiagnostics, locateAll, type DiagnosticFormat } from './diagnostics/format.js';
import { compileTemplates } from './emit/templates.js';
import { readPolicyDefinitions } from './load/admx/read-policy-definitions.js';
import { readSources } from './load/read-sources.js';
import { readTemplateSources } from './load/template-sources.js';
import { writeBundle } from './write/write-bundle.js';

const EXIT = { ok: 0, invalid: 1, usage: 2, internal: 3 } as const;

interface CommonArgs {
  src: string[];
  format: DiagnosticFormat;
  domain?: string;
  dc?: string;
  admx?: string[];
}

function formatOption<T>(y: Argv<T>) {
  return y.option('format', { choices: ['text', 'json', 'github'] as const, default: 'text' as DiagnosticFormat, describe: 'How diagnostics are printed' });
}

function commonOptions<T>(y: Argv<T>) {
  return formatOption(y)
    .option('src', { type: 'string', array: true, default: ['policies'], describe: 'YAML file or folder of YAML files (repeatable)' })
    .option('admx', { type: 'string', array: true, describe: 'Folder (or .admx) of existing templates GPO files may use, e.g. PolicyDefinitions (repeatable)' })
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

/** Prints an import/lint outcome; exit 1 when it holds an error. */
function finish(outcome: Outcome, format: DiagnosticFormat): number {
  report(outcome.diagnostics, outcome.texts, format, outcome.summary);
  return hasErrors(outcome.diagnostics) ? EXIT.invalid : EXIT.ok;
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

/** Existing templates named by --admx, for GPO files to configure (read once per run). */
function readExternal(paths: readonly string[]) {
  const results = paths.map((path) => readPolicyDefinitions(path));
  return {
    definitions: results.flatMap((r) => r.definitions),
    diagnostics: results.flatMap((r) => r.diagnostics),
    texts: results.flatMap((r) => [...r.texts]),
  };
}

function run(args: CommonArgs & { out?: string }, emit: boolean): number {
  const read = readSources(args.src);
  const external = readExternal(args.admx ?? []);
  const texts = new Map([...read.sources.map((s) => [s.path, s.text] as const), ...external.texts]);
  const inputDiagnostics = [...read.diagnostics, ...external.diagnostics];
  if (hasErrors(inputDiagnostics)) {
    report(inputDiagnostics, texts, args.format, 'nothing built');
    return EXIT.invalid;
  }
  const templates = compileTemplates(readTemplateSources());
  const gpoDefaults = { ...(args.domain !== undefined && { domain: args.domain }), ...(args.dc !== undefined && { domainController: args.dc }) };
  const options = { templates, emit, gpoDefaults, backupTime: backupTime(), externalDefinitions: external.definitions };
  const result = compile(read.sources, options);
  const diagnostics = [...inputDiagnostics, ...result.diagnostics];
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
    .command(
      'import <path>',
      'Turn existing ADMX/ADML (one .admx or a PolicyDefinitions folder) into definitions YAML',
      (y) =>
        formatOption(y)
          .positional('path', { type: 'string', demandOption: true, describe: '.admx file or PolicyDefinitions folder' })
          .option('out', { type: 'string', default: 'policies', describe: 'Folder for the YAML files' })
          .option('locale', { type: 'string', array: true, default: ['en-US'], describe: 'ADML languages to import (repeatable); the first is the default' })
          .option('force', { type: 'boolean', default: false, describe: 'Overwrite existing YAML files' }),
      (args) => void (exitCode = finish(runImport({ path: args.path, out: args.out, locale: args.locale, force: args.force }), args.format)),
    )
    .command(
      'lint <path>',
      'Check existing ADMX/ADML for what breaks GPMC or Intune import',
      (y) =>
        formatOption(y)
          .positional('path', { type: 'string', demandOption: true, describe: '.admx file or PolicyDefinitions folder' })
          .option('locale', { type: 'string', array: true, default: ['en-US'], describe: 'ADML languages to check (repeatable)' }),
      (args) => void (exitCode = finish(runLint(args.path, args.locale), args.format)),
    )
    .demandCommand(1, 'Name a command: build, validate, import or lint')
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
