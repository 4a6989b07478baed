/** Registry.pol reader: structural diagnostics, directive mapping, round trip, never throws. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emitRegistryPol } from '../../src/emit/pol.js';
import { parsePolFile, polRecordsToActions, type PolRecord } from '../../src/load/pol-reader.js';
import type { RegistryAction, RegistryData } from '../../src/model/registry-types.js';

/** FORMATS.md a.2 worked example: key `SW\P`, value `Ab`, REG_DWORD 1 (offsets in comments). */
const WORKED = Uint8Array.from(
  (
    '50 52 65 67 01 00 00 00 5b 00 53 00 57 00 5c 00 ' + // 0 header, 8 '[', 10 key
    '50 00 00 00 3b 00 41 00 62 00 00 00 3b 00 04 00 ' + // 18 NUL, 20 ';', 22 name, 26 NUL, 28 ';', 30 type
    '00 00 3b 00 04 00 00 00 3b 00 01 00 00 00 5d 00' // 34 ';', 36 size, 40 ';', 42 data, 46 ']'
  )
    .split(' ')
    .map((b) => parseInt(b, 16)),
);

function patch(base: Uint8Array, offset: number, bytes: number[]): Uint8Array {
  const copy = Uint8Array.from(base);
  copy.set(bytes, offset);
  return copy;
}

function utf16z(text: string): number[] {
  return text.split('').flatMap((c) => [c.charCodeAt(0), 0]).concat([0, 0]);
}

function record(valueName: string, type: number, data: number[], key = 'K'): PolRecord {
  return { key, valueName, type, data: Uint8Array.from(data), offset: 8 };
}

