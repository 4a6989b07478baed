/**
 * Policy CSP payloads (src/emit/intune-payload.ts) as a third-party XML parser reads them:
 * for random element values (any text XML can carry: quotes, ampersands, angle brackets, line
 * breaks, tabs, astral characters), parsing the payload gives back exactly the values; a value
 * the payload cannot carry is reported, never written wrongly. Plus a table of small cases.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CSP_LIST_SEPARATOR, intunePayload } from '../../src/emit/intune-payload.js';
import { isXmlRepresentable } from '../../src/emit/xml-escape.js';
import type { ConfiguredPolicy, ElementValue } from '../../src/model/registry-types.js';
import type { Policy, PolicyElement } from '../../src/model/types.js';
import { readPayload } from '../support/intune-payload.js';

const base = { required: false, soft: false } as const;
const ELEMENTS: PolicyElement[] = [
  { id: 'Flag', type: 'boolean', valueName: 'Flag' },
  { id: 'Count', type: 'decimal', valueName: 'Count', ...base, minValue: 0, maxValue: 4294967295, storeAsText: false },
  { id: 'Big', type: 'longDecimal', valueName: 'Big', ...base, minValue: 0n, maxValue: 18446744073709551615n, storeAsText: false },
  {
    id: 'Choice',
    type: 'enum',
    valueName: 'Choice',
    required: false,
    items: [
      { id: 'A', stringId: 'A', name: { 'en-US': 'A' }, value: { kind: 'decimal', value: 7 } },
      { id: 'B', stringId: 'B', name: { 'en-US': 'B' }, value: { kind: 'string', value: 'b & "c"' } },
      { id: 'Gone', stringId: 'Gone', name: { 'en-US': 'Gone' }, value: { kind: 'delete' } },
    ],
  },
  { id: 'Text', type: 'text', valueName: 'Text', ...base, maxLength: 1023, expandable: false },
  { id: 'Lines', type: 'multiText', valueName: 'Lines', ...base, maxLength: 1023, maxStrings: 0 },
  { id: 'Plain', type: 'list', additive: false, expandable: false, explicitValue: false },
  { id: 'Named', type: 'list', additive: true, expandable: false, explicitValue: true },
  { id: 'Numbered', type: 'list', additive: false, expandable: false, explicitValue: false, valuePrefix: 'Item' },
];

const policy: Policy = {
  id: 'Everything',
  class: 'machine',
  category: 'Cat',
  supportedOn: 'SUPPORTED_Any',
  nameStringId: 'Everything',
  name: { 'en-US': 'Everything' },
  explainStringId: '',
  explain: { 'en-US': '' },
  key: 'Software\\Policies\\Test',
  elements: ELEMENTS,
  presentation: [],
};

const configured = (values: Record<string, ElementValue>, state: 'enabled' | 'disabled' = 'enabled'): ConfiguredPolicy => ({
  policy,
  state,
  values: new Map(Object.entries(values)),
});

const payloadOf = (values: Record<string, ElementValue>) => {
  const result = intunePayload(configured(values));
  if (!result.ok) throw new Error(result.problem);
  return readPayload(result.payload);
};

/** Text XML 1.0 can carry; without U+F000 where it would be split as a list separator. */
const xmlText = (opts: { separator: boolean }) =>
  fc.string({ unit: fc.oneof(fc.constantFrom('"', '&', '<', '>', "'", '\t', '\n', '\r', ' ', '\\', '\uF000', '🚀', 'é'), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })) }).filter(
    (s) => isXmlRepresentable(s) && (opts.separator || !s.includes(CSP_LIST_SEPARATOR)),
  );

