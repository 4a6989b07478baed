/**
 * Diagnostics → text for people (`file:line:col: error GPF1234: message`), JSON for tools, or
 * GitHub workflow annotations (DESIGN.md §3). Offsets become line:col here, and only here.
 */
import type { Diagnostic } from './diagnostic.js';
import { compareCodeUnits } from '../text/compare.js';

export type DiagnosticFormat = 'text' | 'json' | 'github';

interface Position {
  readonly line: number;
  readonly column: number;
}

/** Maps offsets to 1-based line:column for one text; columns count UTF-16 code units + 1. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    // indexOf per line, not a look at every character: a large file is indexed once for its diagnostics.
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  position(offset: number): Position {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - (this.starts[low] ?? 0) + 1 };
  }
}

export interface LocatedDiagnostic extends Diagnostic {
  readonly line?: number;
  readonly column?: number;
  readonly endLine?: number;
  readonly endColumn?: number;
}

/** Adds line/column from the source texts (binary files and whole-file problems get none). */
export function locateAll(diagnostics: readonly Diagnostic[], texts: ReadonlyMap<string, string>): LocatedDiagnostic[] {
  const indexes = new Map<string, LineIndex>();
  return diagnostics.map((d) => {
    const text = texts.get(d.file);
    if (!d.span || text === undefined) return d;
    let index = indexes.get(d.file);
    if (!index) indexes.set(d.file, (index = new LineIndex(text)));
    const start = index.position(d.span.start);
    const end = index.position(d.span.end);
    return { ...d, line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
  });
}

export function formatDiagnostics(diagnostics: readonly LocatedDiagnostic[], format: DiagnosticFormat): string {
  if (format === 'json') {
    const rows = diagnostics.map((d) => ({
      code: d.code,
      severity: d.severity,
      message: d.message,
      file: d.file,
      line: d.line ?? null,
      column: d.column ?? null,
      endLine: d.endLine ?? null,
      endColumn: d.endColumn ?? null,
    }));
    return JSON.stringify(rows, null, 2) + '\n';
  }
  return diagnostics.map((d) => (format === 'github' ? githubLine(d) : textLine(d)) + '\n').join('');
}

/** `file:line:col`; for a binary file (a span but no text) `file@offset` with the byte offset. */
function textLine(d: LocatedDiagnostic): string {
  const where = d.line !== undefined ? `${d.file}:${d.line}:${d.column}` : d.span ? `${d.file}@${d.span.start}` : d.file;
  return `${where}: ${d.severity} ${d.code}: ${d.message}`;
}

/** Workflow command escaping: properties escape , and : too (GitHub Actions toolkit rules). */
function githubLine(d: LocatedDiagnostic): string {
  const data = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const property = (s: string) => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  const props = [`file=${property(d.file)}`];
  if (d.line !== undefined) {
    props.push(`line=${d.line}`, `col=${d.column}`, `endLine=${d.endLine}`, `endColumn=${d.endColumn}`);
  }
  props.push(`title=${property(d.code)}`);
  return `::${d.severity} ${props.join(',')}::${data(d.message)}`;
}

/** Errors first by file order, then position; stable for identical input. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) => compareCodeUnits(a.file, b.file) || (a.span?.start ?? -1) - (b.span?.start ?? -1),
  );
}
