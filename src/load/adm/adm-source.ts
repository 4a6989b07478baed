/** One .adm file being read: where its diagnostics go and the decoded text their spans point into. */
import { diagnostic, type ArgsOf, type Diagnostic, type Span } from '../../diagnostics/diagnostic.js';
import type { DiagnosticCode } from '../../diagnostics/catalogue.js';

/** Collects the file's diagnostics (STYLE.md §3); spans are offsets into `text`. */
export class AdmSource {
  readonly diagnostics: Diagnostic[] = [];

  constructor(
    readonly file: string,
    readonly text: string,
  ) {}

  report<C extends DiagnosticCode>(code: C, span: Span | undefined, ...args: ArgsOf<C>): void {
    this.diagnostics.push(diagnostic(code, this.file, span, ...args));
  }

  /** An empty span at the end of the text, for "expected ... before the end of the file". */
  get endSpan(): Span {
    return { start: this.text.length, end: this.text.length };
  }
}