describe('Policy CSP payload', () => {
  it('reads back every value exactly, for random values (property)', () => {
    fc.assert(
      fc.property(
        fc.record({
          flag: fc.boolean(),
          count: fc.integer({ min: 0, max: 4294967295 }),
          big: fc.bigInt({ min: 0n, max: 18446744073709551615n }),
          text: xmlText({ separator: true }),
          lines: fc.array(xmlText({ separator: false }), { minLength: 1, maxLength: 5 }),
          plain: fc.array(xmlText({ separator: false }), { minLength: 1, maxLength: 4 }),
          named: fc.array(fc.tuple(xmlText({ separator: false }), xmlText({ separator: false })), { minLength: 1, maxLength: 4 }),
        }),
        (v) => {
          const read = payloadOf({
            Flag: { type: 'boolean', value: v.flag },
            Count: { type: 'decimal', value: v.count },
            Big: { type: 'longDecimal', value: v.big },
            Text: { type: 'text', value: v.text },
            Lines: { type: 'multiText', value: v.lines },
            Plain: { type: 'list', entries: v.plain.map((value) => ({ value })) },
            Named: { type: 'list', entries: v.named.map(([name, value]) => ({ name, value })) },
          });
          const data = Object.fromEntries(read.data.map((d) => [d.id, d.value]));
          expect(read.state).toBe('enabled');
          expect(read.data.map((d) => d.id)).toEqual(['Flag', 'Count', 'Big', 'Text', 'Lines', 'Plain', 'Named']);
          expect(data.Flag).toBe(String(v.flag));
          expect(data.Count).toBe(String(v.count));
          expect(BigInt(data.Big ?? '')).toBe(v.big);
          expect(data.Text).toBe(v.text);
          expect(data.Lines?.split(CSP_LIST_SEPARATOR)).toEqual(v.lines);
          expect(data.Plain?.split(CSP_LIST_SEPARATOR)).toEqual(v.plain.flatMap((s) => [s, s]));
          expect(data.Named?.split(CSP_LIST_SEPARATOR)).toEqual(v.named.flat());
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reports a list value holding U+F000 instead of splitting it (property)', () => {
    fc.assert(
      fc.property(xmlText({ separator: false }), xmlText({ separator: false }), (before, after) => {
        const result = intunePayload(configured({ Lines: { type: 'multiText', value: [`${before}${CSP_LIST_SEPARATOR}${after}`] } }));
        expect(result).toEqual({ ok: false, problem: "element 'Lines': a value holds U+F000, the Policy CSP's list separator" });
      }),
    );
  });

  it.each([
    ['disabled, whatever the values', configured({ Flag: { type: 'boolean', value: true } }, 'disabled'), '<disabled/>'],
    ['an unticked boolean when no value is given, nothing for other elements', configured({}), '<enabled/><data id="Flag" value="false"/>'],
    ['an enum by its item value', configured({ Choice: { type: 'enum', itemIndex: 0 } }), '<enabled/><data id="Flag" value="false"/><data id="Choice" value="7"/>'],
    [
      'an enum string value, escaped',
      configured({ Choice: { type: 'enum', itemIndex: 1 } }),
      '<enabled/><data id="Flag" value="false"/><data id="Choice" value="b &amp; &quot;c&quot;"/>',
    ],
    [
      'a valuePrefix list as the names the registry plan gives',
      configured({ Numbered: { type: 'list', entries: [{ value: 'x' }, { value: 'y' }] } }),
      '<enabled/><data id="Flag" value="false"/><data id="Numbered" value="Item1&#xF000;x&#xF000;Item2&#xF000;y"/>',
    ],
    ['an empty list as an empty value', configured({ Plain: { type: 'list', entries: [] } }), '<enabled/><data id="Flag" value="false"/><data id="Plain" value=""/>'],
  ])('%s', (_, policySetting, expected) => {
    expect(intunePayload(policySetting)).toEqual({ ok: true, payload: expected });
  });

  it('reports an enum item that deletes its value, and text XML cannot carry', () => {
    expect(intunePayload(configured({ Choice: { type: 'enum', itemIndex: 2 } }))).toEqual({
      ok: false,
      problem: "element 'Choice': item 'Gone' deletes its value, and the Policy CSP selects an item by its value",
    });
    expect(intunePayload(configured({ Text: { type: 'text', value: 'bell \u0007' } }))).toEqual({
      ok: false,
      problem: "element 'Text': a value holds a character XML 1.0 cannot carry",
    });
  });
});
