/**
 * The body of an .adm file (everything before `[strings]`) → tokens (FORMATS.md d.1, MS-GPREG
 * 2.2.2.1). Tokens are separated by white space; a quoted string `"…"` ends at the next `"` on the
 * same line (there is no escape); `!!Name` refers to a `[strings]` entry; any other run of
 * characters up to white space, `"` or `;` is a word (a keyword, a number or an unquoted string).
 * `;` starts a comment anywhere outside quotes, `//` at the start of a token.
 *
 * Preprocessor lines (`#` first on its line, to the end of the line; elsewhere `#` is a word character):
 * - `#if version <op> N` (op: >=, <=, >, <, ==, =, !=), `#else`, `#endif`, nestable. They are
 *   evaluated as the Windows XP / Server 2003 Group Policy editor does, i.e. for editor version
 *   EDITOR_VERSION = 4 (ADM language reference, table 5): `>= 4` blocks (SUPPORTED, as gpforge and
 *   Chromium guard it) and `>= 3` blocks (EXPLAIN) are read, `<= 2` blocks (NT4 System Policy
 *   Editor alternatives) are not, and neither are `>= 5` blocks (XP SP2 only).
 * - any other `#if…` (`#ifdef X`, `#ifndef X`, `#if something`) is not understood: the block, both
 *   branches, is skipped up to its `#endif`, with a warning (GPF1308).
 * - any other directive (`#define`, `#elif`, …) is reported and ignored (GPF1304).
 */
import type { Span } from '../../diagnostics/diagnostic.js';
import type { AdmSource } from './adm-source.js';

/** One token; start/end are offsets into the decoded text. */
export interface AdmToken {
  readonly kind: 'word' | 'quoted' | 'ref';
  /** word: as written; quoted: the text between the quotes; ref: the name after `!!`. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** The editor version `#if version` conditions are evaluated for (see the file comment). */
export const EDITOR_VERSION = 4;

interface Frame {
  readonly directive: string;
  readonly span: Span;
  /** `#if version`: its `#else` switches branches; false for a skipped unknown block. */
  readonly understood: boolean;
  taking: boolean;
}

const VERSION_IF = /^#if\s+version\s*(>=|<=|==|!=|=|>|<)\s*(\d+(?:\.\d+)?)$/i;
const WORD_END = /[\s";]/;

/** Tokens of text[0, end); directives are applied, comments dropped. */
export function tokenizeAdm(source: AdmSource, end: number): AdmToken[] {
  const text = source.text;
  const tokens: AdmToken[] = [];
  const frames: Frame[] = [];
  const active = () => frames.every((f) => f.taking);
  let i = 0;
  while (i < end) {
    const ch = text[i] ?? '';
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === ';' || text.startsWith('//', i)) {
      i = lineEnd(text, i, end);
    } else if (ch === '#' && startsLine(text, i)) {
      const stop = lineEnd(text, i, end);
      applyDirective(source, frames, text.slice(i, stop).replace(/;.*$/, '').trim(), i, active());
      i = stop;
    } else if (ch === '"') {
      const stop = lineEnd(text, i, end);
      const close = text.indexOf('"', i + 1);
      const closed = close >= 0 && close < stop;
      const tokenEnd = closed ? close + 1 : stop;
      if (active()) {
        if (!closed) source.report('GPF1301', { start: i, end: stop });
        tokens.push({ kind: 'quoted', text: text.slice(i + 1, closed ? close : stop), start: i, end: tokenEnd });
      }
      i = tokenEnd;
    } else {
      let stop = i + 1;
      while (stop < end && !WORD_END.test(text[stop] ?? ' ')) stop++;
      const raw = text.slice(i, stop);
      const isRef = raw.startsWith('!!') && raw.length > 2;
      if (active()) tokens.push({ kind: isRef ? 'ref' : 'word', text: isRef ? raw.slice(2) : raw, start: i, end: stop });
      i = stop;
    }
  }
  for (const frame of frames) source.report('GPF1309', frame.span, frame.directive);
  return tokens;
}

/** True when only blanks precede `at` on its line: directives stand at the start of a line. */
function startsLine(text: string, at: number): boolean {
  for (let i = at - 1; i >= 0 && text[i] !== '\n' && text[i] !== '\r'; i--) if (text[i] !== ' ' && text[i] !== '\t') return false;
  return true;
}

function lineEnd(text: string, from: number, end: number): number {
  let i = from;
  while (i < end && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

function applyDirective(source: AdmSource, frames: Frame[], directive: string, start: number, active: boolean): void {
  const span = { start, end: start + directive.length };
  const name = (/^#\s*([A-Za-z]*)/.exec(directive)?.[1] ?? '').toLowerCase();
  const top = frames.at(-1);
  if (name === 'endif' || name === 'else') {
    if (top === undefined) source.report('GPF1310', span, directive);
    else if (name === 'endif') frames.pop();
    else if (top.understood) top.taking = !top.taking;
    return;
  }
  if (!name.startsWith('if')) {
    if (active) source.report('GPF1304', span, directive, 'an .adm file (only #if version, #else and #endif are understood)');
    return;
  }
  const version = VERSION_IF.exec(directive);
  if (version) {
    frames.push({ directive, span, understood: true, taking: holds(version[1] ?? '', Number(version[2])) });
    return;
  }
  if (active) source.report('GPF1308', span, directive);
  frames.push({ directive, span, understood: false, taking: false });
}

function holds(op: string, n: number): boolean {
  switch (op) {
    case '>=':
      return EDITOR_VERSION >= n;
    case '<=':
      return EDITOR_VERSION <= n;
    case '>':
      return EDITOR_VERSION > n;
    case '<':
      return EDITOR_VERSION < n;
    case '!=':
      return EDITOR_VERSION !== n;
    default:
      return EDITOR_VERSION === n;
  }
}
