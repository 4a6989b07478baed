/**
 * Cross-format registry effects: for every policy of the all-elements fixtures that ADM keeps,
 * the registry planner (src/model/registry-plan.ts) must give the same actions for the original
 * model (without what the writer reports as left out) and for the model read back from the
 * .adm, enabled (with a value for every kept element: each check box state, each enum item)
 * and disabled.
 *
 * A boolean with a valueName and no falseValue is the delicate case: ADMX and the planner delete
 * the value when the box is cleared, where an ADM check box without VALUEOFF would write 0; the
 * writer therefore says `VALUEOFF DELETE`, and the two formats agree (asserted below).
 */
import { describe, expect, it } from 'vitest';
import { planPolicy } from '../../../src/model/registry-plan.js';
import type { ElementValue, RegistryAction } from '../../../src/model/registry-types.js';
import type { Policy, PolicyElement } from '../../../src/model/types.js';
import { withoutUnsupported } from './expected-differences.js';
import { allElementsFixtures, readBack } from './support.js';

interface Scenario {
  readonly name: string;
  readonly state: 'enabled' | 'disabled';
  readonly checked: boolean;
  /** Index into each enum's items as read back (modulo its length). */
  readonly item: number;
}

/** What one scenario configures for `element` of the read-back policy; the original gets the same by id. */
function valueFor(element: PolicyElement, scenario: Scenario): ElementValue | undefined {
  switch (element.type) {
    case 'boolean':
      return { type: 'boolean', value: scenario.checked };
    case 'decimal':
      return { type: 'decimal', value: Math.min(Math.max(element.minValue, 7), element.maxValue) };
    case 'text':
      return { type: 'text', value: '%ProgramFiles%\\gpforge "text"' };
    case 'enum':
      return { type: 'enum', itemIndex: scenario.item % element.items.length };
    case 'list':
      return { type: 'list', entries: [{ name: 'First', value: 'one' }, { name: 'Second', value: 'two' }] };
    default:
      return undefined;
  }
}

/** The same values for the original policy: enum items by id, not by index (the writer may drop items). */
function valuesOf(policy: Policy, readBackPolicy: Policy, scenario: Scenario): Map<string, ElementValue> {
  const values = new Map<string, ElementValue>();
  for (const element of readBackPolicy.elements) {
    const value = valueFor(element, scenario);
    const target = policy.elements.find((e) => e.id === element.id);
    if (value === undefined || target === undefined) continue;
    if (value.type === 'enum' && element.type === 'enum' && target.type === 'enum') {
      const id = element.items[value.itemIndex]?.id;
      values.set(element.id, { type: 'enum', itemIndex: target.items.findIndex((item) => item.id === id) });
    } else values.set(element.id, value);
  }
  return values;
}

function scenarios(policy: Policy): Scenario[] {
  const items = Math.max(1, ...policy.elements.map((e) => (e.type === 'enum' ? e.items.length : 1)));
  const enabled = Array.from({ length: items }, (_, item) =>
    [true, false].map((checked): Scenario => ({ name: `enabled, boxes ${checked ? 'checked' : 'cleared'}, item ${item}`, state: 'enabled', checked, item })),
  ).flat();
  return [...enabled, { name: 'disabled', state: 'disabled', checked: false, item: 0 }];
}

interface Mismatch {
  readonly policy: string;
  readonly scenario: string;
  readonly onlyAdmx: RegistryAction[];
  readonly onlyAdm: RegistryAction[];
}

function mismatches(fixture: (typeof allElementsFixtures)[number]): { compared: number; found: Mismatch[] } {
  const original = withoutUnsupported(fixture.model).file;
  const read = readBack(fixture, fixture.model.locales[0] ?? 'en-US').definitions;
  const found: Mismatch[] = [];
  let compared = 0;
  for (const policy of original.policies) {
    const adm = read.policies.find((p) => p.id === policy.id);
    if (adm === undefined) throw new Error(`${policy.id} did not read back`);
    for (const scenario of scenarios(adm)) {
      const admx = planPolicy({ policy, state: scenario.state, values: valuesOf(policy, adm, scenario) });
      const fromAdm = planPolicy({ policy: adm, state: scenario.state, values: valuesOf(adm, adm, scenario) });
      compared++;
      const json = (actions: readonly RegistryAction[]) => actions.map((a) => JSON.stringify(a));
      if (JSON.stringify(admx) === JSON.stringify(fromAdm)) continue;
      const [a, b] = [json(admx), json(fromAdm)];
      found.push({
        policy: policy.id,
        scenario: scenario.name,
        onlyAdmx: admx.filter((_x, i) => !b.includes(a[i] ?? '')),
        onlyAdm: fromAdm.filter((_x, i) => !a.includes(b[i] ?? '')),
      });
    }
  }
  return { compared, found };
}

describe('registry effects of ADMX and .adm agree', () => {
  it('all-elements.yaml: every kept policy, every scenario', () => {
    const fixture = allElementsFixtures.find((f) => f.name === 'all-elements.yaml');
    if (!fixture) throw new Error('fixture missing');
    const { compared, found } = mismatches(fixture);
    expect(compared).toBeGreaterThan(10);
    expect(found).toEqual([]);
  });

  it('all-elements.model.ts: every kept policy, every scenario', () => {
    const fixture = allElementsFixtures.find((f) => f.name === 'all-elements.model.ts');
    if (!fixture) throw new Error('fixture missing');
    const { compared, found } = mismatches(fixture);
    expect(compared).toBeGreaterThan(10);
    expect(found).toEqual([]);
  });
});
