/**
 * One `policies:` entry of a GPO side → a ConfiguredPolicy, checked against its definition:
 * the policy exists, suits the side, and each element value fits its element (DESIGN.md §1.2).
 */
import type { DataPath } from '../../load/yaml-source.js';
import type { ConfiguredPolicy, ElementValue } from '../../model/registry-types.js';
import type { Policy } from '../../model/types.js';
import type { PolicySettingInput } from '../../schema/gpo-schema.js';
import { closestName } from '../closest-name.js';
import type { Reporter } from '../reporter.js';
import { checkElementValue } from './element-values.js';
import type { PolicyCatalogue } from './policy-catalogue.js';

export type Section = 'computer' | 'user';

export function checkPolicySetting(
  r: Reporter,
  catalogue: PolicyCatalogue,
  section: Section,
  ref: string,
  setting: PolicySettingInput,
  path: DataPath,
): ConfiguredPolicy | undefined {
  const policy = resolve(r, catalogue, ref, { key: path });
  if (!policy) return undefined;
  if (policy.class !== 'both' && (policy.class === 'machine') !== (section === 'computer')) {
    return void r.report('GPF2203', { key: path }, ref, policy.class, section);
  }
  const state = typeof setting === 'string' ? setting : setting.state;
  const given: Record<string, unknown> = typeof setting === 'string' ? {} : setting;
  if (state === 'disabled') {
    const first = elementIds(given)[0];
    if (first !== undefined) r.report('GPF2213', { key: [...path, first] });
    return { policy, state, values: new Map() };
  }
  const values = checkValues(r, policy, given, path);
  return values && { policy, state, values };
}

/** The element ids a setting gives values for: its keys but `state`, in YAML order. */
function elementIds(setting: Record<string, unknown>): string[] {
  return Object.keys(setting).filter((key) => key !== 'state');
}

function resolve(r: Reporter, catalogue: PolicyCatalogue, ref: string, at: { key: DataPath }): Policy | undefined {
  const found = catalogue.lookup(ref);
  if ('found' in found) return found.found;
  if ('unknownPrefix' in found) r.report('GPF2202', at, found.unknownPrefix, found.known, found.suggestion);
  else if ('ambiguous' in found) r.report('GPF2219', at, ref, found.namespaces);
  else r.report('GPF2201', at, ref, found.suggestion);
  return undefined;
}

/** Every given value checked; every required element present. Undefined if anything failed. */
function checkValues(r: Reporter, policy: Policy, given: Record<string, unknown>, path: DataPath): Map<string, ElementValue> | undefined {
  const values = new Map<string, ElementValue>();
  let ok = true;
  for (const id of elementIds(given)) {
    const element = policy.elements.find((e) => e.id === id);
    if (!element) {
      const ids = policy.elements.map((e) => e.id);
      r.report('GPF2204', { key: [...path, id] }, id, ids, closestName(id, ids));
      ok = false;
      continue;
    }
    const value = checkElementValue(r, element, given[id], [...path, id]);
    if (value) values.set(id, value);
    else ok = false;
  }
  for (const element of policy.elements) {
    if ('required' in element && element.required && !(element.id in given && element.id !== 'state')) {
      r.report('GPF2210', { key: path }, element.id);
      ok = false;
    }
  }
  return ok ? values : undefined;
}
