/**
 * Hostile texts survive the `[strings]` section: written by the writer's escapeAdmString (and by
 * the whole writer), read back by the reader, they equal the original or its documented
 * substitution (line breaks as LF, C0 controls and lone surrogates as U+FFFD; FORMATS.md d.3).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emitAdm, escapeAdmString } from '../../../src/emit/adm.js';
import { readAdm } from '../../../src/load/adm/read-adm.js';
import { unescapeAdmString } from '../../../src/load/adm/read-strings-section.js';
import type { DefinitionsFile, Localized } from '../../../src/model/types.js';
import { builtInTemplates } from '../../support/templates.js';
import { documented } from './expected-differences.js';
import { utf16le } from './support.js';

const hostile = fc.constantFrom('"', '\\', '\\n', 'n', '\u200b', '\r', '\n', '\r\n', '\t', ';', '//', '!!', '=', '[strings]', 'ä', '€', '🚀', '\ud83d', '\u0000', '\u2028', ' ');
const text = fc.string({ unit: fc.oneof(hostile, fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })), maxLength: 60 });

/** A tiny .adm whose category, policy, explain, PART label and item carry the five texts. */
function tinyAdm(texts: readonly [string, string, string, string, string]): string {
  const [category, name, explain, label, item] = texts.map(escapeAdmString);
  return [
    'CLASS MACHINE',
    'CATEGORY !!Cat',
    '  POLICY !!Pol',
    '    KEYNAME "Software\\Policies\\Hostile"',
    '    EXPLAIN !!Pol_Help',
    '    PART !!Pol_Choice DROPDOWNLIST',
    '      VALUENAME "Choice"',
    '      ITEMLIST',
    '        NAME !!Pol_Choice_Only VALUE NUMERIC 1',
    '      END ITEMLIST',
    '    END PART',
    '  END POLICY',
    'END CATEGORY',
    '',
    '[strings]',
    `Cat="${category}"`,
    `Pol="${name}"`,
    `Pol_Help="${explain}"`,
    `Pol_Choice="${label}"`,
    `Pol_Choice_Only="${item}"`,
    '',
  ].join('\r\n');
}

function readTexts(bytes: Uint8Array): string[] {
  const read = readAdm({ path: 'hostile.adm', bytes }, { locale: 'en-US' });
  expect(read.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const policy = read.definitions?.policies[0];
  const control = policy?.presentation[0];
  const element = policy?.elements[0];
  return [
    read.definitions?.categories[0]?.name['en-US'],
    policy?.name['en-US'],
    policy?.explain['en-US'],
    control?.kind === 'dropdownList' ? control.label['en-US'] : undefined,
    element?.type === 'enum' ? element.items[0]?.name['en-US'] : undefined,
  ].map((t) => t ?? '(missing)');
}

describe('hostile strings through [strings]', () => {
  it('unescapeAdmString inverts escapeAdmString on every text (up to the documented substitution)', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(unescapeAdmString(escapeAdmString(t))).toBe(documented(t));
      }),
      { numRuns: 1000 },
    );
  });

  it('a tiny .adm (UTF-16LE and UTF-8) reads every text back as written', () => {
    fc.assert(
      fc.property(fc.tuple(text, text, text, text, text), (texts) => {
        const adm = tinyAdm(texts);
        const expected = texts.map(documented);
        expect(readTexts(utf16le(adm))).toEqual(expected);
        expect(readTexts(new TextEncoder().encode(adm))).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps a very long explain with quotes, backslashes and literal \\n', () => {
    const explain = `${'Long "explain" with C:\\new\\path and a literal \\n.\n'.repeat(3000)}end 🚀`;
    const [, , read] = readTexts(utf16le(tinyAdm(['c', 'p', explain, 'l', 'i'])));
    expect(read?.length).toBeGreaterThan(150_000);
    expect(read).toBe(explain);
  });

  it('keeps a space between two line separators (U+2028), which a multi-line regex took for a blank line', () => {
    const name = '\u2028 \u2028';
    const read = readAdm({ path: 'Small.adm', bytes: emitAdm(smallFile(name, ' '), 'en-US', builtInTemplates).file.bytes }, { locale: 'en-US' });
    expect(read.definitions?.policies[0]?.name['en-US']).toBe(name);
  });

  it('the whole writer: names and explains of a small model read back as the documented text', () => {
    fc.assert(
      fc.property(text, text, (name, explain) => {
        const read = readAdm({ path: 'Small.adm', bytes: emitAdm(smallFile(name, explain), 'en-US', builtInTemplates).file.bytes }, { locale: 'en-US' });
        const policy = read.definitions?.policies[0];
        expect([policy?.name['en-US'], policy?.explain['en-US']]).toEqual([documented(name), documented(explain)]);
      }),
      { numRuns: 200 },
    );
  });
});

function smallFile(name: string, explain: string): DefinitionsFile {
  const en = (t: string): Localized => ({ 'en-US': t });
  return {
    sourcePath: 'small.yaml',
    namespace: 'Gpforge.Small',
    prefix: 'small',
    fileName: 'Small',
    revision: '1.0',
    locales: ['en-US'],
    displayName: en('Small'),
    description: en(''),
    using: [],
    supersededAdm: [],
    products: [],
    supportedOn: [{ id: 'SUPPORTED_Any', textStringId: 'SUPPORTED_Any', text: en('Any') }],
    categories: [{ id: 'Cat', nameStringId: 'Cat', name: en('Category') }],
    policies: [
      {
        id: 'P',
        class: 'machine',
        category: 'Cat',
        supportedOn: 'SUPPORTED_Any',
        nameStringId: 'P',
        name: en(name),
        explainStringId: 'P_Help',
        explain: en(explain),
        key: 'Software\\Policies\\Small',
        valueName: 'P',
        elements: [],
        presentation: [],
      },
    ],
  };
}
