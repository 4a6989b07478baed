/**
 * Definitions YAML writer: model → YAML → (load, validate, build) → the same model, checked
 * with the semantic comparator, which is itself checked to catch differences.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ajv } from 'ajv';
import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { emitDefinitionsYaml } from '../../src/emit/definitions-yaml.js';
import { isXmlRepresentable } from '../../src/emit/xml-escape.js';
import { loadYaml } from '../../src/load/yaml-source.js';
import { buildDefinitions } from '../../src/model/build-definitions.js';
import type { DefinitionsFile, Localized, Policy, PolicyElement, PresentationControl } from '../../src/model/types.js';
import { validateDefinitions } from '../../src/validate/validate-definitions.js';
import { allElementsModel } from '../fixtures/all-elements.model.js';
import { compileFiles } from '../support/compile-files.js';
import { compareDefinitions } from '../support/model-compare.js';
import type { Mutable } from '../support/mutable.js';

interface RoundTrip {
  readonly yaml: string;
  readonly notes: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
  readonly rebuilt?: DefinitionsFile;
}

/** Emits `model` as YAML and builds it again with the real loader, validator and builder. */
function roundTrip(model: DefinitionsFile): RoundTrip {
  const { text: yaml, notes } = emitDefinitionsYaml(model);
  const loaded = loadYaml('roundtrip.yaml', yaml);
  if (!loaded.ok) return { yaml, notes, diagnostics: loaded.diagnostics };
  const { valid, diagnostics } = validateDefinitions(loaded.doc);
  return { yaml, notes, diagnostics, ...(valid && { rebuilt: buildDefinitions(valid) }) };
}

