/**
 * Malformed .adm files (test/fixtures/adm/invalid/, one case per file, its printed diagnostics
 * beside it in <case>.expected.txt; UPDATE_GOLDEN=1 rewrites those): the exact code and line:col
 * of every diagnostic, the policies that survive (a broken policy is skipped, reading goes on),
 * and no exception on any input.
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readAdm } from '../../../src/load/adm/read-adm.js';
import { expectGolden } from '../../support/golden.js';
import { printed, utf8, where } from '../admx/support.js';
import { ADM_FIXTURES, utf16le } from './support.js';

const dir = `${ADM_FIXTURES}/invalid`;

/** `line:col CODE` of each diagnostic (sorted; `-:-` for the whole file), and the policies read. */
const CASES: Readonly<Record<string, { readonly at: readonly string[]; readonly policies: readonly string[] | null }>> = {
  'bad-utf16.adm': { at: ['-:- GPF1300', '-:- GPF1319', '2:1 GPF1304'], policies: null },
  'bad-values.adm': { at: ['-:- GPF1317', '6:21 GPF1315', '9:15 GPF1315', '14:11 GPF1307', '18:10 GPF1320', '27:7 GPF1316', '30:7 GPF1316'], policies: ['Dropped'] },
  'before-class.adm': { at: ['-:- GPF1317', '1:1 GPF1314', '7:7 GPF1307'], policies: ['Pol'] },
  'directives.adm': { at: ['-:- GPF1317', '2:1 GPF1304', '3:1 GPF1310', '6:3 GPF1308', '14:3 GPF1309'], policies: ['Kept'] },
  'missing-end.adm': { at: ['-:- GPF1317', '2:1 GPF1302', '3:3 GPF1302'], policies: ['Second'] },
  'no-keyname.adm': { at: ['-:- GPF1319', '3:10 GPF1313'], policies: [] },
  'no-policies.adm': { at: ['-:- GPF1319'], policies: null },
  'strings-section.adm': { at: ['-:- GPF1317', '10:1 GPF1311', '11:2 GPF1311', '13:1 GPF1312'], policies: ['Pol'] },
  'undefined-string.adm': { at: ['-:- GPF1317', '5:13 GPF1306'], policies: ['Missing'] },
  'unknown-part-keyword.adm': { at: ['-:- GPF1317', '7:7 GPF1303'], policies: ['Fine'] },
  'unknown-part-type.adm': { at: ['-:- GPF1317', '5:25 GPF1305'], policies: ['Fine'] },
  'unterminated-string.adm': { at: ['-:- GPF1317', '5:15 GPF1301', '10:6 GPF1301'], policies: ['Good'] },
};

function readFixture(name: string) {
  const path = `${dir}/${name}`;
  const read = readAdm({ path, bytes: readFileSync(path) }, { locale: 'en-US' });
  return { read, at: where(read.diagnostics, read.texts).map((w) => w.replace(`${path}:`, '')) };
}

describe('malformed .adm files', () => {
  it('has a case for every fixture', () => expect(readdirSync(dir).filter((f) => f.endsWith('.adm')).sort()).toEqual(Object.keys(CASES).sort()));

  it.each(Object.keys(CASES))('%s: prints as <case>.expected.txt says', (name) => {
    const { read } = readFixture(name);
    expectGolden(name.replace(/\.adm$/, '.expected.txt'), utf8(printed(read.diagnostics, read.texts)), dir);
  });

  it.each(Object.entries(CASES))('%s', (name, expected) => {
    const { read, at } = readFixture(name);
    expect(at).toEqual(expected.at);
    expect(read.definitions?.policies.map((p) => p.id) ?? null).toEqual(expected.policies);
  });

  it('words the messages for people, with the offending text', () => {
    const messages = Object.keys(CASES).flatMap((name) => readFixture(name).read.diagnostics.map((d) => `${d.code} ${d.message}`));
    expect(messages).toEqual(
      expect.arrayContaining([
        `GPF1303 'MAXIMUM' is not valid in a NUMERIC PART; the policy is skipped`,
        `GPF1302 POLICY is not closed: expected END POLICY before 'POLICY'`,
        `GPF1302 CATEGORY is not closed: expected END CATEGORY before the end of the file`,
        `GPF1305 unknown PART type 'SLIDER' (expected CHECKBOX, COMBOBOX, DROPDOWNLIST, EDITTEXT, LISTBOX, NUMERIC or TEXT); the policy is skipped`,
        `GPF1306 string 'Missing_Help' is not defined in [strings]; its name is used as the text`,
        `GPF1308 unsupported directive '#ifdef DEBUG': the lines up to its #endif are skipped (only #if version is understood)`,
        `GPF1312 string 'POL' is defined again (first at line 12); the first definition is used`,
      ]),
    );
  });

  it('never throws, whatever the bytes or the token soup', () => {
    const words = fc.constantFrom(
      'CLASS', 'MACHINE', 'USER', 'CATEGORY', 'POLICY', 'PART', 'END', 'KEYNAME', 'VALUENAME', 'VALUEON', 'VALUEOFF', 'VALUE', 'NUMERIC',
      'DELETE', 'EXPLAIN', 'SUPPORTED', 'CLIENTEXT', 'ACTIONLISTON', 'ACTIONLISTOFF', 'ACTIONLIST', 'ITEMLIST', 'NAME', 'DEFAULT',
      'SUGGESTIONS', 'CHECKBOX', 'NUMERIC', 'EDITTEXT', 'COMBOBOX', 'DROPDOWNLIST', 'LISTBOX', 'TEXT', 'MIN', 'MAX', 'SPIN', '12',
      '"x"', '"', '!!A', '!!Missing', '#if version >= 4\r\n', '#endif\r\n', '#else\r\n', '#ifdef X\r\n', '; c\r\n', '\r\n', '[strings]\r\nA="a"\r\n',
    );
    fc.assert(
      fc.property(fc.array(words, { maxLength: 80 }), fc.uint8Array({ maxLength: 64 }), (tokens, bytes) => {
        const read = readAdm({ path: 's.adm', bytes: utf16le(tokens.join(' ')) }, { locale: 'en-US' });
        expect(read.texts.get('s.adm')).toBeDefined();
        readAdm({ path: 'b.adm', bytes }, { locale: 'en-US' });
      }),
      { numRuns: 500 },
    );
  });
});
