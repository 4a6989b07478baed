/**
 * .reg emitter (FORMATS.md §b): exact text for small cases, emit → parse round trips over
 * hostile plans, and the undo plan.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emitRegFile as emitRegFileWith, REG_NOTE, type RegFileHeader } from '../../src/emit/reg.js';
import { builtInTemplates } from '../support/templates.js';
import type { RegistryAction, RegistryData, RegistryPlan } from '../../src/model/registry-types.js';
import { undoActions, undoNotes } from '../../src/model/registry-undo.js';
import { parseRegFile } from '../support/reg-parser.js';

const emitRegFile = (plan: RegistryPlan, header: RegFileHeader) => emitRegFileWith(plan, header, builtInTemplates);

const HEAD = 'Windows Registry Editor Version 5.00\r\n\r\n; Test GPO\r\n';
const KEY = 'Software\\Policies\\Gpforge';

function text(bytes: Uint8Array): string {
  expect([bytes[0], bytes[1]]).toEqual([0xff, 0xfe]);
  return Buffer.from(bytes.subarray(2)).toString('utf16le');
}

function emitText(actions: RegistryAction[], hive: RegistryPlan['hive'] = 'HKLM'): string {
  return text(emitRegFile({ hive, actions }, { title: 'Test GPO' }));
}

type SetAction = Extract<RegistryAction, { kind: 'set' }>;
const set = (valueName: string, data: RegistryData, key = KEY): SetAction => ({ kind: 'set', key, valueName, data });
const sz = (value: string): RegistryData => ({ type: 'REG_SZ', value });
const expandSz = (value: string): RegistryData => ({ type: 'REG_EXPAND_SZ', value });

describe('emitRegFile: exact text', () => {
  it('writes BOM, header, title comment, blank lines and full hive names', () => {
    const bytes = emitRegFile({ hive: 'HKCU', actions: [set('A', sz('x'))] }, { title: 'Test GPO' });
    expect([...bytes.subarray(0, 4)]).toEqual([0xff, 0xfe, 0x57, 0x00]);
    expect(text(bytes)).toBe(`${HEAD}\r\n[HKEY_CURRENT_USER\\${KEY}]\r\n"A"="x"\r\n\r\n`);
  });

  it('ends an empty plan with a blank line and renders notes as comments', () => {
    const bytes = emitRegFile({ hive: 'HKLM', actions: [] }, { title: 'T', notes: ['one', 'two'] });
    expect(text(bytes)).toBe('Windows Registry Editor Version 5.00\r\n\r\n; T\r\n; one\r\n; two\r\n\r\n');
  });

  it('keeps a hostile title on its comment line', () => {
    const out = text(emitRegFile({ hive: 'HKLM', actions: [] }, { title: 'GPO\r\n[HKEY_LOCAL_MACHINE\\X]\n"a"=-\0' }));
    expect(out).toBe('Windows Registry Editor Version 5.00\r\n\r\n; GPO  [HKEY_LOCAL_MACHINE\\X] "a"=- \r\n\r\n');
  });

  it.each([
    ['quote and backslash', set('Na"me\\', sz('C:\\dir\\"x"')), '"Na\\"me\\\\"="C:\\\\dir\\\\\\"x\\""'],
    ['the default value', set('', sz('d')), '@="d"'],
    ['an empty string', set('e', sz('')), '"e"=""'],
    ['dword', set('D', { type: 'REG_DWORD', value: 42 }), '"D"=dword:0000002a'],
    ['dword max', set('D', { type: 'REG_DWORD', value: 0xffffffff }), '"D"=dword:ffffffff'],
    ['qword 42', set('Q', { type: 'REG_QWORD', value: 42n }), '"Q"=hex(b):2a,00,00,00,00,00,00,00'],
    ['empty multi-string', set('M', { type: 'REG_MULTI_SZ', value: [] }), '"M"=hex(7):00,00'],
    ['multi-string', set('M', { type: 'REG_MULTI_SZ', value: ['a', 'b'] }), '"M"=hex(7):61,00,00,00,62,00,00,00,00,00'],
    ['expand string', set('E', expandSz('%A%')), '"E"=hex(2):25,00,41,00,25,00,00,00'],
    ['REG_SZ with CR/LF', set('S', sz('a\r\nb')), '"S"=hex(1):61,00,0d,00,0a,00,62,00,00,00'],
    ['REG_SZ with NUL', set('S', sz('a\0')), '"S"=hex(1):61,00,00,00,00,00'],
    ['binary', set('B', { type: 'REG_BINARY', value: new Uint8Array([0, 0xab, 0xff]) }), '"B"=hex:00,ab,ff'],
    ['empty binary', set('B', { type: 'REG_BINARY', value: new Uint8Array() }), '"B"=hex:'],
    ['none', set('N', { type: 'REG_NONE' }), '"N"=hex(0):'],
    ['deleteValue', { kind: 'deleteValue', key: KEY, valueName: 'x"y' }, '"x\\"y"=-'],
    ['delete the default value', { kind: 'deleteValue', key: KEY, valueName: '' }, '@=-'],
    ['unicode and ; ] [ literally', set('日本;]', sz('é 😀 [x] %VAR%')), '"日本;]"="é 😀 [x] %VAR%"'],
  ] as const)('%s', (_name, action, line) => {
    expect(emitText([action])).toBe(`${HEAD}\r\n[HKEY_LOCAL_MACHINE\\${KEY}]\r\n${line}\r\n\r\n`);
  });

  it('shares one [key] block between consecutive actions on the same key', () => {
    const actions: RegistryAction[] = [
      { kind: 'createKey', key: 'A' },
      set('x', sz('1'), 'A'),
      { kind: 'createKey', key: 'B' },
      set('y', sz('2'), 'A'),
    ];
    expect(emitText(actions)).toBe(
      `${HEAD}\r\n[HKEY_LOCAL_MACHINE\\A]\r\n${REG_NOTE.createKey}\r\n"x"="1"\r\n\r\n[HKEY_LOCAL_MACHINE\\B]\r\n${REG_NOTE.createKey}\r\n` +
        '\r\n[HKEY_LOCAL_MACHINE\\A]\r\n"y"="2"\r\n\r\n',
    );
  });

  it('explains soft values and deleteAllValues in comments, never writing [-key]', () => {
    const out = emitText([{ kind: 'deleteAllValues', key: 'A' }, { ...set('x', sz('1'), 'A'), soft: true }]);
    const lines = out.split('\r\n');
    expect(lines.slice(3, 7)).toEqual(['', '[HKEY_LOCAL_MACHINE\\A]', expect.stringMatching(/^; .*\*\*delvals\..*subkeys/), expect.stringMatching(/^; .*soft/)]);
    expect(lines[7]).toBe('"x"="1"');
    expect(out).not.toContain('[-');
  });
});

describe('emitRegFile: hex wrapping (FORMATS.md b.4)', () => {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

  it('wraps @=hex(2): exactly like regedit', () => {
    const out = emitText([set('', expandSz(alphabet.slice(0, 26)))]);
    expect(out).toContain(
      '@=hex(2):41,00,42,00,43,00,44,00,45,00,46,00,47,00,48,00,49,00,4a,00,4b,00,4c,\\\r\n' +
        '  00,4d,00,4e,00,4f,00,50,00,51,00,52,00,53,00,54,00,55,00,56,00,57,00,58,00,\\\r\n' +
        '  59,00,5a,00,00,00\r\n',
    );
  });

  it.each([
    ['', 23],
    ['DevicePath', 19],
    ['MediaPathUnexpanded', 16],
  ])('value %j: first line %i bytes, then 25 per line', (name, firstLine) => {
    const out = emitText([set(name, expandSz(alphabet.repeat(2)))]);
    const lines = out.split('\r\n').filter((l) => l.startsWith('@=') || l.startsWith('"') || l.startsWith('  '));
    const counts = lines.map((l) => l.replace(/^.*:/, '').match(/[0-9a-f]{2}(,|$)/g)?.length ?? 0);
    expect(counts[0]).toBe(firstLine);
    expect(counts.slice(1, -1).every((n) => n === 25)).toBe(true);
    expect(counts.reduce((a, b) => a + b)).toBe((alphabet.length * 2 + 1) * 2);
    expect(lines.slice(1).every((l) => /^ {2}[0-9a-f]{2}/.test(l))).toBe(true);
    expect(lines.slice(0, -1).every((l) => l.endsWith(',\\'))).toBe(true);
    expect(lines.at(-1)).toMatch(/[0-9a-f]{2}$/);
  });

  it.each([
    ['abc', 23],
    ['abcd', 22],
    ['abcde', 22],
  ])('"%s"=hex: (prefix length 10, 11, 12 mod 3) holds %i bytes on its first line', (name, firstLine) => {
    const out = emitText([set(name, { type: 'REG_BINARY', value: new Uint8Array(60) })]);
    const first = out.split('\r\n').find((l) => l.startsWith(`"${name}"`));
    expect(first).toBe(`"${name}"=hex:${'00,'.repeat(firstLine)}\\`);
  });

  it('breaks after the first byte when the value name is very long', () => {
    const out = emitText([set('N'.repeat(80), { type: 'REG_BINARY', value: new Uint8Array([1, 2]) })]);
    expect(out).toContain(`"${'N'.repeat(80)}"=hex:01,\\\r\n  02\r\n`);
  });

  it('never wraps REG_SZ text', () => {
    expect(emitText([set('S', sz('x'.repeat(500)))])).toContain(`"S"="${'x'.repeat(500)}"\r\n`);
  });
});

describe('emitRegFile: what cannot be written', () => {
  it.each([
    ['a key with LF', set('v', sz(''), 'A\nB'), /key .*control character/],
    ['a key with CR', set('v', sz(''), 'A\rB'), /key .*control character/],
    ['a key ending with ]', set('v', sz(''), 'A\\B]'), /trailing "\]"/],
    ['a key with an empty segment', set('v', sz(''), 'A\\\\B'), /empty segment/],
    ['a key with a leading backslash', set('v', sz(''), '\\A'), /empty segment/],
    ['an empty key', { kind: 'createKey', key: '' }, /empty segment/],
    ['a value name with CR/LF', set('a\r\nb', sz('')), /value name .*control character/],
    ['a multi-string with an empty string', set('m', { type: 'REG_MULTI_SZ', value: ['a', ''] }), /REG_MULTI_SZ/],
    ['a negative dword', set('d', { type: 'REG_DWORD', value: -1 }), /REG_DWORD/],
    ['a fractional dword', set('d', { type: 'REG_DWORD', value: 1.5 }), /REG_DWORD/],
    ['a qword over 64 bits', set('q', { type: 'REG_QWORD', value: 1n << 64n }), /REG_QWORD/],
  ] as const)('throws for %s', (_name, action, message) => {
    expect(() => emitRegFile({ hive: 'HKLM', actions: [action] }, { title: 't' })).toThrow(message);
  });

  it('is pure: the same plan gives the same bytes', () => {
    const plan: RegistryPlan = { hive: 'HKLM', actions: [set('a', sz('b'))] };
    expect(emitRegFile(plan, { title: 't' })).toEqual(emitRegFile(plan, { title: 't' }));
  });
});

const fragments = ['"', '\\', ';', ']', '[', '%VAR%', 'é', '日本', '😀', ' ', '=', '@', '-', ',', 'hex:', 'a', 'Z', '\t'];
const hostile = fc.array(fc.constantFrom(...fragments), { maxLength: 8 }).map((parts) => parts.join(''));
const segment = fc
  .array(fc.constantFrom(...fragments.filter((f) => f !== '\\')), { minLength: 1, maxLength: 5 })
  .map((parts) => parts.join(''));
const keyArb = fc
  .array(segment, { minLength: 1, maxLength: 4 })
  .map((segments) => `Software\\Policies\\${segments.join('\\')}`)
  .filter((key) => !key.endsWith(']'));
const dataText = fc.oneof(
  hostile,
  fc.array(fc.constantFrom(...fragments, '\r', '\n', '\r\n', '\0', '\u0001', '\u007f', '\ud800', '\udc00'), { maxLength: 10 }).map((p) => p.join('')),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constant('long '.repeat(2000)),
);
const dataArb: fc.Arbitrary<RegistryData> = fc.oneof(
  dataText.map((value) => ({ type: 'REG_SZ' as const, value })),
  dataText.map((value) => ({ type: 'REG_EXPAND_SZ' as const, value })),
  fc.array(dataText.filter((s) => s !== '' && !s.includes('\0')), { maxLength: 4 }).map((value) => ({ type: 'REG_MULTI_SZ' as const, value })),
  fc.integer({ min: 0, max: 0xffffffff }).map((value) => ({ type: 'REG_DWORD' as const, value })),
  fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }).map((value) => ({ type: 'REG_QWORD' as const, value })),
  fc.uint8Array({ maxLength: 200 }).map((value) => ({ type: 'REG_BINARY' as const, value })),
  fc.constant({ type: 'REG_NONE' as const }),
);
const actionArb = (keys: fc.Arbitrary<string>): fc.Arbitrary<RegistryAction> =>
  fc.oneof(
    fc.record({ kind: fc.constant('set' as const), key: keys, valueName: hostile, data: dataArb, soft: fc.boolean() }),
    fc.record({ kind: fc.constant('deleteValue' as const), key: keys, valueName: hostile }),
    fc.record({ kind: fc.constant('deleteAllValues' as const), key: keys }),
    fc.record({ kind: fc.constant('createKey' as const), key: keys }),
  );
/** A few keys per plan, so that consecutive actions often share a key. */
const planArb: fc.Arbitrary<RegistryPlan> = fc
  .tuple(fc.constantFrom('HKLM' as const, 'HKCU' as const), fc.array(keyArb, { minLength: 1, maxLength: 3 }))
  .chain(([hive, keys]) => fc.array(actionArb(fc.constantFrom(...keys)), { maxLength: 12 }).map((actions) => ({ hive, actions })));

