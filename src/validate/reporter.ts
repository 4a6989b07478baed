/** Reports diagnostics at YAML paths of one file; shared by the definitions and GPO checks. */
import { diagnostic, type ArgsOf, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { DiagnosticCode } from '../diagnostics/catalogue.js';
import type { DataPath, SourceDoc } from '../load/yaml-source.js';
import { LineIndex } from '../diagnostics/format.js';

/** Where a problem is: the value at a path, or the key of that path. */
export type At = DataPath | { readonly key: DataPath };

export interface Reporter {
  readonly doc: SourceDoc;
  report<C extends DiagnosticCode>(code: C, at: At, ...args: ArgsOf<C>): void;
  /** 1-based line of the value at `path`, for "first defined at line N". */
  lineOf(path: DataPath): number;
}

/**
 * `downgrade`: codes reported as warnings in this file (definitions with `lenient: true`, for
 * imported templates whose reference problems Windows tolerates).
 */
export function createReporter(doc: SourceDoc, sink: Diagnostic[], downgrade: ReadonlySet<DiagnosticCode> = new Set()): Reporter {
  let lines: LineIndex | undefined;
  return {
    doc,
    report(code, at, ...args) {
      const span = Array.isArray(at) ? doc.locate(at) : doc.locate((at as { key: DataPath }).key, 'key');
      const found = diagnostic(code, doc.file, span, ...args);
      sink.push(downgrade.has(code) ? { ...found, severity: 'warning', message: `${found.message} (tolerated: lenient: true)` } : found);
    },
    lineOf(path) {
      lines ??= new LineIndex(doc.text);
      return lines.position(doc.locate(path).start).line;
    },
  };
}
