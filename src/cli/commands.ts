/**
 * The command line as yargs parses it (DESIGN.md §3): every command, its options and help, each
 * handed to its runner in src/cli/. No logic of its own. Modules are imported when their command
 * runs (editors run gpforge on every save, so start-up counts); src/cli.ts comes here only for
 * what src/cli/simple-build-command.ts, import-command.ts and fast-output.ts do not answer without yargs.
 */
import type { Argv } from 'yargs';
import type { Outcome } from './run-admx.js';
import type { Console } from './console.js';
import type { DiagnosticFormat } from '../diagnostics/format.js';
import { consoleFor, EXIT, runBuildCommand, type BuildCommandRunner } from './build-command.js';
import { runImportCommandLine, type ImportCommandRunner } from './import-command.js';
import { runDiffCommand, type DiffCommandRunner } from './diff-command.js';
// The kinds table alone (no imports of its own): --help lists its names.
import { OUTPUT_KIND_NAMES } from '../emit/output-kinds.js';

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

/** build and validate: what Intune refuses, as warnings (README "Deploying with Intune"). */
function intuneOption<T>(y: Argv<T>) {
  return y.option('intune', { type: 'boolean', default: false, describe: 'Also warn about what Intune refuses: definitions its ADMX ingestion rejects, GPO entries out/intune leaves out' });
}

/** `--only` values as output kinds; an unknown name is a usage error listing the valid ones. */
async function outputKinds(values: readonly string[]) {
  const { parseOutputKinds } = await import('../emit/output-kinds.js');
  const parsed = parseOutputKinds(values);
  if ('kinds' in parsed) return parsed.kinds;
  const names = parsed.unknown.map((name) => JSON.stringify(name)).join(', ');
  throw new UsageError(`unknown --only output ${names}; valid outputs: ${OUTPUT_KIND_NAMES.join(', ')}`);
}

/** Prints an import/lint outcome; exit 1 when it holds an error. */
async function finish(outcome: Outcome, console: Console): Promise<number> {
  const { hasErrors } = await import('../diagnostics/diagnostic.js');
  console.report(outcome.diagnostics, outcome.texts, outcome.summary);
  return hasErrors(outcome.diagnostics) ? EXIT.invalid : EXIT.ok;
}

/**
 * Runs the command line with yargs; returns the exit code. `runBuild` runs build and validate,
 * `runImport` import, `runDiff` diff (tests pass their own, to compare what yargs parsed with
 * simple-build-command.ts, import-command.ts and diff-command.ts).
 */
