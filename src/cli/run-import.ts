/**
 * `gpforge import <path>` (DESIGN.md §3): existing GPOs (a GPMC backup or backup set, a
 * Registry.pol, a .reg, LGPO text) become GPO YAML (run-import-gpo.ts, loaded only then, to keep
 * start-up lean); ADMX/ADML and .adm become definitions YAML (run-admx.ts).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { packageFile } from '../package-files.js';
import { runImport, type Outcome } from './run-admx.js';
import type { GpoInputKind } from './run-import-gpo.js';

export interface ImportCommandArgs {
  readonly path: string;
  readonly out: string;
  readonly locale: readonly string[];
  readonly force: boolean;
  readonly class?: 'machine' | 'user';
  readonly src?: readonly string[];
  readonly admx?: readonly string[];
  readonly reorder?: boolean;
}

const SCHEMA_FILE = packageFile('src/schema/gpforge.schema.json');
const GPO_FILE_KINDS: Readonly<Record<string, GpoInputKind>> = { '.pol': 'pol', '.reg': 'reg', '.txt': 'lgpo' };

export async function runImportCommand(args: ImportCommandArgs, progress: (message: string) => void): Promise<Outcome> {
  const kind = gpoInputKind(args.path);
  if (kind === undefined) return runImport(args, progress);
  const { runGpoImport } = await import('./run-import-gpo.js');
  const schemaPath = relative(args.out, SCHEMA_FILE).split('\\').join('/');
  const src = args.src ?? ['policies'];
  return runGpoImport({ path: args.path, kind, out: args.out, force: args.force, src, srcGiven: args.src !== undefined, admx: args.admx ?? [], reorder: args.reorder === true, schemaPath, ...(args.class && { class: args.class }) }, progress);
}

/** What `path` is, by its extension or, for a folder, by GPMC's backup files in or below it. */
function gpoInputKind(path: string): GpoInputKind | undefined {
  const dot = path.lastIndexOf('.');
  const extension = dot > Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) ? path.slice(dot).toLowerCase() : '';
  if (GPO_FILE_KINDS[extension]) return GPO_FILE_KINDS[extension];
  if (!existsSync(path) || !statSync(path).isDirectory()) return undefined;
  const names = readdirSync(path);
  const has = (dir: string[], name: string) => dir.some((entry) => entry.toLowerCase() === name);
  if (has(names, 'manifest.xml') || has(names, 'bkupinfo.xml')) return 'backup';
  const backupInside = names.some((name) => /^\{[0-9a-f-]{36}\}$/i.test(name) && has(safeList(join(path, name)), 'bkupinfo.xml'));
  return backupInside ? 'backup' : undefined;
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
