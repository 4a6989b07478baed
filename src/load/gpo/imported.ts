/**
 * What the GPO readers of `gpforge import` return (Registry.pol, .reg, LGPO text, backups): the
 * registry actions of each side, exactly as the file orders them, and diagnostics.
 */
import type { Diagnostic, Span } from '../../diagnostics/diagnostic.js';
import type { RegistryAction } from '../../model/registry-types.js';

export interface ImportedRegistry {
  readonly file: string;
  /** The decoded text of a text format, for line:col in messages; absent for binary files. */
  readonly text?: string;
  readonly machine: RegistryAction[];
  readonly user: RegistryAction[];
  readonly diagnostics: Diagnostic[];
}

/** One line of a text file and its span (offsets into the text, line break excluded). */
export interface TextLine {
  readonly text: string;
  readonly span: Span;
}

/** Splits on CRLF, LF or CR, keeping each line's offsets. */
export function splitLines(text: string): TextLine[] {
  const lines: TextLine[] = [];
  const pattern = /\r\n|\n|\r/g;
  let start = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    lines.push({ text: text.slice(start, match.index), span: { start, end: match.index } });
    start = match.index + match[0].length;
  }
  if (start < text.length) lines.push({ text: text.slice(start), span: { start, end: text.length } });
  return lines;
}
