/**
 * Bundle integrity files (DESIGN.md §4): `manifest.json` and `SHA256SUMS`, written beside the
 * bundle so a consumer can check what they received.
 *
 *   manifest.json  UTF-8, no BOM, 2-space JSON, LF, final newline. No timestamps: the same inputs
 *                  give the same bytes. `files` and `inputs` sorted by path (UTF-16 code units).
 *                  { "tool": { name, version },
 *                    "files":  [{ "path", "size", "sha256" }...],   every bundle file
 *                    "inputs": [{ "path", "size", "sha256" }...] }  every source file read
 *   SHA256SUMS     UTF-8, LF, final newline; one line per bundle file, sorted by path:
 *                  `<64 lowercase hex><space><space><path>` — GNU coreutils text mode, so
 *                  `sha256sum -c SHA256SUMS` run inside out/ checks the bundle.
 *
 * Neither file lists itself or the other. GNU sha256sum escapes file names holding `\` or a
 * newline (the line then starts with `\`); gpforge never produces such paths, so rather than
 * escape them this writer refuses them (and CR, which text-mode readers would strip).
 */
import { createHash } from 'node:crypto';
import type { OutputFile } from './output-file.js';
import { compareCodeUnits } from '../text/compare.js';

export const MANIFEST_PATH = 'manifest.json';
export const SHA256SUMS_PATH = 'SHA256SUMS';

/** One listed file: what the manifest records about it. */
interface FileEntry {
  readonly path: string;
  readonly size: number;
  readonly sha256: string;
}

/** A file read to build the bundle (a YAML source, an ADMX given with --admx). */
export interface ManifestInput {
  readonly path: string;
  readonly bytes: Uint8Array;
}

/** Names the tool that made the bundle, e.g. `{ name: 'gpforge', version: '0.1.0' }`. */
export interface ToolInfo {
  readonly name: string;
  readonly version: string;
}

/**
 * `manifest.json` and `SHA256SUMS` for `files` (the bundle, without these two) built from
 * `inputs`. Pure: hashes only the bytes given. Throws on a path that SHA256SUMS cannot hold
 * plainly, on a duplicate path, or when `files` already holds one of the two outputs — each is a
 * bug in the caller, not a user error.
 */
export function emitManifest(files: readonly OutputFile[], inputs: readonly ManifestInput[], tool: ToolInfo): OutputFile[] {
  const fileEntries = describeFiles(files, 'bundle file');
  for (const { path } of fileEntries) {
    if (path === MANIFEST_PATH || path === SHA256SUMS_PATH) {
      throw new Error(`emitManifest: the bundle already contains "${path}"; pass the files without manifest.json and SHA256SUMS`);
    }
    assertPlainSumPath(path);
  }
  const manifest = {
    tool: { name: tool.name, version: tool.version },
    files: fileEntries,
    inputs: describeFiles(inputs, 'input'),
  };
  const sums = fileEntries.map(({ path, sha256 }) => `${sha256}  ${path}\n`).join('');
  return [
    { path: MANIFEST_PATH, bytes: encodeUtf8(`${JSON.stringify(manifest, null, 2)}\n`) },
    { path: SHA256SUMS_PATH, bytes: encodeUtf8(sums) },
  ];
}

/** Size and SHA-256 of each file, sorted by path; a path given twice is refused. */
function describeFiles(files: readonly { path: string; bytes: Uint8Array }[], what: string): FileEntry[] {
  // One file's bytes are often written to several paths (a GPO's Registry.pol, four times): hashed once.
  const hashes = new Map<Uint8Array, string>();
  const hashOf = (bytes: Uint8Array): string => {
    const known = hashes.get(bytes);
    if (known !== undefined) return known;
    const hash = sha256Hex(bytes);
    hashes.set(bytes, hash);
    return hash;
  };
  const entries = files.map(({ path, bytes }) => ({ path, size: bytes.byteLength, sha256: hashOf(bytes) }));
  entries.sort((a, b) => compareCodeUnits(a.path, b.path));
  for (let i = 1; i < entries.length; i++) {
    if (entries[i]?.path === entries[i - 1]?.path) {
      throw new Error(`emitManifest: ${what} "${entries[i]?.path}" is listed twice`);
    }
  }
  return entries;
}

/** SHA256SUMS plain lines cannot hold these characters without GNU's `\` escaping. */
function assertPlainSumPath(path: string): void {
  if (path === '' || /[\\\n\r]/.test(path)) {
    throw new Error(`emitManifest: cannot write ${JSON.stringify(path)} to SHA256SUMS: a path must be non-empty and hold no backslash, CR or LF`);
  }
}

function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function encodeUtf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}
