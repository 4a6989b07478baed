/**
 * Diagnostics are data (STYLE.md §3): collected in lists, never thrown. Positions are character
 * offsets into the source text, turned into line:col only when printed (format.ts).
 */
import { catalogue, type DiagnosticCode } from './catalogue.js';

export type Severity = 'error' | 'warning';

/** Half-open [start, end) offsets into the file's text (bytes for binary inputs). */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface Diagnostic {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  readonly message: string;
  /** Path as the user gave it (relative to the working directory where possible). */
  readonly file: string;
  /** Absent when the problem concerns the whole file. */
  readonly span?: Span;
}

export type ArgsOf<C extends DiagnosticCode> = Parameters<(typeof catalogue)[C]['message']>;

/** Makes a diagnostic from the catalogue entry for `code`: the one place wording comes from. */
export function diagnostic<C extends DiagnosticCode>(
  code: C,
  file: string,
  span: Span | undefined,
  ...args: ArgsOf<C>
): Diagnostic {
  const entry = catalogue[code];
  const message = (entry.message as (...a: ArgsOf<C>) => string)(...args);
  return span ? { code, severity: entry.severity, message, file, span } : { code, severity: entry.severity, message, file };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
