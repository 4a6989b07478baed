/** What every definitions check receives: the validated-by-schema input and a way to report. */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { SourceDoc } from '../../load/yaml-source.js';
import type { DefinitionsInput } from '../../schema/definitions-schema.js';
import { createReporter, type Reporter } from '../reporter.js';
import type { WalkSource } from './walk.js';

export type { At } from '../reporter.js';

export interface CheckContext extends WalkSource, Reporter {
  readonly locales: readonly string[];
}

export function createContext(doc: SourceDoc, input: DefinitionsInput, skippedPolicies: ReadonlySet<number>, sink: Diagnostic[]): CheckContext {
  return { ...createReporter(doc, sink), input, skippedPolicies, locales: input.locales ?? ['en-US'] };
}
