/**
 * Reads the Handlebars template sources: the built-in `templates/` folder, optionally overlaid
 * by a user folder (`--templates DIR`, DESIGN.md §5). Compiling them is src/emit/templates.ts.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { packageFile } from '../package-files.js';

/** `templates/` at the package root. */
export const BUILT_IN_TEMPLATE_DIR = packageFile('templates/');

const EXTENSION = '.hbs';

/**
 * Every `*.hbs` under the built-in folder, keyed by relative path without `.hbs`, with forward
 * slashes (`admx`, `partials/value`). With `overrideDir`, its files replace built-ins of the same
 * key; files with new keys are added (a new partial can then be used by an overridden template).
 * A leading BOM is dropped. fs errors are thrown for the caller to report.
 */
export function readTemplateSources(overrideDir?: string): Record<string, string> {
  const sources = readHbsFiles(BUILT_IN_TEMPLATE_DIR);
  if (overrideDir !== undefined) Object.assign(sources, readHbsFiles(overrideDir));
  return sources;
}

/** The template names an override folder replaces or adds (`admx`, `partials/value`, ...). */
export function templateOverrideNames(overrideDir: string): string[] {
  return Object.keys(readHbsFiles(overrideDir));
}

function readHbsFiles(dir: string): Record<string, string> {
  const sources: Record<string, string> = {};
  const relativePaths = readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
  for (const relative of relativePaths) {
    const full = path.join(dir, relative);
    if (!relative.endsWith(EXTENSION) || !statSync(full).isFile()) continue;
    const key = relative.slice(0, -EXTENSION.length).split(path.sep).join('/');
    const text = readFileSync(full, 'utf8');
    sources[key] = text.startsWith('\uFEFF') ? text.slice(1) : text;
  }
  return sources;
}
