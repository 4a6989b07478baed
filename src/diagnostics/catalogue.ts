/**
 * Every diagnostic gpforge can report: stable code, severity and wording (STYLE.md §3).
 * Codes: GPF1xxx load (reading files), GPF2xxx validate (one file's content),
 * GPF3xxx model (across files). A code, once released, keeps its meaning.
 */
import type { Severity } from './diagnostic.js';

interface Entry {
  readonly severity: Severity;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly message: (...args: any[]) => string;
}

const error = <A extends unknown[]>(message: (...args: A) => string) => ({ severity: 'error' as const, message });
const warning = <A extends unknown[]>(message: (...args: A) => string) => ({ severity: 'warning' as const, message });

export const catalogue = {
  // ── GPF1xxx: load ────────────────────────────────────────────────────────────────────────
  GPF1001: error((detail: string) => `cannot read file: ${detail}`),
  GPF1002: error((detail: string) => `YAML syntax error: ${detail}`),
  GPF1003: error((detail: string) => `YAML document too large or too deeply aliased: ${detail}`),
  GPF1004: error(() => `a YAML file must hold exactly one document`),
  GPF1005: error((max: number) => `file is larger than ${max} bytes`),
} satisfies Record<string, Entry>;

export type DiagnosticCode = keyof typeof catalogue;
