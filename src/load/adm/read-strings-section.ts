/**
 * The `[strings]` section of an .adm file (FORMATS.md d.3): one `Name="text"` per line, read as
 * the text between the FIRST and the LAST `"` of the line, so inner quotes need no escape (as in
 * Chromium's chrome.adm). A value without any quote is the rest of the line, trimmed. Lines that
 * are empty or start with `;` or `//` are skipped; there are no comments after a value.
 * Escapes (the exact inverse of escapeAdmString in src/emit/adm.ts): `\n` is a line break (LF);
 * `\`, k >= 1 U+200B, `n` loses one U+200B (the writer's guard for a literal `\n`). Nothing else
 * is special. Names are looked up case-insensitively; the first definition of a name counts.
 */
import type { Span } from '../../diagnostics/diagnostic.js';
import { LineIndex } from '../../diagnostics/format.js';
import type { AdmSource } from './adm-source.js';

/** One `Name="text"` line, text unescaped; span: the name. */
export interface AdmStringEntry {
  /** The name as defined. */
  readonly name: string;
  readonly text: string;
  readonly span: Span;
}

/** By lower-cased name. */
export type AdmStringTable = ReadonlyMap<string, AdmStringEntry>;

const HEADER = /^[ \t]*\[strings\][ \t]*(?:;.*)?$/is;

/** Where the body ends and the `[strings]` lines begin (the first such line; lines end at CR/LF only). */
export function findStringsSection(text: string): { readonly bodyEnd: number; readonly entriesStart: number } | undefined {
  for (const line of linesFrom(text, 0)) {
    if (HEADER.test(line.text)) return { bodyEnd: line.start, entriesStart: line.start + line.text.length };
  }
  return undefined;
}

/** `\n` → LF; `\`, k >= 1 U+200B, `n` → `\`, k - 1 U+200B, `n` (FORMATS.md d.3, src/emit/adm.ts). */
export function unescapeAdmString(value: string): string {
  return value.replace(/\\(\u200b*)n/g, (_match, zw: string) => (zw.length === 0 ? '\n' : `\\${zw.slice(1)}n`));
}

/** Reads every `Name="text"` line from `from` to the end of the text. */
export function readStringsSection(source: AdmSource, from: number): AdmStringTable {
  const table = new Map<string, AdmStringEntry>();
  for (const line of linesFrom(source.text, from)) {
    const trimmed = line.text.trim();
    if (trimmed === '' || trimmed.startsWith(';') || trimmed.startsWith('//') || /^\[strings\]$/i.test(trimmed)) continue;
    const lead = line.text.length - line.text.trimStart().length;
    const lineSpan = { start: line.start + lead, end: line.start + lead + trimmed.length };
    const equals = line.text.indexOf('=');
    const name = equals < 0 ? '' : line.text.slice(0, equals).trim();
    if (name === '' || name.startsWith('[')) {
      source.report('GPF1311', lineSpan);
      continue;
    }
    const value = readValue(source, line.text.slice(equals + 1), line.start + equals + 1);
    const span = { start: lineSpan.start, end: lineSpan.start + name.length };
    const first = table.get(name.toLowerCase());
    if (first !== undefined) source.report('GPF1312', span, name, new LineIndex(source.text).position(first.span.start).line);
    else table.set(name.toLowerCase(), { name, text: unescapeAdmString(value), span });
  }
  return table;
}

/** Between the first and the last quote; an unpaired quote is reported and the rest of the line taken. */
function readValue(source: AdmSource, rest: string, offset: number): string {
  const first = rest.indexOf('"');
  if (first < 0) return rest.trim();
  const last = rest.lastIndexOf('"');
  if (last > first) return rest.slice(first + 1, last);
  source.report('GPF1301', { start: offset + first, end: offset + rest.trimEnd().length });
  return rest.slice(first + 1).trimEnd();
}

function* linesFrom(text: string, from: number): Generator<{ readonly start: number; readonly text: string }> {
  const pattern = /([^\r\n]*)(?:\r\n|\n|\r|$)/y;
  pattern.lastIndex = from;
  while (pattern.lastIndex < text.length) {
    const start = pattern.lastIndex;
    const match = pattern.exec(text);
    if (!match) return;
    yield { start, text: match[1] ?? '' };
  }
}

