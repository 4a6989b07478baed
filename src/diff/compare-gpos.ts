/**
 * GPO changes in policy terms (issue 12): per GPO, which policies became configured, stopped
 * being configured, changed state or element values, which raw registry entries changed, and
 * under each, the registry values that change. Registry effects come from model/registry-plan.ts;
 * nothing here re-derives them.
 */
import { describeEffect, slotOf } from '../model/describe-registry.js';
import { compareKeys, planPolicy } from '../model/registry-plan.js';
import type { ConfiguredPolicy, Hive, RegistryAction } from '../model/registry-types.js';
import type { Gpo, GpoSide, Policy } from '../model/types.js';
import { describeElementValue } from './describe-values.js';
import { compareCodeUnits } from '../text/compare.js';
import type { GpoDiff, RegistryChange, SettingChange, ValueChange } from './diff-types.js';

/** "prefix:PolicyId" of a policy object of either side's model. */
export type PolicyRef = (policy: Policy) => string;

const SECTIONS = [['computer', 'HKLM'], ['user', 'HKCU']] as const;
const EMPTY_SIDE: GpoSide = { policies: [], registry: [] };

/**
 * GPOs matched by GUID (from the YAML, else derived from the name), in head order, then removed
 * ones. Policies are shown by `refOf` and matched by `keyOf` ("namespace:PolicyId"), so a changed
 * prefix is not taken for one policy unconfigured and another configured.
 */
export function compareGpos(base: readonly Gpo[], head: readonly Gpo[], refOf: PolicyRef, keyOf: PolicyRef = refOf): GpoDiff[] {
  const compareGpo = (before: Gpo | undefined, after: Gpo | undefined) => compareSides(before, after, refOf, keyOf);
  const baseById = new Map(base.map((g) => [g.id, g]));
  const headIds = new Set(head.map((g) => g.id));
  const diffs: GpoDiff[] = [];
  for (const after of head) {
    const before = baseById.get(after.id);
    const changes = compareGpo(before, after);
    if (changes.length > 0 || before === undefined) diffs.push({ file: after.sourcePath, name: after.name, status: before ? 'changed' : 'added', changes });
  }
  for (const before of base.filter((g) => !headIds.has(g.id))) {
    diffs.push({ file: before.sourcePath, name: before.name, status: 'removed', changes: compareGpo(before, undefined) });
  }
  return diffs;
}

function compareSides(before: Gpo | undefined, after: Gpo | undefined, refOf: PolicyRef, keyOf: PolicyRef): SettingChange[] {
  return SECTIONS.flatMap(([section, hive]) => {
    const old = before?.[section] ?? EMPTY_SIDE;
    const now = after?.[section] ?? EMPTY_SIDE;
    return [...comparePolicies(old, now, section, hive, refOf, keyOf), ...compareRaw(old.registry, now.registry, section, hive)];
  });
}

/** Policies matched by namespace and id; head order first, then the ones no longer configured. */
function comparePolicies(old: GpoSide, now: GpoSide, section: SettingChange['section'], hive: Hive, refOf: PolicyRef, keyOf: PolicyRef): SettingChange[] {
  const oldByKey = new Map(old.policies.map((p) => [keyOf(p.policy), p]));
  const nowKeys = new Set(now.policies.map((p) => keyOf(p.policy)));
  const pairs: [ConfiguredPolicy | undefined, ConfiguredPolicy | undefined][] = [
    ...now.policies.map((p): [ConfiguredPolicy | undefined, ConfiguredPolicy] => [oldByKey.get(keyOf(p.policy)), p]),
    ...old.policies.filter((p) => !nowKeys.has(keyOf(p.policy))).map((p): [ConfiguredPolicy, undefined] => [p, undefined]),
  ];
  return pairs.flatMap(([before, after]) => {
    const change = comparePolicy(before, after, section, hive, refOf);
    return change ? [change] : [];
  });
}

function comparePolicy(before: ConfiguredPolicy | undefined, after: ConfiguredPolicy | undefined, section: SettingChange['section'], hive: Hive, refOf: PolicyRef): SettingChange | undefined {
  const either = (after ?? before) as ConfiguredPolicy;
  const values = compareValues(before, after);
  const registry = compareActions(before ? planPolicy(before) : [], after ? planPolicy(after) : [], hive);
  if (before?.state === after?.state && values.length === 0 && registry.length === 0) return undefined;
  const kind = before === undefined ? 'configured' : after === undefined ? 'unconfigured' : 'changed';
  const defaultLocale = Object.keys(either.policy.name)[0] ?? '';
  return {
    kind,
    section,
    policy: refOf(either.policy),
    title: either.policy.name[defaultLocale] ?? either.policy.id,
    ...(before && { stateBefore: before.state }),
    ...(after && { stateAfter: after.state }),
    values,
    registry,
  };
}

/** Element values by id, in the order of the policy's elements. */
function compareValues(before: ConfiguredPolicy | undefined, after: ConfiguredPolicy | undefined): ValueChange[] {
  const policy = (after ?? before)?.policy;
  if (policy === undefined) return [];
  const show = (side: ConfiguredPolicy | undefined, id: string) => {
    const value = side?.values.get(id);
    return value === undefined ? undefined : describeElementValue(side?.policy ?? policy, id, value);
  };
  const ids = [...new Set([...policy.elements.map((e) => e.id), ...(before?.values.keys() ?? []), ...(after?.values.keys() ?? [])])];
  return ids.flatMap((element) => {
    const old = show(before, element);
    const now = show(after, element);
    return old === now ? [] : [{ element, ...(old !== undefined && { before: old }), ...(now !== undefined && { after: now }) }];
  });
}

/** Raw `registry:` entries, each matched by the value (or key) it touches. */
function compareRaw(old: readonly RegistryAction[], now: readonly RegistryAction[], section: SettingChange['section'], hive: Hive): SettingChange[] {
  return compareActions(old, now, hive).map((change) => ({ kind: 'raw', section, values: [], registry: [change] }));
}

/** The registry slots whose effect differs between two action lists, in registry key order. */
export function compareActions(old: readonly RegistryAction[], now: readonly RegistryAction[], hive: Hive): RegistryChange[] {
  const slots = new Map<string, { action: RegistryAction; before?: string; after?: string }>();
  for (const action of old) slots.set(slotOf(hive, action), { action, before: describeEffect(action) });
  for (const action of now) {
    const slot = slots.get(slotOf(hive, action));
    slots.set(slotOf(hive, action), { action, ...(slot?.before !== undefined && { before: slot.before }), after: describeEffect(action) });
  }
  const changed = [...slots.values()].filter((s) => s.before !== s.after);
  changed.sort((a, b) => compareKeys(a.action.key, b.action.key) || compareCodeUnits(valueNameOf(a.action), valueNameOf(b.action)));
  return changed.map(({ action, before, after }) => ({
    hive,
    key: action.key,
    ...('valueName' in action && { valueName: action.valueName }),
    ...(before !== undefined && { before }),
    ...(after !== undefined && { after }),
  }));
}

const valueNameOf = (action: RegistryAction) => ('valueName' in action ? action.valueName : '');