const errorsOf = (diagnostics: readonly Diagnostic[]) => diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message}`);

const schemaValidator = new Ajv({ strict: false }).compile(JSON.parse(readFileSync('src/schema/gpforge.schema.json', 'utf8')));

const KEY = 'Software\\Policies\\Gpforge\\Test';

/** A one-policy file in the given locales, for the small cases below. */
function smallModel(locales: readonly string[], policy: Partial<Policy>): DefinitionsFile {
  const text = (s: string): Localized => Object.fromEntries(locales.map((l) => [l, s]));
  return {
    sourcePath: 'small.yaml',
    namespace: 'Gpforge.Test',
    prefix: 'gpftest',
    fileName: 'Small',
    revision: '1.0',
    locales,
    displayName: text('Small'),
    description: text('Gpforge.Test'),
    using: [],
    supersededAdm: [],
    products: [],
    supportedOn: [{ id: 'SUPPORTED_Any', textStringId: 'SUPPORTED_Any', text: text('Any') }],
    categories: [{ id: 'Cat', nameStringId: 'Cat', name: text('Cat') }],
    policies: [
      {
        id: 'Pol',
        class: 'machine',
        category: 'Cat',
        supportedOn: 'SUPPORTED_Any',
        nameStringId: 'Pol',
        name: text('Pol'),
        explainStringId: 'Pol_Help',
        explain: text('Explain'),
        key: KEY,
        elements: [],
        presentation: [],
        ...policy,
      },
    ],
  };
}

describe('emitDefinitionsYaml: the all-elements model', () => {
  const result = roundTrip(allElementsModel);

  it('rebuilds an equivalent model, without error diagnostics or notes', () => {
    expect(errorsOf(result.diagnostics)).toEqual([]);
    expect(result.notes).toEqual([]);
    expect(result.rebuilt && compareDefinitions(allElementsModel, result.rebuilt)).toEqual([]);
  });

  it('validates against the JSON schema editors use', () => {
    const data: unknown = parse(result.yaml);
    expect(schemaValidator(data) ? [] : schemaValidator.errors).toEqual([]);
  });

  it('compiles through the real pipeline to ADMX/ADML without errors', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gpforge-defs-yaml-'));
    try {
      const file = path.join(dir, 'AllElements.yaml');
      writeFileSync(file, result.yaml);
      const compiled = compileFiles([file]);
      expect(errorsOf(compiled.diagnostics)).toEqual([]);
      const xml = compiled.files.filter((f) => /\.adm[lx]$/.test(f.path));
      expect(xml.map((f) => path.basename(f.path))).toEqual(['AllElements.admx', 'AllElements.adml', 'AllElements.adml']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is deterministic and starts with the schema line only when asked', () => {
    expect(emitDefinitionsYaml(allElementsModel).text).toBe(result.yaml);
    expect(result.yaml.startsWith('kind: definitions\n')).toBe(true);
    const withSchema = emitDefinitionsYaml(allElementsModel, { schemaPath: '../src/schema/gpforge.schema.json' }).text;
    expect(withSchema.split('\n').slice(0, 2)).toEqual(['# yaml-language-server: $schema=../src/schema/gpforge.schema.json', 'kind: definitions']);
  });

  it('writes big QWORDs as digit strings, multi-line texts as block scalars, CR texts double-quoted', () => {
    expect(result.yaml).toContain('value: { qword: "9007199254740993" }');
    expect(result.yaml).toContain('value: { qword: "18446744073709551615" }');
    expect(result.yaml).toMatch(/en-US: \|-\n\s+Settings made by gpforge\.\n\s+Second line\./);
    expect(result.yaml).toContain('CR vor LF:\\r\\nletzte Zeile."');
    expect(result.yaml).toContain('revision: "2.1"');
  });
});

describe('emitDefinitionsYaml: texts', () => {
  const HOSTILE = ['\n', '\r\n', '\r', '\t', ' ', '  ', '#', ' #', ': ', '- ', '"', "'", '\\', '{}', '[', ']', ',', '&', '*', '!', '|', '>', '%', '@', '`', '?', 'ä', '日本', '🚀', '\u2028', '\u0085', '\uFEFF', '---', '...', 'null', 'true', '0x1F', '1.0', '~'];
  const piece = fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 6 }), fc.string({ unit: 'binary', maxLength: 3 }));
  const text = fc.array(piece, { maxLength: 10 }).map((parts) => parts.join('')).filter(isXmlRepresentable);

  /** name, explain, label, and one more text used as note, combo box suggestion and default, enum item name and REG_SZ. */
  const withTexts = (locales: readonly string[], [name = '', explain = '', label = '', other = 'x']: readonly string[]) => {
    const loc = (s: string): Localized => Object.fromEntries(locales.map((l, i) => [l, i === 0 ? s : `${s}${l}`]));
    const text = { required: false, maxLength: 1023, expandable: false, soft: false };
    const elements: PolicyElement[] = [
      { type: 'boolean', id: 'Flag', valueName: 'Flag' },
      { type: 'text', id: 'Combo', valueName: 'Combo', ...text },
      { type: 'enum', id: 'Pick', valueName: 'Pick', required: false, items: [{ id: 'One', stringId: 'x', name: loc(other), value: { kind: 'string', value: other } }] },
    ];
    const presentation: PresentationControl[] = [
      { kind: 'checkBox', refId: 'Flag', label: loc(label), defaultChecked: false },
      { kind: 'text', text: loc(other) },
      { kind: 'comboBox', refId: 'Combo', label: loc(label), defaultValue: loc(other), suggestions: [loc(other), loc(label)], noSort: false },
      { kind: 'dropdownList', refId: 'Pick', label: loc(other), noSort: false },
    ];
    return smallModel(locales, { name: loc(name), explain: loc(explain), enabledValue: { kind: 'string', value: other }, elements, presentation });
  };

  for (const locales of [['en-US'], ['en-US', 'de-DE']]) {
    it(`keeps arbitrary texts exactly (${locales.length} locale(s))`, () => {
      fc.assert(
        fc.property(fc.tuple(text, text, text, text), (texts) => {
          const model = withTexts(locales, texts);
          const result = roundTrip(model);
          expect(errorsOf(result.diagnostics)).toEqual([]);
          expect(result.rebuilt && compareDefinitions(model, result.rebuilt)).toEqual([]);
          expect(schemaValidator(parse(result.yaml))).toBe(true);
        }),
        { numRuns: 300 },
      );
    });
  }

  it('writes plain strings for one locale and a map per text for several', () => {
    expect(roundTrip(withTexts(['en-US'], ['N', 'E', 'L'])).yaml).toContain('\n    name: N\n');
    expect(roundTrip(withTexts(['en-US', 'de-DE'], ['N', 'E', 'L'])).yaml).toContain('\n    name: { en-US: N, de-DE: Nde-DE }\n');
  });

  it.each([
    ['leading spaces', '  indented\nnext'],
    ['trailing newlines', 'a\nb\n\n'],
    ['trailing blanks on a line', 'a \nb'],
    ['a lone CR', 'a\rb\nc'],
    ['only a newline', '\n'],
    ['tabs and comments', '\t# not a comment\n- not a list: {x}'],
  ])('keeps %s exactly', (_what, s) => {
    const model = withTexts(['en-US'], [s, s, s, s]);
    const result = roundTrip(model);
    expect(errorsOf(result.diagnostics)).toEqual([]);
    expect(result.rebuilt && compareDefinitions(model, result.rebuilt)).toEqual([]);
  });
});

