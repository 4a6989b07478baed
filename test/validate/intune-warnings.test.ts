/**
 * `validate --intune` / `build --intune`: definitions Intune's ADMX ingestion refuses or
 * mishandles (GPF2301–GPF2305, test/fixtures/intune/definitions-limits.yaml with its expected
 * diagnostics beside it), and GPO entries out/intune leaves out (GPF3202 at each raw registry
 * entry). Without --intune none of them is reported.
 */
import { describe, expect, it } from 'vitest';
import { compileFiles } from '../support/compile-files.js';
import { expectGolden } from '../support/golden.js';

const dir = 'test/fixtures/intune';
const INTUNE_CODE = /GPF(23\d\d|32\d\d)/;

describe('validate --intune on definitions', () => {
  const result = compileFiles([`${dir}/definitions-limits.yaml`], false, true);

  it('reports each restriction as a warning at its line and column, exactly as expected', () => {
    expect(result.diagnostics.every((d) => d.severity === 'warning')).toBe(true);
    expect(new Set(result.diagnostics.map((d) => d.code))).toEqual(new Set(['GPF2106', 'GPF2301', 'GPF2302', 'GPF2303', 'GPF2304', 'GPF2305']));
    expectGolden('definitions-limits.expected.txt', new TextEncoder().encode(result.text), dir);
  });

  it('does not flag a key among Microsoft\'s exceptions (Software\\Microsoft\\Office)', () => {
    expect(result.text).not.toMatch(/GPF2301: .*Office/);
  });

  it('reports none of them without --intune', () => {
    const plain = compileFiles([`${dir}/definitions-limits.yaml`], false);
    expect(plain.diagnostics.filter((d) => INTUNE_CODE.test(d.code))).toEqual([]);
  });
});

describe('build --intune on GPO files', () => {
  const files = ['test/fixtures/valid/all-elements.yaml', 'test/fixtures/valid/gpo-all-kinds.yaml'];

  it('warns at each raw registry entry, which has no Policy CSP equivalent, in validate and build alike', () => {
    for (const emit of [false, true]) {
      const lines = compileFiles(files, emit, true).text.split('\n').filter((line) => line.includes('GPF3202'));
      expect(lines.map((line) => line.split(': ')[0])).toEqual([
        ...Array.from({ length: 13 }, (_, i) => `test/fixtures/valid/gpo-all-kinds.yaml:${28 + i}:7`),
      ]);
    }
  });

  it('stays quiet without --intune, and still writes out/intune', () => {
    const plain = compileFiles(files);
    expect(plain.diagnostics.filter((d) => INTUNE_CODE.test(d.code))).toEqual([]);
    expect(plain.files.filter((f) => f.path.startsWith('intune/'))).toHaveLength(2);
  });
});
