/**
 * Definitions YAML → typed input, or diagnostics. Structure first (JSON Schema); the semantic
 * checks run only on structurally valid parts, where their types can be trusted.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { DataPath, SourceDoc } from '../load/yaml-source.js';
import type { DefinitionsInput } from '../schema/definitions-schema.js';
import { checkStructure } from './check-structure.js';
import { createContext } from './definitions/context.js';
import { checkAsWritten } from './definitions/check-as-written.js';
import { checkElements } from './definitions/check-elements.js';
import { checkIds } from './definitions/check-ids.js';
import { checkReferences } from './definitions/check-references.js';
import { checkIntune } from './definitions/check-intune.js';
import { checkRegistry } from './definitions/check-registry.js';
import { checkTexts } from './definitions/check-texts.js';

export interface ValidatedDefinitions {
  readonly doc: SourceDoc;
  readonly input: DefinitionsInput;
}

const checks = [checkIds, checkReferences, checkRegistry, checkElements, checkTexts, checkAsWritten, checkIntune];

/**
 * Policies with structural errors are left out of the semantic checks so that the rest of the
 * file is still checked in the same run; an error anywhere else stops there (undefined).
 */
function brokenPolicies(paths: readonly DataPath[]): Set<number> | undefined {
  const broken = new Set<number>();
  for (const path of paths) {
    if (path[0] !== 'policies' || typeof path[1] !== 'number') return undefined;
    broken.add(path[1]);
  }
  return broken;
}

/**
 * All diagnostics of one definitions file; `valid` is set when none of them is an error.
 * `intune`: also the warnings for what Intune's ADMX ingestion refuses (GPF2301–GPF2305).
 */
export function validateDefinitions(doc: SourceDoc, options: { readonly intune?: boolean } = {}): { valid?: ValidatedDefinitions; diagnostics: Diagnostic[] } {
  const structure = checkStructure(doc, 'definitions');
  const diagnostics = structure.diagnostics;
  const skippedPolicies = brokenPolicies(structure.paths);
  if (!skippedPolicies) return { diagnostics };
  const input = doc.data as DefinitionsInput;
  const ctx = createContext(doc, input, skippedPolicies, diagnostics, options.intune === true);
  for (const check of checks) check(ctx);
  const valid = diagnostics.some((d) => d.severity === 'error') ? undefined : { doc, input };
  return valid ? { valid, diagnostics } : { diagnostics };
}
