/**
 * Byte-exact golden files (STYLE.md §9) under test/golden/. `UPDATE_GOLDEN=1` rewrites them;
 * otherwise a mismatch fails with a decoded text diff: the first differing line, its number,
 * and whether only line endings differ.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';

const GOLDEN_DIR = path.resolve(process.cwd(), 'test/golden');

/**
 * Compares `bytes` with test/golden/<relPath> (or <baseDir>/<relPath>), or writes it when
 * UPDATE_GOLDEN=1.
 */
export function expectGolden(relPath: string, bytes: Uint8Array, baseDir: string = GOLDEN_DIR): void {
  const file = path.join(baseDir, relPath);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, bytes);
    return;
  }
  if (!existsSync(file)) {
    expect.fail(`golden file ${relPath} is missing; run with UPDATE_GOLDEN=1 and review it`);
  }
  const expected = new Uint8Array(readFileSync(file));
  if (Buffer.compare(Buffer.from(expected), Buffer.from(bytes)) !== 0) {
    expect.fail(`${relPath} differs from its golden file (UPDATE_GOLDEN=1 rewrites it):\n${describeDifference(expected, bytes)}`);
  }
}

/** A readable account of how two byte strings differ, decoded as text. */
export function describeDifference(expected: Uint8Array, actual: Uint8Array): string {
  const want = decode(expected);
  const got = decode(actual);
  if (normalizeLineEndings(want) === normalizeLineEndings(got)) {
    return `only line endings differ (expected ${lineEndingKinds(want)}, got ${lineEndingKinds(got)})`;
  }
  const wantLines = want.split('\n');
  const gotLines = got.split('\n');
  let i = 0;
  while (i < wantLines.length && i < gotLines.length && wantLines[i] === gotLines[i]) i++;
  return [
    `first difference at line ${i + 1} (${wantLines.length} lines expected, ${gotLines.length} got):`,
    `  expected: ${JSON.stringify(wantLines[i] ?? '<end of file>')}`,
    `  actual:   ${JSON.stringify(gotLines[i] ?? '<end of file>')}`,
  ].join('\n');
}

/** Decodes by BOM: UTF-16LE after FF FE, else UTF-8 (the BOM is kept visible as U+FEFF). */
function decode(bytes: Uint8Array): string {
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe;
  return new TextDecoder(utf16 ? 'utf-16le' : 'utf-8', { ignoreBOM: true }).decode(bytes);
}

function normalizeLineEndings(text: string): string {
  return text.replace(/\r\n|\r/g, '\n');
}

function lineEndingKinds(text: string): string {
  const crlf = (text.match(/\r\n/g) ?? []).length;
  const lf = (text.match(/(?<!\r)\n/g) ?? []).length;
  const cr = (text.match(/\r(?!\n)/g) ?? []).length;
  return `${crlf} CRLF, ${lf} bare LF, ${cr} bare CR`;
}
