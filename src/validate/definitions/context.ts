/** What every definitions check receives: the validated-by-schema input and a way to report. */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { DiagnosticCode } from '../../diagnostics/catalogue.js';
import type { SourceDoc } from '../../load/yaml-source.js';
import type { DefinitionsInput } from '../../schema/definitions-schema.js';
import { createReporter, type Reporter } from '../reporter.js';
import type { WalkSource } from './walk.js';

export type { At } from '../reporter.js';

export interface CheckContext extends WalkSource, Reporter {
  readonly locales: readonly string[];
  /** Report what Intune's ADMX ingestion refuses too (validate --intune). */
  readonly intune: boolean;
}

/** What `lenient: true` turns into warnings: problems real Windows templates have and Windows tolerates. */
export const LENIENT_CODES: ReadonlySet<DiagnosticCode> = new Set(['GPF2102', 'GPF2103', 'GPF2105', 'GPF2109', 'GPF2112'] as const);

export function createContext(doc: SourceDoc, input: DefinitionsInput, skippedPolicies: ReadonlySet<number>, sink: Diagnostic[], intune = false): CheckContext {
  const reporter = createReporter(doc, sink, input.lenient === true ? LENIENT_CODES : new Set());
  return { ...reporter, input, skippedPolicies, locales: input.locales ?? ['en-US'], intune };
}