describe('emitDefinitionsYaml: numbers and ids', () => {
  it('keeps longDecimal limits beyond 2^53 (as YAML integers), QWORDs (as digit strings) and hyphenated ids', () => {
    const elements: PolicyElement[] = [
      { type: 'longDecimal', id: 'big-one', valueName: 'Big', required: false, minValue: 9007199254740993n, maxValue: 18446744073709551615n, storeAsText: false, soft: false },
      { type: 'longDecimal', id: 'wide', valueName: 'Wide', required: false, minValue: 0n, maxValue: 18446744073709551615n, storeAsText: false, soft: false },
      {
        type: 'enum',
        id: 'pick-one',
        valueName: 'Pick',
        required: false,
        items: [{ id: 'item-a', stringId: 'x', name: { 'en-US': 'A' }, value: { kind: 'longDecimal', value: 18446744073709551615n } }],
      },
    ];
    const presentation: PresentationControl[] = [
      { kind: 'longDecimalTextBox', refId: 'big-one', label: { 'en-US': 'Big' }, defaultValue: 9007199254740993n, spin: true, spinStep: 1 },
      { kind: 'longDecimalTextBox', refId: 'wide', label: { 'en-US': 'Wide' }, defaultValue: 50000n, spin: true, spinStep: 1 },
      { kind: 'dropdownList', refId: 'pick-one', label: { 'en-US': 'Pick' }, noSort: false, defaultItem: 0 },
    ];
    const model = smallModel(['en-US'], { id: 'Hyphen-Policy', elements, presentation });
    const result = roundTrip(model);
    expect(errorsOf(result.diagnostics)).toEqual([]);
    expect(result.notes).toEqual(['policy Hyphen-Policy: element big-one: default 9007199254740993 is beyond the 32 bits the YAML (and the ADMX schema) allow; dropped']);
    const withoutBigDefault = structuredClone(model);
    const control = withoutBigDefault.policies[0]?.presentation[0] as { defaultValue?: bigint };
    delete control.defaultValue;
    expect(result.rebuilt && compareDefinitions(withoutBigDefault, result.rebuilt)).toEqual([]);
    expect(result.yaml).toContain('min: 9007199254740993\n');
    expect(result.yaml).toContain('max: 18446744073709551615\n');
    expect(result.yaml).toContain('value: { qword: "18446744073709551615" }');
  });
});

