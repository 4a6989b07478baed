/**
 * ADMX/ADML → model: the hand-written Contoso store (every construct, two locales), the
 * Windows quirks fixture (case-insensitive file names, hyphen ids, attributes the schema lacks)
 * and a round trip through gpforge's own ADMX/ADML emitter output.
 */
import { describe, expect, it } from 'vitest';
import { readPolicyDefinitions } from '../../../src/load/admx/read-policy-definitions.js';
import type { DefinitionsFile, Policy, PolicyElement } from '../../../src/model/types.js';
import { allElementsModel } from '../../fixtures/all-elements.model.js';
import { FIXTURES, printed } from './support.js';

const policy = (file: DefinitionsFile | undefined, id: string): Policy => {
  const found = file?.policies.find((p) => p.id === id);
  if (!found) throw new Error(`no policy ${id}`);
  return found;
};
const element = (p: Policy, id: string): PolicyElement | undefined => p.elements.find((e) => e.id === id);

describe('Contoso store, en-US and de-DE', () => {
  const read = readPolicyDefinitions(`${FIXTURES}/contoso`, ['en-US', 'de-DE']);
  const [contoso] = read.definitions;

  it('reads one file; only the de-DE gaps are reported, as fallback warnings', () => {
    expect(read.definitions).toHaveLength(1);
    expect(printed(read.diagnostics, read.texts)).toBe(
      [
        `${FIXTURES}/contoso/Contoso.admx:121:30: warning GPF1210: string 'Mode.High' is missing from the de-DE ADML; the en-US text is used`,
        `${FIXTURES}/contoso/de-DE/Contoso.adml:26:25: warning GPF1210: <checkBox refId="Bundle"> of presentation 'Everything' is missing from the de-DE ADML; the en-US text is used`,
        `${FIXTURES}/contoso/de-DE/Contoso.adml:26:25: warning GPF1210: <textBox refId="Server"> <defaultValue> of presentation 'Everything' is missing from the de-DE ADML; the en-US text is used`,
        `${FIXTURES}/contoso/de-DE/Contoso.adml:26:25: warning GPF1210: <comboBox refId="Channel"> <suggestion> 2 of presentation 'Everything' is missing from the de-DE ADML; the en-US text is used`,
        `${FIXTURES}/contoso/de-DE/Contoso.adml:26:25: warning GPF1210: <text> of presentation 'Everything' is missing from the de-DE ADML; the en-US text is used`,
        '',
      ].join('\n'),
    );
  });

  it('maps the file header: namespaces, revision, locales (fallback culture first), ADML names', () => {
    expect(contoso).toMatchObject({
      sourcePath: `${FIXTURES}/contoso/Contoso.admx`,
      namespace: 'Contoso.Policies.Agent',
      prefix: 'contoso',
      fileName: 'Contoso',
      revision: '1.2',
      locales: ['en-US', 'de-DE'],
      displayName: { 'en-US': 'Contoso Agent', 'de-DE': 'Contoso-Agent' },
      using: [{ prefix: 'windows', namespace: 'Microsoft.Policies.Windows' }],
      supersededAdm: ['contoso.adm'],
    });
  });

  it('maps products, supportedOn definitions (plain, or, and) and categories, keeping string ids', () => {
    expect(contoso?.products[0]?.majorVersions[0]?.minorVersions[0]).toEqual({
      id: 'Agent_1_5',
      nameStringId: 'Agent_1_5',
      name: { 'en-US': 'Contoso Agent 1.5', 'de-DE': 'Contoso-Agent 1.5' },
      versionIndex: 5,
    });
    expect(contoso?.supportedOn.map((s) => s.logic ?? null)).toEqual([
      null,
      {
        kind: 'or',
        conditions: [
          { kind: 'reference', ref: 'Agent_1_5' },
          { kind: 'range', ref: 'windows:MicrosoftWindows', minVersionIndex: 7, maxVersionIndex: 11 },
        ],
      },
      { kind: 'and', conditions: [{ kind: 'range', ref: 'Agent' }] },
    ]);
    expect(contoso?.categories).toEqual([
      {
        id: 'Contoso',
        nameStringId: 'Contoso',
        name: { 'en-US': 'Contoso', 'de-DE': 'Contoso' },
        explainStringId: 'Contoso_Help',
        explain: { 'en-US': 'Settings of <Contoso> & co.', 'de-DE': 'Einstellungen von Contoso' },
        parent: 'windows:WindowsComponents',
      },
      { id: 'Agent', nameStringId: 'AgentCategory', name: { 'en-US': 'Agent', 'de-DE': 'Agent' }, parent: 'Contoso' },
    ]);
  });

  it('maps a policy without elements: class, values, texts (entities, CDATA, line breaks), no presentation', () => {
    expect(policy(contoso, 'Toggle')).toEqual({
      id: 'Toggle',
      class: 'machine',
      category: 'Agent',
      supportedOn: 'SUPPORTED_Any',
      nameStringId: 'Toggle',
      name: { 'en-US': 'Turn the agent on', 'de-DE': 'Agent einschalten' },
      explainStringId: 'Toggle_Help',
      explain: { 'en-US': 'Line one.\n\nLine three, with "quotes" & €.', 'de-DE': 'Zeile eins.' },
      key: 'Software\\Policies\\Contoso\\Agent',
      valueName: 'Enabled',
      enabledValue: { kind: 'decimal', value: 1 },
      disabledValue: { kind: 'delete' },
      elements: [],
      presentation: [],
    });
    expect(policy(contoso, 'Lists').explain['en-US']).toBe('Raw <text> & more');
  });

  it('maps every Value kind and enabled/disabled lists, clientExtension on the policy', () => {
    const lists = policy(contoso, 'Lists');
    expect(lists.class).toBe('user');
    expect(lists.clientExtension).toBe('{35378EAC-683F-11D2-A89A-00C04FBBCFA2}');
    expect(lists.enabledValue).toEqual({ kind: 'string', value: 'on & "up"' });
    expect(lists.disabledValue).toEqual({ kind: 'longDecimal', value: 18446744073709551615n });
    expect(lists.enabledList).toEqual({
      defaultKey: 'Software\\Policies\\Contoso\\Agent\\On',
      items: [
        { valueName: 'A', value: { kind: 'decimal', value: 4294967295 } },
        { key: 'Software\\Policies\\Contoso\\Other', valueName: 'B', value: { kind: 'string', value: '' } },
      ],
    });
    expect(lists.disabledList).toEqual({ items: [{ valueName: 'A', value: { kind: 'delete' } }] });
  });

  it('maps every element kind with its attributes and the XSD defaults', () => {
    const p = policy(contoso, 'Everything');
    expect(p.class).toBe('both');
    expect(p.elements.map((e) => `${e.type}:${e.id}`)).toEqual([
      'boolean:Flag',
      'boolean:Bundle',
      'decimal:Count',
      'decimal:Plain',
      'longDecimal:Big',
      'text:Server',
      'text:Channel',
      'multiText:Hosts',
      'enum:Mode',
      'list:Sites',
      'list:Pairs',
    ]);
    expect(element(p, 'Flag')).toEqual({ id: 'Flag', valueName: 'Flag', type: 'boolean', trueValue: { kind: 'string', value: 'yes' }, falseValue: { kind: 'string', value: 'no' } });
    expect(element(p, 'Bundle')).toEqual({
      id: 'Bundle',
      key: 'Software\\Policies\\Contoso\\Bundle',
      type: 'boolean',
      trueList: { items: [{ valueName: 'X', value: { kind: 'decimal', value: 1 } }] },
      falseList: { defaultKey: 'Software\\Policies\\Contoso\\Bundle\\Off', items: [{ valueName: 'X', value: { kind: 'delete' } }] },
    });
    expect(element(p, 'Count')).toEqual({
      id: 'Count',
      valueName: 'Count',
      clientExtension: '{0ACDD40C-75AC-47ab-BAA0-BF6DE7E7FE63}',
      type: 'decimal',
      required: true,
      minValue: 1,
      maxValue: 100,
      storeAsText: true,
      soft: true,
    });
    expect(element(p, 'Plain')).toEqual({ id: 'Plain', valueName: 'Plain', type: 'decimal', required: false, minValue: 0, maxValue: 9999, storeAsText: false, soft: false });
    expect(element(p, 'Big')).toEqual({ id: 'Big', valueName: 'Big', type: 'longDecimal', required: false, minValue: 0n, maxValue: 18446744073709551615n, storeAsText: false, soft: false });
    expect(element(p, 'Server')).toEqual({ id: 'Server', valueName: 'Server', type: 'text', required: true, maxLength: 255, expandable: true, soft: false });
    expect(element(p, 'Channel')).toEqual({ id: 'Channel', valueName: 'Channel', type: 'text', required: false, maxLength: 1023, expandable: false, soft: false });
    expect(element(p, 'Hosts')).toEqual({ id: 'Hosts', valueName: 'Hosts', type: 'multiText', required: false, maxLength: 100, maxStrings: 5, soft: true });
    expect(element(p, 'Sites')).toEqual({ id: 'Sites', key: 'Software\\Policies\\Contoso\\Sites', type: 'list', valuePrefix: '', additive: true, expandable: true, explicitValue: false });
    expect(element(p, 'Pairs')).toEqual({ id: 'Pairs', key: 'Software\\Policies\\Contoso\\Pairs', type: 'list', additive: false, expandable: false, explicitValue: true });
  });

  it('derives enum item ids from their string ids: [A-Za-z0-9_-], unique in the enum', () => {
    const mode = element(policy(contoso, 'Everything'), 'Mode');
    expect(mode?.type === 'enum' && mode.items.map((i) => [i.id, i.stringId, i.name['de-DE'], i.value.kind])).toEqual([
      ['Mode_Off', 'Mode_Off', 'Aus', 'delete'],
      ['Mode_Low', 'Mode_Low', 'Niedrig', 'decimal'],
      ['Mode_Low_2', 'Mode_Low', 'Niedrig', 'longDecimal'],
      ['Mode_High', 'Mode.High', 'High', 'string'],
    ]);
    expect(mode?.type === 'enum' && mode.items[1]?.valueList).toEqual({
      defaultKey: 'Software\\Policies\\Contoso\\Mode',
      items: [{ valueName: 'Level', value: { kind: 'string', value: 'low' } }],
    });
  });

  it('maps every presentation control in document order, labels per locale', () => {
    expect(policy(contoso, 'Everything').presentation).toEqual([
      { kind: 'text', text: { 'en-US': 'Settings below apply to the agent.', 'de-DE': 'Die folgenden Einstellungen gelten für den Agenten.' } },
      { kind: 'checkBox', refId: 'Flag', label: { 'en-US': 'Flag it', 'de-DE': 'Markieren' }, defaultChecked: true },
      { kind: 'checkBox', refId: 'Bundle', label: { 'en-US': 'Bundle', 'de-DE': 'Bundle' }, defaultChecked: false },
      { kind: 'decimalTextBox', refId: 'Count', label: { 'en-US': 'Count:', 'de-DE': 'Anzahl:' }, defaultValue: 10n, spin: false, spinStep: 5 },
      { kind: 'decimalTextBox', refId: 'Plain', label: { 'en-US': 'Plain:', 'de-DE': 'Einfach:' }, spin: true, spinStep: 1 },
      { kind: 'longDecimalTextBox', refId: 'Big', label: { 'en-US': 'Big:', 'de-DE': 'Groß:' }, defaultValue: 4294967296n, spin: true, spinStep: 1 },
      { kind: 'textBox', refId: 'Server', label: { 'en-US': 'Server:', 'de-DE': 'Server:' }, defaultValue: { 'en-US': 'srv & co', 'de-DE': 'srv & co' } },
      {
        kind: 'comboBox',
        refId: 'Channel',
        label: { 'en-US': 'Channel:', 'de-DE': 'Kanal:' },
        defaultValue: { 'en-US': 'Stable', 'de-DE': 'Stabil' },
        suggestions: [
          { 'en-US': 'Stable', 'de-DE': 'Stabil' },
          { 'en-US': 'Beta', 'de-DE': 'Beta' },
        ],
        noSort: true,
      },
      { kind: 'multiTextBox', refId: 'Hosts', label: { 'en-US': 'Hosts:', 'de-DE': 'Hosts:' }, showAsDialog: true, defaultHeight: 5 },
      { kind: 'dropdownList', refId: 'Mode', label: { 'en-US': 'Mode:', 'de-DE': 'Modus:' }, noSort: true, defaultItem: 1 },
      { kind: 'text', text: { 'en-US': 'Lists:', 'de-DE': 'Lists:' } },
      { kind: 'listBox', refId: 'Sites', label: { 'en-US': 'Sites', 'de-DE': 'Seiten' } },
      { kind: 'listBox', refId: 'Pairs', label: { 'en-US': 'Pairs', 'de-DE': 'Paare' } },
    ]);
  });

  it('with de-DE only, de-DE is the sole (default) locale', () => {
    const german = readPolicyDefinitions(`${FIXTURES}/contoso/Contoso.admx`, ['de-DE']);
    expect(german.definitions[0]?.locales).toEqual(['de-DE']);
    expect(policy(german.definitions[0], 'Toggle').name).toEqual({ 'de-DE': 'Agent einschalten' });
    // Missing from the only ADML: an error at the reference, not a fallback.
    expect(german.diagnostics.map((d) => `${d.code} ${d.severity}`)).toEqual(['GPF1208 error']);
  });
});