/** What a .reg can say of a plan: soft → plain set, deleteAllValues → nothing, a block without values → createKey. */
function expectedAfterParse(plan: RegistryPlan): RegistryAction[] {
  const blocks: RegistryAction[][] = [];
  plan.actions.forEach((action, i) => {
    if (i === 0 || plan.actions[i - 1]!.key !== action.key) blocks.push([]);
    blocks.at(-1)!.push(action);
  });
  return blocks.flatMap((block) => {
    const values = block.flatMap((a): RegistryAction[] =>
      a.kind === 'set' ? [{ kind: 'set', key: a.key, valueName: a.valueName, data: a.data }] : a.kind === 'deleteValue' ? [a] : [],
    );
    return values.length > 0 ? values : [{ kind: 'createKey', key: block[0]!.key }];
  });
}

describe('emitRegFile: round trip through the strict parser', () => {
  it('parses back to the plan, for hostile keys, names and data', () => {
    fc.assert(
      fc.property(planArb, hostile, (plan, title) => {
        const parsed = parseRegFile(emitRegFile(plan, { title, notes: [title] }));
        expect(parsed.actions).toEqual(expectedAfterParse(plan));
        expect(parsed.hive).toBe(plan.actions.length > 0 ? plan.hive : undefined);
      }),
      { numRuns: 300 },
    );
  }, 30_000);
});

