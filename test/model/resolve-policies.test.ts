/**
 * The resolver is the inverse of the planner: plan a GPO side, resolve the plan, and get the
 * same policy settings back (same states and element values), with nothing left raw.
 */
import { describe, expect, it } from 'vitest';
import { planGpoSide, planPolicy } from '../../src/model/registry-plan.js';
import type { ConfiguredPolicy } from '../../src/model/registry-types.js';
import { indexPolicies, resolveSide } from '../../src/model/resolve-policies.js';
import { compileFiles } from '../support/compile-files.js';

const result = compileFiles(['test/fixtures/valid/all-elements.yaml', 'test/fixtures/valid/gpo-all-kinds.yaml'], false);
const model = result.model!;
const index = indexPolicies(model.definitions.map((file) => ({ file, ours: true })));

const settingOf = (c: ConfiguredPolicy) => ({ id: c.policy.id, state: c.state, values: Object.fromEntries(c.values), actions: planPolicy(c) });

describe('resolveSide (inverse of registry-plan)', () => {
  const gpo = model.gpos[0]!;
  it.each([
    ['computer', 'HKLM'],
    ['user', 'HKCU'],
  ] as const)('%s side: plan → resolve gives the configured policies and the raw values back', (side, hive) => {
    const plan = planGpoSide(gpo[side], hive);
    const resolved = resolveSide(plan.actions, hive, index);
    expect(resolved.keepOrder).toBe(false);
    const sortById = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(sortById(resolved.policies.map((p) => settingOf(p.configured)))).toEqual(sortById(gpo[side].policies.map(settingOf)));
    expect(resolved.registry).toEqual(planGpoSide({ policies: [], registry: gpo[side].registry }, hive).actions);
    expect(planGpoSide({ policies: resolved.policies.map((p) => p.configured), registry: resolved.registry }, hive).actions).toEqual(plan.actions);
  });

  it('every policy of the definitions, in every state the fixture uses, resolves alone', () => {
    for (const definitions of model.definitions) {
      for (const policy of definitions.policies) {
        const configured: ConfiguredPolicy = { policy, state: 'disabled', values: new Map() };
        const hive = policy.class === 'user' ? 'HKCU' : 'HKLM';
        const actions = planGpoSide({ policies: [configured], registry: [] }, hive).actions;
        if (actions.length === 0) continue;
        const resolved = resolveSide(actions, hive, index);
        expect(resolved.registry, policy.id).toEqual([]);
        expect(resolved.policies.map((p) => p.ref), policy.id).toHaveLength(1);
      }
    }
  });
});

describe('resolveSide: what no policy explains, and ambiguity', () => {
  const KEY = 'Software\\Policies\\Contoso\\Agent';
  const toggle = (value: number) => ({ kind: 'set' as const, key: KEY, valueName: 'Toggle', data: { type: 'REG_DWORD' as const, value } });

  it('leaves a value raw, with a note naming the candidate policy and what it lacks', () => {
    const count = { kind: 'set' as const, key: `${KEY}\\All`, valueName: 'Count', data: { type: 'REG_DWORD' as const, value: 100 } };
    const resolved = resolveSide([count], 'HKLM', index);
    expect(resolved.policies).toEqual([]);
    expect(resolved.registry).toEqual([count]);
    expect(resolved.notes.get(0)).toMatch(/^not a policy setting: gpfall:EveryElement \(enabled: .*; disabled: needs delete /);
  });

  it('says which data no state of the policy writes', () => {
    const resolved = resolveSide([toggle(7)], 'HKLM', index);
    expect(resolved.registry).toEqual([toggle(7)]);
    expect(resolved.notes.get(0)).toBe(`not a policy setting: gpfall:SimpleToggle (enabled: needs ${KEY}\\Toggle = REG_DWORD 1; disabled: needs ${KEY}\\Toggle = REG_DWORD 0)`);
  });

  it('a user-class side does not take machine policies', () => {
    expect(resolveSide([toggle(1)], 'HKCU', index).policies).toEqual([]);
  });

  it('resolves a duplicate definition deterministically and reports it: ours before --admx, then definition order', () => {
    const [original] = model.definitions;
    const copy = { ...original!, namespace: 'Gpforge.Tests.Copy', prefix: 'gpfcopy' };
    const mixed = indexPolicies([{ file: copy, ours: false }, { file: original!, ours: true }]);
    const first = resolveSide([toggle(1)], 'HKLM', mixed);
    expect(first.policies.map((p) => p.ref)).toEqual(['gpfall:SimpleToggle']);
    expect(first.warnings).toEqual(['gpfcopy:SimpleToggle (enabled) would explain the same values as gpfall:SimpleToggle (enabled); chose gpfall:SimpleToggle (our definitions come before --admx ones)']);
    const both = indexPolicies([{ file: copy, ours: true }, { file: original!, ours: true }]);
    const second = resolveSide([toggle(1)], 'HKLM', both);
    expect(second.policies.map((p) => p.ref)).toEqual(['gpfcopy:SimpleToggle']);
    expect(second.warnings[0]).toContain('(it comes first in the definitions)');
  });

  it('keeps a file that is not in canonical order raw, with keepOrder, so nothing moves', () => {
    const other = { kind: 'set' as const, key: 'Software\\Policies\\Aaa', valueName: 'x', data: { type: 'REG_DWORD' as const, value: 1 } };
    const resolved = resolveSide([toggle(1), other], 'HKLM', index);
    expect(resolved).toMatchObject({ keepOrder: true, policies: [], registry: [toggle(1), other] });
  });

  it('--reorder: a file out of canonical order is resolved in canonical order when that keeps its effect', () => {
    const other = { kind: 'set' as const, key: 'Software\\Policies\\Aaa', valueName: 'x', data: { type: 'REG_DWORD' as const, value: 1 } };
    const resolved = resolveSide([toggle(1), other], 'HKLM', index, { reorder: true });
    expect(resolved).toMatchObject({ keepOrder: false, actions: [other, toggle(1)], registry: [other] });
    expect(resolved.policies.map((p) => p.ref)).toEqual(['gpfall:SimpleToggle']);
    expect(resolved.warnings[0]).toMatch(/^--reorder: the records are put into canonical order/);
  });

  it.each([
    ['a "delete all values" after a value of its key', [toggle(1), { kind: 'deleteAllValues' as const, key: KEY }]],
    ['a **DeleteKeys after a record below the subkey', [{ kind: 'createKey' as const, key: `${KEY}\\Sub\\Deep` }, { kind: 'set' as const, key: 'Software\\Policies\\Aaa', valueName: 'x', data: { type: 'REG_NONE' as const } }, { kind: 'deleteKeys' as const, key: KEY, subkeys: ['sub'] }]],
  ])('--reorder keeps the file as it is when reordering would change its effect: %s', (_name, actions) => {
    const resolved = resolveSide(actions, 'HKLM', index, { reorder: true });
    expect(resolved).toMatchObject({ keepOrder: true, policies: [], registry: actions });
    expect(resolved.warnings[0]).toMatch(/cannot be put into canonical order without changing their meaning/);
  });
});
