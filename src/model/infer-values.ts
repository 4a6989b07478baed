/**
 * The inverse of the element rules of registry-plan.ts (FORMATS.md c.8), one element at a time:
 * given the registry actions of a file, the value an element must have had for the planner to
 * write them. Only a guess: resolve-policies.ts plans the guessed setting again and accepts it
 * only when every planned action is in the file.
 */
import { actionIdentity, foldName, normalizeKey, planPolicy } from './registry-plan.js';
import type { ElementValue, RegistryAction, RegistryData } from './registry-types.js';
import type { EnumElement, ListElement, Policy, PolicyElement } from './types.js';

/** The file's actions, looked up by identity and by value slot (key\name, folded). */
export interface FileIndex {
  readonly actions: readonly RegistryAction[];
  /** Identity (registry-plan actionIdentity) → indices, in file order. */
  readonly byIdentity: ReadonlyMap<string, readonly number[]>;
  /** Folded `key\valueName` → indices of the `set` actions of that value. */
  readonly setsBySlot: ReadonlyMap<string, readonly number[]>;
  /** Folded key → indices of every `set` on that key. */
  readonly setsByKey: ReadonlyMap<string, readonly number[]>;
}

export type Inferred = { readonly value?: ElementValue } | { readonly problem: string };

/** Registry names compare case-insensitively (registry-plan.ts foldName, as in the identity). */
export function slotOf(key: string, valueName: string): string {
  return `${keySlotOf(key)}\\${foldName(valueName)}`;
}

export function keySlotOf(key: string): string {
  return foldName(normalizeKey(key));
}

/** The value `element` (of a policy being enabled) must have had; no value = absent element. */
export function inferElement(policy: Policy, element: PolicyElement, file: FileIndex): Inferred {
  const key = element.key ?? policy.key;
  switch (element.type) {
    case 'boolean':
      return inferChoice(policy, element, file, [true, false].map((value) => ({ type: 'boolean', value })));
    case 'enum':
      return inferChoice(policy, element, file, element.items.map((_, itemIndex) => ({ type: 'enum', itemIndex })));
    case 'list':
      return inferList(element, key, file);
    default:
      return inferScalar(element, key, file);
  }
}

/** The first choice whose planned actions for this element are all in the file. */
function inferChoice(policy: Policy, element: PolicyElement, file: FileIndex, choices: readonly ElementValue[]): Inferred {
  const alone: Policy = { ...policy, valueName: undefined, enabledList: undefined, elements: [element] };
  for (const value of choices) {
    const planned = planPolicy({ policy: alone, state: 'enabled', values: new Map([[element.id, value]]) });
    if (planned.length > 0 && planned.every((action) => file.byIdentity.has(actionIdentity(action)))) return { value };
  }
  return element.type === 'enum' ? enumProblem(element, policy.key, file) : { problem: `no value of checkbox ${element.id} is present` };
}

function enumProblem(element: EnumElement, policyKey: string, file: FileIndex): Inferred {
  const found = firstSet(file, element.key ?? policyKey, element.valueName ?? '');
  if (!found) return 'required' in element && element.required ? { problem: `${element.valueName} (${element.id}) is missing` } : {};
  return { problem: `${element.valueName} = ${describeData(found.data)} is none of the items of ${element.id}` };
}

/** decimal, longDecimal, text, multiText: the data of the one value the element writes. */
function inferScalar(element: PolicyElement, key: string, file: FileIndex): Inferred {
  const found = element.valueName === undefined ? undefined : firstSet(file, key, element.valueName);
  if (!found) return {};
  const { data } = found;
  const digits = data.type === 'REG_SZ' && /^[0-9]{1,20}$/.test(data.value) ? BigInt(data.value) : undefined;
  switch (element.type) {
    case 'decimal': {
      const n = data.type === 'REG_DWORD' ? BigInt(data.value) : digits;
      if (n === undefined || n < BigInt(element.minValue) || n > BigInt(element.maxValue)) return misfit(element, data);
      return { value: { type: 'decimal', value: Number(n) } };
    }
    case 'longDecimal': {
      const n = data.type === 'REG_QWORD' ? data.value : digits;
      if (n === undefined || n < element.minValue || n > element.maxValue) return misfit(element, data);
      return { value: { type: 'longDecimal', value: n } };
    }
    case 'text':
      if ((data.type !== 'REG_SZ' && data.type !== 'REG_EXPAND_SZ') || data.value.length > element.maxLength) return misfit(element, data);
      return { value: { type: 'text', value: data.value } };
    case 'multiText':
      if (data.type !== 'REG_MULTI_SZ' || data.value.some((s) => s.length > element.maxLength)) return misfit(element, data);
      if (element.maxStrings > 0 && data.value.length > element.maxStrings) return misfit(element, data);
      return { value: { type: 'multiText', value: data.value } };
    default:
      return {};
  }
}

