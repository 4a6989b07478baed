/**
 * `gpforge init [DIR]` (DESIGN.md §3): copies the starter project in `templates/init/` into a
 * folder, byte for byte. Nothing is rendered. Existing files are never overwritten without
 * `force`; when any would be, nothing at all is written (plan first, then write).
 */
import { copyFileSync, lstatSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { packageFile } from '../package-files.js';
import { compareCodeUnits } from '../text/compare.js';

/** `templates/init/` at the package root. */
export const INIT_TEMPLATE_DIR = packageFile('templates/init/');

/**
 * Template files stored under another name, keyed by their name in `templates/init/`. npm leaves
 * every `.gitignore` out of a published package, so the starter's is kept as `gitignore`.
 */
const RENAMED: Readonly<Record<string, string>> = { gitignore: '.gitignore' };

/** One starter file: `path` in the new project, `source` in `templates/init/` (both with `/`). */
export interface TemplateFile {
  readonly path: string;
  readonly source: string;
}

/** Project-relative paths (with `/`), each in exactly one list, sorted. */
export interface ScaffoldResult {
  readonly written: string[];
  /** Not in the way, but not written either, because other files were refused. */
  readonly skipped: string[];
  /** Already present and not overwritten (no `force`). */
  readonly refused: string[];
}

export interface ScaffoldOptions {
  /** The project folder; created when missing. */
  readonly dir: string;
  /** Overwrite existing files instead of refusing. */
  readonly force: boolean;
  /** Files made for the starter rather than copied (its editor schema), by project path. */
  readonly generated?: ReadonlyMap<string, string>;
}

/** Code-unit order, so the result does not depend on the machine's locale. */

/**
 * What a scaffold does, without touching disk: with `force` every file is written; otherwise,
 * when any file is taken, those are refused and the rest skipped, so nothing is written.
 */
export function planScaffold(taken: (path: string) => boolean, files: readonly string[], force = false): ScaffoldResult {
  const sorted = [...files].sort(compareCodeUnits);
  const refused = force ? [] : sorted.filter(taken);
  if (refused.length === 0) return { written: sorted, skipped: [], refused: [] };
  return { written: [], skipped: sorted.filter((file) => !refused.includes(file)), refused };
}

/** Every file under `templates/init/`, with the path it gets in the new project, sorted by that path. */
export function listTemplateFiles(templateDir: string = INIT_TEMPLATE_DIR): TemplateFile[] {
  const entries = readdirSync(templateDir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  const files = entries.map((entry) => {
    const source = path.relative(templateDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
    return { path: RENAMED[source] ?? source, source };
  });
  return files.sort((a, b) => compareCodeUnits(a.path, b.path));
}

/**
 * Copies the starter project into `options.dir`, creating folders. fs errors (a folder that
 * cannot be created, say) are thrown for the caller to report.
 */
export function scaffoldProject(options: ScaffoldOptions): ScaffoldResult {
  const files = listTemplateFiles();
  const generated = options.generated ?? new Map<string, string>();
  const plan = planScaffold((file) => isTaken(options.dir, file), [...files.map((file) => file.path), ...generated.keys()], options.force);
  const sources = new Map(files.map((file) => [file.path, file.source]));
  for (const file of plan.written) {
    const target = path.join(options.dir, ...file.split('/'));
    mkdirSync(path.dirname(target), { recursive: true });
    const text = generated.get(file);
    if (text !== undefined) writeFileSync(target, text);
    else copyFileSync(path.join(INIT_TEMPLATE_DIR, ...(sources.get(file) ?? file).split('/')), target);
  }
  return plan;
}

/** Something is at the file's place, or one of its folders inside `dir` is not a folder. */
function isTaken(dir: string, file: string): boolean {
  const segments = file.split('/');
  for (let depth = 1; depth <= segments.length; depth++) {
    const kind = kindOf(path.join(dir, ...segments.slice(0, depth)));
    if (kind === 'none') return false;
    if (depth === segments.length || kind === 'other') return true;
  }
  return false;
}

function kindOf(target: string): 'none' | 'directory' | 'other' {
  const stats = lstatSync(target, { throwIfNoEntry: false });
  if (stats === undefined) return 'none';
  return stats.isDirectory() ? 'directory' : 'other';
}
