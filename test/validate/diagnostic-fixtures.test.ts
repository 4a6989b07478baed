/**
 * Each file in test/fixtures/invalid/ (definitions) and test/fixtures/invalid-gpo/ (GPO files,
 * checked against the all-elements definitions) is a mistake an admin can make; beside it,
 * <name>.expected.txt holds the exact diagnostics (file:line:col, code, message) gpforge must
 * print. UPDATE_GOLDEN=1 rewrites them for review.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileFiles } from '../support/compile-files.js';
import { expectGolden } from '../support/golden.js';

const dir = 'test/fixtures/invalid';
const fixtures = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();

describe('diagnostics of invalid definitions', () => {
  it('has fixtures', () => expect(fixtures.length).toBeGreaterThan(5));

  it.each(fixtures)('%s', (name) => {
    const result = compileFiles([`${dir}/${name}`], false);
    expect(result.diagnostics.length).toBeGreaterThan(0);
    expect(result.files).toEqual([]);
    expectGolden(name.replace(/\.yaml$/, '.expected.txt'), new TextEncoder().encode(result.text), dir);
  });

  it('every diagnostic points into the file (line and column), except whole-file problems', () => {
    for (const name of fixtures.filter((f) => !['alias-bomb.yaml', 'no-kind.yaml'].includes(f))) {
      for (const line of compileFiles([`${dir}/${name}`], false).text.trim().split('\n')) {
        expect(line).toMatch(/^test\/fixtures\/invalid\/[\w-]+\.yaml:\d+:\d+: (error|warning) GPF\d{4}: \S/);
      }
    }
  });
});

describe('diagnostics of invalid GPO files', () => {
  const gpoDir = 'test/fixtures/invalid-gpo';
  const definitions = 'test/fixtures/valid/all-elements.yaml';
  const gpoFixtures = readdirSync(gpoDir).filter((f) => f.endsWith('.yaml')).sort();

  it('has fixtures', () => expect(gpoFixtures.length).toBeGreaterThan(3));

  it.each(gpoFixtures)('%s', (name) => {
    const result = compileFiles([definitions, `${gpoDir}/${name}`], false);
    expect(result.diagnostics.length).toBeGreaterThan(0);
    expect(result.diagnostics.every((d) => d.file === `${gpoDir}/${name}`)).toBe(true);
    expect(result.files).toEqual([]);
    expectGolden(name.replace(/\.yaml$/, '.expected.txt'), new TextEncoder().encode(result.text), gpoDir);
  });
});
