/**
 * `gpforge diff` of two built bundles (issue 12): each fixture pair is built with the CLI into
 * two bundles, which must diff to the same changes as the two project folders did.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gpforge as run, tempDir } from '../support/cli.js';
import { expectGolden } from '../support/golden.js';

const gpforge = (args: string[], cwd = process.cwd()) => run(args, { cwd, env: { CI: '1' } });

/** `before/` and `after/` bundles of a fixture pair, in a fresh folder. */
function buildPair(name: string): string {
  const dir = tempDir();
  for (const side of ['before', 'after']) {
    const built = gpforge(['build', '--src', join(process.cwd(), `test/fixtures/diff/${name}/${side}`), '--out', side], dir);
    expect(built.code, built.stdout + built.stderr).toBe(0);
  }
  return dir;
}

/** The JSON report without what names the inputs (labels, file paths). */
function changes(stdout: string): unknown {
  return JSON.parse(stdout, (key, value: unknown) => (key === 'file' || key === 'base' || key === 'head' ? undefined : value));
}

describe('gpforge diff of two built bundles', () => {
  for (const name of ['gpo-changes', 'breaking', 'compatible', 'namespace']) {
    it(`${name}: the same changes as the project folders`, () => {
      const dir = buildPair(name);
      const bundles = gpforge(['diff', 'before', 'after', '--format', 'json'], dir);
      expect(bundles.stderr).toBe('');
      const folders = gpforge(['diff', `test/fixtures/diff/${name}/before`, `test/fixtures/diff/${name}/after`, '--format', 'json']);
      expect(changes(bundles.stdout)).toEqual(changes(folders.stdout));
    });
  }

  it('breaking: text output, and exit 1 with --fail-on breaking', () => {
    const dir = buildPair('breaking');
    expectGolden('diff/bundles-breaking.txt', new TextEncoder().encode(gpforge(['diff', 'before', 'after'], dir).stdout));
    expect(gpforge(['diff', 'before', 'after', '--fail-on', 'breaking'], dir).code).toBe(1);
  });

  it('a project folder against the bundle built from it: no changes', () => {
    const dir = buildPair('gpo-changes');
    const result = gpforge(['diff', join(process.cwd(), 'test/fixtures/diff/gpo-changes/after'), 'after'], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^no changes between /);
  });

  it('a bundle that does not read: its errors prefixed with the side, exit 1', () => {
    const dir = buildPair('compatible');
    mkdirSync(join(dir, 'broken/PolicyDefinitions'), { recursive: true });
    writeFileSync(join(dir, 'broken/PolicyDefinitions/x.admx'), '<policyDefinitions');
    const result = gpforge(['diff', 'broken', 'after'], dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('base (broken): broken/PolicyDefinitions/x.admx:1:1: error GPF1202');
    expect(result.stderr).toBe('gpforge: nothing compared: a side does not compile\n');
  });

  it('a bundle with neither templates nor backups: GPF1021', () => {
    const dir = buildPair('compatible');
    mkdirSync(join(dir, 'empty/backups'), { recursive: true });
    writeFileSync(join(dir, 'empty/backups/manifest.xml'), '<Backups/>');
    const result = gpforge(['diff', 'empty', 'after'], dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('GPF1021');
  });
});
