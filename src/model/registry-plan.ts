/**
 * The registry planner: the one place where Group Policy registry semantics live (STYLE.md 8).
 * A configured policy becomes registry actions exactly as FORMATS.md a.5 and c.8 say; a GPO side
 * becomes one plan in the canonical file order of a.6. Every registry output renders these.
 *
 * Rules chosen where FORMATS.md is UNVERIFIED or silent (following PolicyPlus's SetPolicyState,
 * [IMPL:PP], unless said otherwise):
 * - boolean checked: trueValue, or REG_DWORD 1 when there is no trueValue (even with a trueList),
 *   then the trueList items; unchecked: falseValue, or `**del.` when there is no falseValue, then
 *   the falseList items. A boolean without a valueName writes only its lists.
 * - boolean with no value given: unchecked (an untouched optional checkbox is an unticked one).
 * - list with no value given: an empty list (so a non-additive list still clears its key).
 * - other elements with no value given: nothing.
 * - Value lists: an item's key, else the list's defaultKey, else the element key (element lists)
 *   or the policy key (enabledList/disabledList).
 * - `valueName` on a list element (seen in Windows ADMX, not in the XSD) is ignored.
 */
import type { ElementValue, ConfiguredPolicy, Hive, RegistryAction, RegistryData, RegistryPlan } from './registry-types.js';
import type { BooleanElement, GpoSide, ListElement, Policy, PolicyElement, RegValue, ValueList } from './types.js';
import { compareCodeUnits } from '../text/compare.js';

type ListEntries = Extract<ElementValue, { type: 'list' }>['entries'];

/** Typed data of an ADMX Value (FORMATS.md c.7): decimal → DWORD, longDecimal → QWORD, string → SZ; delete → `**del.`. */
export function regValueToData(value: RegValue): RegistryData | 'delete' {
  switch (value.kind) {
    case 'decimal':
      return { type: 'REG_DWORD', value: value.value };
    case 'longDecimal':
      return { type: 'REG_QWORD', value: value.value };
    case 'string':
      return { type: 'REG_SZ', value: value.value };
    case 'delete':
      return 'delete';
    default:
      return assertNever(value);
  }
}

/** The action that writes an ADMX Value (FORMATS.md c.7) to `key`/`valueName`. */
export function regValueAction(key: string, valueName: string, value: RegValue): RegistryAction {
  const data = regValueToData(value);
  return data === 'delete' ? { kind: 'deleteValue', key, valueName } : { kind: 'set', key, valueName, data };
}

/**
 * Plans already made, by setting: a build asks for each setting's plan three times (the same-GPO
 * check in validation, the cross-GPO check, the emitters), and settings are immutable.
 */
const planned = new WeakMap<ConfiguredPolicy, readonly RegistryAction[]>();

/** The registry actions of one configured policy, in write order (FORMATS.md a.5, c.8). */
export function planPolicy(configured: ConfiguredPolicy): readonly RegistryAction[] {
  const known = planned.get(configured);
  if (known) return known;
  const { policy } = configured;
  const actions = configured.state === 'enabled' ? planEnabled(policy, configured.values) : planDisabled(policy);
  // A fresh array: keys normalized in place, an action copied only when its key changes.
  for (let i = 0; i < actions.length; i++) {
    const action = actions[i] as RegistryAction;
    const key = normalizeKey(action.key);
    if (key !== action.key) actions[i] = { ...action, key };
  }
  planned.set(configured, actions);
  return actions;
}

/**
 * `Software\X\` and `Software\\X` name the same key to Windows; imported templates have such
 * keys (lenient: true), and .reg/PReg need the plain form.
 */
export function normalizeKey(key: string): string {
  // Nearly every key is already plain: no doubled, leading or trailing backslash.
  if (!key.includes('\\\\') && !key.startsWith('\\') && !key.endsWith('\\')) return key;
  return key.replace(/\\{2,}/g, '\\').replace(/^\\|\\$/g, '');
}

function planEnabled(policy: Policy, values: ReadonlyMap<string, ElementValue>): RegistryAction[] {
  const actions: RegistryAction[] = [];
  if (policy.valueName !== undefined) {
    const value = policy.enabledValue ?? { kind: 'decimal', value: 1 };
    actions.push(regValueAction(policy.key, policy.valueName, value));
  }
  actions.push(...valueListActions(policy.enabledList, policy.key));
  for (const element of policy.elements) {
    actions.push(...enabledElementActions(element, element.key ?? policy.key, values.get(element.id)));
  }
  return actions;
}

