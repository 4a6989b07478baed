/**
 * The undo of an apply plan (FORMATS.md b.3 `"Name"=-`, b.5): remove exactly what apply set and
 * nothing else.
 * - each `set` (soft too) → `deleteValue` of that name, once per value;
 * - `deleteValue` / `deleteAllValues` / `deleteValues` / `deleteKeys` → nothing: the previous data is unknown;
 * - `secureKey` and verbatim `record`s → nothing (permissions and unknown records cannot be undone);
 * - `createKey` (and keys opened to set values) → nothing: the key may also hold values from
 *   elsewhere, and deleting a .reg key deletes its whole subtree (b.2).
 * Registry names compare case-insensitively; only ASCII letters are folded here, because a
 * redundant delete of an absent value is harmless while a missed one would leave a value behind.
 */
import type { RegistryAction, RegistryPlan } from './registry-types.js';

/**
 * The undo plan: `"Name"=-` (FORMATS.md b.3) for every value the plan sets, each once, grouped
 * by key in the order keys first appear (values in the order they are first set; a key keeps the
 * spelling it first has).
 */
export function undoActions(plan: RegistryPlan): RegistryPlan {
  const byKey = new Map<string, { key: string; values: Map<string, RegistryAction> }>();
  for (const action of plan.actions) {
    if (action.kind !== 'set') continue;
    const keyId = foldAscii(action.key);
    let group = byKey.get(keyId);
    if (group === undefined) byKey.set(keyId, (group = { key: action.key, values: new Map<string, RegistryAction>() }));
    const valueId = foldAscii(action.valueName);
    if (!group.values.has(valueId)) group.values.set(valueId, { kind: 'deleteValue', key: group.key, valueName: action.valueName });
  }
  return { hive: plan.hive, actions: [...byKey.values()].flatMap((group) => [...group.values.values()]) };
}

/**
 * The caveats of undoing this plan (what .reg cannot restore, FORMATS.md b.5), one line each,
 * for the undo file's header comment (emitRegFile `notes`).
 */
export function undoNotes(plan: RegistryPlan): string[] {
  const kinds = new Set(plan.actions.map((a) => a.kind));
  const notes = ['Undo: deletes exactly the values the apply file sets, and nothing else.'];
  if (plan.actions.some((a) => a.kind === 'set' && a.soft === true)) {
    notes.push('Some values are "soft" in the PReg (set only if absent) but apply writes them anyway; a value that existed before apply is deleted too.');
  }
  if (['deleteValue', 'deleteAllValues', 'deleteValues', 'deleteKeys'].some((kind) => kinds.has(kind as RegistryAction['kind']))) {
    notes.push('Values that apply deletes are not restored: their previous data is unknown.');
  }
  notes.push('Keys are not deleted, including keys apply created: they may hold values from elsewhere, and deleting a key deletes its subkeys.');
  return notes;
}

/** Windows compares registry names case-insensitively; ASCII letters are certainly folded. */
function foldAscii(name: string): string {
  // Pure ASCII (nearly every name): toLowerCase folds exactly the ASCII letters, much faster.
  if (ASCII.test(name)) return name.toLowerCase();
  return name.replace(/[A-Z]/g, (ch) => ch.toLowerCase());
}

const ASCII = /^[\x00-\x7f]*$/;
