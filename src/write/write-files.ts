/**
 * Writes a few files into an existing folder that holds other files too (gpforge import into
 * policies/). Unlike writeBundle it cannot swap the folder; instead it refuses to overwrite
 * unless asked, checks every target before writing any, and writes each file via a temporary
 * name and a rename, so a reader never sees half a file.
 */
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { OutputFile } from '../emit/output-file.js';

/** Paths (relative to `dir`) that exist already and would be overwritten. */
export function existingTargets(dir: string, files: readonly OutputFile[]): string[] {
  return files.filter((f) => existsSync(join(dir, f.path))).map((f) => f.path);
}

/** Writes `files` below `dir`. Throws on I/O failure; callers check existingTargets first. */
export function writeFilesInto(dir: string, files: readonly OutputFile[]): void {
  for (const file of files) writeFileAtomically(join(dir, ...file.path.split('/')), file.bytes);
}

/** One file, via a temporary name and a rename: a reader never sees half of it. */
export function writeFileAtomically(target: string, bytes: Uint8Array): void {
  mkdirSync(dirname(target), { recursive: true });
  const temporary = `${target}.gpforge-${process.pid}.tmp`;
  writeFileSync(temporary, bytes);
  renameSync(temporary, target);
}