describe('Windows quirks: case-insensitive names, hyphen ids, attributes the schema lacks', () => {
  const read = readPolicyDefinitions(`${FIXTURES}/quirks`);
  const quirks = read.definitions[0];

  it('finds en-us/InetRes.adml for inetres.admx and reads without a diagnostic (import is silent)', () => {
    expect(read.diagnostics).toEqual([]);
    expect(read.texts.has(`${FIXTURES}/quirks/en-us/InetRes.adml`)).toBe(true);
    expect(quirks?.locales).toEqual(['en-US']);
    expect(quirks?.prefix).toBe('shell-quirks');
  });

  it('keeps hyphen ids as written', () => {
    const p = policy(quirks, 'AllowX-ForestPolicy-and-RUP');
    expect([p.nameStringId, p.explainStringId, p.clientExtension]).toEqual([
      'AllowX-ForestPolicy-and-RUP',
      'AllowX-ForestPolicy-and-RUP_Help',
      '{3610eda5-77ef-11d2-8dc5-00c04fa31a66}',
    ]);
    const mode = element(p, 'Mode');
    expect(mode?.type === 'enum' && mode.items[0]?.id).toBe('Mode-A');
  });

  it('reads attributes by exact name as Windows does, and keeps misspelt and unknown ones verbatim', () => {
    const p = policy(quirks, 'AllowX-ForestPolicy-and-RUP');
    // maxvalue is not maxValue to Windows: the default 9999 applies; the attribute is kept as written.
    expect(element(p, 'StudyIdVal')).toMatchObject({ type: 'decimal', required: true, maxValue: 9999, extraAttributes: { maxvalue: '65535' } });
    expect(element(p, 'Check')).toEqual({ id: 'Check', valueName: 'Check', type: 'boolean', extraAttributes: { required: 'true' } });
    expect(element(p, 'Name')).toEqual({
      id: 'Name',
      valueName: 'Name',
      type: 'text',
      required: false,
      maxLength: 1023,
      expandable: false,
      soft: false,
      extraAttributes: { minValue: '1', maxValue: '9' },
    });
    expect(element(p, 'Items')).toEqual({
      id: 'Items',
      key: 'Software\\Policies\\Quirks\\Items',
      type: 'list',
      additive: false,
      expandable: false,
      explicitValue: false,
      extraAttributes: { valueName: 'ignored' },
    });
    expect(p.presentation.map((c) => c.kind)).toEqual(['checkBox', 'decimalTextBox', 'textBox', 'dropdownList', 'listBox']);
    expect(p.presentation[0]).toMatchObject({ extraAttributes: { noSort: 'true', defaultItem: '0' } });
    expect(p.presentation[1]).toMatchObject({ label: { 'en-US': ' Study Identifier: ' }, extraAttributes: { defaultvalue: '7', 'xml:space': 'preserve' } });
    expect(p.presentation[1]).not.toHaveProperty('defaultValue');
    expect(p.presentation[3]).toEqual({
      kind: 'dropdownList',
      refId: 'Mode',
      label: { 'en-US': 'Mode:' },
      noSort: false,
      extraAttributes: { nosort: 'true', oSort: 'true' },
    });
    expect(quirks?.supportedOn[0]?.logic?.conditions).toEqual([{ kind: 'reference', ref: 'SUPPORTED_Quirks', extraAttributes: { minVersionIndex: '1' } }]);
  });
});

describe("round trip through gpforge's own ADMX/ADML output", () => {
  it('reads test/golden/all-elements-model back into the model it was emitted from', () => {
    const read = readPolicyDefinitions('test/golden/all-elements-model/PolicyDefinitions', ['en-US', 'de-DE']);
    expect(read.diagnostics).toEqual([]);
    // ADMX enum items have no ids: the reader derives them from the item's string id.
    const itemIds = (file: DefinitionsFile) =>
      file.policies.flatMap((p) => p.elements.flatMap((e) => (e.type === 'enum' ? e.items.map((i) => [i.id, i.stringId]) : [])));
    const got = read.definitions[0] as DefinitionsFile;
    for (const [id, stringId] of itemIds(got)) expect(id).toBe(stringId);
    const normalise = (file: DefinitionsFile) => {
      const copy = JSON.parse(JSON.stringify(file, (_key, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v)));
      for (const p of copy.policies) for (const e of p.elements) if (e.type === 'enum') for (const i of e.items) i.id = i.stringId;
      return { ...copy, sourcePath: '' };
    };
    expect(normalise(got)).toEqual(normalise(allElementsModel));
  });
});
