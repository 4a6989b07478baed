/**
 * The per-project GPO schema agrees with gpforge's own GPO validation (issue 16): valid GPO
 * files pass it, and each error it can express fails it. Golden file for the shipped example.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR, corpusAvailable } from '../support/corpus.js';
import { expectGolden } from '../support/golden.js';
import { projectSchemaText, schemaValidator } from '../support/project-schema.js';

const SHIPPED = readdirSync('policies').map((f) => `policies/${f}`);
const shippedSchema = projectSchemaText(SHIPPED);
const allElements = schemaValidator(projectSchemaText(['test/fixtures/valid/all-elements.yaml']));

const gpo = (computer: string, user = '') =>
  `kind: gpo\nname: t\ncomputer:\n  policies:\n${computer}${user ? `\nuser:\n  policies:\n${user}` : ''}\n`;

describe('per-project GPO schema', () => {
  it('matches its golden file for the shipped example', () => {
    expectGolden('schema/policies.gpo.schema.json', new TextEncoder().encode(shippedSchema));
  });

  it('accepts every shipped GPO file', () => {
    const validate = schemaValidator(shippedSchema);
    for (const file of SHIPPED.filter((f) => readFileSync(f, 'utf8').includes('kind: gpo'))) {
      expect(validate(readFileSync(file, 'utf8')), file).toEqual([]);
    }
  });

  it('accepts the valid GPO fixtures', () => {
    for (const file of ['test/fixtures/valid/gpo-all-kinds.yaml', 'test/fixtures/valid/gpo-raw-records.yaml']) {
      expect(allElements(readFileSync(file, 'utf8')), file).toEqual([]);
    }
  });

  it('accepts the namespace form and other letter cases of the prefix', () => {
    expect(allElements(gpo('    Gpforge.Tests.AllElements:SimpleToggle: enabled\n    GPFALL:EveryElement: { state: disabled }'))).toEqual([]);
  });

  // Each row: one setting gpforge rejects with `code`, which the schema must reject too.
  const rejected: [string, string, string?][] = [
    ['GPF2201 unknown policy', '    gpfall:SimpleTogle: enabled'],
    ['GPF2202 unknown prefix', '    nosuch:Policy: enabled'],
    ['GPF2203 user policy under computer', '    gpfall:StringAndDelete: enabled'],
    ['GPF2203 machine policy under user', '', '    gpfall:SimpleToggle: enabled'],
    ['GPF2204 unknown element', '    gpfall:EveryElement: { state: enabled, Cont: 5 }'],
    ['GPF2206 enum value not an item', '    gpfall:EveryElement: { state: enabled, Mode: Slow }'],
    ['GPF2207 number above max', '    gpfall:EveryElement: { state: enabled, Count: 101 }'],
    ['GPF2207 number below min', '    gpfall:EveryElement: { state: enabled, Huge: 4 }'],
    ['GPF2205 text given a number', '    gpfall:EveryElement: { state: enabled, Server: 42 }'],
    ['GPF2205 boolean given a text', '    gpfall:EveryElement: { state: enabled, PlainCheck: "yes" }'],
    ['GPF2205 list given a map', '    gpfall:EveryElement: { state: enabled, Named: [x] }'],
    ['GPF2215 empty multiText string', '    gpfall:EveryElement: { state: enabled, Lines: ["", x] }'],
  ];
  it.each(rejected)('rejects %s', (_, computer, user) => {
    expect(allElements(gpo(computer, user))).not.toEqual([]);
  });

  it('rejects a text longer than its maxLength (GPF2208), accepts one at it', () => {
    const server = (n: number) => gpo(`    gpfall:EveryElement: { state: enabled, Server: ${'x'.repeat(n)} }`);
    expect(allElements(server(201))).not.toEqual([]);
    expect(allElements(server(200)).join()).not.toContain('Server');
  });

  describe.skipIf(!corpusAvailable())('over the Windows corpus', () => {
    const corpus = schemaValidator(projectSchemaText(SHIPPED, [CORPUS_DIR]));
    it("accepts the corpus-based GPO fixture on Windows' WindowsUpdate.admx", () => {
      expect(corpus(readFileSync('test/fixtures/corpus/gpo-windows-update-admx.yaml', 'utf8'))).toEqual([]);
    });
    it('rejects an out-of-range ScheduledInstallTime there', () => {
      expect(corpus(gpo('    wuau:AutoUpdateCfg: { state: enabled, AutoUpdateMode: 4, AutoUpdateSchDay: 0, AutoUpdateSchTime: 99 }'))).not.toEqual([]);
    });
  });
});