describe('undoActions', () => {
  it('deletes each set value once, grouped by key in apply order, and nothing else', () => {
    const plan: RegistryPlan = {
      hive: 'HKCU',
      actions: [
        set('a', sz('1'), 'K1'),
        { kind: 'createKey', key: 'K0' },
        set('b', sz('2'), 'K2'),
        { ...set('c', sz('3'), 'K1'), soft: true },
        set('A', sz('again'), 'k1'),
        { kind: 'deleteValue', key: 'K2', valueName: 'z' },
        { kind: 'deleteAllValues', key: 'K3' },
        set('b', sz('2'), 'K2'),
      ],
    };
    expect(undoActions(plan)).toEqual({
      hive: 'HKCU',
      actions: [
        { kind: 'deleteValue', key: 'K1', valueName: 'a' },
        { kind: 'deleteValue', key: 'K1', valueName: 'c' },
        { kind: 'deleteValue', key: 'K2', valueName: 'b' },
      ],
    });
    const notes = undoNotes(plan).join('\n');
    expect(notes).toMatch(/soft/);
    expect(notes).toMatch(/not restored/);
    expect(notes).toMatch(/Keys are not deleted/);
  });

  it('parse(undo file) deletes exactly the values the plan sets', () => {
    fc.assert(
      fc.property(planArb, (plan) => {
        const undo = undoActions(plan);
        const parsed = parseRegFile(emitRegFile(undo, { title: 'undo', notes: undoNotes(plan) }));
        const fold = (s: string): string => s.replace(/[A-Z]/g, (c) => c.toLowerCase());
        const id = (a: RegistryAction): string => `${fold(a.key)}\0${'valueName' in a ? fold(a.valueName) : ''}`;
        const setIds = new Set(plan.actions.filter((a) => a.kind === 'set').map(id));
        expect(parsed.actions.every((a) => a.kind === 'deleteValue')).toBe(true);
        expect(parsed.actions.map(id).sort()).toEqual([...setIds].sort());
        const keyOrder = [...new Set(parsed.actions.map((a) => fold(a.key)))];
        const applyOrder = [...new Set(plan.actions.filter((a) => a.kind === 'set').map((a) => fold(a.key)))];
        expect(keyOrder).toEqual(applyOrder);
        expect(parseRegFile(emitRegFile(undo, { title: 'u' })).actions.length).toBe(setIds.size);
        const runs = undo.actions.filter((a, i) => i === 0 || undo.actions[i - 1]!.key !== a.key).length;
        expect(runs).toBe(keyOrder.length);
      }),
      { numRuns: 200 },
    );
  }, 30_000);
});
