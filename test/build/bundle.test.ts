/**
 * The bundle (dist/, src/build/bundle.ts) runs validators and templates compiled at build time,
 * where the sources compile them at run time: it must print exactly the expected diagnostics of
 * every fixture and write exactly the bytes the sources do.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gpforge, tempDir } from '../support/cli.js';
import { compileFiles } from '../support/compile-files.js';

const ALL_ELEMENTS = 'test/fixtures/valid/all-elements.yaml';
const yamlIn = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort().map((f) => `${dir}/${f}`);

describe('the bundle, with precompiled validators and templates', () => {
  const cases = [...yamlIn('test/fixtures/invalid').map((f) => [f]), ...yamlIn('test/fixtures/invalid-gpo').map((f) => [ALL_ELEMENTS, f])];

  it.each(cases)('prints the expected diagnostics of %s', (...files) => {
    const fixture = files[files.length - 1] ?? '';
    const run = gpforge(['validate', ...files.flatMap((f) => ['--src', f])]);
    expect(run.code, run.stderr).toBeLessThanOrEqual(1); // warnings-only fixtures exit 0
    expect(run.stdout).toBe(readFileSync(fixture.replace(/\.yaml$/, '.expected.txt'), 'utf8'));
  });

  it('writes the bytes the sources write, warnings included', () => {
    const sources = [ALL_ELEMENTS, 'test/fixtures/valid/gpo-all-kinds.yaml', ...yamlIn('policies')];
    const expected = compileFiles(sources);
    const out = join(tempDir(), 'out');
    const run = gpforge(['build', '--out', out, ...sources.flatMap((f) => ['--src', f])]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(expected.text);
    expect(expected.files.length).toBeGreaterThan(10);
    for (const file of expected.files) expect(readFileSync(join(out, file.path)), file.path).toEqual(Buffer.from(file.bytes));
  });
});
