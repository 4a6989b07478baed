/**
 * Registry planner (FORMATS.md a.5, a.6, c.7, c.8): one table row per element kind × state ×
 * variant with the exact actions written out, then the canonical order of planGpoSide.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orderActions, planGpoSide, planPolicy, regValueToData } from '../../src/model/registry-plan.js';
import type { ElementValue, RegistryAction, RegistryData } from '../../src/model/registry-types.js';
import type { BooleanElement, ListElement, Policy, PolicyElement } from '../../src/model/types.js';

const K = 'Software\\Policies\\T';
const E = 'Software\\Policies\\T\\Sub';
const L = 'Software\\Policies\\T\\List';

function policy(extra: Partial<Policy> = {}): Policy {
  const base = { id: 'P', class: 'machine', category: 'c', supportedOn: 's', nameStringId: 'P', name: { 'en-US': 'P' } } as const;
  return { ...base, explainStringId: 'P_Help', explain: { 'en-US': 'x' }, key: K, elements: [], presentation: [], ...extra };
}
const withElement = (element: PolicyElement, extra: Partial<Policy> = {}): Policy => policy({ ...extra, elements: [element] });
const bool = (extra: Partial<BooleanElement> = {}): BooleanElement => ({ id: 'B', type: 'boolean', valueName: 'B', ...extra });
const dec = (extra: object = {}): PolicyElement =>
  ({ id: 'N', type: 'decimal', valueName: 'N', required: false, minValue: 0, maxValue: 9999, storeAsText: false, soft: false, ...extra });
const long = (extra: object = {}): PolicyElement =>
  ({ id: 'Q', type: 'longDecimal', valueName: 'Q', required: false, minValue: 0n, maxValue: 9999n, storeAsText: false, soft: false, ...extra });
const text = (extra: object = {}): PolicyElement =>
  ({ id: 'T', type: 'text', valueName: 'T', required: false, maxLength: 1023, expandable: false, soft: false, ...extra });
const multi = (extra: object = {}): PolicyElement =>
  ({ id: 'M', type: 'multiText', valueName: 'M', required: false, maxLength: 1023, maxStrings: 0, soft: false, ...extra });
const list = (extra: Partial<ListElement> = {}): ListElement =>
  ({ id: 'L', type: 'list', additive: false, expandable: false, explicitValue: false, ...extra });
const enumEl: PolicyElement = {
  id: 'En', type: 'enum', valueName: 'En', required: false, items: [
    { id: 'a', stringId: 'a', name: { 'en-US': 'a' }, value: { kind: 'decimal', value: 2 } },
    { id: 'b', stringId: 'b', name: { 'en-US': 'b' }, value: { kind: 'string', value: 'bee' },
      valueList: { defaultKey: E, items: [{ valueName: 'X', value: { kind: 'decimal', value: 9 } }, { key: L, valueName: 'Y', value: { kind: 'delete' } }] } },
    { id: 'c', stringId: 'c', name: { 'en-US': 'c' }, value: { kind: 'longDecimal', value: 5n } },
    { id: 'd', stringId: 'd', name: { 'en-US': 'd' }, value: { kind: 'delete' }, valueList: { items: [{ valueName: 'Z', value: { kind: 'string', value: 'z' } }] } },
  ],
};

const dw = (value: number): RegistryData => ({ type: 'REG_DWORD', value });
const qw = (value: bigint): RegistryData => ({ type: 'REG_QWORD', value });
const sz = (value: string): RegistryData => ({ type: 'REG_SZ', value });
const esz = (value: string): RegistryData => ({ type: 'REG_EXPAND_SZ', value });
const set = (key: string, valueName: string, data: RegistryData): RegistryAction => ({ kind: 'set', key, valueName, data });
const soft = (key: string, valueName: string, data: RegistryData): RegistryAction => ({ kind: 'set', key, valueName, data, soft: true });
const del = (key: string, valueName: string): RegistryAction => ({ kind: 'deleteValue', key, valueName });
const delvals = (key: string): RegistryAction => ({ kind: 'deleteAllValues', key });
const createKey = (key: string): RegistryAction => ({ kind: 'createKey', key });

type Row = [name: string, policy: Policy, state: 'enabled' | 'disabled', values: Record<string, ElementValue>, expected: RegistryAction[]];
const on = (value: boolean): ElementValue => ({ type: 'boolean', value });
const entries = (...items: { name?: string; value: string }[]): ElementValue => ({ type: 'list', entries: items });
const strings = (...values: string[]): ElementValue => entries(...values.map((value) => ({ value })));
const lists = {
  enabledList: {
    defaultKey: E,
    items: [{ valueName: 'A', value: { kind: 'decimal', value: 1 } }, { key: L, valueName: 'B', value: { kind: 'string', value: 'b' } }],
  },
  disabledList: { items: [{ valueName: 'C', value: { kind: 'delete' } }, { key: L, valueName: 'D', value: { kind: 'longDecimal', value: 3n } }] },
} as const;
const trueList = { items: [{ valueName: 'T1', value: { kind: 'decimal', value: 1 } }] } as const;
const falseList = {
  defaultKey: L,
  items: [{ valueName: 'F1', value: { kind: 'decimal', value: 0 } }, { key: E, valueName: 'F2', value: { kind: 'delete' } }],
} as const;
const full = bool({ trueValue: { kind: 'string', value: 'on' }, falseValue: { kind: 'decimal', value: 0 }, trueList, falseList });
const listsOnly = { id: 'B', type: 'boolean', trueList, falseList } as const;

const policyRows: Row[] = [
  ['enabled, no enabledValue → DWORD 1', policy({ valueName: 'V' }), 'enabled', {}, [set(K, 'V', dw(1))]],
  ['enabledValue decimal', policy({ valueName: 'V', enabledValue: { kind: 'decimal', value: 7 } }), 'enabled', {}, [set(K, 'V', dw(7))]],
  ['enabledValue longDecimal', policy({ valueName: 'V', enabledValue: { kind: 'longDecimal', value: 2n ** 40n } }), 'enabled', {},
    [set(K, 'V', qw(1099511627776n))]],
  ['enabledValue string', policy({ valueName: 'V', enabledValue: { kind: 'string', value: 'yes' } }), 'enabled', {}, [set(K, 'V', sz('yes'))]],
  ['enabledValue delete', policy({ valueName: 'V', enabledValue: { kind: 'delete' } }), 'enabled', {}, [del(K, 'V')]],
  ['disabled, no disabledValue → delete', policy({ valueName: 'V', enabledValue: { kind: 'decimal', value: 7 } }), 'disabled', {}, [del(K, 'V')]],
  ['disabledValue decimal', policy({ valueName: 'V', disabledValue: { kind: 'decimal', value: 0 } }), 'disabled', {}, [set(K, 'V', dw(0))]],
  ['disabledValue longDecimal', policy({ valueName: 'V', disabledValue: { kind: 'longDecimal', value: 0n } }), 'disabled', {}, [set(K, 'V', qw(0n))]],
  ['disabledValue string', policy({ valueName: 'V', disabledValue: { kind: 'string', value: 'no' } }), 'disabled', {}, [set(K, 'V', sz('no'))]],
  ['disabledValue delete', policy({ valueName: 'V', disabledValue: { kind: 'delete' } }), 'disabled', {}, [del(K, 'V')]],
  ['enabledList: defaultKey and item key', policy({ ...lists }), 'enabled', {}, [set(E, 'A', dw(1)), set(L, 'B', sz('b'))]],
  ['disabledList: policy key and item key', policy({ ...lists }), 'disabled', {}, [del(K, 'C'), set(L, 'D', qw(3n))]],
  ['value, then enabledList', policy({ valueName: 'V', ...lists }), 'enabled', {}, [set(K, 'V', dw(1)), set(E, 'A', dw(1)), set(L, 'B', sz('b'))]],
  ['value, then disabledList', policy({ valueName: 'V', ...lists }), 'disabled', {}, [del(K, 'V'), del(K, 'C'), set(L, 'D', qw(3n))]],
  ['nothing to write', policy(), 'enabled', {}, []],
  ['value, list, then elements in order', policy({ valueName: 'V', enabledList: trueList, elements: [dec(), bool()] }), 'enabled',
    { N: { type: 'decimal', value: 3 }, B: on(true) }, [set(K, 'V', dw(1)), set(K, 'T1', dw(1)), set(K, 'N', dw(3)), set(K, 'B', dw(1))]],
  ['disabled: value, list, then elements in order', policy({ valueName: 'V', disabledList: trueList, elements: [dec(), bool(), list()] }), 'disabled', {},
    [del(K, 'V'), set(K, 'T1', dw(1)), del(K, 'N'), del(K, 'B'), delvals(K)]],
];

const booleanRows: Row[] = [
  ['plain, checked', withElement(bool()), 'enabled', { B: on(true) }, [set(K, 'B', dw(1))]],
  ['plain, unchecked', withElement(bool()), 'enabled', { B: on(false) }, [del(K, 'B')]],
  ['plain, not given = unchecked', withElement(bool()), 'enabled', {}, [del(K, 'B')]],
  ['plain, disabled', withElement(bool()), 'disabled', {}, [del(K, 'B')]],
  ['own key', withElement(bool({ key: E })), 'enabled', { B: on(true) }, [set(E, 'B', dw(1))]],
  ['trueValue/falseValue, checked', withElement(bool({ trueValue: { kind: 'string', value: 'on' }, falseValue: { kind: 'decimal', value: 0 } })), 'enabled',
    { B: on(true) }, [set(K, 'B', sz('on'))]],
  ['trueValue/falseValue, unchecked', withElement(bool({ trueValue: { kind: 'longDecimal', value: 1n }, falseValue: { kind: 'delete' } })), 'enabled',
    { B: on(false) }, [del(K, 'B')]],
  ['trueValue/falseValue, disabled', withElement(bool({ trueValue: { kind: 'decimal', value: 1 }, falseValue: { kind: 'longDecimal', value: 0n } })), 'disabled',
    {}, [set(K, 'B', qw(0n))]],
  ['trueValue only, unchecked', withElement(bool({ trueValue: { kind: 'decimal', value: 5 } })), 'enabled', { B: on(false) }, [del(K, 'B')]],
  ['falseValue only, checked', withElement(bool({ falseValue: { kind: 'decimal', value: 5 } })), 'enabled', { B: on(true) }, [set(K, 'B', dw(1))]],
  ['trueList only, checked', withElement(bool({ trueList })), 'enabled', { B: on(true) }, [set(K, 'B', dw(1)), set(K, 'T1', dw(1))]],
  ['trueList only, unchecked', withElement(bool({ trueList })), 'enabled', { B: on(false) }, [del(K, 'B')]],
  ['trueList only, disabled', withElement(bool({ trueList })), 'disabled', {}, [del(K, 'B')]],
  ['trueList on own key', withElement(bool({ key: E, trueList })), 'enabled', { B: on(true) }, [set(E, 'B', dw(1)), set(E, 'T1', dw(1))]],
  ['falseList only, unchecked', withElement(bool({ falseList })), 'enabled', { B: on(false) }, [del(K, 'B'), set(L, 'F1', dw(0)), del(E, 'F2')]],
  ['falseList only, disabled', withElement(bool({ falseList })), 'disabled', {}, [set(L, 'F1', dw(0)), del(E, 'F2')]],
  ['all four, checked', withElement(full), 'enabled', { B: on(true) }, [set(K, 'B', sz('on')), set(K, 'T1', dw(1))]],
  ['all four, unchecked', withElement(full), 'enabled', { B: on(false) }, [set(K, 'B', dw(0)), set(L, 'F1', dw(0)), del(E, 'F2')]],
  ['all four, disabled', withElement(full), 'disabled', {}, [set(K, 'B', dw(0)), set(L, 'F1', dw(0)), del(E, 'F2')]],
  ['lists only, checked', withElement(listsOnly), 'enabled', { B: on(true) }, [set(K, 'T1', dw(1))]],
  ['lists only, unchecked', withElement(listsOnly), 'enabled', { B: on(false) }, [set(L, 'F1', dw(0)), del(E, 'F2')]],
  ['lists only, disabled', withElement(listsOnly), 'disabled', {}, [set(L, 'F1', dw(0)), del(E, 'F2')]],
  ['trueList only without valueName, unchecked', withElement({ id: 'B', type: 'boolean', trueList }), 'enabled', { B: on(false) }, []],
  ['trueList only without valueName, disabled', withElement({ id: 'B', type: 'boolean', trueList }), 'disabled', {}, []],
];

const scalarRows: Row[] = [
  ['decimal', withElement(dec()), 'enabled', { N: { type: 'decimal', value: 4294967295 } }, [set(K, 'N', dw(4294967295))]],
  ['decimal storeAsText', withElement(dec({ storeAsText: true })), 'enabled', { N: { type: 'decimal', value: 42 } }, [set(K, 'N', sz('42'))]],
  ['decimal soft', withElement(dec({ soft: true })), 'enabled', { N: { type: 'decimal', value: 42 } }, [soft(K, 'N', dw(42))]],
  ['decimal own key', withElement(dec({ key: E })), 'enabled', { N: { type: 'decimal', value: 0 } }, [set(E, 'N', dw(0))]],
  ['decimal not given', withElement(dec()), 'enabled', {}, []],
  ['decimal disabled', withElement(dec({ key: E })), 'disabled', {}, [del(E, 'N')]],
  ['longDecimal', withElement(long()), 'enabled', { Q: { type: 'longDecimal', value: 18446744073709551615n } }, [set(K, 'Q', qw(18446744073709551615n))]],
  ['longDecimal storeAsText', withElement(long({ storeAsText: true })), 'enabled', { Q: { type: 'longDecimal', value: 2n ** 53n + 1n } },
    [set(K, 'Q', sz('9007199254740993'))]],
  ['longDecimal soft', withElement(long({ soft: true })), 'enabled', { Q: { type: 'longDecimal', value: 1n } }, [soft(K, 'Q', qw(1n))]],
  ['longDecimal not given', withElement(long()), 'enabled', {}, []],
  ['longDecimal disabled', withElement(long()), 'disabled', {}, [del(K, 'Q')]],
  ['text', withElement(text()), 'enabled', { T: { type: 'text', value: '%WINDIR%' } }, [set(K, 'T', sz('%WINDIR%'))]],
  ['text expandable', withElement(text({ expandable: true })), 'enabled', { T: { type: 'text', value: '%WINDIR%' } }, [set(K, 'T', esz('%WINDIR%'))]],
  ['text soft', withElement(text({ soft: true })), 'enabled', { T: { type: 'text', value: '' } }, [soft(K, 'T', sz(''))]],
  ['text not given', withElement(text()), 'enabled', {}, []],
  ['text disabled', withElement(text({ expandable: true })), 'disabled', {}, [del(K, 'T')]],
  ['multiText', withElement(multi()), 'enabled', { M: { type: 'multiText', value: ['a', 'b'] } }, [set(K, 'M', { type: 'REG_MULTI_SZ', value: ['a', 'b'] })]],
  ['multiText soft', withElement(multi({ soft: true })), 'enabled', { M: { type: 'multiText', value: [] } }, [soft(K, 'M', { type: 'REG_MULTI_SZ', value: [] })]],
  ['multiText not given', withElement(multi()), 'enabled', {}, []],
  ['multiText disabled', withElement(multi()), 'disabled', {}, [del(K, 'M')]],
];

const enumRows: Row[] = [
  ['enum decimal item', withElement(enumEl), 'enabled', { En: { type: 'enum', itemIndex: 0 } }, [set(K, 'En', dw(2))]],
  ['enum string item + valueList', withElement(enumEl), 'enabled', { En: { type: 'enum', itemIndex: 1 } },
    [set(K, 'En', sz('bee')), set(E, 'X', dw(9)), del(L, 'Y')]],
  ['enum longDecimal item', withElement(enumEl), 'enabled', { En: { type: 'enum', itemIndex: 2 } }, [set(K, 'En', qw(5n))]],
  ['enum delete item + valueList on element key', withElement({ ...enumEl, key: E }), 'enabled', { En: { type: 'enum', itemIndex: 3 } },
    [del(E, 'En'), set(E, 'Z', sz('z'))]],
  ['enum not given', withElement(enumEl), 'enabled', {}, []],
  ['enum disabled: value only, no valueLists', withElement(enumEl), 'disabled', {}, [del(K, 'En')]],
];

const listRows: Row[] = [
  ['no prefix: name = data', withElement(list()), 'enabled', { L: strings('a', 'b') }, [delvals(K), set(K, 'a', sz('a')), set(K, 'b', sz('b'))]],
  ['prefix ""', withElement(list({ valuePrefix: '' })), 'enabled', { L: strings('a', 'b') }, [delvals(K), set(K, '1', sz('a')), set(K, '2', sz('b'))]],
  ['prefix "P"', withElement(list({ valuePrefix: 'P' })), 'enabled', { L: strings('a', 'b') }, [delvals(K), set(K, 'P1', sz('a')), set(K, 'P2', sz('b'))]],
  ['explicitValue', withElement(list({ explicitValue: true })), 'enabled', { L: entries({ name: 'n1', value: 'v1' }, { name: 'n2', value: 'v2' }) },
    [delvals(K), set(K, 'n1', sz('v1')), set(K, 'n2', sz('v2'))]],
  ['additive', withElement(list({ additive: true, valuePrefix: 'P' })), 'enabled', { L: strings('a') }, [set(K, 'P1', sz('a'))]],
  ['expandable', withElement(list({ expandable: true })), 'enabled', { L: strings('%A%') }, [delvals(K), set(K, '%A%', esz('%A%'))]],
  ['own key', withElement(list({ key: L, valuePrefix: '' }), { valueName: 'V' }), 'enabled', { L: strings('a') },
    [set(K, 'V', dw(1)), delvals(L), set(L, '1', sz('a'))]],
  ['empty', withElement(list({ key: L })), 'enabled', { L: strings() }, [delvals(L)]],
  ['not given = empty', withElement(list({ key: L })), 'enabled', {}, [delvals(L)]],
  ['additive, not given', withElement(list({ key: L, additive: true })), 'enabled', {}, []],
  ['disabled', withElement(list({ key: L, additive: true })), 'disabled', {}, [delvals(L)]],
];

describe('planPolicy (FORMATS.md a.5, c.8)', () => {
  const cases = { policy: policyRows, boolean: booleanRows, scalar: scalarRows, enum: enumRows, list: listRows };
  for (const [group, rows] of Object.entries(cases)) {
    it.each(rows)(`${group}: %s`, (_name, p, state, values, expected) => {
      expect(planPolicy({ policy: p, state, values: new Map(Object.entries(values)) })).toStrictEqual(expected);
    });
  }

  it('treats a value of the wrong type as a gpforge bug', () => {
    const values = new Map<string, ElementValue>([['N', { type: 'text', value: 'x' }]]);
    expect(() => planPolicy({ policy: withElement(dec()), state: 'enabled', values })).toThrow(/gpforge bug/);
  });
});

describe('regValueToData (FORMATS.md c.7)', () => {
  it('maps each Value kind', () => {
    expect(regValueToData({ kind: 'decimal', value: 1 })).toStrictEqual(dw(1));
    expect(regValueToData({ kind: 'longDecimal', value: 1n })).toStrictEqual(qw(1n));
    expect(regValueToData({ kind: 'string', value: 's' })).toStrictEqual(sz('s'));
    expect(regValueToData({ kind: 'delete' })).toBe('delete');
  });
});

const P = 'Software\\Policies\\Microsoft';
const rawSide = (registry: RegistryAction[]) => planGpoSide({ policies: [], registry }, 'HKLM');

describe('planGpoSide order (FORMATS.md a.6)', () => {
  it('orders keys depth-first, segment by segment, case-insensitively', () => {
    const keys = [`${P}\\Windows Defender\\Scan`, `${P}\\Windows\\WinRM\\Service`, `${P}\\windows`, `${P}\\Windows\\b`, `${P}\\Windows\\A_`, `${P}\\Windows\\AB`];
    const plan = rawSide(keys.map((key) => set(key, 'v', dw(1))));
    expect(plan.hive).toBe('HKLM');
    expect(plan.actions.map((a) => a.key)).toStrictEqual([
      `${P}\\windows`, `${P}\\Windows\\AB`, `${P}\\Windows\\A_`, `${P}\\Windows\\b`, `${P}\\Windows\\WinRM\\Service`, `${P}\\Windows Defender\\Scan`,
    ]);
  });

  it('puts deleteAllValues first and createKey second within a key, the rest stable', () => {
    const plan = rawSide([set(K, 'b', dw(1)), createKey(K), del(K, 'a'), set(E, 'x', dw(1)), delvals(K), set(K, 'a', dw(2)), delvals(K), createKey(K)]);
    expect(plan.actions).toStrictEqual([delvals(K), createKey(K), set(K, 'b', dw(1)), del(K, 'a'), set(K, 'a', dw(2)), set(E, 'x', dw(1))]);
  });

  it('drops exact duplicates (names and keys case-insensitively), keeps the first spelling', () => {
    const plan = rawSide([set(K, 'A', sz('x')), set(K.toUpperCase(), 'a', sz('x')), set(K, 'A', sz('X')), soft(K, 'A', sz('x')), del(K, 'A'), del(K, 'a')]);
    expect(plan.actions).toStrictEqual([set(K, 'A', sz('x')), set(K, 'A', sz('X')), soft(K, 'A', sz('x')), del(K, 'A')]);
  });

  it('plans policies first, then raw registry, then orders them', () => {
    const listPolicy = withElement(list({ key: L, valuePrefix: '' }), { valueName: 'V' });
    const side = { policies: [{ policy: listPolicy, state: 'enabled' as const, values: new Map([['L', strings('a')]]) }], registry: [set(L, 'raw', sz('r')), set(K, 'V', dw(1))] };
    expect(planGpoSide(side, 'HKCU')).toStrictEqual({ hive: 'HKCU', actions: [set(K, 'V', dw(1)), delvals(L), set(L, '1', sz('a')), set(L, 'raw', sz('r'))] });
  });
});

const fold = (s: string) => s.toUpperCase();
const identity = (a: RegistryAction): string =>
  JSON.stringify([a.kind, fold(a.key), 'valueName' in a ? fold(a.valueName) : null, a.kind === 'set' ? [a.data, a.soft === true] : null], (_k, v: unknown) =>
    typeof v === 'bigint' ? `${v}n` : v);

const arbAction: fc.Arbitrary<RegistryAction> = (() => {
  const key = fc.constantFrom('A', 'a', 'A\\B', 'a\\b\\C', 'A B', 'A_', 'Ab', 'Z');
  const name = fc.constantFrom('x', 'X', 'y', '1', '');
  const data = fc.oneof(
    fc.nat(3).map(dw), fc.bigInt(0n, 2n).map(qw), fc.constantFrom('s', 'S').map(sz), fc.constantFrom('e').map(esz),
    fc.array(fc.constantFrom('m', 'n'), { maxLength: 2 }).map((value): RegistryData => ({ type: 'REG_MULTI_SZ', value })),
  );
  return fc.oneof(
    fc.tuple(key, name, data, fc.boolean()).map(([k, n, d, s]) => (s ? soft(k, n, d) : set(k, n, d))),
    fc.tuple(key, name).map(([k, n]) => del(k, n)),
    key.map(delvals),
    key.map(createKey),
  );
})();

describe('planGpoSide order: properties', () => {
  it('is idempotent and keeps exactly one of each distinct action', () => {
    fc.assert(fc.property(fc.array(arbAction, { maxLength: 30 }), (actions) => {
      const ordered = rawSide(actions).actions;
      expect(orderActions(ordered)).toStrictEqual(ordered);
      expect(rawSide([...ordered]).actions).toStrictEqual(ordered);
      expect(new Set(ordered.map(identity))).toStrictEqual(new Set(actions.map(identity)));
      expect(ordered.length).toBe(new Set(actions.map(identity)).size);
    }));
  });

  it('groups each key once, with deleteAllValues then createKey leading the group', () => {
    fc.assert(fc.property(fc.array(arbAction, { maxLength: 30 }), (actions) => {
      const ordered = rawSide(actions).actions;
      const groups: RegistryAction[][] = [];
      for (const a of ordered) {
        const last = groups.at(-1);
        if (last !== undefined && fold(last[0]!.key) === fold(a.key)) last.push(a);
        else groups.push([a]);
      }
      expect(new Set(groups.map((g) => fold(g[0]!.key))).size).toBe(groups.length);
      for (const g of groups) {
        const ranks = g.map((a) => (a.kind === 'deleteAllValues' ? 0 : a.kind === 'createKey' ? 1 : 2));
        expect(ranks).toStrictEqual([...ranks].sort());
      }
    }));
  });
});
