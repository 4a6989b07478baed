/**
 * One reproducible zip of the bundle (`gpforge build --zip FILE`, DESIGN.md §3), made with
 * fflate's `zipSync`. The same files give the same bytes on any machine, in any time zone, on
 * any day, because every field that zip tools usually fill from the environment is fixed here:
 *
 *   order       entries sorted by path (UTF-16 code units), no directory entries. zipSync writes
 *               entries in the key order of the object it gets; JavaScript puts array-index keys
 *               ("0", "42") first, so such a top-level name is refused rather than silently moved
 *               (as is "__proto__", which fflate's own plain objects cannot hold).
 *   mtime       1980-01-01 00:00:00, the earliest DOS date. fflate turns the Date into DOS time
 *               with the LOCAL getters (getFullYear, getHours...), so the Date is built from local
 *               components: every TZ then reads back the same 1980-01-01 00:00:00 (checked below).
 *   attributes  "version made by" host = Unix (3); external attributes = regular file 0644
 *               (0o100644 << 16), never the umask or the file system's.
 *   compression deflate, level 9, fflate's default window chosen from the data alone; the
 *               fflate version is pinned exactly in package.json, since a different deflate
 *               implementation may pick other (equally valid) bytes.
 *   no extras   no archive or file comments, no extra fields (no UT/ux timestamps or uid/gid),
 *               no data descriptors (sizes and CRC sit in the local headers), no Zip64.
 *
 * Names are UTF-8; fflate sets the UTF-8 flag (bit 11) exactly when a name is not ASCII.
 */
import { zipSync, type ZipOptions, type Zippable } from 'fflate';
import type { OutputFile } from './output-file.js';

/** Where the entries go: `root` is one folder name put in front of every path, e.g. "gpforge-out". */
export interface EmitZipOptions {
  readonly root?: string;
}

/** DOS date/time of every entry: 1980-01-01 00:00:00 (date word 0x0021, time word 0x0000). */
export const ZIP_FIXED_DATE = { year: 1980, month: 1, day: 1 } as const;
/** "Version made by" host 3 = Unix, so the external attributes read as Unix mode bits. */
export const ZIP_OS_UNIX = 3;
/** S_IFREG | 0644 in the high 16 bits of the external attributes: the bits of `0o100644 << 16`, kept unsigned. */
export const ZIP_FILE_ATTRS = 0o100644 * 0x10000;
export const ZIP_DEFLATE_LEVEL = 9;

/**
 * Zip `files` (bundle-relative, forward slashes) under `options.root` if given. Pure and
 * deterministic: see the top of this file. Throws on a path that would make the archive ambiguous
 * or unsafe to extract (empty, absolute, `\`, `.`/`..` segments, duplicate) — a bug in the caller.
 */
export function emitZip(files: readonly OutputFile[], options: EmitZipOptions = {}): Uint8Array {
  const prefix = options.root === undefined ? '' : `${checkRoot(options.root)}/`;
  const entries = files.map((file) => ({ name: prefix + checkPath(file.path), bytes: file.bytes }));
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  // No prototype: a path such as "__proto__" stays an ordinary key.
  const data: Zippable = Object.create(null) as Zippable;
  for (const { name, bytes } of entries) {
    if (Object.hasOwn(data, name)) throw new Error(`emitZip: path "${name}" is given twice`);
    if (name === '__proto__') throw new Error('emitZip: fflate cannot store a top-level "__proto__"; give a root folder');
    data[name] = bytes;
  }
  const order = Object.keys(data);
  if (order.some((name, i) => name !== entries[i]?.name)) {
    throw new Error(`emitZip: a top-level name among ${JSON.stringify(order.filter((n) => !n.includes('/')))} is an array index, which would reorder the archive; give a root folder`);
  }
  const zipOptions: ZipOptions = { level: ZIP_DEFLATE_LEVEL, mtime: fixedLocalDate(), os: ZIP_OS_UNIX, attrs: ZIP_FILE_ATTRS };
  return zipSync(data, zipOptions);
}

/**
 * 1980-01-01 00:00:00 as a Date whose LOCAL reading is exactly that, in whatever TZ this process
 * runs: fflate encodes DOS time from the local getters. Every IANA zone has this local instant;
 * the check guards against a zone that skipped it.
 */
function fixedLocalDate(): Date {
  const { year, month, day } = ZIP_FIXED_DATE;
  const date = new Date(year, month - 1, day, 0, 0, 0, 0);
  const read = [date.getFullYear(), date.getMonth() + 1, date.getDate(), date.getHours(), date.getMinutes(), date.getSeconds()];
  if (read.join(',') !== `${year},${month},${day},0,0,0`) {
    throw new Error(`emitZip: local time 1980-01-01 00:00:00 does not exist in this time zone (read back ${read.join(',')})`);
  }
  return date;
}

function checkRoot(root: string): string {
  if (root === '' || root === '.' || root === '..' || /[/\\]/.test(root)) {
    throw new Error(`emitZip: root ${JSON.stringify(root)} must be one folder name, without / or \\`);
  }
  return root;
}

function checkPath(path: string): string {
  const segments = path.split('/');
  if (path.includes('\\') || segments.some((s) => s === '' || s === '.' || s === '..')) {
    throw new Error(`emitZip: path ${JSON.stringify(path)} must be relative, with forward slashes and no empty, . or .. segment`);
  }
  return path;
}
