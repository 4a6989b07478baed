/**
 * One bundle file into the staging folder: when out/ already holds exactly these bytes at the
 * same path (a rebuild where little changed, as on every save), the staging folder gets a hard
 * link to that file instead of a new copy. Writing tens of MB and then deleting the previous
 * copies cost this class of machine 0.1–1 s of kernel time (issue 11); a link costs a directory
 * entry, and unchanged files keep their modification time, which copy tools like robocopy use.
 * out/ itself is never changed here: a link only adds a name to its file.
 */
import { linkSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';

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