function planDisabled(policy: Policy): RegistryAction[] {
  const actions: RegistryAction[] = [];
  if (policy.valueName !== undefined) {
    actions.push(policy.disabledValue === undefined
      ? { kind: 'deleteValue', key: policy.key, valueName: policy.valueName }
      : regValueAction(policy.key, policy.valueName, policy.disabledValue));
  }
  actions.push(...valueListActions(policy.disabledList, policy.key));
  for (const element of policy.elements) actions.push(...disabledElementActions(element, element.key ?? policy.key));
  return actions;
}

/** Items of a value list; an item's key defaults to the list's defaultKey, then to `fallbackKey`. */
function valueListActions(list: ValueList | undefined, fallbackKey: string): RegistryAction[] {
  if (list === undefined) return [];
  const listKey = list.defaultKey ?? fallbackKey;
  return list.items.map((item) => regValueAction(item.key ?? listKey, item.valueName, item.value));
}

function enabledElementActions(element: PolicyElement, key: string, given: ElementValue | undefined): RegistryAction[] {
  const value = checkedValue(element, given);
  if (element.type === 'boolean') return booleanActions(element, key, value?.type === 'boolean' && value.value);
  if (element.type === 'list') return listActions(element, key, value?.type === 'list' ? value.entries : []);
  if (value === undefined || element.valueName === undefined) return [];
  const name = element.valueName;
  switch (value.type) {
    case 'decimal':
      return [setAction(key, name, numberData(String(value.value), { type: 'REG_DWORD', value: value.value }, element), element)];
    case 'longDecimal':
      return [setAction(key, name, numberData(value.value.toString(), { type: 'REG_QWORD', value: value.value }, element), element)];
    case 'text':
      return [setAction(key, name, { type: isExpandable(element) ? 'REG_EXPAND_SZ' : 'REG_SZ', value: value.value }, element)];
    case 'multiText':
      return [setAction(key, name, { type: 'REG_MULTI_SZ', value: value.value }, element)];
    case 'enum':
      return enumActions(element, key, name, value.itemIndex);
    default:
      throw new Error(`gpforge bug: element '${element.id}' got a ${value.type} value`);
  }
}

/** The given value when its type matches the element; a mismatch means validation let it through. */
function checkedValue(element: PolicyElement, given: ElementValue | undefined): ElementValue | undefined {
  if (given !== undefined && given.type !== element.type) {
    throw new Error(`gpforge bug: ${element.type} element '${element.id}' got a ${given.type} value`);
  }
  return given;
}

/** c.8: decimal/longDecimal as REG_SZ digits when storeAsText. */
function numberData(digits: string, binary: RegistryData, element: PolicyElement): RegistryData {
  const storeAsText = (element.type === 'decimal' || element.type === 'longDecimal') && element.storeAsText;
  return storeAsText ? { type: 'REG_SZ', value: digits } : binary;
}

function isExpandable(element: PolicyElement): boolean {
  return (element.type === 'text' || element.type === 'list') && element.expandable;
}

/** A set, marked soft when the element says so (PReg `**soft.`, FORMATS.md a.4, c.8). */
function setAction(key: string, valueName: string, data: RegistryData, element: PolicyElement): RegistryAction {
  const soft = 'soft' in element && element.soft;
  return soft ? { kind: 'set', key, valueName, data, soft: true } : { kind: 'set', key, valueName, data };
}

/** c.8 boolean: see the file comment for the rule on absent true/false values. */
function booleanActions(element: BooleanElement, key: string, checked: boolean): RegistryAction[] {
  const value = checked ? element.trueValue : element.falseValue;
  const list = checked ? element.trueList : element.falseList;
  const actions: RegistryAction[] = [];
  if (element.valueName !== undefined) {
    const implicit: RegValue = checked ? { kind: 'decimal', value: 1 } : { kind: 'delete' };
    actions.push(regValueAction(key, element.valueName, value ?? implicit));
  }
  return [...actions, ...valueListActions(list, key)];
}

/** c.8 enum: the selected item's value, then its valueList. */
function enumActions(element: PolicyElement, key: string, valueName: string, itemIndex: number): RegistryAction[] {
  const item = element.type === 'enum' ? element.items[itemIndex] : undefined;
  if (item === undefined) throw new Error(`gpforge bug: enum '${element.id}' has no item ${itemIndex}`);
  return [regValueAction(key, valueName, item.value), ...valueListActions(item.valueList, key)];
}

/** c.8 list: `**delvals.` unless additive, then one value per entry, named per explicitValue/valuePrefix. */
function listActions(element: ListElement, key: string, entries: ListEntries): RegistryAction[] {
  const type = element.expandable ? 'REG_EXPAND_SZ' : 'REG_SZ';
  const actions: RegistryAction[] = element.additive ? [] : [{ kind: 'deleteAllValues', key }];
  // The values of planListValues, built straight into the plan.
  entries.forEach((entry, i) => actions.push({ kind: 'set', key, valueName: listValueName(element, entry, i), data: { type, value: entry.value } }));
  return actions;
}

