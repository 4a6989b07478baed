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
