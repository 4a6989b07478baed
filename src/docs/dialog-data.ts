/**
 * What the live dialog's client script needs to show a policy's registry values for any choice
 * (issue 13): every row is made here by model/registry-plan.ts, so the script only picks rows
 * and fills in typed-in values; it never applies gpedit's rules itself. Scalars (numbers, texts)
 * are planned with a sentinel value whose rows become templates; lists with one sentinel entry,
 * from which the value-naming rule is read back (and checked against a second entry).
 */
import { planPolicy } from '../model/registry-plan.js';
import type { ElementValue } from '../model/registry-types.js';
import type { Policy, PolicyElement } from '../model/types.js';
import { registryRow, type RegistryRow } from './registry-rows.js';

/** A row whose `data` is null takes the typed-in value. */
export interface TemplateRow extends Omit<RegistryRow, 'data'> {
  readonly data: string | null;
}

export type ElementRows =
  /** boolean: rows by "true"/"false"; enum: rows by item index. */
  | { readonly id: string; readonly kind: 'choice'; readonly rows: Readonly<Record<string, readonly RegistryRow[]>> }
  /** decimal, longDecimal, text, multiText: nothing when empty, else these rows with the value. */
  | { readonly id: string; readonly kind: 'scalar'; readonly type: 'decimal' | 'longDecimal' | 'text' | 'multiText'; readonly rows: readonly TemplateRow[] }
  /** list: `clear` first, then per entry a value named by `naming`. */
  | {
      readonly id: string;
      readonly kind: 'list';
      readonly explicit: boolean;
      readonly clear: readonly RegistryRow[];
      readonly entry: { readonly key: string; readonly type: string; readonly naming: 'name' | 'value' | { readonly prefix: string } };
    };

export interface DialogData {
  /** Rows of the policy itself when enabled (its value and enabledList), before any element's. */
  readonly enabled: readonly RegistryRow[];
  readonly disabled: readonly RegistryRow[];
  /** In ADMX order, the order registry-plan.ts writes them in. */
  readonly elements: readonly ElementRows[];
}

const SENTINEL_TEXT = '\u0001gpforge-value\u0001';
const SENTINEL_NAME = '\u0001gpforge-name\u0001';
const SENTINEL_NUMBER = 4242;

export function dialogData(policy: Policy): DialogData {
  const bare: Policy = { ...policy, elements: [] };
  return {
    enabled: planPolicy({ policy: bare, state: 'enabled', values: new Map() }).map(registryRow),
    disabled: planPolicy({ policy, state: 'disabled', values: new Map() }).map(registryRow),
    elements: policy.elements.map((element) => elementRows(policy, element)),
  };
}

/** The rows this element alone writes when the policy is enabled with `value`. */
function rowsOf(policy: Policy, element: PolicyElement, value: ElementValue | undefined): RegistryRow[] {
  const { valueName: _value, enabledList: _list, ...rest } = policy;
  const alone: Policy = { ...rest, elements: [element] };
  const values = new Map(value === undefined ? [] : [[element.id, value]]);
  return planPolicy({ policy: alone, state: 'enabled', values }).map(registryRow);
}

function elementRows(policy: Policy, element: PolicyElement): ElementRows {
  const { id } = element;
  switch (element.type) {
    case 'boolean':
      return { id, kind: 'choice', rows: { true: rowsOf(policy, element, { type: 'boolean', value: true }), false: rowsOf(policy, element, { type: 'boolean', value: false }) } };
    case 'enum':
      return { id, kind: 'choice', rows: Object.fromEntries(element.items.map((_, i) => [String(i), rowsOf(policy, element, { type: 'enum', itemIndex: i })])) };
    case 'decimal':
      return scalar(id, element.type, rowsOf(policy, element, { type: 'decimal', value: SENTINEL_NUMBER }), String(SENTINEL_NUMBER));
    case 'longDecimal':
      return scalar(id, element.type, rowsOf(policy, element, { type: 'longDecimal', value: BigInt(SENTINEL_NUMBER) }), String(SENTINEL_NUMBER));
    case 'text':
      return scalar(id, element.type, rowsOf(policy, element, { type: 'text', value: SENTINEL_TEXT }), SENTINEL_TEXT);
    case 'multiText':
      return scalar(id, element.type, rowsOf(policy, element, { type: 'multiText', value: [SENTINEL_TEXT] }), SENTINEL_TEXT);
    case 'list':
      return listRows(policy, element);
  }
}

function scalar(id: string, type: 'decimal' | 'longDecimal' | 'text' | 'multiText', rows: readonly RegistryRow[], sentinel: string): ElementRows {
  return { id, kind: 'scalar', type, rows: rows.map((row) => (row.data === sentinel ? { ...row, data: null } : row)) };
}

function listRows(policy: Policy, element: Extract<PolicyElement, { type: 'list' }>): ElementRows {
  const entry = (n: number) => ({ ...(element.explicitValue && { name: `${SENTINEL_NAME}${n}` }), value: `${SENTINEL_TEXT}${n}` });
  const clear = rowsOf(policy, element, { type: 'list', entries: [] });
  const one = rowsOf(policy, element, { type: 'list', entries: [entry(1)] }).slice(clear.length);
  const two = rowsOf(policy, element, { type: 'list', entries: [entry(1), entry(2)] }).slice(clear.length);
  const [first] = one;
  if (first === undefined || one.length !== 1 || two.length !== 2) throw new Error(`gpforge bug: list '${element.id}' did not plan one value per entry`);
  const naming = first.name === `${SENTINEL_NAME}1` ? 'name' : first.name === `${SENTINEL_TEXT}1` ? 'value' : { prefix: first.name.slice(0, -1) };
  if (typeof naming === 'object' && (!first.name.endsWith('1') || two[1]?.name !== `${naming.prefix}2`)) {
    throw new Error(`gpforge bug: list '${element.id}' names its values in no way the docs know`);
  }
  return { id: element.id, kind: 'list', explicit: element.explicitValue, clear, entry: { key: first.key, type: first.type, naming } };
}