/**
 * The registry values a list element's entries become, named per explicitValue/valuePrefix
 * (FORMATS.md c.8); also the name/value pairs of an Intune list payload (emit/intune-payload.ts).
 */
export function planListValues(element: ListElement, entries: ListEntries): { readonly valueName: string; readonly value: string }[] {
  return entries.map((entry, i) => ({ valueName: listValueName(element, entry, i), value: entry.value }));
}

function listValueName(element: ListElement, entry: ListEntries[number], index: number): string {
  if (element.explicitValue) return entry.name ?? entry.value;
  if (element.valuePrefix !== undefined) return `${element.valuePrefix}${index + 1}`;
  return entry.value;
}

/** a.5 Disabled, step 3: lists cleared, booleans to their false side, everything else deleted. */
function disabledElementActions(element: PolicyElement, key: string): RegistryAction[] {
  if (element.type === 'list') return [{ kind: 'deleteAllValues', key }];
  if (element.type === 'boolean' && (element.falseValue !== undefined || element.falseList !== undefined)) {
    const value = element.valueName !== undefined && element.falseValue !== undefined
      ? [regValueAction(key, element.valueName, element.falseValue)]
      : [];
    return [...value, ...valueListActions(element.falseList, key)];
  }
  return element.valueName === undefined ? [] : [{ kind: 'deleteValue', key, valueName: element.valueName }];
}

/**
 * One GPO side's plan (FORMATS.md a.5, a.6): every configured policy's actions, then the raw
 * registry actions, put in canonical file order by orderActions so .reg and .pol agree.
 */
export function planGpoSide(side: GpoSide, hive: Hive): RegistryPlan {
  const actions = [...side.policies.flatMap(planPolicy), ...side.registry];
  return { hive, actions: side.keepOrder === true ? actions : orderActions(actions) };
}

/**
 * Canonical file order (FORMATS.md a.6): exact duplicates dropped (first kept); actions grouped
 * by key (case-insensitively; a group keeps the key's first spelling); keys in depth-first tree
 * order, path segments compared case-insensitively (ordinal, upper-cased as Windows compares
 * registry names), ties by the exact text; within a key `deleteAllValues` first (once), then
 * `createKey` (once), then the rest in plan order. Moving actions across policies is safe
 * because GPO validation rejects one side writing the same value twice with different data.
 */
export function orderActions(actions: readonly RegistryAction[]): RegistryAction[] {
  const groups = new Map<string, KeyGroup>();
  for (const action of actions) {
    const folded = foldName(action.key);
    let group = groups.get(folded);
    if (group === undefined) groups.set(folded, (group = { key: action.key, segments: folded.split('\\'), actions: [], byName: new Map(), others: new Set() }));
    if (isDuplicate(group, action, folded)) continue;
    group.actions.push(action.key === group.key ? action : { ...action, key: group.key });
  }
  const sorted = [...groups.values()].sort((a, b) => compareSegments(a.segments, b.segments, a.key, b.key));
  const ordered: RegistryAction[] = [];
  for (const group of sorted) orderWithinKey(group.actions, ordered);
  return ordered;
}

/**
 * The actions on one key (case-insensitively): its folded path segments, split once for
 * sorting, and what it already holds, to drop exact duplicates without building an identity
 * text per action (set/deleteValue by folded value name, the rest by actionIdentity).
 */
interface KeyGroup {
  readonly key: string;
  readonly segments: readonly string[];
  readonly actions: RegistryAction[];
  readonly byName: Map<string, ValueWrite[]>;
  readonly others: Set<string>;
}

type ValueWrite = Extract<RegistryAction, { kind: 'set' | 'deleteValue' }>;

/** Whether the group already has an action with the same actionIdentity; records `action` if not. */
function isDuplicate(group: KeyGroup, action: RegistryAction, foldedKey: string): boolean {
  if (action.kind !== 'set' && action.kind !== 'deleteValue') {
    const identity = identityOf(action, foldedKey);
    if (group.others.has(identity)) return true;
    group.others.add(identity);
    return false;
  }
  const name = foldName(action.valueName);
  const same = group.byName.get(name);
  if (same === undefined) {
    group.byName.set(name, [action]);
    return false;
  }
  if (same.some((earlier) => sameWrite(earlier, action))) return true;
  same.push(action);
  return false;
}

