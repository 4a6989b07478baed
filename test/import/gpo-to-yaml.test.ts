/** The GPO YAML writer: notes become `#` comments above their raw entry; every raw form is written. */
import { describe, expect, it } from 'vitest';
import { emitGpoYaml } from '../../src/import/gpo-to-yaml.js';
import type { ResolvedSide } from '../../src/model/resolve-policies.js';

const empty: ResolvedSide = { actions: [], policies: [], registry: [], notes: new Map(), keepOrder: false, warnings: [] };

describe('emitGpoYaml', () => {
  it('writes each raw form as one flow entry, with the resolver note above it', () => {
    const computer: ResolvedSide = {
      ...empty,
      registry: [
        { kind: 'set', key: 'Software\\Policies\\X', valueName: 'Mode', data: { type: 'REG_DWORD', value: 7 } },
        { kind: 'set', key: 'Software\\Policies\\X', valueName: 'Big', data: { type: 'REG_QWORD', value: 2n ** 60n }, soft: true },
        { kind: 'set', key: 'Software\\Policies\\X', valueName: 'Nothing', data: { type: 'REG_NONE' } },
        { kind: 'deleteKeys', key: 'Software\\Policies\\X', subkeys: ['A', 'B'] },
        { kind: 'deleteValues', key: 'Software\\Policies\\X', valueNames: ['c'] },
        { kind: 'secureKey', key: 'Software\\Policies\\X', secure: true },
        { kind: 'record', key: 'Software\\Policies\\X', valueName: '**Comment:x', type: 5, data: Uint8Array.of(0, 0, 0, 1) },
      ],
      notes: new Map([[0, 'not a policy setting: p:Q (enabled: needs X)']]),
    };
    const user: ResolvedSide = { ...empty, keepOrder: true, registry: [{ kind: 'createKey', key: 'Software\\Policies\\Y' }] };
    expect(emitGpoYaml({ name: 'G', id: '{00000000-0000-0000-0000-000000000001}', comment: 'two\nlines' }, computer, user, { header: ['Imported from x.'] })).toBe(
      [
        '# Imported from x.',
        '',
        'kind: gpo',
        'name: G',
        'id: "{00000000-0000-0000-0000-000000000001}"',
        'comment: |-',
        '  two',
        '  lines',
        'computer:',
        '  registry:',
        '    # not a policy setting: p:Q (enabled: needs X)',
        '    - { key: Software\\Policies\\X, name: Mode, type: REG_DWORD, value: 7 }',
        '    - { key: Software\\Policies\\X, name: Big, type: REG_QWORD, value: "1152921504606846976", soft: true }',
        '    - { key: Software\\Policies\\X, name: Nothing, type: REG_NONE }',
        '    - { key: Software\\Policies\\X, deleteKeys: [ A, B ] }',
        '    - { key: Software\\Policies\\X, deleteValues: [ c ] }',
        '    - { key: Software\\Policies\\X, secureKey: true }',
        '    - { key: Software\\Policies\\X, name: "**Comment:x", rawType: 5, data: 00 00 00 01 }',
        'user:',
        '  keepOrder: true',
        '  registry:',
        '    - { key: Software\\Policies\\Y, createKey: true }',
        '',
      ].join('\n'),
    );
  });
});