describe('parsePolFile', () => {
  it('reads the worked example field by field', () => {
    const { records, diagnostics } = parsePolFile(WORKED, 'Machine/registry.pol');
    expect(diagnostics).toEqual([]);
    expect(records).toEqual([{ key: 'SW\\P', valueName: 'Ab', type: 4, data: Uint8Array.of(1, 0, 0, 0), offset: 8 }]);
  });

  it('accepts a header-only file and a view into a larger buffer', () => {
    expect(parsePolFile(WORKED.subarray(0, 8), 'f')).toEqual({ records: [], diagnostics: [] });
    const buffer = new Uint8Array(WORKED.length + 3);
    buffer.set(WORKED, 3);
    expect(parsePolFile(buffer.subarray(3), 'f').records).toHaveLength(1);
  });

  it('does not scan for delimiters: `]` and `;` inside binary data are data', () => {
    const data = [0x5d, 0x00, 0x3b, 0x00, 0x00, 0x00, 0x5b];
    const bytes = emitRegistryPol([
      { kind: 'set', key: 'a;]', valueName: '[;', data: { type: 'REG_BINARY', value: Uint8Array.from(data) } },
      { kind: 'createKey', key: 'b' },
    ]);
    const { records } = parsePolFile(bytes, 'f');
    expect(records.map((r) => [r.key, r.valueName, Array.from(r.data)])).toEqual([
      ['a;]', '[;', data],
      ['b', '', []],
    ]);
    expect(records[1]?.offset).toBe(8 + 2 + 8 + 2 + 6 + 2 + 4 + 2 + 4 + 2 + 7 + 2);
  });

  // name, file bytes, code, span
  const malformed: [string, Uint8Array, string, { start: number; end: number }][] = [
    ['empty file', new Uint8Array(0), 'GPF1100', { start: 0, end: 0 }],
    ['short file', WORKED.subarray(0, 5), 'GPF1100', { start: 0, end: 5 }],
    ['wrong signature', patch(WORKED, 2, [0x45]), 'GPF1101', { start: 0, end: 4 }],
    ['UTF-16 BOM instead of signature', patch(WORKED, 0, [0xff, 0xfe]), 'GPF1101', { start: 0, end: 4 }],
    ['version 2', patch(WORKED, 4, [2]), 'GPF1102', { start: 4, end: 8 }],
    ['version as one byte, 0x100', patch(WORKED, 4, [0, 1]), 'GPF1102', { start: 4, end: 8 }],
    ['missing [', patch(WORKED, 8, [0x28]), 'GPF1103', { start: 8, end: 10 }],
    ['one stray byte after the header', WORKED.subarray(0, 9), 'GPF1103', { start: 8, end: 9 }],
    ['one stray byte after a record', Uint8Array.from([...WORKED, 0x5b]), 'GPF1103', { start: 48, end: 49 }],
    ['unterminated key', WORKED.subarray(0, 16), 'GPF1104', { start: 10, end: 16 }],
    ['unterminated value name', WORKED.subarray(0, 26), 'GPF1104', { start: 22, end: 26 }],
    ['missing ; after key', patch(WORKED, 20, [0x3a]), 'GPF1105', { start: 20, end: 22 }],
    ['missing ; after value name', patch(WORKED, 28, [0x3a]), 'GPF1105', { start: 28, end: 30 }],
    ['missing ; after type', patch(WORKED, 34, [0x3a]), 'GPF1105', { start: 34, end: 36 }],
    ['missing ; after size', patch(WORKED, 40, [0x3a]), 'GPF1105', { start: 40, end: 42 }],
    ['file ends before a ;', WORKED.subarray(0, 34), 'GPF1105', { start: 34, end: 34 }],
    ['missing ]', patch(WORKED, 46, [0x29]), 'GPF1106', { start: 46, end: 48 }],
    ['file ends before ]', WORKED.subarray(0, 46), 'GPF1106', { start: 46, end: 46 }],
    ['size too small for the data', patch(patch(WORKED, 30, [3]), 36, [2]), 'GPF1106', { start: 44, end: 46 }],
    ['type runs past EOF', WORKED.subarray(0, 32), 'GPF1107', { start: 30, end: 32 }],
    ['size runs past EOF', WORKED.subarray(0, 38), 'GPF1107', { start: 36, end: 38 }],
    ['data size runs past EOF', patch(patch(WORKED, 30, [3]), 36, [100]), 'GPF1107', { start: 42, end: 48 }],
    ['huge data size', patch(patch(WORKED, 30, [3]), 36, [0xff, 0xff, 0xff, 0xff]), 'GPF1107', { start: 42, end: 48 }],
    ['odd REG_SZ size', patch(patch(WORKED, 30, [1]), 36, [3]), 'GPF1108', { start: 36, end: 40 }],
    ['odd REG_EXPAND_SZ size', patch(patch(WORKED, 30, [2]), 36, [1]), 'GPF1108', { start: 36, end: 40 }],
    ['odd REG_MULTI_SZ size', patch(patch(WORKED, 30, [7]), 36, [3]), 'GPF1108', { start: 36, end: 40 }],
    ['REG_DWORD size 2', patch(WORKED, 36, [2]), 'GPF1109', { start: 36, end: 40 }],
    ['REG_DWORD_BIG_ENDIAN size 8', patch(patch(WORKED, 30, [5]), 36, [8]), 'GPF1109', { start: 36, end: 40 }],
    ['REG_QWORD size 4', patch(WORKED, 30, [11]), 'GPF1110', { start: 36, end: 40 }],
  ];
  it.each(malformed)('rejects %s', (_name, bytes, code, span) => {
    const result = parsePolFile(bytes, 'bad.pol');
    expect(result.records).toEqual([]);
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({ code, severity: 'error', file: 'bad.pol', span });
  });
});

