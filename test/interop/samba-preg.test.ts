/**
 * Interop: Samba's own PReg parser (librpc/idl/preg.idl via python3-samba) reads what gpforge
 * writes, entry by entry, and packs it back to the very same bytes (FORMATS.md §a).
 */
import { describe, expect, it } from 'vitest';
import { emitRegistryPol } from '../../src/emit/pol.js';
import type { RegistryAction } from '../../src/model/registry-types.js';
import { dumpWithSamba, SAMBA_SKIP_NOTE as SKIP_NOTE, sambaAvailable, type SambaEntry } from '../support/samba.js';

const KEY = 'Software\\Policies\\Gpforge Test';
const MULTI = ['NistP384', 'a;b]c', '日本 😀'];

/** Every data type and every directive gpforge writes, with what Samba must see for each. */
const cases: [RegistryAction, Omit<SambaEntry, 'keyname'>][] = [
  [{ kind: 'deleteAllValues', key: KEY }, { valuename: '**delvals.', type: 1, size: 4, data: { str: ' ' } }],
  [{ kind: 'deleteValue', key: KEY, valueName: 'Old;Name' }, { valuename: '**del.Old;Name', type: 1, size: 4, data: { str: ' ' } }],
  [{ kind: 'createKey', key: KEY }, { valuename: '', type: 0, size: 0, data: { none: true } }],
  [set('Sz "q" é', { type: 'REG_SZ', value: 'line1\r\nline2 ]; 日本 😀' }), { valuename: 'Sz "q" é', type: 1, size: 44, data: { str: 'line1\r\nline2 ]; 日本 😀' } }],
  [set('Empty', { type: 'REG_SZ', value: '' }), { valuename: 'Empty', type: 1, size: 2, data: { str: '' } }],
  [set('Path\\Like', { type: 'REG_EXPAND_SZ', value: '%SystemRoot%\\x' }), { valuename: 'Path\\Like', type: 2, size: 30, data: { str: '%SystemRoot%\\x' } }],
  [set('Multi', { type: 'REG_MULTI_SZ', value: MULTI }), { valuename: 'Multi', type: 7, size: 44, data: { list: MULTI } }],
  [set('MultiEmpty', { type: 'REG_MULTI_SZ', value: [] }), { valuename: 'MultiEmpty', type: 7, size: 2, data: { list: [] } }],
  [set('Dword', { type: 'REG_DWORD', value: 0xfffffffe }), { valuename: 'Dword', type: 4, size: 4, data: { int: '4294967294' } }],
  [set('Qword', { type: 'REG_QWORD', value: 0x01d3d06dddd57111n }), { valuename: 'Qword', type: 11, size: 8, data: { int: '131677984415641873' } }],
  [set('Bin', { type: 'REG_BINARY', value: Uint8Array.of(0x5d, 0, 0x3b, 0, 0, 0, 0xff) }), { valuename: 'Bin', type: 3, size: 7, data: { hex: '5d 00 3b 00 00 00 ff' } }],
  [set('None', { type: 'REG_NONE' }), { valuename: 'None', type: 0, size: 0, data: { none: true } }],
  [{ ...set('Soft', { type: 'REG_DWORD', value: 1 }), soft: true }, { valuename: '**soft.Soft', type: 4, size: 4, data: { int: '1' } }],
];

function set(valueName: string, data: Extract<RegistryAction, { kind: 'set' }>['data']): Extract<RegistryAction, { kind: 'set' }> {
  return { kind: 'set', key: KEY, valueName, data };
}

describe('Samba interop (python3-samba)', () => {
  it('Samba parses every type and directive as written and repacks identical bytes', (ctx) => {
    if (!sambaAvailable) ctx.skip(SKIP_NOTE);
    const bytes = emitRegistryPol(cases.map(([action]) => action));
    const dump = dumpWithSamba(bytes);
    expect(dump).toMatchObject({ signature: 'PReg', version: 1, num_entries: cases.length, repacked_identical: true });
    cases.forEach(([action, expected], i) => {
      expect(dump.entries[i], `entry ${i}`).toEqual({ keyname: action.key, ...expected });
    });
  });

  it('Samba reads the header-only file as no entries', (ctx) => {
    if (!sambaAvailable) ctx.skip(SKIP_NOTE);
    expect(dumpWithSamba(emitRegistryPol([]))).toEqual({ signature: 'PReg', version: 1, num_entries: 0, repacked_identical: true, entries: [] });
  });
});