describe('emitDefinitionsYaml: notes on what the YAML cannot say', () => {
  const elements: PolicyElement[] = [
    { type: 'text', id: 'Shown', valueName: 'Shown', required: false, maxLength: 1023, expandable: false, soft: false },
    { type: 'decimal', id: 'Hidden', valueName: 'Hidden', required: false, minValue: 0, maxValue: 9999, storeAsText: false, soft: false },
    { type: 'text', id: 'Mismatch', valueName: 'Mismatch', required: false, maxLength: 1023, expandable: false, soft: false },
  ];
  const presentation: PresentationControl[] = [
    { kind: 'textBox', refId: 'Shown', label: { 'en-US': 'Shown' } },
    { kind: 'textBox', refId: 'Shown', label: { 'en-US': 'Again' } },
    { kind: 'checkBox', refId: 'Ghost', label: { 'en-US': 'Ghost' }, defaultChecked: true },
    { kind: 'dropdownList', refId: 'Mismatch', label: { 'en-US': 'Mismatch' }, noSort: true },
  ];
  const model = smallModel(['en-US'], { elements, presentation });
  const result = roundTrip(model);

  it('names every loss, and the YAML still compiles', () => {
    expect(errorsOf(result.diagnostics)).toEqual([]);
    expect(result.notes).toEqual([
      'policy Pol: presentation[1] textBox Shown: a second control for the element; the YAML has one per element, dropped',
      'policy Pol: presentation[2] checkBox Ghost: refers to no element of the policy; dropped',
      'policy Pol: element Mismatch: shown by a dropdownList, which a text element cannot have in the YAML; written with its own control, only the label kept',
      'policy Pol: element Hidden has no presentation control; the YAML gives it one (label = id) at the end of the dialog',
    ]);
  });

  it('loses exactly what the notes say', () => {
    const differences = result.rebuilt ? compareDefinitions(model, result.rebuilt) : ['not rebuilt'];
    expect(differences).toEqual([
      'policy Pol: presentation has 3 entries, expected 4',
      'policy Pol: presentation[1] (textBox Shown): refId "Shown" ≠ "Mismatch"',
      'policy Pol: presentation[1] (textBox Shown): label.en-US "Again" ≠ "Mismatch"',
      'policy Pol: presentation[2] (checkBox Ghost): kind "checkBox" ≠ "decimalTextBox"',
      'policy Pol: presentation[2] (checkBox Ghost): refId "Ghost" ≠ "Hidden"',
      'policy Pol: presentation[2] (checkBox Ghost): label.en-US "Ghost" ≠ "Hidden"',
      'policy Pol: presentation[2] (checkBox Ghost): defaultChecked true ≠ (absent)',
      'policy Pol: presentation[2] (checkBox Ghost): spin (absent) ≠ true',
      'policy Pol: presentation[2] (checkBox Ghost): spinStep (absent) ≠ 1',
    ]);
  });

  it('keeps a valuePrefix that explicitValue ignores, and names what validation rejects (import adds lenient: true)', () => {
    const tricky: PolicyElement[] = [
      { type: 'list', id: 'Pairs', valuePrefix: 'x', additive: false, expandable: false, explicitValue: true },
      {
        type: 'enum',
        id: 'Twice',
        valueName: 'Twice',
        required: false,
        items: ['A', 'B'].map((id) => ({ id, stringId: id, name: { 'en-US': id }, value: { kind: 'decimal' as const, value: 1 } })),
      },
    ];
    const controls: PresentationControl[] = [
      { kind: 'listBox', refId: 'Pairs', label: { 'en-US': 'Pairs' } },
      { kind: 'dropdownList', refId: 'Twice', label: { 'en-US': 'Twice' }, noSort: false },
    ];
    const { notes, diagnostics } = roundTrip(smallModel(['en-US'], { elements: tricky, presentation: controls }));
    expect(notes).toEqual([
      'policy Pol: element Pairs: valuePrefix "x" with explicitValue (which ignores it), which validation rejects',
      'policy Pol: element Twice: items A and B have the same value, which validation rejects',
    ]);
    expect(diagnostics.filter((d) => d.severity === 'error').map((d) => d.code).sort()).toEqual(['GPF2109', 'GPF2112']);
  });

  it('asks for fallback: true when a translation is missing', () => {
    const partial = smallModel(['en-US', 'de-DE'], { explain: { 'en-US': 'Only English' } });
    const { yaml, notes, diagnostics } = roundTrip(partial);
    expect(yaml).toContain('fallback: true');
    expect(notes).toEqual(['policy Pol: explain: no text for de-DE; written with fallback: true, so the en-US text is used']);
    expect(errorsOf(diagnostics)).toEqual([]);
  });
});