function misfit(element: PolicyElement, data: RegistryData): Inferred {
  return { problem: `${element.valueName} = ${describeData(data)} does not fit ${element.type} ${element.id}` };
}

/** list (c.8): the strings set on its key, named by valuePrefix + n, by data, or explicitly. */
function inferList(element: ListElement, key: string, file: FileIndex): Inferred {
  const sets = (file.setsByKey.get(keySlotOf(key)) ?? []).map((i) => file.actions[i] as Extract<RegistryAction, { kind: 'set' }>);
  const strings = sets.filter((a) => a.data.type === (element.expandable ? 'REG_EXPAND_SZ' : 'REG_SZ') && a.soft !== true);
  const text = (a: (typeof strings)[number]) => (a.data as { value: string }).value;
  if (element.explicitValue) return { value: { type: 'list', entries: strings.map((a) => ({ name: a.valueName, value: text(a) })) } };
  if (element.valuePrefix !== undefined) {
    const byName = new Map(strings.map((a) => [a.valueName.toUpperCase(), text(a)]));
    const entries: { value: string }[] = [];
    for (let n = 1; byName.has(`${element.valuePrefix}${n}`.toUpperCase()); n++) entries.push({ value: byName.get(`${element.valuePrefix}${n}`.toUpperCase())! });
    return { value: { type: 'list', entries } };
  }
  return { value: { type: 'list', entries: strings.filter((a) => a.valueName === text(a)).map((a) => ({ value: text(a) })) } };
}

function firstSet(file: FileIndex, key: string, valueName: string): Extract<RegistryAction, { kind: 'set' }> | undefined {
  const index = file.setsBySlot.get(slotOf(key, valueName))?.[0];
  return index === undefined ? undefined : (file.actions[index] as Extract<RegistryAction, { kind: 'set' }>);
}

/** Short text of registry data for notes: `REG_DWORD 7`, `REG_SZ "x"`. */
export function describeData(data: RegistryData): string {
  if (data.type === 'REG_NONE') return data.type;
  if (data.type === 'REG_BINARY') return `${data.type} ${data.value.length} bytes`;
  const value = data.type === 'REG_QWORD' ? data.value.toString() : JSON.stringify(data.value);
  return `${data.type} ${value}`;
}

/** Every (key, valueName) slot and list key a policy can write, for the resolver's index. */
export function policySlots(policy: Policy): { slots: string[]; listKeys: string[] } {
  const slots: string[] = [];
  const listKeys: string[] = [];
  const addList = (list: { defaultKey?: string; items: readonly { key?: string; valueName: string }[] } | undefined, fallback: string) => {
    for (const item of list?.items ?? []) slots.push(slotOf(item.key ?? list?.defaultKey ?? fallback, item.valueName));
  };
  if (policy.valueName !== undefined) slots.push(slotOf(policy.key, policy.valueName));
  addList(policy.enabledList, policy.key);
  addList(policy.disabledList, policy.key);
  for (const element of policy.elements) {
    const key = element.key ?? policy.key;
    if (element.type === 'list') listKeys.push(keySlotOf(key));
    else if (element.valueName !== undefined) slots.push(slotOf(key, element.valueName));
    if (element.type === 'boolean') [element.trueList, element.falseList].forEach((list) => addList(list, key));
    if (element.type === 'enum') element.items.forEach((item) => addList(item.valueList, key));
  }
  return { slots, listKeys };
}
