/**
 * Which of gpforge's GPO diagnostics the per-project schema expresses (an editor shows them while
 * typing) and which only `gpforge validate` reports (issue 16). Every GPF22xx code and the
 * cross-GPO code sit in exactly one list, so a new code forces a decision here.
 */
import { describe, expect, it } from 'vitest';
import { catalogue } from '../../src/diagnostics/catalogue.js';
import { projectSchemaText, schemaValidator } from '../support/project-schema.js';

const validate = schemaValidator(projectSchemaText(['test/fixtures/valid/all-elements.yaml']));
const gpo = (computer: string, user = '') => `kind: gpo\nname: t\ncomputer:\n  policies:\n    ${computer}\n${user ? `user:\n  policies:\n    ${user}\n` : ''}`;
/** EveryElement with its required elements (Count, Mode, Server, Lines) and one changed or added value. */
const every = (values: string) => {
  const base: Record<string, string> = { state: 'enabled', Count: '1', Mode: 'Fast', Server: 's', Lines: '[x]' };
  for (const pair of values.split(/, (?=[A-Za-z]+:)/)) base[pair.slice(0, pair.indexOf(':'))] = pair.slice(pair.indexOf(':') + 2);
  return `gpfall:EveryElement: { ${Object.entries(base).map(([k, v]) => `${k}: ${v}`).join(', ')} }`;
};

/** Code → a setting that gpforge rejects with it, which the schema rejects too. */
const EXPRESSED: Readonly<Record<string, string>> = {
  GPF2201: gpo('gpfall:SimpleTogle: enabled'),
  GPF2202: gpo('nosuch:Policy: enabled'),
  GPF2203: gpo('gpfall:StringAndDelete: enabled'),
  GPF2204: gpo(every('Cont: 5')),
  GPF2205: gpo(every('PlainCheck: "yes"')),
  GPF2206: gpo(every('Mode: Slow')),
  GPF2207: gpo(every('Count: 101')),
  GPF2208: gpo(every(`Server: ${'x'.repeat(201)}`)),
  GPF2209: gpo(every('Lines: [a, b, c, d, e, f, g, h, i, j, k]')),
  GPF2210: gpo('gpfall:EveryElement: enabled'),
  GPF2215: gpo(every('Lines: ["", x]')),
};

/** Code → why JSON Schema (or an editor's single file) cannot say it. */
const NOT_EXPRESSED: Readonly<Record<string, string>> = {
  GPF2211: 'raw registry data vs. type (hex bytes, QWORD digits): checked by gpforge only',
  GPF2212: 'the same value set twice with different data: a relation between two entries',
  GPF2213: 'a warning (values of a disabled policy are ignored); the schema allows them',
  GPF2214: 'NUL characters: left to gpforge',
  GPF2216: 'Registry.pol record size in bytes: depends on the encoding',
  GPF2217: "value names starting with '**' in explicitValue lists: left to gpforge",
  GPF2218: 'a value under a key another entry clears: a relation between two entries',
  GPF2219: 'ambiguous prefix: the schema offers the first file’s policy; gpforge asks for namespace:policyId',
  GPF2220: 'REG_NONE default value: left to gpforge',
  GPF2221: "';' in deleteValues names: left to gpforge",
  GPF2222: 'names .reg cannot carry: left to gpforge',
  GPF3003: 'conflicts between GPOs: across files, beyond one document',
};

describe('GPO codes the per-project schema expresses', () => {
  it.each(Object.entries(EXPRESSED))('%s fails the schema', (_, document) => {
    expect(validate(document)).not.toEqual([]);
  });

  it('sorts every GPO code into one list', () => {
    const gpoCodes = Object.keys(catalogue).filter((code) => /^GPF22\d\d$/.test(code) || code === 'GPF3003');
    const listed = [...Object.keys(EXPRESSED), ...Object.keys(NOT_EXPRESSED)];
    expect(listed.sort()).toEqual(gpoCodes.sort());
  });

  it('the valid base setting of these rows passes', () => {
    expect(validate(gpo(every('Count: 100')))).toEqual([]);
  });
});
