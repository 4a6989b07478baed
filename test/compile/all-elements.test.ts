/**
 * The all-elements fixture (every element kind, presentation control and value kind, two
 * locales) through the whole pipeline: schema-valid, byte-exact golden files, deterministic.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileFiles } from '../support/compile-files.js';
import { expectGolden } from '../support/golden.js';
import { schemaAvailable, validateAgainstAdmxSchema } from '../support/xsd.js';

const fixture = 'test/fixtures/valid/all-elements.yaml';

describe('all-elements fixture', () => {
  const result = compileFiles([fixture]);

  it('compiles to one ADMX, and an ADML and an .adm per locale; warns only where ADM is lacking', () => {
    expect(result.diagnostics.map((d) => d.code)).toEqual(['GPF3101', 'GPF3101', 'GPF3101', 'GPF3101']);
    expect(result.files.map((f) => f.path)).toEqual([
      'PolicyDefinitions/AllElements.admx',
      'PolicyDefinitions/de-DE/AllElements.adml',
      'PolicyDefinitions/en-US/AllElements.adml',
      'adm/de-DE/AllElements.adm',
      'adm/en-US/AllElements.adm',
    ]);
  });

  it('matches the golden files byte for byte', () => {
    for (const file of result.files) expectGolden(`all-elements/${file.path}`, file.bytes);
  });

  it('is deterministic', () => {
    const again = compileFiles([fixture]);
    expect(again.files).toEqual(result.files);
  });

  it.skipIf(!schemaAvailable())('validates against the ADMX schema', async () => {
    const xml = result.files.filter((f) => /\.adm[lx]$/.test(f.path));
    expect(xml).toHaveLength(3);
    const files = xml.map((f) => ({ name: f.path, xml: new TextDecoder().decode(f.bytes) }));
    const verdict = await validateAgainstAdmxSchema(files);
    expect(verdict.errors).toEqual([]);
    expect(verdict.valid).toBe(true);
  });
});

describe('shipped example (policies/)', () => {
  const example = compileFiles(readdirSync('policies').map((f) => `policies/${f}`));

  // Only the cross-GPO warnings of its alternative Windows Update GPOs, which each set AUOptions (issue 12).
  it('builds with no diagnostic but the two cross-GPO warnings', () => expect(example.text.split('\n').filter((l) => l !== '').map((l) => l.match(/GPF\d+/)?.[0])).toEqual(['GPF3003', 'GPF3003']));

  it.skipIf(!schemaAvailable())('every ADMX and ADML validates against the ADMX schema', async () => {
    const xml = example.files.filter((f) => /\.adm[lx]$/.test(f.path));
    expect(xml.map((f) => f.path)).toHaveLength(3);
    const verdict = await validateAgainstAdmxSchema(xml.map((f) => ({ name: f.path, xml: new TextDecoder().decode(f.bytes) })));
    expect(verdict.errors).toEqual([]);
    expect(verdict.valid).toBe(true);
  });
});
