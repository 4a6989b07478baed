/**
 * `gpforge docs` (issue 13) without the file system: the docs model per locale, rendered as the
 * HTML explorer or as Markdown. Sorted by path, so the output is byte-identical across runs.
 */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { OutputFile } from '../emit/output-file.js';
import type { Templates } from '../emit/templates.js';
import { compareCodeUnits } from '../text/compare.js';
import { buildDocsSite, type DocsInput } from './docs-model.js';
import { emitHtmlDocs } from './emit-html.js';
import { emitMarkdownDocs } from './emit-markdown.js';

export type DocsFormat = 'html' | 'markdown';

export interface DocsOptions {
  readonly templates: Templates;
  readonly format: DocsFormat;
  /** Locales to write, one page set each; empty: every locale of the project's definitions (en-US if none). */
  readonly locales: readonly string[];
}

/** The locales a docs run writes: the ones asked for, else the project's, in first-seen order. */
export function docsLocales(input: DocsInput, asked: readonly string[]): string[] {
  if (asked.length > 0) return [...new Set(asked)];
  const own = [...new Set(input.model.definitions.flatMap((d) => d.locales))];
  return own.length > 0 ? own : ['en-US'];
}

/** GPF3301 for each locale asked for that none of the project's definitions files has. */
export function missingLocaleWarnings(input: DocsInput, asked: readonly string[]): Diagnostic[] {
  const files = input.model.definitions;
  const known = [...new Set(files.flatMap((d) => d.locales))];
  if (files.length === 0) return [];
  return [...new Set(asked)]
    .filter((locale) => !known.some((k) => k.toLowerCase() === locale.toLowerCase()))
    .map((locale) => diagnostic('GPF3301', files[0]?.sourcePath ?? '', undefined, locale, known.join(', ')));
}

export function buildDocs(input: DocsInput, options: DocsOptions): OutputFile[] {
  const locales = docsLocales(input, options.locales);
  const sites = locales.map((locale) => buildDocsSite(input, locale, locales));
  const files = options.format === 'html' ? emitHtmlDocs(sites, options.templates) : emitMarkdownDocs(sites, options.templates);
  return files.sort((a, b) => compareCodeUnits(a.path, b.path));
}
