/**
 * `gpforge docs` (issue 13): reads the project (and --admx templates), checks it as validate
 * does, and writes the policy explorer (HTML) or Markdown docs atomically into --out. Files in
 * and out only; src/docs/ decides what the pages say.
 */
import { performance } from 'node:perf_hooks';
import { compile } from '../compile.js';
import { diagnostic, hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { buildDocs, missingLocaleWarnings, type DocsFormat } from '../docs/build-docs.js';
import { TemplateError } from '../emit/templates.js';
import { writeBundle } from '../write/write-bundle.js';
import type { Console } from './console.js';
import { readInputs } from './read-inputs.js';
import { loadTemplates } from './load-templates.js';
import { FIXED_BACKUP_TIME } from './run-build.js';

export interface DocsArgs {
  readonly src: readonly string[];
  readonly admx?: readonly string[];
  /** Give the --admx templates' policies pages too (else they only name categories and serve GPOs). */
  readonly includeAdmx: boolean;
  readonly out: string;
  readonly locale?: readonly string[];
  readonly format: DocsFormat;
  readonly templates?: string;
}

export function runDocs(args: DocsArgs, out: Console): number {
  const started = performance.now();
  const locales = args.locale ?? [];
  const read = readInputs(args.src, args.admx, out, locales.length > 0 ? locales : undefined);
  const loaded = loadTemplates(args.templates);
  const { texts } = read;
  const inputs = [...read.diagnostics, ...loaded.diagnostics];
  if (hasErrors(inputs) || !loaded.templates) return fail(out, inputs, texts);
  const result = compile(read.sources, { templates: loaded.templates, emit: false, externalDefinitions: read.external, backupTime: FIXED_BACKUP_TIME });
  const diagnostics = [...inputs, ...result.diagnostics];
  if (!result.model || hasErrors(diagnostics)) return fail(out, diagnostics, texts);
  const input = { model: result.model, external: read.external, includeExternal: args.includeAdmx };
  diagnostics.push(...missingLocaleWarnings(input, locales));
  out.progress('writing the docs…');
  let files;
  try {
    files = buildDocs(input, { templates: loaded.templates, format: args.format, locales });
  } catch (error) {
    // A --templates override that fails to render is the user's mistake; with built-in templates, a bug.
    if (args.templates === undefined || !(error instanceof TemplateError)) throw error;
    return fail(out, [...diagnostics, diagnostic('GPF1015', `${args.templates}/${error.template}.hbs`, undefined, error.message)], texts);
  }
  try {
    writeBundle(args.out, files);
  } catch (error) {
    return fail(out, [...diagnostics, diagnostic('GPF1008', args.out, undefined, error instanceof Error ? error.message : String(error))], texts);
  }
  out.detail(files.map((f) => `${args.out}/${f.path}`));
  const ms = Math.round(performance.now() - started);
  out.report(diagnostics, texts, `wrote ${files.length} files to ${args.out} (${args.format}), ${ms} ms`);
  return 0;
}

function fail(out: Console, diagnostics: readonly Diagnostic[], texts: ReadonlyMap<string, string>): number {
  out.report(diagnostics, texts, 'no docs written');
  return 1;
}
