/**
 * What the command line prints, and where: diagnostics on stdout (they are the product of
 * validate and lint), a one-line summary on stderr, progress on stderr only for a person at a
 * terminal (never when stderr is not a TTY or `CI` is set), file lists with --verbose.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { formatDiagnostics, locateAll, type DiagnosticFormat } from '../diagnostics/format.js';

export interface ConsoleOptions {
  readonly format: DiagnosticFormat;
  readonly quiet?: boolean;
  readonly verbose?: boolean;
}

export class Console {
  private readonly showProgress: boolean;
  private progressShown = false;

  constructor(private readonly options: ConsoleOptions) {
    this.showProgress = process.stderr.isTTY === true && !process.env.CI && !options.quiet;
  }

  /** A transient status line ("reading 223 templates…"), replaced by the next one. */
  progress(message: string): void {
    if (!this.showProgress) return;
    process.stderr.write(`\r\x1b[K${message}`);
    this.progressShown = true;
  }

  /** Lines only --verbose shows (e.g. each file written). */
  detail(lines: readonly string[]): void {
    if (this.options.verbose) for (const line of lines) process.stderr.write(`${line}\n`);
  }

  /** Diagnostics (all of them, whatever --quiet says) and the summary line. */
  report(diagnostics: readonly Diagnostic[], texts: ReadonlyMap<string, string>, summary: string): void {
    this.clearProgress();
    const printed = formatDiagnostics(locateAll(diagnostics, texts), this.options.format);
    if (printed !== '' || this.options.format === 'json') process.stdout.write(printed);
    if (this.options.quiet) return;
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    const warnings = diagnostics.length - errors;
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    process.stderr.write(`gpforge: ${summary} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})\n`);
  }

  private clearProgress(): void {
    if (this.progressShown) process.stderr.write('\r\x1b[K');
    this.progressShown = false;
  }
}