describe('polRecordsToActions', () => {
  const del = [0x20, 0, 0, 0];
  const cases: [string, PolRecord, RegistryAction[]][] = [
    ['key-only record', record('', 0, []), [{ kind: 'createKey', key: 'K' }]],
    ['**DEL. in any case', record('**DeL.x', 1, del), [{ kind: 'deleteValue', key: 'K', valueName: 'x' }]],
    ['**del. of the default value', record('**del.', 1, del), [{ kind: 'deleteValue', key: 'K', valueName: '' }]],
    ['PolicyPlus-style DWORD delete marker', record('**del.x', 4, del), [{ kind: 'deleteValue', key: 'K', valueName: 'x' }]],
    ['**delvals. with the dot', record('**delvals.', 1, del), [{ kind: 'deleteAllValues', key: 'K' }]],
    ['**DelVals without the dot', record('**DelVals', 4, [0, 0, 0, 0]), [{ kind: 'deleteAllValues', key: 'K' }]],
    ['**Soft. prefix', record('**Soft.x', 4, [7, 0, 0, 0]), [{ kind: 'set', key: 'K', valueName: 'x', soft: true, data: { type: 'REG_DWORD', value: 7 } }]],
    [
      '**DeleteValues → one deleteValue per name',
      record('**DeleteValues', 1, utf16z('a;b c;;')),
      [
        { kind: 'deleteValue', key: 'K', valueName: 'a' },
        { kind: 'deleteValue', key: 'K', valueName: 'b c' },
      ],
    ],
    ['REG_SZ without terminator', record('v', 1, [0x61, 0]), [set('v', { type: 'REG_SZ', value: 'a' })]],
    ['REG_SZ drops exactly one NUL', record('v', 1, [0x61, 0, 0, 0, 0, 0]), [set('v', { type: 'REG_SZ', value: 'a\0' })]],
    ['REG_SZ of size 0', record('v', 2, []), [set('v', { type: 'REG_EXPAND_SZ', value: '' })]],
    ['REG_MULTI_SZ of size 0', record('v', 7, []), [set('v', { type: 'REG_MULTI_SZ', value: [] })]],
    ['REG_MULTI_SZ 00 00', record('v', 7, [0, 0]), [set('v', { type: 'REG_MULTI_SZ', value: [] })]],
    ['REG_MULTI_SZ 00 00 00 00', record('v', 7, [0, 0, 0, 0]), [set('v', { type: 'REG_MULTI_SZ', value: [] })]],
    ['REG_MULTI_SZ without final NUL', record('v', 7, [0x61, 0, 0, 0, 0x62, 0, 0, 0]), [set('v', { type: 'REG_MULTI_SZ', value: ['a', 'b'] })]],
    ['REG_MULTI_SZ without any NUL', record('v', 7, [0x61, 0]), [set('v', { type: 'REG_MULTI_SZ', value: ['a'] })]],
    ['REG_MULTI_SZ stops at the empty string', record('v', 7, [0x61, 0, 0, 0, 0, 0, 0x62, 0, 0, 0, 0, 0]), [set('v', { type: 'REG_MULTI_SZ', value: ['a'] })]],
  ];
  it.each(cases)('%s', (_name, input, actions) => {
    expect(polRecordsToActions([input])).toEqual({ actions, unsupported: [] });
  });

  const unsupported: [string, PolRecord][] = [
    ['**DeleteKeys', record('**DeleteKeys', 1, utf16z('a;b'))],
    ['**SecureKey', record('**SecureKey', 4, [1, 0, 0, 0])],
    ['**Comment:', record('**Comment:x', 1, utf16z('x'))],
    ['an unknown ** name', record('**foo', 4, [1, 0, 0, 0])],
    ['REG_DWORD_BIG_ENDIAN', record('v', 5, [0, 0, 0, 1])],
    ['REG_LINK', record('v', 6, utf16z('x'))],
    ['REG_RESOURCE_LIST (8)', record('v', 8, [1, 2])],
    ['REG_NONE with data', record('v', 0, [1])],
    ['REG_DWORD of the wrong size (hand-made record)', record('v', 4, [1])],
  ];
  it.each(unsupported)('leaves %s unsupported', (_name, input) => {
    expect(polRecordsToActions([input])).toEqual({ actions: [], unsupported: [input] });
  });
});

function set(valueName: string, data: RegistryData): RegistryAction {
  return { kind: 'set', key: 'K', valueName, data };
}

// ── property tests ────────────────────────────────────────────────────────────────────────
const HOSTILE = ['"', "'", '\\', ';', ']', '[', '%VAR%', 'é', '日本', '😀', ' ', '\r\n', '\n', '\t', '*', '**', '\uD800', 'K'];

