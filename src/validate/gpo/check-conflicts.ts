/**
 * The same registry value set twice in one GPO side with different data (from two policies, or
 * a policy and a raw value) is an error naming both places: the outputs could only pick one.
 */
import type { DataPath } from '../../load/yaml-source.js';
import { describeEffect } from '../../model/describe-registry.js';
import type { RegistryAction } from '../../model/registry-types.js';
import type { Reporter } from '../reporter.js';

export interface SourcedActions {
  readonly actions: readonly RegistryAction[];
  /** Where they came from: the policy's key, or the raw registry entry. */
  readonly at: DataPath;
  readonly keyOnly: boolean;
}

/** What a value-level action does ("soft REG_DWORD 4", "delete"); other actions are not compared here. */
function effect(action: RegistryAction): string | undefined {
  return action.kind === 'set' || action.kind === 'deleteValue' ? describeEffect(action) : undefined;
}

export function checkConflicts(r: Reporter, sources: readonly SourcedActions[]): void {
  // Far fewer keys than actions: each key is lower-cased once, for both checks.
  const lowered = new Map<string, string>();
  const lower = (key: string): string => {
    let folded = lowered.get(key);
    if (folded === undefined) lowered.set(key, (folded = key.toLowerCase()));
    return folded;
  };
  checkValueConflicts(r, sources, lower);
  checkClearedKeys(r, sources, lower);
}

const atOf = (source: SourcedActions) => (source.keyOnly ? { key: source.at } : source.at);

/**
 * A key whose values one setting deletes all of (a non-additive list, `deleteAllValues`) must
 * not be written by another setting of the side: file order puts the delete first (FORMATS.md
 * a.6), so the result would depend on ordering rather than on what the admin wrote.
 */
function checkClearedKeys(r: Reporter, sources: readonly SourcedActions[], lower: (key: string) => string): void {
  const cleared = new Map<string, SourcedActions>();
  for (const source of sources) {
    for (const action of source.actions) if (action.kind === 'deleteAllValues') cleared.set(lower(action.key), cleared.get(lower(action.key)) ?? source);
  }
  if (cleared.size === 0) return;
  for (const source of sources) {
    const clash = source.actions.find((a) => {
      if (a.kind !== 'set' && a.kind !== 'deleteValue') return false;
      const owner = cleared.get(lower(a.key));
      return owner !== undefined && owner !== source;
    });
    if (clash) r.report('GPF2218', atOf(source), clash.key, r.lineOf((cleared.get(lower(clash.key)) as SourcedActions).at));
  }
}

function checkValueConflicts(r: Reporter, sources: readonly SourcedActions[], lower: (key: string) => string): void {
  const seen = new Map<string, { action: RegistryAction; at: DataPath; source: SourcedActions }>();
  for (const source of sources) {
    for (const action of source.actions) {
      if (action.kind !== 'set' && action.kind !== 'deleteValue') continue;
      const id = `${lower(action.key)}\\${action.valueName.toLowerCase()}`;
      const first = seen.get(id);
      if (!first) seen.set(id, { action, at: source.at, source });
      // Effects are described only for a value written twice (rare), not for every action.
      else if (first.source !== source && effect(first.action) !== effect(action)) {
        r.report('GPF2212', atOf(source), `value ${action.key}\\${action.valueName || '(default)'}`, r.lineOf(first.at));
      }
    }
  }
}
