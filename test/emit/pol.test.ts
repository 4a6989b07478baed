/** Registry.pol writer: exact bytes of the FORMATS.md §a examples and GPEdit's markers. */
import { describe, expect, it } from 'vitest';
import { emitRegistryPol } from '../../src/emit/pol.js';
import type { RegistryAction, RegistryData } from '../../src/model/registry-types.js';

const HEADER = '50 52 65 67 01 00 00 00';
/** `[SW\P;` — the record start shared by the table below. */
const OPEN_SW_P = '5b 00 53 00 57 00 5c 00 50 00 00 00 3b 00';

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(' ');
}

function setSwP(valueName: string, data: RegistryData): RegistryAction {
  return { kind: 'set', key: 'SW\\P', valueName, data };
}

describe('emitRegistryPol', () => {
  it('writes only the 8-byte header for no actions (FORMATS a.1)', () => {
    expect(hex(emitRegistryPol([]))).toBe(HEADER);
  });

  it('reproduces the 48-byte worked example of FORMATS a.2', () => {
    const bytes = emitRegistryPol([setSwP('Ab', { type: 'REG_DWORD', value: 1 })]);
    const expected =
      '50 52 65 67 01 00 00 00 5b 00 53 00 57 00 5c 00 ' +
      '50 00 00 00 3b 00 41 00 62 00 00 00 3b 00 04 00 ' +
      '00 00 3b 00 04 00 00 00 3b 00 01 00 00 00 5d 00';
    expect(bytes.length).toBe(48);
    expect(hex(bytes)).toBe(expected);
  });

  // name, action, bytes after `[SW\P;` up to and including `]`
  const records: [string, RegistryAction, string][] = [
    [
      '**del. marker exactly as GPEdit (REG_SZ, size 4, " " + NUL)',
      { kind: 'deleteValue', key: 'SW\\P', valueName: 'Ab' },
      '2a 00 2a 00 64 00 65 00 6c 00 2e 00 41 00 62 00 00 00 3b 00 01 00 00 00 3b 00 04 00 00 00 3b 00 20 00 00 00 5d 00',
    ],
    [
      '**delvals. marker exactly as GPEdit',
      { kind: 'deleteAllValues', key: 'SW\\P' },
      '2a 00 2a 00 64 00 65 00 6c 00 76 00 61 00 6c 00 73 00 2e 00 00 00 3b 00 01 00 00 00 3b 00 04 00 00 00 3b 00 20 00 00 00 5d 00',
    ],
    [
      'key-only record: empty name, REG_NONE, size 0',
      { kind: 'createKey', key: 'SW\\P' },
      '00 00 3b 00 00 00 00 00 3b 00 00 00 00 00 3b 00 5d 00',
    ],
    [
      '**soft. prefix with the value’s own type and data',
      { kind: 'set', key: 'SW\\P', valueName: 'A', data: { type: 'REG_DWORD', value: 2 }, soft: true },
      '2a 00 2a 00 73 00 6f 00 66 00 74 00 2e 00 41 00 00 00 3b 00 04 00 00 00 3b 00 04 00 00 00 3b 00 02 00 00 00 5d 00',
    ],
    [
      'empty REG_SZ: just the terminator, size 2',
      setSwP('A', { type: 'REG_SZ', value: '' }),
      '41 00 00 00 3b 00 01 00 00 00 3b 00 02 00 00 00 3b 00 00 00 5d 00',
    ],
    [
      'REG_EXPAND_SZ keeps %VAR% unexpanded, with terminator',
      setSwP('A', { type: 'REG_EXPAND_SZ', value: '%a%' }),
      '41 00 00 00 3b 00 02 00 00 00 3b 00 08 00 00 00 3b 00 25 00 61 00 25 00 00 00 5d 00',
    ],
    [
      'empty REG_MULTI_SZ: two zero bytes (FORMATS a.3)',
      setSwP('A', { type: 'REG_MULTI_SZ', value: [] }),
      '41 00 00 00 3b 00 07 00 00 00 3b 00 02 00 00 00 3b 00 00 00 5d 00',
    ],
    [
      'REG_MULTI_SZ ["."]: 2e 00 00 00 00 00 (FORMATS a.3)',
      setSwP('A', { type: 'REG_MULTI_SZ', value: ['.'] }),
      '41 00 00 00 3b 00 07 00 00 00 3b 00 06 00 00 00 3b 00 2e 00 00 00 00 00 5d 00',
    ],
    [
      'REG_QWORD little-endian (Samba Safer LastModified, FORMATS a.3)',
      setSwP('A', { type: 'REG_QWORD', value: 0x01d3d06dddd57111n }),
      '41 00 00 00 3b 00 0b 00 00 00 3b 00 08 00 00 00 3b 00 11 71 d5 dd 6d d0 d3 01 5d 00',
    ],
    [
      'REG_BINARY raw, odd length, delimiter-like bytes untouched',
      setSwP('A', { type: 'REG_BINARY', value: Uint8Array.of(0x5d, 0x00, 0x3b) }),
      '41 00 00 00 3b 00 03 00 00 00 3b 00 03 00 00 00 3b 00 5d 00 3b 5d 00',
    ],
    [
      'REG_NONE value: size 0',
      setSwP('A', { type: 'REG_NONE' }),
      '41 00 00 00 3b 00 00 00 00 00 3b 00 00 00 00 00 3b 00 5d 00',
    ],
    [
      'emoji as a surrogate pair, é as one code unit',
      setSwP('😀é', { type: 'REG_DWORD', value: 0xffffffff }),
      '3d d8 00 de e9 00 00 00 3b 00 04 00 00 00 3b 00 04 00 00 00 3b 00 ff ff ff ff 5d 00',
    ],
  ];
  it.each(records)('%s', (_name, action, record) => {
    expect(hex(emitRegistryPol([action]))).toBe(`${HEADER} ${OPEN_SW_P} ${record}`);
  });

  it('gives the NistP384/NistP256 multi-string 38 bytes of data (FORMATS a.3)', () => {
    const bytes = emitRegistryPol([setSwP('', { type: 'REG_MULTI_SZ', value: ['NistP384', 'NistP256'] })]);
    const sizeOffset = 8 + 2 + 10 + 2 + 2 + 2 + 4 + 2;
    expect(new DataView(bytes.buffer).getUint32(sizeOffset, true)).toBe(38);
  });

  it('keeps the given order (no sorting) and is deterministic', () => {
    const actions: RegistryAction[] = [
      { kind: 'createKey', key: 'b' },
      { kind: 'deleteAllValues', key: 'a' },
      setSwP('z', { type: 'REG_SZ', value: 'x' }),
      setSwP('a', { type: 'REG_SZ', value: 'x' }),
    ];
    const one = emitRegistryPol(actions);
    const two = emitRegistryPol(actions);
    expect(one).toEqual(two);
    const each = actions.map((action) => emitRegistryPol([action]).subarray(8));
    expect(hex(one)).toBe([HEADER, ...each.map(hex)].join(' '));
  });

  const bugs: [string, RegistryAction][] = [
    ['data over 65535 bytes', setSwP('A', { type: 'REG_BINARY', value: new Uint8Array(65536) })],
    ['non-soft name starting with **', setSwP('**del.A', { type: 'REG_DWORD', value: 1 })],
    ['REG_NONE default value (reads as createKey)', setSwP('', { type: 'REG_NONE' })],
    ['NUL in a key', { kind: 'createKey', key: 'a\0b' }],
    ['NUL in a value name', { kind: 'deleteValue', key: 'a', valueName: 'x\0' }],
    ['empty REG_MULTI_SZ item', setSwP('A', { type: 'REG_MULTI_SZ', value: ['a', ''] })],
    ['negative DWORD', setSwP('A', { type: 'REG_DWORD', value: -1 })],
    ['fractional DWORD', setSwP('A', { type: 'REG_DWORD', value: 1.5 })],
    ['QWORD over 64 bits', setSwP('A', { type: 'REG_QWORD', value: 1n << 64n })],
  ];
  it.each(bugs)('throws on input the validator must reject: %s', (_name, action) => {
    expect(() => emitRegistryPol([action])).toThrow(/gpforge bug/);
  });

  it('accepts exactly 65535 data bytes', () => {
    expect(emitRegistryPol([setSwP('A', { type: 'REG_BINARY', value: new Uint8Array(65535) })]).length).toBeGreaterThan(65535);
  });
});
