/**
 * The only code that writes the bundle. Atomic (DESIGN.md §4): everything is written into a
 * fresh folder beside out/, which replaces out/ only once every file is on disk. A failure at
 * any point leaves the previous out/ exactly as it was.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { OutputFile } from '../emit/output-file.js';

/** Replaces `outDir` with exactly `files`. Throws on I/O failure (after cleaning up). */
export function writeBundle(outDir: string, files: readonly OutputFile[]): void {
  const parent = dirname(outDir);
  mkdirSync(parent, { recursive: true });
  const staging = join(parent, `.${basename(outDir)}.gpforge-new-${process.pid}`);
  const previous = join(parent, `.${basename(outDir)}.gpforge-old-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  try {
    // Thousands of files share a few folders (gpforge docs): make each folder once.
    const made = new Set<string>();
    for (const file of files) {
      const target = join(staging, ...file.path.split('/'));
      const folder = dirname(target);
      if (!made.has(folder)) mkdirSync(folder, { recursive: true });
      made.add(folder);
      writeFileSync(target, file.bytes);
    }
    mkdirSync(staging, { recursive: true });
    swapIn(staging, outDir, previous);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}

/** Two renames; if the second fails the old folder is put back. */
function swapIn(staging: string, outDir: string, previous: string): void {
  const hadPrevious = existsSync(outDir);
  if (hadPrevious) renameSync(outDir, previous);
  try {
    renameSync(staging, outDir);
  } catch (error) {
    if (hadPrevious) renameSync(previous, outDir);
    throw error;
  }
  if (hadPrevious) rmSync(previous, { recursive: true, force: true });
}