export async function main(
  argv: string[],
  runBuild: BuildCommandRunner = runBuildCommand,
  runImport: ImportCommandRunner = runImportCommandLine,
  runDiff: DiffCommandRunner = runDiffCommand,
): Promise<number> {
  let exitCode: number = EXIT.ok;
  const { default: yargs } = await import('yargs');
  const parser = yargs(argv)
    .scriptName('gpforge')
    .command(
      'init [dir]',
      'Scaffold a project: policies/ with a definitions file and a GPO file, .gitignore, a CI workflow',
      (y) =>
        outputOptions(y)
          .positional('dir', { type: 'string', default: '.', describe: 'Project folder' })
          .option('force', { type: 'boolean', default: false, describe: 'Overwrite existing files' }),
      async (args) => {
        const { runInit } = await import('./run-init.js');
        exitCode = runInit({ dir: args.dir, force: args.force }, await consoleFor(args));
      },
    )
    .command(
      'build',
      'Validate the YAML and write the bundle',
      (y) =>
        intuneOption(sourceOptions(y))
          .option('out', { type: 'string', default: 'out', describe: 'Bundle folder (replaced atomically)' })
          .option('check', { type: 'boolean', default: false, describe: 'Write nothing; exit 1 if out/ differs from what a build would write' })
          .option('templates', { type: 'string', describe: 'Folder of .hbs files overriding built-in templates of the same name' })
          .option('zip', { type: 'string', describe: 'Also write the whole bundle as one reproducible zip file' })
          .option('only', {
            type: 'string',
            array: true,
            describe: `Write just these outputs, comma-separated (repeatable): ${OUTPUT_KIND_NAMES.join(', ')}`,
          }),
      async (args) => {
        const { src, admx, domain, dc, out, check, templates, zip, intune, format, quiet, verbose } = args;
        const only = args.only === undefined ? undefined : await outputKinds(args.only);
        exitCode = await runBuild({ command: 'build', src, admx, domain, dc, out, check, templates, zip, intune, only, format, quiet, verbose });
      },
    )
    .command('validate', 'Validate the YAML only; exit 1 on any error', (y) => intuneOption(sourceOptions(y)), async (args) => {
      const { src, admx, domain, dc, intune, format, quiet, verbose } = args;
      exitCode = await runBuild({ command: 'validate', src, admx, domain, dc, intune, format, quiet, verbose });
    })
    .command(
      'schema',
      'Write the JSON Schema of this project\'s GPO files, for completion and help in editors (yaml-language-server)',
      (y) =>
        sourceOptions(y)
          .option('out', { type: 'string', default: '.gpforge/gpo.schema.json', describe: 'Schema file to write' })
          .option('locale', { type: 'string', describe: 'Language of titles and help (default: each file\'s first locale)' }),
      async (args) => {
        const { runSchema } = await import('./run-schema.js');
        const { src, admx, out, locale } = args;
        exitCode = runSchema({ src, out, ...(admx && { admx }), ...(locale !== undefined && { locale }) }, await consoleFor(args));
      },
    )
    .command(
      'docs',
      'Write the policy explorer (HTML, with gpedit-style dialogs) or Markdown docs, and a report per GPO',
      (y) =>
        y
          .option('src', { type: 'string', array: true, default: ['policies'], describe: 'YAML file or folder of YAML files (repeatable)' })
          .option('admx', { type: 'string', array: true, describe: 'Folder (or .admx) of existing templates GPO files may use (repeatable)' })
          .option('include-admx', { type: 'boolean', default: false, describe: 'Document the --admx templates\' policies too' })
          .option('out', { type: 'string', default: 'out/docs', describe: 'Docs folder (replaced atomically)' })
          .option('locale', { type: 'string', array: true, describe: 'Languages to write, one page set each (repeatable; default: the definitions\' locales)' })
          .option('format', { choices: ['html', 'markdown'] as const, default: 'html' as const, describe: 'html (the explorer) or markdown (for GitHub)' })
          .option('templates', { type: 'string', describe: 'Folder of .hbs files overriding built-in templates of the same name' })
          .option('quiet', { type: 'boolean', default: false, describe: 'Print diagnostics only: no summary, no progress' })
          .option('verbose', { type: 'boolean', default: false, describe: 'Also list every file written' }),
      async (args) => {
        const { runDocs } = await import('./run-docs.js');
        const { src, admx, out, locale, format, templates, quiet, verbose } = args;
        const console = await consoleFor({ format: 'text', quiet, verbose });
        exitCode = runDocs({ src, out, format, includeAdmx: args.includeAdmx, ...(admx && { admx }), ...(locale && { locale }), ...(templates !== undefined && { templates }) }, console);
      },
    )
    .command(
      'import <path>',
      'Turn existing ADMX/ADML or .adm into definitions YAML, and GPOs (GPMC backup or backup set, Registry.pol, .reg, LGPO text) into GPO YAML',
      (y) =>
        outputOptions(y)
          .positional('path', { type: 'string', demandOption: true, describe: '.admx, .adm, PolicyDefinitions folder, GPO backup (set) folder, Registry.pol, .reg or LGPO .txt' })
          .option('out', { type: 'string', default: 'policies', describe: 'Folder for the YAML files' })
          .option('locale', { type: 'string', array: true, default: ['en-US'], describe: 'ADML languages to import (repeatable); the first is the default' })
          .option('force', { type: 'boolean', default: false, describe: 'Overwrite existing YAML files' })
          .option('class', { choices: ['machine', 'user'] as const, describe: 'GPOs: the side a Registry.pol belongs to (else taken from a Machine/User folder in its path)' })
          .option('src', { type: 'string', array: true, describe: 'GPOs: our definitions YAML to resolve policies from (default policies, if present)' })
          .option('admx', { type: 'string', array: true, describe: 'GPOs: templates to resolve policies from, e.g. PolicyDefinitions (repeatable)' })
          .option('reorder', { type: 'boolean', default: false, describe: 'GPOs: resolve records that are not in canonical order too, reordering them where that keeps their effect' }),
      async (args) => {
        const { path, out, locale, force, reorder, format, quiet, verbose } = args;
        const options = { ...(args.class && { class: args.class }), ...(args.src && { src: args.src }), ...(args.admx && { admx: args.admx }) };
        exitCode = await runImport({ path, out, locale, force, reorder, format, quiet, verbose, ...options });
      },
    )
    .command(
      'lint <path>',
      'Check existing ADMX/ADML for what breaks GPMC or Intune import',
      (y) =>
        outputOptions(y)
          .positional('path', { type: 'string', demandOption: true, describe: '.admx file or PolicyDefinitions folder' })
          .option('locale', { type: 'string', array: true, default: ['en-US'], describe: 'ADML languages to check (repeatable)' })
          .option('intune', { type: 'boolean', default: false, describe: 'Also check what Intune\'s ADMX ingestion and Import ADMX refuse or mishandle' }),
      async (args) => {
        const { runLint } = await import('./run-admx.js');
        exitCode = await finish(runLint(args.path, args.locale, args.intune), await consoleFor(args));
      },
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
        exitCode = await runDiff({ base: args.base, head: args.head, src: args.src, admx: args.admx, format: args.format, failOn: args.failOn });
      },
    )
    .demandCommand(1, 'Name a command: init, build, validate, schema, docs, diff, import or lint')
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
