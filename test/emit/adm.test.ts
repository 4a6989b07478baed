/**
 * Legacy .adm emitter (FORMATS.md §d): golden files for both all-elements fixtures, encoding,
 * string references, block balance, what is left out, and the `[strings]` escape rule of adm.ts
 * (a property test decodes every written value back).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emitAdm as emitAdmWith, escapeAdmString, quoteAdm } from '../../src/emit/adm.js';
import type { Category, DefinitionsFile, Localized, Policy } from '../../src/model/types.js';
import { allElementsModel } from '../fixtures/all-elements.model.js';
import { compileFiles } from '../support/compile-files.js';
import { expectGolden } from '../support/golden.js';
import { builtInTemplates } from '../support/templates.js';

const emitAdm = (file: DefinitionsFile, locale = 'en-US') => emitAdmWith(file, locale, builtInTemplates);
const yamlFile = (): DefinitionsFile => {
  const file = compileFiles(['test/fixtures/valid/all-elements.yaml'], false).model?.definitions[0];
  if (!file) throw new Error('all-elements.yaml did not compile');
  return file;
};
const fixtures = { 'all-elements': yamlFile(), 'all-elements-model': allElementsModel } as const;

/** UTF-16LE code units after the BOM, as they are (a lone surrogate stays visible). */
function textOf(bytes: Uint8Array): string {
  expect([bytes[0], bytes[1]]).toEqual([0xff, 0xfe]);
  expect(bytes.length % 2).toBe(0);
  let text = '';
  for (let i = 2; i < bytes.length; i += 2) text += String.fromCharCode((bytes[i] ?? 0) | ((bytes[i + 1] ?? 0) << 8));
  return text;
}

/** Body lines and `[strings]` entries; `[strings]` must be the last section. */
function sections(text: string) {
  const lines = text.split('\r\n');
  expect(lines.pop()).toBe('');
  const at = lines.indexOf('[strings]');
  expect(at).toBeGreaterThan(-1);
  const entries = lines.slice(at + 1).map((line) => {
    const match = /^([A-Za-z0-9_]+)="([^]*)"$/.exec(line);
    if (!match) throw new Error(`not a string definition: ${JSON.stringify(line)}`);
    return { name: match[1] ?? '', value: match[2] ?? '' };
  });
  return { body: lines.slice(0, at), entries };
}

/** The documented reading of a value: `\n` is a line break; `\`, k >= 1 U+200B, `n` loses one U+200B. */
const decodeAdmString = (value: string): string =>
  value.replace(/\\(\u200b*)n/g, (_m, zw: string) => (zw.length === 0 ? '\n' : `\\${zw.slice(1)}n`));

/** What the text should read back as: line breaks as LF, unwritable characters as U+FFFD. */
const documented = (text: string): string =>
  text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');

/** Every block is closed by its own END, `#if` by `#endif`, and nothing is left open. */
function checkBalance(body: readonly string[]): void {
  const openers = new Set(['CATEGORY', 'POLICY', 'PART', 'ITEMLIST', 'ACTIONLIST', 'ACTIONLISTON', 'ACTIONLISTOFF', 'SUGGESTIONS']);
  const stack: string[] = [];
  for (const [i, raw] of body.entries()) {
    const [first = '', second = ''] = raw.trim().split(/\s+/);
    if (first === '#if') stack.push('#if');
    else if (first === '#endif') expect(stack.pop(), `line ${i + 1}`).toBe('#if');
    else if (first === 'END') expect(stack.pop(), `line ${i + 1}: ${raw}`).toBe(second);
    else if (openers.has(first)) stack.push(first);
    else if (first === 'CLASS') expect(stack, `line ${i + 1}`).toEqual([]);
    if (first === 'POLICY') expect(stack.filter((b) => b === 'POLICY')).toHaveLength(1);
  }
  expect(stack).toEqual([]);
}

