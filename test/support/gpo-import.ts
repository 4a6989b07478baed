/**
 * Helpers for GPO import tests: build fixture GPOs, write the bundle into a temporary folder,
 * import one of its files with the real runner, and build the imported YAML again.
 */
import { mkdirSync, readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { compile } from '../../src/compile.js';
import type { OutputFile } from '../../src/emit/output-file.js';
import { runGpoImport, type GpoImportArgs } from '../../src/cli/run-import-gpo.js';
import type { DefinitionsFile } from '../../src/model/types.js';
import { builtInTemplates } from './templates.js';
import { tempDir } from './cli.js';

/** Writes `files` below a new temporary folder and returns it. */
export function writeBundle(files: readonly OutputFile[]): string {
  const dir = tempDir();
  for (const file of files) {
    const target = join(dir, ...file.path.split('/'));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.bytes);
  }
  return dir;
}

export interface Imported {
  readonly outcome: ReturnType<typeof runGpoImport>;
  /** Imported YAML files: name → text. */
  readonly yaml: Map<string, string>;
}

/** Runs the import of `path` into a fresh folder. */
export function importGpo(args: Omit<GpoImportArgs, 'out' | 'force' | 'srcGiven' | 'admx' | 'src'> & { src?: readonly string[]; admx?: readonly string[] }): Imported {
  const out = tempDir();
  const outcome = runGpoImport({ force: false, srcGiven: true, src: [], admx: [], ...args, out });
  const yaml = new Map<string, string>();
  try {
    for (const name of readdirSync(out).sort()) yaml.set(name, readFileSync(join(out, name), 'utf8'));
  } catch {
    // nothing written
  }
  return { outcome, yaml };
}

/** Builds definitions files plus YAML texts (by path) with optional --admx definitions. */
export function buildWith(definitionPaths: readonly string[], yaml: ReadonlyMap<string, string>, external: readonly DefinitionsFile[] = []) {
  const sources = [...definitionPaths.map((path) => ({ path, text: readFileSync(path, 'utf8') })), ...[...yaml].map(([path, text]) => ({ path, text }))];
  return compile(sources, { templates: builtInTemplates, emit: true, backupTime: new Date('2000-01-01T00:00:00Z'), externalDefinitions: external });
}