/** Same kind, softness and data (the key and folded value name already match). */
function sameWrite(a: ValueWrite, b: ValueWrite): boolean {
  if (a.kind === 'deleteValue' || b.kind === 'deleteValue') return a.kind === b.kind;
  return (a.soft === true) === (b.soft === true) && sameData(a.data, b.data);
}

function sameData(a: RegistryData, b: RegistryData): boolean {
  if (a.type !== b.type) return false;
  switch (a.type) {
    case 'REG_MULTI_SZ':
    case 'REG_BINARY': {
      const other = (b as typeof a).value;
      return a.value.length === other.length && a.value.every((item: string | number, i: number) => item === other[i]);
    }
    case 'REG_NONE':
      return true;
    default:
      return a.value === (b as typeof a).value;
  }
}

/** Appends `deleteAllValues`, then `createKey`, then the rest, each in plan order (a stable sort by rank). */
function orderWithinKey(actions: readonly RegistryAction[], out: RegistryAction[]): void {
  for (const action of actions) if (action.kind === 'deleteAllValues') out.push(action);
  for (const action of actions) if (action.kind === 'createKey') out.push(action);
  for (const action of actions) if (action.kind !== 'deleteAllValues' && action.kind !== 'createKey') out.push(action);
}

/**
 * Same kind, key and value name (case-insensitively) and data: the same action. Also how the
 * policy resolver (resolve-policies.ts) matches a plan against the actions of a file.
 */
export function actionIdentity(action: RegistryAction): string {
  return identityOf(action, foldName(action.key));
}

/**
 * actionIdentity with the key already folded. The common kinds get a length-prefixed text
 * (cheaper than JSON, and as unambiguous: each kind its own first letter, every field but the
 * last preceded by its length); the rare ones JSON, which starts with `[`.
 */
function identityOf(action: RegistryAction, key: string): string {
  switch (action.kind) {
    case 'set': {
      const name = foldName(action.valueName);
      return `s${action.soft === true ? 1 : 0}${key.length}:${key}${name.length}:${name}${dataIdentity(action.data)}`;
    }
    case 'deleteValue':
      return `d${key.length}:${key}${foldName(action.valueName)}`;
    case 'deleteAllValues':
      return `a${key}`;
    case 'createKey':
      return `c${key}`;
    case 'deleteKeys':
      return JSON.stringify([action.kind, key, action.subkeys]);
    case 'deleteValues':
      return JSON.stringify([action.kind, key, action.valueNames]);
    case 'secureKey':
      return JSON.stringify([action.kind, key, action.secure]);
    case 'record':
      return JSON.stringify([action.kind, key, action.valueName, action.type, [...action.data]]);
    default:
      return assertNever(action);
  }
}

/** The data's type and value as text; the type name (no `:` in it) ends at the first `:`. */
function dataIdentity(data: RegistryData): string {
  switch (data.type) {
    case 'REG_QWORD':
    case 'REG_DWORD':
      return `${data.type}:${data.value.toString()}`;
    case 'REG_BINARY':
      return `${data.type}:${Buffer.from(data.value.buffer, data.value.byteOffset, data.value.byteLength).toString('hex')}`;
    case 'REG_NONE':
      return data.type;
    case 'REG_MULTI_SZ':
      return `${data.type}:${JSON.stringify(data.value)}`;
    default:
      return `${data.type}:${data.value}`;
  }
}

/** Segment by segment, case-insensitively; a key precedes its subkeys; ties by the exact text. */
export function compareKeys(a: string, b: string): number {
  return compareSegments(foldName(a).split('\\'), foldName(b).split('\\'), a, b);
}

/** compareKeys on keys already folded and split (`left` of `a`, `right` of `b`). */
function compareSegments(left: readonly string[], right: readonly string[], a: string, b: string): number {
  const common = Math.min(left.length, right.length);
  for (let i = 0; i < common; i++) {
    const order = compareCodeUnits(left[i] ?? '', right[i] ?? '');
    if (order !== 0) return order;
  }
  return left.length - right.length || compareCodeUnits(a, b);
}


const ASCII = /^[\x00-\x7f]*$/;

/** Upper-cases code unit by code unit (no expansions like ß → SS), as registry name comparison does. */
export function foldName(name: string): string {
  // ASCII (nearly every registry name) folds the same with toUpperCase, much faster.
  if (ASCII.test(name)) return name.toUpperCase();
  let folded = '';
  for (const ch of name) {
    const upper = ch.toUpperCase();
    folded += upper.length === ch.length ? upper : ch;
  }
  return folded;
}

function assertNever(value: never): never {
  throw new Error(`gpforge bug: unhandled case ${String((value as { kind?: unknown }).kind)}`);
}
