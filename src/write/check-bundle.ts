/**
 * `gpforge build --check` (DESIGN.md §3): compares what a build would write with what out/
 * holds, for a CI step that fails when someone forgot to rebuild or edited out/ by hand.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { OutputFile } from '../emit/output-file.js';

export interface BundleDrift {
  /** Bundle-relative paths, sorted. */
  readonly differs: string[];
  readonly missing: string[];
  readonly extra: string[];
}

export function compareWithDisk(outDir: string, files: readonly OutputFile[]): BundleDrift {
  const onDisk = listFiles(outDir);
  const expected = new Map(files.map((f) => [f.path, f.bytes]));
  const differs: string[] = [];
  const missing: string[] = [];
  for (const [path, bytes] of expected) {
    if (!onDisk.has(path)) missing.push(path);
    else if (!Buffer.from(bytes).equals(readFileSync(join(outDir, ...path.split('/'))))) differs.push(path);
  }
  const extra = [...onDisk].filter((path) => !expected.has(path));
  return { differs: differs.sort(), missing: missing.sort(), extra: extra.sort() };
}

/** Every file below `dir` as a forward-slash relative path; an absent folder holds none. */
function listFiles(dir: string): Set<string> {
  try {
    const entries = readdirSync(dir, { recursive: true, withFileTypes: true });
    return new Set(entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)).split('\\').join('/')));
  } catch {
    return new Set();
  }
}
