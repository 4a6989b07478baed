/**
 * The shipped Windows Update example builds an .adm equivalent in content to its ADMX: read back,
 * each locale's .adm equals the definitions after the documented ADM differences, and nothing
 * was left out of it.
 */
import { describe, expect, it } from 'vitest';
import { readAdm } from '../../../src/load/adm/read-adm.js';
import { compileFiles } from '../../support/compile-files.js';
import { compareDefinitions } from '../../support/model-compare.js';
import { EXPECTED_DIFFERENCES } from './expected-differences.js';

const compiled = compileFiles(['policies/windows-update.yaml']);
const model = compiled.model?.definitions[0];

describe('policies/windows-update.yaml as .adm', () => {
  it('builds with nothing left out of the .adm', () => {
    expect(compiled.diagnostics).toEqual([]);
    expect(model?.locales).toEqual(['en-US', 'de-DE']);
  });

  it.each(['en-US', 'de-DE'])('%s: reads back equal to the definitions, but for the documented ADM differences', (locale) => {
    if (!model) throw new Error('example did not compile');
    const file = compiled.files.find((f) => f.path === `adm/${locale}/GpforgeWindowsUpdate.adm`);
    if (!file) throw new Error(`no ${locale} .adm`);
    const read = readAdm({ path: file.path, bytes: file.bytes }, { locale });
    expect(read.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const expected = EXPECTED_DIFFERENCES.reduce((current, difference) => difference.apply(current, locale), model);
    expect(compareDefinitions(expected, read.definitions ?? model)).toEqual([]);
    expect(read.definitions?.policies.map((p) => p.id).sort()).toEqual(model.policies.map((p) => p.id).sort());
  });
});
