/**
 * We read what Samba writes (issue 10): Registry.pol files packed by Samba's own ndr_pack
 * (python3-samba) from hostile entry lists — directive spellings of every writer, unknown types,
 * odd data, hostile names, out-of-order keys, repeats — import to YAML that rebuilds the very
 * same bytes. (Samba's packer cannot write REG_SZ data without its NUL or REG_NONE with data;
 * the property test in test/import/gpo-property.test.ts covers those.)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packWithSamba, SAMBA_SKIP_NOTE, sambaAvailable, type SambaPackEntry } from '../support/samba.js';
import { tempDir } from '../support/cli.js';
import { buildWith, importGpo } from '../support/gpo-import.js';

const K = 'Software\\Policies\\Gpforge Samba';
const e = (valuename: string, type: number, data: SambaPackEntry['data'], keyname = K): SambaPackEntry => ({ keyname, valuename, type, data });
const SPACE = { hex: '20 00 00 00' };

const LISTS: Record<string, SambaPackEntry[]> = {
  'every directive spelling': [
    e('**delvals.', 1, SPACE), e('**DelVals.', 4, { int: '0' }), e('**delvals', 1, SPACE),
    e('**del.A', 1, SPACE), e('**DEL.B', 1, SPACE), e('**del.C', 4, { int: '32' }),
    e('**DeleteKeys', 1, { str: 'Sub1;Sub 2' }), e('**DeleteValues', 1, { str: 'v1;v2;' }),
    e('**SecureKey', 4, { int: '1' }), e('**SecureKey', 4, { int: '0' }), e('**SecureKey', 4, { int: '2' }),
    e('**soft.S', 1, { str: 'only if absent' }), e('**soft.N', 4, { int: '7' }),
    e('**Comment:x', 1, { str: 'x' }), e('**unknown', 3, { hex: '01' }), e('', 0, { none: true }),
  ],
  'every type, odd data': [
    e('none', 0, { none: true }), e('sz', 1, { str: 'a;b]c[d "q" \\ é 日本 😀' }),
    e('sz empty', 1, { str: '' }),
    e('expand', 2, { str: '%SystemRoot%\\System32' }), e('bin', 3, { hex: '5d 00 3b 00 5b 00' }), e('bin empty', 3, { hex: '' }),
    e('dword', 4, { int: '4294967295' }), e('big endian', 5, { int: '1' }), e('link', 6, { hex: '41 00' }),
    e('multi', 7, { list: ['a', ' b ', '日本'] }), e('multi empty', 7, { list: [] }), e('resource list', 8, { hex: 'ff' }),
    e('qword', 11, { int: '18446744073709551615' }), e('type 0x12345', 0x12345, { hex: '00' }),
    e('long', 1, { str: 'x'.repeat(30000) }),
  ],
  'hostile names, order and repeats': [
    e('z', 4, { int: '1' }, 'Software\\Policies\\Zeta'), e('a', 4, { int: '1' }, 'Software\\Policies\\Alpha'),
    e('Name "q" ; ] [ \\ \t', 1, { str: 'v' }), e('', 1, { str: 'default' }), e('dup', 4, { int: '1' }), e('dup', 4, { int: '1' }),
    e('DUP', 4, { int: '2' }), e('x', 1, { str: 'k' }, 'SOFTWARE\\policies\\gpforge samba'), e('**del.x', 1, SPACE),
    e('v', 1, { str: 'ü' }, 'Software\\Policies\\Ünïcödé 日本 😀\\Sub;Key [x]a'),
  ],
};

describe('Samba-packed Registry.pol import (python3-samba)', () => {
  it.for(Object.keys(LISTS))('%s: imports to YAML that rebuilds the same bytes', (name, ctx) => {
    if (!sambaAvailable) ctx.skip(SAMBA_SKIP_NOTE);
    const bytes = packWithSamba(LISTS[name]!);
    const imported = importGpo({ path: writePol(bytes), kind: 'pol', class: 'machine' });
    expect(imported.outcome.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const rebuilt = buildWith([], imported.yaml);
    expect(rebuilt.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const slug = rebuilt.model!.gpos[0]!.slug;
    expect(Buffer.from(rebuilt.files.find((f) => f.path === `gpo/${slug}/Machine/Registry.pol`)!.bytes)).toEqual(Buffer.from(bytes));
  });
});

function writePol(bytes: Uint8Array): string {
  const dir = tempDir();
  const path = join(dir, 'samba-machine.pol');
  writeFileSync(path, bytes);
  expect(readFileSync(path).length).toBe(bytes.length);
  return path;
}