type MutableFile = Mutable<DefinitionsFile>;

describe('compareDefinitions', () => {
  const mutate = (change: (m: MutableFile) => void): DefinitionsFile => {
    const copy = structuredClone(allElementsModel) as MutableFile;
    change(copy);
    return copy as DefinitionsFile;
  };
  const policy = (m: MutableFile, id: string) => m.policies.find((p) => p.id === id) as MutableFile['policies'][number];
  const element = <T extends PolicyElement['type']>(m: MutableFile, policyId: string, id: string, _type: T) =>
    policy(m, policyId).elements.find((e) => e.id === id) as Extract<Mutable<PolicyElement>, { type: T }>;

  it('finds nothing between a model and its copy, with elements reordered and string ids changed', () => {
    const reordered = mutate((m) => {
      const p = policy(m, 'EveryElement');
      p.elements.reverse();
      p.nameStringId = 'Other';
      m.using.reverse();
    });
    expect(compareDefinitions(allElementsModel, reordered)).toEqual([]);
  });

  it.each<[string, (m: MutableFile) => void, string]>([
    ['an element attribute', (m) => void (element(m, 'EveryElement', 'Count', 'decimal').maxValue = 7), 'policy EveryElement: element Count: maxValue 100 ≠ 7'],
    [
      'an enum item name in one locale',
      (m) => {
        const item = element(m, 'EveryElement', 'Level', 'enum').items[1];
        if (item) item.name = { ...item.name, 'de-DE': 'Oben' };
      },
      'policy EveryElement: element Level: items[1] (High): name.de-DE "Hoch <b> & \\"q\\" \'a\'" ≠ "Oben"',
    ],
    [
      'the order of presentation controls',
      (m) => void policy(m, 'PlainControls').presentation.splice(0, 2, ...policy(m, 'PlainControls').presentation.slice(0, 2).reverse()),
      'policy PlainControls: presentation[0] (textBox Name): kind "textBox" ≠ "comboBox"',
    ],
    [
      'a value in a value list',
      (m) => {
        const item = policy(m, 'ValueListsNote').disabledList?.items[0];
        if (item) item.value = { kind: 'decimal', value: 1 };
      },
      'policy ValueListsNote: disabledList.items[0]: value.value 4294967295 ≠ 1',
    ],
    ['a missing policy', (m) => void (m.policies = m.policies.filter((p) => p.id !== 'SimpleToggle')), 'policy SimpleToggle missing'],
    ['a category parent', (m) => void delete m.categories[1]?.parent, 'category GpfChild: parent "GpfRoot" ≠ (absent)'],
    [
      'a supportedOn logic',
      (m) => {
        const logic = m.supportedOn[1]?.logic;
        if (logic) logic.kind = 'or';
      },
      'supportedOn SUPPORTED_GpfApp2_And_Win10: logic.kind "and" ≠ "or"',
    ],
    [
      'a longDecimal becoming a number',
      (m) => void (element(m, 'EveryElement', 'Quota', 'longDecimal').maxValue = 1099511627776 as unknown as bigint),
      'policy EveryElement: element Quota: maxValue 1099511627776 (bigint) ≠ 1099511627776 (number)',
    ],
    ['a using entry', (m) => void m.using.shift(), 'using: missing "windows=Microsoft.Policies.Windows"'],
  ])('reports %s', (_what, change, expected) => {
    expect(compareDefinitions(allElementsModel, mutate(change))).toContain(expected);
  });
});