describe.each(Object.entries(fixtures))('emitAdm on %s', (name, file) => {
  const outputs = file.locales.map((locale) => ({ locale, ...emitAdm(file, locale) }));

  it('writes adm/<locale>/<fileName>.adm matching the golden files byte for byte', () => {
    for (const { locale, file: out } of outputs) {
      expect(out.path).toBe(`adm/${locale}/AllElements.adm`);
      expectGolden(`adm/${name}/${locale}/AllElements.adm`, out.bytes);
    }
  });

  it('is UTF-16LE with BOM, CRLF only, ending with CRLF, without lone surrogates', () => {
    for (const { file: out } of outputs) {
      const text = textOf(out.bytes);
      expect(text.endsWith('\r\n')).toBe(true);
      expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
      expect(text).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
    }
  });

  it('defines every !!Name it references exactly once and nothing else', () => {
    for (const { file: out } of outputs) {
      const { body, entries } = sections(textOf(out.bytes));
      const referenced = new Set(body.flatMap((line) => [...line.matchAll(/!!([A-Za-z0-9_]+)/g)].map((m) => m[1])));
      const defined = entries.map((e) => e.name);
      expect(new Set(defined.map((n) => n.toLowerCase())).size).toBe(defined.length);
      expect([...referenced].sort()).toEqual([...defined].sort());
    }
  });

  it('closes every block and #if', () => {
    for (const { file: out } of outputs) checkBalance(sections(textOf(out.bytes)).body);
  });

  it('is deterministic and reports the same constructs for every locale', () => {
    const again = file.locales.map((locale) => emitAdm(file, locale));
    expect(again.map((a) => a.file)).toEqual(outputs.map((o) => o.file));
    for (const out of outputs) expect(out.unsupported).toEqual(outputs[0]?.unsupported);
  });
});

describe('emitAdm: what ADM cannot say', () => {
  const QWORD = 'is a QWORD (longDecimal), which ADM cannot write';
  const CANNOT_QUOTE = 'holds a " or a control character, which an ADM quoted string cannot hold';

  it('lists exactly the QWORD, longDecimal and multiText constructs of all-elements.yaml', () => {
    expect(emitAdm(fixtures['all-elements']).unsupported).toEqual([
      { policyId: 'QwordAndLists', what: `policy left out: enabledValue ${QWORD}; disabledValue ${QWORD}` },
      { policyId: 'EveryElement', what: 'longDecimal element "Huge" left out: ADM has no QWORD (REG_QWORD) value' },
      { policyId: 'EveryElement', what: `enum "Mode" item "Wide" left out: its value ${QWORD}` },
      { policyId: 'EveryElement', what: 'multiText element "Lines" left out: ADM has no REG_MULTI_SZ value' },
    ]);
  });

  it('lists the QWORD/longDecimal/multiText constructs and the unquotable names of the model fixture', () => {
    expect(emitAdm(fixtures['all-elements-model']).unsupported).toEqual([
      { policyId: 'ValueListsNote', what: `enabledList item "Big" left out: its value ${QWORD}` },
      { policyId: 'ValueListsNote', what: `enabledList item "Tab\\there & \\"q\\"" left out: valueName "Tab\\there & \\"q\\"" ${CANNOT_QUOTE}` },
      { policyId: 'EveryElement', what: `boolean "BoolValues" trueList item "OnFlag" left out: its value ${QWORD}` },
      { policyId: 'EveryElement', what: 'longDecimal element "Quota" left out: ADM has no QWORD (REG_QWORD) value' },
      { policyId: 'EveryElement', what: 'multiText element "Hosts" left out: ADM has no REG_MULTI_SZ value' },
      { policyId: 'EveryElement', what: `enum "Level" item "High" left out: its value ${QWORD}; it was the default item, so the list has no DEFAULT` },
      { policyId: 'EveryElement', what: `enum "Level" item "Text" left out: its value "two\\nlines & <more>" ${CANNOT_QUOTE}` },
      { policyId: 'PlainControls', what: 'multiText element "Lines" left out: ADM has no REG_MULTI_SZ value' },
    ]);
  });
});

