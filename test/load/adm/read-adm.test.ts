/**
 * The .adm reader on real-world styles (test/fixtures/adm/): a hand-written ANSI file with
 * Windows-1252 characters, comments, `#if version`, an unknown `#ifdef` block, inline and bare
 * strings, lower-case keywords; a UTF-16LE file with classes to merge; a Chromium-style file.
 * Also: encoding detection, the gpforge header, and the table of PART options and defaults.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeAdm } from '../../../src/load/adm/decode-adm.js';
import { readAdm } from '../../../src/load/adm/read-adm.js';
import type { DefinitionsFile, Policy } from '../../../src/model/types.js';
import { where } from '../admx/support.js';
import { ADM_FIXTURES, utf16le } from './support.js';

function read(name: string, locale = 'en-US') {
  const path = `${ADM_FIXTURES}/${name}`;
  const result = readAdm({ path, bytes: readFileSync(path) }, { locale });
  if (!result.definitions) throw new Error(`${name} read to nothing`);
  return { ...result, definitions: result.definitions, at: where(result.diagnostics, result.texts).map((w) => w.replace(`${path}:`, '')) };
}

function policy(file: DefinitionsFile, id: string): Policy {
  const found = file.policies.find((p) => p.id === id);
  if (!found) throw new Error(`no policy ${id} in ${file.policies.map((p) => p.id).join(', ')}`);
  return found;
}

const small = (body: string, strings = '') => `CLASS MACHINE\r\nCATEGORY "Cat"\r\n  KEYNAME "Software\\Policies\\T"\r\n${body}\r\nEND CATEGORY\r\n[strings]\r\n${strings}`;

describe('hand-written ANSI file (Windows-1252)', () => {
  const { definitions, at } = read('ansi-1252.adm');

  it('decodes Windows-1252 bytes 80-9F (€ „ “ —) and Latin-1 letters', () => {
    expect(policy(definitions, 'Pol_Toggle').name['en-US']).toBe('Schalter „an“ / aus');
    expect(definitions.categories[0]?.name['en-US']).toBe('Contoso Ölwerke');
  });

  it('reads [strings] values between the first and the last quote, with \\n as a line break', () => {
    expect(policy(definitions, 'Pol_Toggle').explain['en-US']).toBe('Preis: 5 € — "Zitat" drin; C:\\temp bleibt');
    expect(definitions.categories[0]?.explain?.['en-US']).toBe('Einstellungen für Contoso.\nZweite Zeile.');
  });

  it('evaluates #if version for editor version 4 and skips an unknown #ifdef block with a warning', () => {
    expect(definitions.policies.map((p) => p.id)).toEqual(['Pol_Toggle', 'Pol_Modern', 'Pol_Lists']);
    expect(policy(definitions, 'Pol_Toggle').supportedOn).toBe('Sup_XP');
    expect(policy(definitions, 'Pol_Modern').supportedOn).toBe('SUPPORTED_NotStated');
    expect(at).toEqual(['-:- GPF1317', '46:3 GPF1308']);
  });

  it('reads inline and bare strings, comments after statements, and lower-case keywords', () => {
    const modern = policy(definitions, 'Pol_Modern');
    expect(modern.explain['en-US']).toBe('Inline explain: Größe 5 € „quoted“ — dash; not a comment');
    expect(modern.key).toBe('Software\\Policies\\Contoso\\Modern');
    expect(modern.elements[0]).toEqual({ type: 'text', id: 'Server', valueName: 'Server', required: true, maxLength: 1023, expandable: false, soft: false });
    expect(modern.presentation[0]).toEqual({ kind: 'textBox', refId: 'Server', label: { 'en-US': 'Server name:' }, defaultValue: { 'en-US': 'srv01' } });
  });

  it('strips the policy name from PART names and the element id from item names; DEFAULT marks the default item', () => {
    const modern = policy(definitions, 'Pol_Modern');
    const mode = modern.elements[1];
    expect(mode?.type === 'enum' && mode.items.map((i) => [i.id, i.name['en-US'], i.value])).toEqual([
      ['Fast', 'Fast', { kind: 'decimal', value: 1 }],
      ['Safe', 'Sicher', { kind: 'string', value: 'safe' }],
    ]);
    expect(modern.presentation[1]).toEqual({ kind: 'dropdownList', refId: 'Mode', label: { 'en-US': 'Modus:' }, noSort: false, defaultItem: 1 });
  });

  it('inherits the category KEYNAME into nested categories and carries an action-list KEYNAME to later items', () => {
    const lists = policy(definitions, 'Pol_Lists');
    expect(lists.category).toBe('Cat_Sub');
    expect(lists.key).toBe('Software\\Policies\\Contoso');
    expect(lists.enabledList?.items).toEqual([
      { valueName: 'A', value: { kind: 'decimal', value: 1 } },
      { key: 'Software\\Policies\\Contoso\\Other', valueName: 'B', value: { kind: 'string', value: 'b' } },
      { key: 'Software\\Policies\\Contoso\\Other', valueName: 'C', value: { kind: 'delete' } },
    ]);
  });

  it('reads a CHECKBOX without VALUEOFF as falseValue 0 and NUMERIC options (hex, SPIN, DEFAULT)', () => {
    const lists = policy(definitions, 'Pol_Lists');
    expect(lists.elements).toEqual([
      { type: 'boolean', id: 'Box', valueName: 'Box', falseValue: { kind: 'decimal', value: 0 } },
      { type: 'decimal', id: 'Count', valueName: 'Count', required: false, minValue: 1, maxValue: 16, storeAsText: false, soft: false },
    ]);
    expect(lists.presentation[1]).toEqual({ kind: 'decimalTextBox', refId: 'Count', label: { 'en-US': 'Anzahl' }, defaultValue: 3n, spin: true, spinStep: 2 });
  });

  it('names the file from its path when there is no gpforge header', () => {
    expect([definitions.namespace, definitions.prefix, definitions.fileName, definitions.revision, definitions.locales]).toEqual(['Adm.ansi-1252', 'ansi_1252', 'ansi-1252', '1.0', ['en-US']]);
  });
});

describe('UTF-16LE file', () => {
  const { definitions, at } = read('utf16le.adm', 'de-DE');

  it('decodes non-BMP characters and reads the texts as the given locale', () => {
    expect(definitions.categories[0]?.name).toEqual({ 'de-DE': 'ユニコード 🚀' });
    expect(policy(definitions, 'Same').explain).toEqual({ 'de-DE': 'Zeile 1\nZeile 2 mit Emoji 🙂 und 日本語' });
  });

  it('merges identical policies of both classes into one `both` policy and keeps differing ones apart', () => {
    expect(definitions.policies.map((p) => [p.id, p.class])).toEqual([
      ['Same', 'both'],
      ['Differs', 'machine'],
      ['Differs_2', 'user'],
      ['Loose_policy', 'user'],
    ]);
  });

  it('puts a policy outside any CATEGORY into an added category, and reports the added definitions', () => {
    expect(policy(definitions, 'Loose_policy').category).toBe('utf16le');
    expect(definitions.categories.map((c) => c.id)).toEqual(['Cat', 'utf16le']);
    expect(at).toEqual(['-:- GPF1318', '-:- GPF1317']);
  });
});

describe('Chromium-style file (chrome.adm layout)', () => {
  const { definitions, at } = read('chrome-style.adm');

  it('reads without diagnostics', () => expect(at).toEqual([]));

  it('sanitises string names such as Google:Cat_Google into ids and nests the categories once for both classes', () => {
    expect(definitions.categories.map((c) => [c.id, c.parent ?? null])).toEqual([
      ['Google_Cat_Google', null],
      ['googlechrome', 'Google_Cat_Google'],
      ['Extensions_Category', 'googlechrome'],
      ['googlechrome_recommended', 'Google_Cat_Google'],
    ]);
  });

  it('keeps the mandatory and the recommended policy of the same name apart, each of class both', () => {
    const main = definitions.policies.filter((p) => p.nameStringId === 'MainPolicy_Policy');
    expect(main.map((p) => [p.id, p.class, p.key, p.category])).toEqual([
      ['MainPolicy_Policy', 'both', 'Software\\Policies\\Google\\Chrome', 'googlechrome'],
      ['MainPolicy_Policy_2', 'both', 'Software\\Policies\\Google\\Chrome\\Recommended', 'googlechrome_recommended'],
    ]);
    expect(main[0]?.explain['en-US']).toBe('Description of main.\n\nSet it to "*" to allow all.\n\nhttps://chromeenterprise.google/policies/?policy=MainPolicy');
  });

  it('reads Chromium PARTs: LISTBOX with its own KEYNAME and VALUEPREFIX "", MIN/MAX on one line, MAXLEN', () => {
    expect(policy(definitions, 'ExtensionInstallBlocklist_Policy').elements).toEqual([
      {
        type: 'list',
        id: 'ExtensionInstallBlocklist_Part',
        key: 'Software\\Policies\\Google\\Chrome\\ExtensionInstallBlocklist',
        valuePrefix: '',
        additive: false,
        expandable: false,
        explicitValue: false,
      },
    ]);
    expect(policy(definitions, 'IntPolicy_Policy').elements[0]).toMatchObject({ type: 'decimal', minValue: 0, maxValue: 2000000000 });
    expect(policy(definitions, 'StringPolicy_Policy').elements[0]).toMatchObject({ type: 'text', maxLength: 1000000 });
    expect(definitions.supportedOn.map((s) => s.id)).toEqual(['SUPPORTED_WIN7', 'SUPPORTED_WIN7_ONLY']);
  });
});

describe('encodings', () => {
  const text = small('  POLICY "Grüße €"\r\n    VALUENAME "V"\r\n  END POLICY');
  const nameOf = (bytes: Uint8Array) => readAdm({ path: 'e.adm', bytes }, { locale: 'en-US' }).definitions?.policies[0]?.name['en-US'];

  it.each([
    ['UTF-16LE with BOM', utf16le(text), 'utf-16le'],
    ['UTF-16LE without BOM', Uint8Array.from(Buffer.from(text, 'utf16le')), 'utf-16le'],
    ['UTF-8 with BOM', Uint8Array.from([0xef, 0xbb, 0xbf, ...Buffer.from(text, 'utf8')]), 'utf-8'],
    ['UTF-8 without BOM', Uint8Array.from(Buffer.from(text, 'utf8')), 'utf-8'],
    ['ANSI (Windows-1252)', Uint8Array.from(Buffer.from(text, 'latin1').map((b, i) => (text[i] === '€' ? 0x80 : b))), 'windows-1252'],
  ])('%s', (_name, bytes, encoding) => {
    expect(decodeAdm(bytes, 'e.adm').encoding).toBe(encoding);
    expect(nameOf(bytes)).toBe('Grüße €');
  });
});

describe('file names and the gpforge header', () => {
  it('takes fileName, namespace and revision from the header gpforge writes; the prefix from the file name', () => {
    const text = `; Contoso.adm (de-DE): namespace Contoso.Policies, revision 3.14.\r\n${small('  POLICY "P"\r\n    VALUENAME "V"\r\n  END POLICY')}`;
    const file = readAdm({ path: 'somewhere/other.adm', bytes: utf16le(text) }, { locale: 'de-DE' }).definitions;
    expect([file?.fileName, file?.namespace, file?.revision, file?.prefix]).toEqual(['Contoso', 'Contoso.Policies', '3.14', 'contoso']);
  });

  it('falls back per field when the header holds something the model cannot take', () => {
    const text = `; My File.adm (en-US): namespace bad namespace!, revision x.\r\n${small('  POLICY "P"\r\n    VALUENAME "V"\r\n  END POLICY')}`;
    const file = readAdm({ path: 'dir/Some Name.adm', bytes: utf16le(text) }, { locale: 'en-US' }).definitions;
    expect([file?.fileName, file?.namespace, file?.revision, file?.prefix]).toEqual(['Some_Name', 'Adm.Some_Name', '1.0', 'some_name']);
  });
});

describe('PART options and defaults', () => {
  const parts = [
    '  POLICY !!P',
    '    PART !!P_Name COMBOBOX REQUIRED EXPANDABLETEXT SOFT NOSORT MAXLEN 80',
    '      KEYNAME "Software\\Policies\\T\\Sub"',
    '      VALUENAME "Name"',
    '      DEFAULT !!P_Name_Default',
    '      SUGGESTIONS',
    '        !!P_Name_Default "inline" bare',
    '      END SUGGESTIONS',
    '    END PART',
    '    PART !!P_Num NUMERIC TXTCONVERT SPIN 0',
    '      KEYNAME "Software\\Policies\\T"',
    '      VALUENAME "Num"',
    '    END PART',
    '    PART !!P_Box CHECKBOX DEFCHECKED',
    '      VALUENAME "Box" VALUEON "yes" VALUEOFF DELETE',
    '      ACTIONLISTON VALUENAME "On" VALUE NUMERIC 1 END ACTIONLISTON',
    '      CLIENTEXT {35378EAC-683F-11D2-A89A-00C04FBBCFA2}',
    '    END PART',
    '    PART !!P_List LISTBOX ADDITIVE EXPLICITVALUE EXPANDABLETEXT',
    '      KEYNAME "Software\\Policies\\T\\List"',
    '    END PART',
    '    PART "A note" TEXT END PART',
    '    CLIENTEXT {35378EAC-683F-11D2-A89A-00C04FBBCFA2}',
    '  END POLICY',
  ].join('\r\n');
  const strings = 'P="P"\r\nP_Name="Name:"\r\nP_Name_Default="%ProgramFiles%"\r\nP_Num="Num"\r\nP_Box="Box"\r\nP_List="List"\r\n';
  const file = readAdm({ path: 't.adm', bytes: utf16le(small(parts, strings)) }, { locale: 'en-US' });
  const p = file.definitions?.policies[0];

  it('reads every option of the d.2 table', () => {
    expect(file.diagnostics.map((d) => d.code)).toEqual(['GPF1317']);
    expect(p?.clientExtension).toBe('{35378EAC-683F-11D2-A89A-00C04FBBCFA2}');
    expect(p?.elements).toEqual([
      { type: 'text', id: 'Name', key: 'Software\\Policies\\T\\Sub', valueName: 'Name', required: true, maxLength: 80, expandable: true, soft: true },
      { type: 'decimal', id: 'Num', valueName: 'Num', required: false, minValue: 0, maxValue: 9999, storeAsText: true, soft: false },
      {
        type: 'boolean',
        id: 'Box',
        valueName: 'Box',
        clientExtension: '{35378EAC-683F-11D2-A89A-00C04FBBCFA2}',
        trueValue: { kind: 'string', value: 'yes' },
        falseValue: { kind: 'delete' },
        trueList: { items: [{ valueName: 'On', value: { kind: 'decimal', value: 1 } }] },
      },
      { type: 'list', id: 'List', key: 'Software\\Policies\\T\\List', additive: true, expandable: true, explicitValue: true },
    ]);
  });

  it('turns PARTs into controls in PART order (TEXT → text)', () => {
    expect(p?.presentation).toEqual([
      {
        kind: 'comboBox',
        refId: 'Name',
        label: { 'en-US': 'Name:' },
        defaultValue: { 'en-US': '%ProgramFiles%' },
        suggestions: [{ 'en-US': '%ProgramFiles%' }, { 'en-US': 'inline' }, { 'en-US': 'bare' }],
        noSort: true,
      },
      { kind: 'decimalTextBox', refId: 'Num', label: { 'en-US': 'Num' }, spin: false, spinStep: 1 },
      { kind: 'checkBox', refId: 'Box', label: { 'en-US': 'Box' }, defaultChecked: true },
      { kind: 'listBox', refId: 'List', label: { 'en-US': 'List' } },
      { kind: 'text', text: { 'en-US': 'A note' } },
    ]);
  });

  it('takes the key of the first PART that names one when the policy has no KEYNAME', () => {
    const text = 'CLASS USER\r\nCATEGORY "C"\r\n  POLICY "P"\r\n    PART "Box" CHECKBOX\r\n      KEYNAME "Software\\X"\r\n      VALUENAME "B"\r\n    END PART\r\n  END POLICY\r\nEND CATEGORY\r\n';
    const policy = readAdm({ path: 'k.adm', bytes: utf16le(text) }, { locale: 'en-US' }).definitions?.policies[0];
    expect([policy?.key, policy?.elements[0]?.key, policy?.elements[0]?.id]).toEqual(['Software\\X', undefined, 'B']);
  });
});
