/**
 * Property (issue 10): random action lists → Registry.pol → import → build → the same bytes.
 * Actions cover every kind, verbatim records with random types and data, hostile but writable
 * names, random order and repeats. Names no .reg can hold (control characters) stay verbatim
 * records, which every output keeps.
 */
import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emitRegistryPol } from '../../src/emit/pol.js';
import type { RegistryAction, RegistryData } from '../../src/model/registry-types.js';
import { tempDir } from '../support/cli.js';
import { buildWith, importGpo } from '../support/gpo-import.js';

const PARTS = ['a', 'Z', ' ', ';', '[', ']x', '"', "'", '%V%', 'é', '日本', '😀', '*', '**', '.', '\t'];
const text = (parts: readonly string[]) => fc.array(fc.constantFrom(...parts), { minLength: 1, maxLength: 5 }).map((p) => p.join(''));
const safe = text(PARTS).filter((t) => !t.endsWith(']') && t.trim() !== '' && !t.includes('\\'));
const key = fc.array(safe, { minLength: 1, maxLength: 3 }).map((segments) => `Software\\Policies\\${segments.join('\\')}`);
const name = fc.oneof(fc.constant(''), text(PARTS));

const data: fc.Arbitrary<RegistryData> = fc.oneof(
  fc.record({ type: fc.constantFrom('REG_SZ' as const, 'REG_EXPAND_SZ' as const), value: fc.oneof(text(PARTS), fc.constant('line\r\nbreak')) }),
  fc.record({ type: fc.constant('REG_MULTI_SZ' as const), value: fc.array(text(PARTS), { maxLength: 3 }) }),
  fc.record({ type: fc.constant('REG_DWORD' as const), value: fc.integer({ min: 0, max: 0xffffffff }) }),
  fc.record({ type: fc.constant('REG_QWORD' as const), value: fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }) }),
  fc.record({ type: fc.constant('REG_BINARY' as const), value: fc.uint8Array({ maxLength: 24 }) }),
);

const action: fc.Arbitrary<RegistryAction> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), key, valueName: name.filter((n) => !n.startsWith('**')), data }),
  fc.record({ kind: fc.constant('set' as const), key, valueName: name, data, soft: fc.constant(true) }),
  fc.record({ kind: fc.constant('deleteValue' as const), key, valueName: name }),
  fc.record({ kind: fc.constantFrom('deleteAllValues' as const, 'createKey' as const), key }),
  fc.record({ kind: fc.constant('deleteKeys' as const), key, subkeys: fc.array(safe.filter((s) => !s.includes(';')), { minLength: 1, maxLength: 3 }) }),
  fc.record({ kind: fc.constant('deleteValues' as const), key, valueNames: fc.array(name.filter((s) => !s.includes(';')), { minLength: 1, maxLength: 3 }) }),
  fc.record({ kind: fc.constant('secureKey' as const), key, secure: fc.boolean() }),
  fc.record({ kind: fc.constant('record' as const), key, valueName: name, type: fc.constantFrom(0, 1, 2, 3, 4, 5, 6, 7, 8, 11, 0x7fffffff), data: fc.uint8Array({ maxLength: 12 }) }).map(fitSize),
);

/** The reader rejects (as corrupt) odd-sized UTF-16 data and DWORD/QWORD of the wrong size (FORMATS.md a.8). */
function fitSize<T extends { type: number; data: Uint8Array }>(record: T): T {
  const size = { 4: 4, 5: 4, 11: 8 }[record.type] ?? ([1, 2, 7].includes(record.type) ? record.data.length & ~1 : record.data.length);
  const data = new Uint8Array(size);
  data.set(record.data.subarray(0, size));
  return { ...record, data };
}

/** Imports `bytes` as the machine side and builds the YAML; the rebuilt Machine/Registry.pol. */
function roundTrip(bytes: Uint8Array) {
  const path = join(tempDir(), 'random.pol');
  writeFileSync(path, bytes);
  const imported = importGpo({ path, kind: 'pol', class: 'machine' });
  if (imported.yaml.size === 0) return { imported };
  const rebuilt = buildWith([], imported.yaml);
  const slug = rebuilt.model?.gpos[0]?.slug;
  return { imported, rebuilt, pol: rebuilt.files.find((f) => f.path === `gpo/${slug}/Machine/Registry.pol`)?.bytes };
}

describe('GPO import properties', () => {
  it('random action lists → Registry.pol → import → build → the same bytes', () => {
    fc.assert(
      fc.property(fc.array(action, { maxLength: 10 }), (actions) => {
        const bytes = emitRegistryPol(actions);
        const { imported, rebuilt, pol } = roundTrip(bytes);
        expect(imported.outcome.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        expect(rebuilt?.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        expect(Buffer.from(pol!)).toEqual(Buffer.from(bytes));
      }),
      { numRuns: 60 },
    );
  });

  it('a name no .reg can write (a control character) is kept as a verbatim record and still rebuilds the same bytes', () => {
    fc.assert(
      fc.property(fc.array(action, { maxLength: 4 }), fc.constantFrom('\n', '\r', '\u0001', '\u007f'), (actions, control) => {
        const odd: RegistryAction = { kind: 'deleteValue', key: 'Software\\Policies\\X', valueName: `a${control}b` };
        const bytes = emitRegistryPol([...actions, odd]);
        const { imported, pol } = roundTrip(bytes);
        expect(imported.outcome.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        expect([...imported.yaml.values()][0]).toContain('rawType: 1');
        expect(Buffer.from(pol!)).toEqual(Buffer.from(bytes));
      }),
      { numRuns: 20 },
    );
  });
});
