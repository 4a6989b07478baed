/**
 * One bundle file into the staging folder: when out/ already holds exactly these bytes at the
 * same path (a rebuild where little changed, as on every save), the staging folder gets a hard
 * link to that file instead of a new copy. Writing tens of MB and then deleting the previous
 * copies cost this class of machine 0.1–1 s of kernel time (issue 11); a link costs a directory
 * entry, and unchanged files keep their modification time, which copy tools like robocopy use.
 * out/ itself is never changed here: a link only adds a name to its file.
 */
import { linkSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** One file for the staging folder: its path there, the same path in out/ (if out/ exists), its bytes. */
export interface FileToWrite {
  readonly target: string;
  readonly previous?: string;
  readonly bytes: Uint8Array;
  /** Written before in this staging folder (then removed first: it may be a link into out/). */
  readonly replacing?: boolean;
}

/**
 * writeUnlessSame() of one staged file, its folder made first unless `madeFolders` has it
 * (thousands of files share a few folders: gpforge docs). Both writers use it: this thread's
 * (write-bundle.ts) and the writer thread's (writer-worker.ts).
 */
export function writeStaged(file: FileToWrite, madeFolders: Set<string>): void {
  const folder = dirname(file.target);
  if (!madeFolders.has(folder)) mkdirSync(folder, { recursive: true });
  madeFolders.add(folder);
  writeUnlessSame(file.target, file.bytes, file.previous, file.replacing);
}

/**
 * `replacing`: the target was written before in this staging folder. It may be a link into
 * out/, so it is removed first: writing through it would change out/.
 */
export function writeUnlessSame(target: string, bytes: Uint8Array, previous: string | undefined, replacing = false): void {
  if (replacing) rmSync(target, { force: true });
  if (previous !== undefined && sameBytes(previous, bytes)) {
    try {
      linkSync(previous, target);
      return;
    } catch {
      // No hard links here (another file system, FAT, a link limit): write the bytes instead.
    }
  }
  writeFileSync(target, bytes);
}

function sameBytes(path: string, bytes: Uint8Array): boolean {
  try {
    const stat = statSync(path, { throwIfNoEntry: false });
    return stat !== undefined && stat.isFile() && stat.size === bytes.byteLength && readFileSync(path).equals(bytes);
  } catch {
    return false;
  }
}
