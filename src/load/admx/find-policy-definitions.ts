/**
 * Finds and reads the files of a PolicyDefinitions store (FORMATS.md c.1): every `*.admx` of a
 * folder (or one given .admx), sorted by name, each with `<dir>/<locale>/<name>.adml`. Folder
 * and file names match case-insensitively, as on Windows (`en-us`, `InetRes.adml` for
 * `inetres.admx`). A missing ADML is an error on its ADMX (GPF1212).
 */
import { readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { AdmlInput, AdmxInput } from './read-admx-with-adml.js';
import { compareIgnoringCase } from '../../text/compare.js';

/** Larger files are refused unread; Windows' largest ADMX (inetres.admx) is 1.7 MB. */
export const MAX_ADMX_BYTES = 64 * 1024 * 1024;

export interface AdmxPairFiles {
  readonly admx: AdmxInput;
  readonly admls: AdmlInput[];
}

export interface FoundPolicyDefinitions {
  readonly pairs: AdmxPairFiles[];
  readonly diagnostics: Diagnostic[];
  /** True when `path` was a folder (a store): lint then checks references across files. */
  readonly isFolder: boolean;
}

export function findPolicyDefinitions(path: string, locales: readonly string[]): FoundPolicyDefinitions {
  const diagnostics: Diagnostic[] = [];
  let isFolder: boolean;
  try {
    isFolder = statSync(path).isDirectory();
  } catch {
    return { pairs: [], diagnostics: [diagnostic('GPF1006', path, undefined, path)], isFolder: false };
  }
  const dir = isFolder ? path : dirname(path);
  const entries = listDir(dir);
  const admxNames = isFolder ? entries.filter((e) => e.isFile() && /\.admx$/i.test(e.name)).map((e) => e.name).sort(compareIgnoringCase) : [basename(path)];
  if (admxNames.length === 0) diagnostics.push(diagnostic('GPF1213', path, undefined, path));
  const folders = new Map(entries.filter((e) => e.isDirectory()).map((e) => [e.name.toLowerCase(), e.name]));
  const localeFiles = locales.map((locale) => {
    const folder = folders.get(locale.toLowerCase());
    const files = folder === undefined ? [] : listDir(join(dir, folder)).filter((e) => e.isFile());
    return { locale, folder: folder ?? locale, files: new Map(files.map((e) => [e.name.toLowerCase(), e.name])) };
  });
  const pairs: AdmxPairFiles[] = [];
  for (const name of admxNames) {
    const admxPath = join(dir, name);
    const bytes = readBytes(admxPath, diagnostics);
    if (!bytes) continue;
    const base = basename(name, extname(name));
    const admls: AdmlInput[] = [];
    for (const { locale, folder, files } of localeFiles) {
      const found = files.get(`${base}.adml`.toLowerCase());
      const admlPath = join(dir, folder, found ?? `${base}.adml`);
      if (found === undefined) diagnostics.push(diagnostic('GPF1212', admxPath, undefined, locale, admlPath));
      const admlBytes = found === undefined ? undefined : readBytes(admlPath, diagnostics);
      if (admlBytes) admls.push({ locale, path: admlPath, bytes: admlBytes });
    }
    pairs.push({ admx: { path: admxPath, bytes }, admls });
  }
  return { pairs, diagnostics, isFolder };
}


function listDir(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}

function readBytes(path: string, diagnostics: Diagnostic[]): Uint8Array | undefined {
  try {
    const size = statSync(path).size;
    if (size > MAX_ADMX_BYTES) {
      diagnostics.push(diagnostic('GPF1005', path, undefined, MAX_ADMX_BYTES));
      return undefined;
    }
    return readFileSync(path);
  } catch (error) {
    diagnostics.push(diagnostic('GPF1001', path, undefined, error instanceof Error ? error.message : String(error)));
    return undefined;
  }
}
