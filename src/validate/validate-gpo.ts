/**
 * GPO settings YAML → the configured policies and raw values of each side, checked against the
 * definitions (ours and --admx ones) in the catalogue. Runs after the definitions are built.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { DataPath, SourceDoc } from '../load/yaml-source.js';
import { planPolicy } from '../model/registry-plan.js';
import type { ConfiguredPolicy, RegistryAction } from '../model/registry-types.js';
import type { GpoSide } from '../model/types.js';
import type { GpoInput, GpoSideInput } from '../schema/gpo-schema.js';
import { checkStructure } from './check-structure.js';
import { checkConflicts, type SourcedActions } from './gpo/check-conflicts.js';
import { checkPolicySetting, type Section } from './gpo/check-policy-setting.js';
import type { PolicyCatalogue } from './gpo/policy-catalogue.js';
import { checkRawRegistry } from './gpo/registry-data.js';
import { createReporter, type Reporter } from './reporter.js';

export interface ValidatedGpo {
  readonly doc: SourceDoc;
  readonly input: GpoInput;
  readonly computer: GpoSide;
  readonly user: GpoSide;
}

export function validateGpo(doc: SourceDoc, catalogue: PolicyCatalogue): { valid?: ValidatedGpo; diagnostics: Diagnostic[] } {
  const { diagnostics } = checkStructure(doc, 'gpo');
  if (diagnostics.length > 0) return { diagnostics };
  const input = doc.data as GpoInput;
  const r = createReporter(doc, diagnostics);
  const computer = checkSide(r, catalogue, 'computer', input.computer);
  const user = checkSide(r, catalogue, 'user', input.user);
  if (diagnostics.some((d) => d.severity === 'error') || !computer || !user) return { diagnostics };
  return { valid: { doc, input, computer, user }, diagnostics };
}

/** One side's policies and raw values; undefined when any of them is invalid. */
function checkSide(r: Reporter, catalogue: PolicyCatalogue, section: Section, side: GpoSideInput | undefined): GpoSide | undefined {
  const policies: ConfiguredPolicy[] = [];
  const registry: RegistryAction[] = [];
  const sources: SourcedActions[] = [];
  let ok = true;
  for (const [ref, setting] of Object.entries(side?.policies ?? {})) {
    const path: DataPath = [section, 'policies', ref];
    const configured = checkPolicySetting(r, catalogue, section, ref, setting, path);
    if (configured) {
      policies.push(configured);
      sources.push({ actions: planPolicy(configured), at: path, keyOnly: true });
    } else ok = false;
  }
  for (const [i, entry] of (side?.registry ?? []).entries()) {
    const path: DataPath = [section, 'registry', i];
    const action = checkRawRegistry(r, entry, path);
    if (action) {
      registry.push(action);
      sources.push({ actions: [action], at: path, keyOnly: false });
    } else ok = false;
  }
  // keepOrder: the file order is explicit, so later records simply win (FORMATS.md a.6).
  if (side?.keepOrder !== true) checkConflicts(r, sources);
  return ok ? { policies, registry, ...(side?.keepOrder === true && { keepOrder: true }) } : undefined;
}
