#!/usr/bin/env node
/**
 * The command line (DESIGN.md §3): parses arguments and hands each command to its runner in
 * src/cli/. No logic of its own.
 * Exit codes: 0 success, 1 invalid input, 2 usage error, 3 internal error.
 */
import yargs, { type Argv } from 'yargs';
import { hideBin } from 'yargs/helpers';
import { runImport, runLint, type Outcome } from './cli/run-admx.js';
import { Console } from './cli/console.js';
import { runBuild } from './cli/run-build.js';
import { runInit } from './cli/run-init.js';
import { hasErrors } from './diagnostics/diagnostic.js';
import type { DiagnosticFormat } from './diagnostics/format.js';

const EXIT = { ok: 0, invalid: 1, usage: 2, internal: 3 } as const;

function outputOptions<T>(y: Argv<T>) {
  return y
    .option('format', { choices: ['text', 'json', 'github'] as const, default: 'text' as DiagnosticFormat, describe: 'How diagnostics are printed' })
    .option('quiet', { type: 'boolean', default: false, describe: 'Print diagnostics only: no summary, no progress' })
    .option('verbose', { type: 'boolean', default: false, describe: 'Also list every file written' });
}

function sourceOptions<T>(y: Argv<T>) {
  return outputOptions(y)
    .option('src', { type: 'string', array: true, default: ['policies'], describe: 'YAML file or folder of YAML files (repeatable)' })
    .option('admx', { type: 'string', array: true, describe: 'Folder (or .admx) of existing templates GPO files may use, e.g. PolicyDefinitions (repeatable)' })
    .option('domain', { type: 'string', describe: 'Source domain written into GPO backups when a GPO file names none (default example.com)' })
    .option('dc', { type: 'string', describe: 'Source domain controller written into GPO backups (default dc.<domain>)' });
}

/** Prints an import/lint outcome; exit 1 when it holds an error. */
function finish(outcome: Outcome, console: Console): number {
  console.report(outcome.diagnostics, outcome.texts, outcome.summary);
  return hasErrors(outcome.diagnostics) ? EXIT.invalid : EXIT.ok;
}

export async function main(argv: string[]): Promise<number> {
  let exitCode: number = EXIT.ok;
  const parser = yargs(argv)
    .scriptName('gpforge')
    .command(
      'init [dir]',
      'Scaffold a project: policies/ with a definitions file and a GPO file, .gitignore, a CI workflow',
      (y) =>
        outputOptions(y)
          .positional('dir', { type: 'string', default: '.', describe: 'Project folder' })
          .option('force', { type: 'boolean', default: false, describe: 'Overwrite existing files' }),
      (args) => void (exitCode = runInit({ dir: args.dir, force: args.force }, new Console(args))),
    )
    .command(
      'build',
      'Validate the YAML and write the bundle',
      (y) =>
        sourceOptions(y)
          .option('out', { type: 'string', default: 'out', describe: 'Bundle folder (replaced atomically)' })
          .option('check', { type: 'boolean', default: false, describe: 'Write nothing; exit 1 if out/ differs from what a build would write' })
          .option('templates', { type: 'string', describe: 'Folder of .hbs files overriding built-in templates of the same name' })
          .option('zip', { type: 'string', describe: 'Also write the whole bundle as one reproducible zip file' }),
      (args) => void (exitCode = runBuild(args, new Console(args))),
    )
    .command('validate', 'Validate the YAML only; exit 1 on any error', (y) => sourceOptions(y), (args) => void (exitCode = runBuild({ ...args, out: undefined }, new Console(args))))
    .command(
      'import <path>',
      'Turn existing ADMX/ADML (one .admx or a PolicyDefinitions folder) into definitions YAML',
      (y) =>
        outputOptions(y)
          .positional('path', { type: 'string', demandOption: true, describe: '.admx file or PolicyDefinitions folder' })
          .option('out', { type: 'string', default: 'policies', describe: 'Folder for the YAML files' })
          .option('locale', { type: 'string', array: true, default: ['en-US'], describe: 'ADML languages to import (repeatable); the first is the default' })
          .option('force', { type: 'boolean', default: false, describe: 'Overwrite existing YAML files' }),
      (args) => {
        const console = new Console(args);
        exitCode = finish(runImport({ path: args.path, out: args.out, locale: args.locale, force: args.force }, (m) => console.progress(m)), console);
      },
    )
    .command(
      'lint <path>',
      'Check existing ADMX/ADML for what breaks GPMC or Intune import',
      (y) =>
        outputOptions(y)
          .positional('path', { type: 'string', demandOption: true, describe: '.admx file or PolicyDefinitions folder' })
          .option('locale', { type: 'string', array: true, default: ['en-US'], describe: 'ADML languages to check (repeatable)' }),
      (args) => void (exitCode = finish(runLint(args.path, args.locale), new Console(args))),
    )
    .command(
      'diff <base> [head]',
      'Compare two versions of the project in policy terms: git revisions (HEAD default: the working tree) or two folders',
      (y) =>
        y
          .positional('base', { type: 'string', demandOption: true, describe: 'Git revision (e.g. origin/main) or project folder' })
          .positional('head', { type: 'string', describe: 'Git revision or folder (default: the working tree)' })
          .option('format', { choices: ['text', 'markdown', 'json', 'github'] as const, default: 'text' as const, describe: 'text, markdown (pull-request comment), json, github (annotations)' })
          .option('fail-on', { choices: ['breaking', 'none'] as const, default: 'none' as const, describe: 'breaking: exit 1 on breaking definitions changes or a missing revision bump' })
          .option('src', { type: 'string', array: true, default: ['policies'], describe: 'YAML file or folder of YAML files (repeatable)' })
          .option('admx', { type: 'string', array: true, describe: 'Folder (or .admx) of existing templates GPO files may use (repeatable)' }),
      async (args) => {
        // Loaded on demand: start-up of the other commands stays lean.
        const { runDiff } = await import('./cli/run-diff.js');
        exitCode = await runDiff({ base: args.base, head: args.head, src: args.src, admx: args.admx, format: args.format, failOn: args.failOn });
      },
    )
    .demandCommand(1, 'Name a command: init, build, validate, diff, import or lint')
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
