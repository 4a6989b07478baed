/**
 * The fs side of the .adm reader, for `gpforge import` (DESIGN.md §3): which .adm files a path
 * names, and reading them (each by the pure readAdm). A path ending in `.adm` is one file; a
 * folder is imported as ADM only when it holds no `*.admx` but some `*.adm` (any letter case),
 * so a PolicyDefinitions store keeps going to the ADMX reader.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { DefinitionsFile } from '../../model/types.js';
import { readAdm } from './read-adm.js';
import { compareIgnoringCase } from '../../text/compare.js';

/** Larger files are refused unread; Windows' largest ADM (system.adm) is about 4 MB. */
export const MAX_ADM_BYTES = 64 * 1024 * 1024;

/** Like readPolicyDefinitions' result, so `gpforge import` treats both readers alike. */
export interface AdmFilesResult {
  /** One per file that could be read, in the order given. */
  readonly definitions: DefinitionsFile[];
  readonly diagnostics: Diagnostic[];
  /** Decoded text of every file read, by path, for `locateAll`. */
  readonly texts: Map<string, string>;
}

/** The .adm files to import for `path`, sorted by name; undefined when `path` is for the ADMX reader. */
export function admImportPaths(path: string): string[] | undefined {
  if (/\.adm$/i.test(path)) return [path];
  let names: string[];
  try {
    if (!statSync(path).isDirectory()) return undefined;
    names = readdirSync(path, { withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name);
  } catch {
    return undefined;
  }
  if (names.some((n) => /\.admx$/i.test(n))) return undefined;
  const adm = names.filter((n) => /\.adm$/i.test(n)).sort(compareIgnoringCase);
  return adm.length === 0 ? undefined : adm.map((n) => join(path, n));
}

/** Reads each file with readAdm; never throws. */
export function readAdmFiles(paths: readonly string[], locale: string): AdmFilesResult {
  const definitions: DefinitionsFile[] = [];
  const diagnostics: Diagnostic[] = [];
  const texts = new Map<string, string>();
  for (const path of paths) {
    const bytes = readBytes(path, diagnostics);
    if (bytes === undefined) continue;
    const read = readAdm({ path, bytes }, { locale });
    if (read.definitions) definitions.push(read.definitions);
    diagnostics.push(...read.diagnostics);
    for (const [file, text] of read.texts) texts.set(file, text);
  }
  return { definitions, diagnostics, texts };
}

function readBytes(path: string, diagnostics: Diagnostic[]): Uint8Array | undefined {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    diagnostics.push(diagnostic('GPF1006', path, undefined, path));
    return undefined;
  }
  if (size > MAX_ADM_BYTES) {
    diagnostics.push(diagnostic('GPF1005', path, undefined, MAX_ADM_BYTES));
    return undefined;
  }
  try {
    return readFileSync(path);
  } catch (error) {
    diagnostics.push(diagnostic('GPF1001', path, undefined, error instanceof Error ? error.message : String(error)));
    return undefined;
  }
}

