/**
 * Round trip model → .adm → model for both all-elements fixtures and both their locales: the
 * model read back equals the original after the expected differences of
 * expected-differences.ts (each with its reason), and nothing else differs.
 */
import { describe, expect, it } from 'vitest';
import type { DefinitionsFile } from '../../../src/model/types.js';
import { compareDefinitions } from '../../support/model-compare.js';
import { EXPECTED_DIFFERENCES, withoutUnsupported } from './expected-differences.js';
import { allElementsFixtures, readBack, type AdmFixture } from './support.js';

/** The original with every expected difference applied, and the kinds that changed something. */
function expectedModel(fixture: AdmFixture, locale: string): { expected: DefinitionsFile; changed: string[] } {
  let expected: DefinitionsFile = fixture.model;
  const changed: string[] = [];
  for (const difference of EXPECTED_DIFFERENCES) {
    const next = difference.apply(expected, locale);
    if (compareDefinitions(expected, next).length > 0 || JSON.stringify(expected.locales) !== JSON.stringify(next.locales)) changed.push(difference.kind);
    expected = next;
  }
  return { expected, changed };
}

const cases = allElementsFixtures.flatMap((fixture) => fixture.model.locales.map((locale) => [fixture.name, locale, fixture] as const));

describe('round trip through .adm', () => {
  it.each(cases)('%s, %s: reads back with no diagnostic but the documented warning', (_name, locale, fixture) => {
    const foreign = fixture.model.policies.some((p) => p.supportedOn.includes(':') && !p.supportedOn.startsWith(`${fixture.model.prefix}:`));
    expect(readBack(fixture, locale).diagnostics.map((d) => d.code)).toEqual(foreign ? ['GPF1317'] : []);
  });

  it.each(cases)('%s, %s: differs from the original only as expected-differences.ts lists', (_name, locale, fixture) => {
    expect(compareDefinitions(expectedModel(fixture, locale).expected, readBack(fixture, locale).definitions)).toEqual([]);
  });

  it('needs every kind of expected difference for at least one fixture', () => {
    const used = new Set(cases.flatMap(([, locale, fixture]) => expectedModel(fixture, locale).changed));
    expect([...used].sort()).toEqual(EXPECTED_DIFFERENCES.map((d) => d.kind).sort());
  });

  it.each(allElementsFixtures.map((f) => [f.name, f] as const))('%s: leaves out exactly as many constructs as the writer reports', (_name, fixture) => {
    expect(fixture.unsupported.length).toBeGreaterThan(0);
    expect(withoutUnsupported(fixture.model).count).toBe(fixture.unsupported.length);
  });

  it('reads a policy written under both classes back as one `both` policy', () => {
    const both = allElementsFixtures.flatMap((fixture) => {
      const read = readBack(fixture, fixture.model.locales[0] ?? 'en-US').definitions;
      const kept = withoutUnsupported(fixture.model).file.policies.filter((p) => p.class === 'both');
      return kept.map((policy) => [policy.id, read.policies.find((p) => p.id === policy.id)?.class]);
    });
    expect(both).toEqual([['EveryElement', 'both']]);
  });
});
