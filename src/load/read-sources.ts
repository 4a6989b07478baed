/** Finds and reads the YAML files of a project (--src, repeatable): files, or every *.yaml/*.yml below folders. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceFile } from '../compile.js';

const YAML_FILE = /\.ya?ml$/i;

/** Sorted by path (and without repeats), so builds do not depend on directory listing order. */
export function readSources(srcs: readonly string[]): { sources: SourceFile[]; diagnostics: Diagnostic[] } {
  const display = (path: string) => relative(process.cwd(), path).split('\\').join('/') || path;
  const paths = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  for (const src of srcs) {
    let found: string[];
    try {
      found = statSync(src).isDirectory() ? listYaml(src) : [src];
    } catch {
      diagnostics.push(diagnostic('GPF1006', display(src), undefined, src));
      continue;
    }
    if (found.length === 0) diagnostics.push(diagnostic('GPF1007', display(src), undefined, src));
    for (const path of found) paths.add(resolve(path));
  }
  const sources: SourceFile[] = [];
  for (const path of [...paths].sort()) {
    try {
      sources.push({ path: display(path), text: readFileSync(path, 'utf8').replace(/^\uFEFF/, '') });
    } catch (error) {
      diagnostics.push(diagnostic('GPF1001', display(path), undefined, error instanceof Error ? error.message : String(error)));
    }
  }
  return { sources, diagnostics };
}

/** How many bytes of YAML `srcs` hold now, without reading them (0 for what cannot be listed). */
export function sourceBytes(srcs: readonly string[]): number {
  let bytes = 0;
  for (const src of srcs) {
    try {
      for (const path of statSync(src).isDirectory() ? listYaml(src) : [src]) bytes += statSync(path).size;
    } catch {
      // Reading the sources reports it.
    }
  }
  return bytes;
}

function listYaml(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && YAML_FILE.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}