const both = (text: string): Localized => ({ 'en-US': text });
const KEY = 'Software\\Policies\\T';
const policy = (id: string, fields: Partial<Policy> = {}): Policy => ({
  id, class: 'machine', category: 'Cat', supportedOn: 'Sup', nameStringId: id, name: both(`${id} name`),
  explainStringId: `${id}_Help`, explain: both(`${id} help`), key: KEY, elements: [], presentation: [], ...fields,
});
const category = (id: string, parent?: string): Category => ({ id, nameStringId: id, name: both(`${id} name`), ...(parent && { parent }) });
const small = (policies: Policy[], categories: Category[] = [category('Cat')]): DefinitionsFile => ({
  sourcePath: 't.yaml', namespace: 'T.N', prefix: 't', fileName: 'T', revision: '1.0', locales: ['en-US'],
  displayName: both('T'), description: both('T'), using: [], supersededAdm: [], products: [],
  supportedOn: [{ id: 'Sup', textStringId: 'Sup', text: both('Sup text') }], categories, policies,
});
const bodyOf = (file: DefinitionsFile) => sections(textOf(emitAdm(file).file.bytes)).body.map((l) => l.trim());

describe('emitAdm: layout rules', () => {
  it('writes a both policy in both classes, omits empty classes and categories', () => {
    const file = small([policy('A', { class: 'both' }), policy('U', { class: 'user', category: 'Other' })], [category('Cat'), category('Other')]);
    const body = bodyOf(file);
    expect(body.filter((l) => l.startsWith('CLASS') || l.startsWith('CATEGORY'))).toEqual(
      ['CLASS MACHINE', 'CATEGORY !!Cat', 'CLASS USER', 'CATEGORY !!Cat', 'CATEGORY !!Other']);
    expect(bodyOf(small([policy('U', { class: 'user' })]))).not.toContain('CLASS MACHINE');
  });

  it('makes a category with a foreign parent top-level and puts a policy of a foreign category under CLASS', () => {
    const file = small([policy('A', { category: 'Child' }), policy('B', { category: 'windows:System' })],
      [category('Root', 'windows:WindowsComponents'), category('Child', 't:Root')]);
    const body = bodyOf(file);
    expect(body.slice(2, 10)).toEqual(['', 'CLASS MACHINE', '', 'CATEGORY !!Root', '', 'CATEGORY !!Child', '', 'POLICY !!A']);
    expect(body.indexOf('POLICY !!B')).toBeGreaterThan(body.lastIndexOf('END CATEGORY'));
  });

  it('leaves out a policy with an unquotable key or a QWORD value, and omits VALUEOFF for delete', () => {
    const file = small([
      policy('Q', { key: 'Software\\Policies\\"x"' }),
      policy('D', { valueName: 'V', enabledValue: { kind: 'decimal', value: 2 }, disabledValue: { kind: 'delete' } }),
    ]);
    const { unsupported } = emitAdm(file);
    expect(unsupported.map((u) => u.policyId)).toEqual(['Q']);
    const body = bodyOf(file);
    expect(body).not.toContain('POLICY !!Q');
    expect(body).toEqual(expect.arrayContaining(['VALUENAME "V"', 'VALUEON NUMERIC 2']));
    expect(body.some((l) => l.startsWith('VALUEOFF'))).toBe(false);
  });

  it('repeats KEYNAME on every action item after the first that needs one', () => {
    const file = small([policy('L', {
      enabledList: { items: [
        { valueName: 'a', value: { kind: 'decimal', value: 1 } },
        { key: `${KEY}\\Sub`, valueName: 'b', value: { kind: 'string', value: 'x' } },
        { valueName: 'c', value: { kind: 'delete' } },
      ] },
    })]);
    const body = bodyOf(file);
    const at = body.indexOf('ACTIONLISTON');
    expect(body.slice(at, at + 7)).toEqual(['ACTIONLISTON', 'VALUENAME "a" VALUE NUMERIC 1', `KEYNAME "${KEY}\\Sub"`,
      'VALUENAME "b" VALUE "x"', `KEYNAME "${KEY}"`, 'VALUENAME "c" VALUE DELETE', 'END ACTIONLISTON']);
  });

  it('leaves out a checkbox without valueName', () => {
    const file = small([policy('B', {
      elements: [{ type: 'boolean', id: 'Box', trueList: { items: [{ valueName: 'x', value: { kind: 'decimal', value: 1 } }] } }],
      presentation: [{ kind: 'checkBox', refId: 'Box', label: both('Box'), defaultChecked: false }],
    })]);
    expect(emitAdm(file).unsupported).toEqual([
      { policyId: 'B', what: 'boolean element "Box" left out: it has no valueName, which this ADM PART needs' },
    ]);
    expect(bodyOf(file).some((l) => l.startsWith('PART'))).toBe(false);
  });
});