/** No NUL: keys and value names are NUL-terminated (FORMATS.md a.2). */
const hostileText = fc.oneof(
  fc.array(fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 4 })), { maxLength: 8 }).map((parts) => parts.join('')),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({ unit: 'grapheme', minLength: 200, maxLength: 600 }),
).map((text) => text.replaceAll('\0', ''));

const multiItem = hostileText.filter((text) => text !== '');

const registryData: fc.Arbitrary<RegistryData> = fc.oneof(
  fc.record({ type: fc.constant('REG_SZ' as const), value: fc.oneof(hostileText, fc.string({ unit: 'binary' })) }),
  fc.record({ type: fc.constant('REG_EXPAND_SZ' as const), value: hostileText }),
  fc.record({ type: fc.constant('REG_MULTI_SZ' as const), value: fc.array(multiItem, { maxLength: 5 }) }),
  fc.record({ type: fc.constant('REG_DWORD' as const), value: fc.integer({ min: 0, max: 0xffffffff }) }),
  fc.record({ type: fc.constant('REG_QWORD' as const), value: fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }) }),
  fc.record({ type: fc.constant('REG_BINARY' as const), value: fc.uint8Array({ maxLength: 64 }) }),
  fc.constant({ type: 'REG_NONE' as const }),
);

/** A non-soft set named `**…` is unrepresentable (it reads back as a directive); soft and deletes are fine. */
const action: fc.Arbitrary<RegistryAction> = fc.oneof(
  fc
    .record({ key: hostileText, valueName: hostileText, data: registryData, soft: fc.boolean() })
    .filter(({ valueName, data, soft }) => soft || !(valueName.startsWith('**') || (valueName === '' && data.type === 'REG_NONE')))
    .map(({ soft, ...rest }): RegistryAction => (soft ? { kind: 'set', ...rest, soft } : { kind: 'set', ...rest })),
  fc.record({ kind: fc.constant('deleteValue' as const), key: hostileText, valueName: hostileText }),
  fc.record({ kind: fc.constant('deleteAllValues' as const), key: hostileText }),
  fc.record({ kind: fc.constant('createKey' as const), key: hostileText }),
);

function expectNoThrow(bytes: Uint8Array): void {
  const result = parsePolFile(bytes, 'f');
  expect(result.diagnostics.length).toBeLessThanOrEqual(1);
  for (const d of result.diagnostics) {
    expect(d.code).toMatch(/^GPF11[01]\d$/);
    expect(d.span!.start).toBeGreaterThanOrEqual(0);
    expect(d.span!.end).toBeLessThanOrEqual(bytes.length);
  }
  polRecordsToActions(result.records);
}

describe('Registry.pol properties', () => {
  it('round-trips any action list: emit → parse → actions', () => {
    fc.assert(
      fc.property(fc.array(action, { maxLength: 12 }), (actions) => {
        const { records, diagnostics } = parsePolFile(emitRegistryPol(actions), 'f');
        expect(diagnostics).toEqual([]);
        expect(polRecordsToActions(records)).toEqual({ actions, unsupported: [] });
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on random bytes, with or without a valid header', () => {
    const header = WORKED.subarray(0, 8);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.boolean(), (tail, withHeader) => {
        expectNoThrow(withHeader ? Uint8Array.from([...header, ...tail]) : tail);
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on mutations of valid files', () => {
    const mutation = fc.record({
      at: fc.nat(),
      op: fc.constantFrom('set', 'insert', 'delete', 'truncate'),
      byte: fc.integer({ min: 0, max: 255 }),
    });
    fc.assert(
      fc.property(fc.array(action, { maxLength: 5 }), fc.array(mutation, { minLength: 1, maxLength: 4 }), (actions, mutations) => {
        let bytes = Array.from(emitRegistryPol(actions));
        for (const { at, op, byte } of mutations) {
          const i = at % (bytes.length + 1);
          if (op === 'set') bytes[i] = byte;
          else if (op === 'insert') bytes.splice(i, 0, byte);
          else if (op === 'delete') bytes.splice(i, 1);
          else bytes = bytes.slice(0, i);
        }
        expectNoThrow(Uint8Array.from(bytes));
      }),
      { numRuns: 2000 },
    );
  });
});
