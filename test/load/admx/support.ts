/** Shared helpers for the ADMX/ADML reader and lint tests. */
import { readFileSync } from 'node:fs';
import type { Diagnostic } from '../../../src/diagnostics/diagnostic.js';
import { formatDiagnostics, locateAll, sortDiagnostics } from '../../../src/diagnostics/format.js';

export const FIXTURES = 'test/fixtures/admx';

/** Diagnostics as gpforge prints them (`file:line:col: severity CODE: message`), sorted. */
export function printed(diagnostics: readonly Diagnostic[], texts: ReadonlyMap<string, string>): string {
  return formatDiagnostics(locateAll(sortDiagnostics(diagnostics), texts), 'text');
}

/** `file:line:col CODE` of each diagnostic, sorted: the exact place and kind, without wording. */
export function where(diagnostics: readonly Diagnostic[], texts: ReadonlyMap<string, string>): string[] {
  return locateAll(sortDiagnostics(diagnostics), texts).map((d) => `${d.file}:${d.line ?? '-'}:${d.column ?? '-'} ${d.code}`);
}

export function fixtureText(path: string): string {
  return readFileSync(`${FIXTURES}/${path}`, 'utf8');
}

export function utf8(text: string, bom = false): Uint8Array {
  const body = new TextEncoder().encode(text);
  return bom ? Uint8Array.from([0xef, 0xbb, 0xbf, ...body]) : body;
}

export function utf16le(text: string, bom = true): Uint8Array {
  const body = new Uint8Array(Buffer.from(text, 'utf16le'));
  return bom ? Uint8Array.from([0xff, 0xfe, ...body]) : body;
}

export function utf16be(text: string): Uint8Array {
  const le = Buffer.from(text, 'utf16le');
  const be = new Uint8Array(le.length);
  for (let i = 0; i < le.length; i += 2) {
    be[i] = le[i + 1] ?? 0;
    be[i + 1] = le[i] ?? 0;
  }
  return Uint8Array.from([0xfe, 0xff, ...be]);
}