describe('escapeAdmString / quoteAdm', () => {
  it.each([
    ['quotes stay', 'say "hi"', 'say "hi"'],
    ['LF, CRLF and CR become \\n', 'a\nb\r\nc\rd', 'a\\nb\\nc\\nd'],
    ['a \\ before n gets a zero-width space', 'C:\\new', 'C:\\\u200bnew'],
    ['and one more if it had some', 'C:\\\u200bnew', 'C:\\\u200b\u200bnew'],
    ['other backslashes stay', 'C:\\temp\\', 'C:\\temp\\'],
    ['a backslash before a line break', 'x\\\ny', 'x\\\\ny'],
    ['TAB and non-ASCII stay', '\tä 日本 🚀', '\tä 日本 🚀'],
    ['controls and lone surrogates become U+FFFD', 'a\u0000b\u001bc\ud800', 'a\ufffdb\ufffdc\ufffd'],
  ])('%s', (_name, text, written) => {
    expect(escapeAdmString(text)).toBe(written);
    expect(decodeAdmString(written)).toBe(documented(text));
  });

  it.each([
    ['Software\\Policies\\a b', '"Software\\Policies\\a b"'],
    ['', '""'],
    ['ä;!!x', '"ä;!!x"'],
    ['a"b', null],
    ['a\tb', null],
    ['a\nb', null],
    ['\ud800', null],
  ])('quoteAdm(%j)', (text, quoted) => expect(quoteAdm(text)).toBe(quoted));

  it('writes hostile texts as one Name="..." line each that reads back as the documented text', () => {
    const hostile = fc.constantFrom('"', '\\', '\\n', 'n', '\u200b', '\r', '\n', '\r\n', '\t', ';', '!!', '=', 'ä', '🚀', '\ud83d', '\u0000', ' ');
    const text = fc.string({ unit: fc.oneof(hostile, fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })), maxLength: 60 });
    fc.assert(
      fc.property(text, text, (name, explain) => {
        const file = small([policy('P', { name: both(name), explain: both(explain) })]);
        const written = textOf(emitAdm(file).file.bytes);
        expect(written.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
        const { entries } = sections(written);
        const value = (n: string) => entries.find((e) => e.name === n)?.value;
        expect(decodeAdmString(value('P') ?? '')).toBe(documented(name));
        expect(decodeAdmString(value('P_Help') ?? '')).toBe(documented(explain));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps a very long explain on one line', () => {
    const explain = `${'Long "explain" with C:\\new\\path.\n'.repeat(400)}end`;
    const { entries } = sections(textOf(emitAdm(small([policy('P', { explain: both(explain) })])).file.bytes));
    const value = entries.find((e) => e.name === 'P_Help')?.value ?? '';
    expect(value.length).toBeGreaterThan(12000);
    expect(decodeAdmString(value)).toBe(explain);
  });
});
