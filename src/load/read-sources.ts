/** Finds and reads the YAML files of a project (--src): a file, or every *.yaml/*.yml below a folder. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceFile } from '../compile.js';

const YAML_FILE = /\.ya?ml$/i;

/** Sorted by path, so builds do not depend on directory listing order. */
export function readSources(src: string): { sources: SourceFile[]; diagnostics: Diagnostic[] } {
  const display = (path: string) => relative(process.cwd(), path).split('\\').join('/') || path;
  let paths: string[];
  try {
    paths = statSync(src).isDirectory() ? listYaml(src) : [src];
  } catch {
    return { sources: [], diagnostics: [diagnostic('GPF1006', display(src), undefined, src)] };
  }
  if (paths.length === 0) return { sources: [], diagnostics: [diagnostic('GPF1007', display(src), undefined, src)] };
  const sources: SourceFile[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const path of paths.sort()) {
    try {
      sources.push({ path: display(path), text: readFileSync(path, 'utf8').replace(/^\uFEFF/, '') });
    } catch (error) {
      diagnostics.push(diagnostic('GPF1001', display(path), undefined, error instanceof Error ? error.message : String(error)));
    }
  }
  return { sources, diagnostics };
}

function listYaml(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && YAML_FILE.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}
