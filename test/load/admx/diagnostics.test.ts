/**
 * Each folder in test/fixtures/admx/invalid/ is a broken store; beside its files,
 * read.expected.txt holds what the reader reports and lint.expected.txt what `gpforge lint`
 * reports (file:line:col, code, message). UPDATE_GOLDEN=1 rewrites them for review.
 * The tests below the golden ones pin the important codes and places explicitly.
 */
import { readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readAdmxWithAdml } from '../../../src/load/admx/read-admx-with-adml.js';
import { readPolicyDefinitions } from '../../../src/load/admx/read-policy-definitions.js';
import { lintPolicyDefinitions } from '../../../src/lint/lint-admx.js';
import { expectGolden } from '../../support/golden.js';
import { FIXTURES, fixtureText, printed, utf8, where } from './support.js';

const dir = `${FIXTURES}/invalid`;
const cases = readdirSync(dir).sort();

describe('invalid ADMX/ADML stores (golden diagnostics)', () => {
  it('has fixtures', () => expect(cases).toEqual(['broken-refs', 'doctype', 'lint', 'malformed', 'missing-adml']));

  it.each(cases)('%s: reader', (name) => {
    const read = readPolicyDefinitions(`${dir}/${name}`);
    expectGolden('read.expected.txt', utf8(printed(read.diagnostics, read.texts)), `${dir}/${name}`);
  });

  it.each(cases)('%s: lint', (name) => {
    const lint = lintPolicyDefinitions(`${dir}/${name}`);
    expectGolden('lint.expected.txt', utf8(printed(lint.diagnostics, lint.texts)), `${dir}/${name}`);
  });
});

describe('reader diagnostics, by code and place', () => {
  it('a DOCTYPE is an error on each file, and its entities are never expanded (no XXE, no billion laughs)', () => {
    const read = readPolicyDefinitions(`${dir}/doctype`);
    expect(where(read.diagnostics, read.texts)).toEqual([`${dir}/doctype/Doctype.admx:2:1 GPF1203`, `${dir}/doctype/en-US/Doctype.adml:2:1 GPF1203`]);
    const [policy] = read.definitions[0]?.policies ?? [];
    expect([policy?.key, policy?.valueName, policy?.name['en-US'], policy?.explain['en-US']]).toEqual(['&key;', '&secret;', '&lol9;', '& <kept> A']);
  });

  it('XML that is not well-formed is reported at its line:col, and the file is not read', () => {
    const read = readPolicyDefinitions(`${dir}/malformed`);
    expect(where(read.diagnostics, read.texts)).toEqual([`${dir}/malformed/Malformed.admx:10:5 GPF1202`, `${dir}/malformed/en-US/Malformed.adml:7:32 GPF1202`]);
    expect(read.definitions).toEqual([]);
  });

  it('unresolved $(string.X) / $(presentation.X), bad values, unknown kinds: errors at the attribute', () => {
    const read = readPolicyDefinitions(`${dir}/broken-refs`);
    const at = where(read.diagnostics, read.texts).map((w) => w.replace(`${dir}/broken-refs/`, ''));
    expect(at).toEqual([
      'Broken.admx:13:42 GPF1208',
      'Broken.admx:16:89 GPF1209',
      'Broken.admx:16:125 GPF1208',
      'Broken.admx:20:57 GPF1216',
      'Broken.admx:27:25 GPF1207',
      'Broken.admx:29:7 GPF1215',
      'Broken.admx:32:9 GPF1214',
      'Broken.admx:35:35 GPF1207',
      'en-US/Broken.adml:13:9 GPF1211',
      'en-US/Broken.adml:14:9 GPF1214',
    ]);
    const policies = read.definitions[0]?.policies ?? [];
    // A policy with an invalid class is dropped; a control for a missing element too; the element stays.
    expect(policies.map((p) => p.id)).toEqual(['BadRefs', 'Dropped']);
    expect(policies[1]?.elements.map((e) => e.id)).toEqual(['Kept']);
    expect(policies[1]?.presentation).toEqual([]);
    expect(policies[0]?.presentation).toEqual([]);
  });

  it('a missing ADML is an error on the ADMX, and nothing is read from it', () => {
    const read = readPolicyDefinitions(`${dir}/missing-adml`);
    expect(printed(read.diagnostics, read.texts)).toBe(
      `${dir}/missing-adml/Lonely.admx: error GPF1212: no en-US ADML for this ADMX (looked for ${dir}/missing-adml/en-US/Lonely.adml, any letter case)\n`,
    );
    expect(read.definitions).toEqual([]);
  });

  it('the pure core reports a missing ADML too, and a missing path is GPF1006', () => {
    const core = readAdmxWithAdml({ path: 'Lonely.admx', bytes: utf8(fixtureText('invalid/missing-adml/Lonely.admx')) }, []);
    expect(core.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual(['GPF1212 no en-US ADML for this ADMX (looked for en-US/Lonely.adml, any letter case)']);
    expect(readPolicyDefinitions(`${dir}/no-such-folder`).diagnostics.map((d) => d.code)).toEqual(['GPF1006']);
  });

  it('never throws, whatever the bytes (truncated or spliced files)', () => {
    const admx = utf8(fixtureText('contoso/Contoso.admx'));
    const adml = utf8(fixtureText('contoso/en-US/Contoso.adml'));
    fc.assert(
      fc.property(fc.nat({ max: admx.length }), fc.nat({ max: adml.length }), fc.uint8Array({ maxLength: 8 }), (cutAdmx, cutAdml, noise) => {
        const spliced = Uint8Array.from([...admx.subarray(0, cutAdmx), ...noise, ...admx.subarray(cutAdmx + noise.length)]);
        const result = readAdmxWithAdml({ path: 'a.admx', bytes: spliced }, [{ locale: 'en-US', path: 'a.adml', bytes: adml.subarray(0, cutAdml) }]);
        expect(Array.isArray(result.diagnostics)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
