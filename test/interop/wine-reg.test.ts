/**
 * Wine interop for the .reg emitter (FORMATS.md §b): import a generated apply.reg with
 * `reg import` and with `regedit /s`, export the key back (`reg export`, `regedit /e`), parse it
 * with the strict test parser and compare value by value; then import undo.reg and check that
 * exactly the applied values are gone. Runs in a private, throw-away WINEPREFIX; skipped when
 * Wine is not installed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { emitRegFile as emitRegFileWith, isRegLiteral, type RegFileHeader } from '../../src/emit/reg.js';
import { builtInTemplates } from '../support/templates.js';
import type { Hive, RegistryAction, RegistryData, RegistryPlan } from '../../src/model/registry-types.js';
import { undoActions, undoNotes } from '../../src/model/registry-undo.js';
import { parseRegFile } from '../support/reg-parser.js';
import { createWinePrefix, HIVE_NAMES, IMPORTERS, WINE, WINE_SKIP_NOTE } from '../support/wine.js';

const emitRegFile = (plan: RegistryPlan, header: RegFileHeader) => emitRegFileWith(plan, header, builtInTemplates);

const BASE = 'Software\\Policies\\GpforgeTest';

const winePrefix = WINE ? createWinePrefix() : undefined;
const prefix = winePrefix?.dir ?? '';
const wine = (...args: string[]): Promise<void> => winePrefix!.wine(...args);

afterAll(async () => {
  await winePrefix?.dispose();
});

const sz = (value: string): RegistryData => ({ type: 'REG_SZ', value });
const set = (key: string, valueName: string, data: RegistryData, soft?: boolean): RegistryAction =>
  soft ? { kind: 'set', key, valueName, data, soft } : { kind: 'set', key, valueName, data };
const bytes = (n: number): Uint8Array => Uint8Array.from({ length: n }, (_, i) => (i * 37) & 0xff);

/** Every data type, hostile names and data, several wrap positions; no embedded NUL (see report). */
function applyPlan(hive: Hive): RegistryPlan {
  const sub = `${BASE}\\sub "q" ;[x] %VAR% é 日本 😀`;
  const actions: RegistryAction[] = [
    { kind: 'deleteAllValues', key: BASE },
    set(BASE, '', sz('default value')),
    set(BASE, 'plain', sz('hello')),
    set(BASE, 'quote"back\\slash', sz('C:\\Program Files\\"x"\\')),
    set(BASE, 'semi;colon ]bracket[ =-', sz('; not a comment [HKEY_LOCAL_MACHINE\\X] "a"=-')),
    set(BASE, ' spaced ', sz('  lead and trail  ')),
    set(BASE, 'tab\there', sz('a\tb')),
    set(BASE, 'unicode é 日本 😀', sz('é 日本 😀 %VAR%')),
    set(BASE, 'empty', sz('')),
    set(BASE, 'crlf', sz('line1\r\nline2\rline3\n')),
    set(BASE, 'control', sz('bell\u0007')),
    set(BASE, 'long', sz('x'.repeat(3000))),
    set(BASE, 'soft', sz('written anyway'), true),
    set(BASE, 'expand', { type: 'REG_EXPAND_SZ', value: '%SystemRoot%\\System32;%ProgramFiles%\\Gpforge é' }),
    set(BASE, 'DevicePath', { type: 'REG_EXPAND_SZ', value: '%SystemRoot%\\inf' }),
    set(BASE, 'MediaPathUnexpanded', { type: 'REG_EXPAND_SZ', value: '%SystemRoot%\\Media' }),
    set(BASE, 'multi', { type: 'REG_MULTI_SZ', value: ['a', 'b c', '日本 😀', 'quote"back\\'] }),
    set(BASE, 'multiEmpty', { type: 'REG_MULTI_SZ', value: [] }),
    set(BASE, 'dword0', { type: 'REG_DWORD', value: 0 }),
    set(BASE, 'dword42', { type: 'REG_DWORD', value: 42 }),
    set(BASE, 'dwordMax', { type: 'REG_DWORD', value: 0xffffffff }),
    set(BASE, 'qword42', { type: 'REG_QWORD', value: 42n }),
    set(BASE, 'qwordMax', { type: 'REG_QWORD', value: 0xffffffffffffffffn }),
    set(BASE, 'binary', { type: 'REG_BINARY', value: bytes(256) }),
    set(BASE, 'binaryEmpty', { type: 'REG_BINARY', value: new Uint8Array() }),
    set(BASE, 'none', { type: 'REG_NONE' }),
    set(BASE, 'N'.repeat(80), { type: 'REG_BINARY', value: bytes(30) }),
    ...['a', 'ab', 'abc', 'abcd'].map((name) => set(BASE, name, { type: 'REG_BINARY', value: bytes(100) })),
    set(BASE, 'temp', sz('set then deleted')),
    { kind: 'deleteValue', key: BASE, valueName: 'temp' },
    { kind: 'deleteValue', key: BASE, valueName: 'Doomed' },
    { kind: 'createKey', key: `${BASE}\\emptyKey` },
    set(sub, 'v', sz('in a hostile subkey')),
    set(`${BASE}\\ lead and trail `, '@', sz('a value named @')),
  ];
  return { hive, actions };
}

/** Values by `key \0 name` after applying the plan on top of `before`, in plan order. */
function applied(plan: RegistryPlan, before: ReadonlyMap<string, RegistryData>): Map<string, RegistryData> {
  const values = new Map(before);
  for (const a of plan.actions) {
    if (a.kind === 'set') values.set(`${a.key}\0${a.valueName}`, a.data);
    if (a.kind === 'deleteValue') values.delete(`${a.key}\0${a.valueName}`);
  }
  return values;
}

function valuesOf(actions: readonly RegistryAction[]): Map<string, RegistryData> {
  return new Map(actions.flatMap((a) => (a.kind === 'set' ? [[`${a.key}\0${a.valueName}`, a.data] as const] : [])));
}

function keysOf(actions: readonly RegistryAction[]): Set<string> {
  return new Set(actions.map((a) => a.key));
}

/** The physical lines of each value in our file, with their continuations. */
function valueChunks(text: string): string[] {
  const chunks: string[] = [];
  for (const line of text.split('\r\n')) {
    if (line.startsWith('  ') && chunks.at(-1)?.endsWith('\\')) chunks[chunks.length - 1] += `\r\n${line}`;
    else if (line.startsWith('"') || line.startsWith('@')) chunks.push(line);
  }
  return chunks;
}

const decode = (data: Uint8Array): string => Buffer.from(data.subarray(2)).toString('utf16le');
const sorted = (m: ReadonlyMap<string, RegistryData>): [string, RegistryData][] => [...m].sort(([a], [b]) => (a < b ? -1 : 1));

/** Values in the key before apply: apply leaves Foreign alone and deletes Doomed. */
const SEEDED = [['Foreign', 'not ours'], ['Doomed', 'deleted by apply']] as const;
const BEFORE_APPLY = new Map(SEEDED.map(([name, text]) => [`${BASE}\0${name}`, sz(text)]));
const FOREIGN = new Map([...BEFORE_APPLY].filter(([id]) => id.endsWith('\0Foreign')));

async function seed(root: string): Promise<void> {
  await wine('reg', 'delete', root, '/f').catch(() => undefined);
  for (const [name, text] of SEEDED) await wine('reg', 'add', root, '/v', name, '/t', 'REG_SZ', '/d', text, '/f');
}

/** Wine's exporter writes our literal value lines (escapes, dword, hex wrapping) byte for byte. */
function expectSameValueLines(exportText: string, expected: ReadonlyMap<string, RegistryData>, hive: Hive): void {
  const literal = [...expected].filter(([id, d]) => id.startsWith(`${BASE}\0`) && (d.type !== 'REG_SZ' || isRegLiteral(d.value)));
  const ours = emitRegFile({ hive, actions: literal.map(([id, data]) => set(BASE, id.slice(BASE.length + 1), data)) }, { title: '' });
  for (const chunk of valueChunks(decode(ours))) expect(exportText).toContain(`\r\n${chunk}\r\n`);
}

describe.skipIf(!WINE)('Wine imports gpforge .reg files', () => {
  it.each(IMPORTERS.flatMap((importer) => (['HKCU', 'HKLM'] as const).map((hive) => [importer.name, hive, importer] as const)))(
    '%s into %s: apply lands exactly, undo removes exactly the applied values',
    async (_name, hive, importer) => {
      const root = `${HIVE_NAMES[hive]}\\${BASE}`;
      const started = Date.now();
      await seed(root);
      const plan = applyPlan(hive);
      writeFileSync(join(prefix, 'apply.reg'), emitRegFile(plan, { title: 'Gpforge Wine test' }));
      writeFileSync(join(prefix, 'undo.reg'), emitRegFile(undoActions(plan), { title: 'undo', notes: undoNotes(plan) }));
      const importAndExport = async (file: string): Promise<{ text: string; actions: RegistryAction[] }> => {
        await wine(...importer.importArgs(file));
        await wine(...importer.exportArgs(root, 'out.reg'));
        const data = readFileSync(join(prefix, 'out.reg'));
        const parsed = parseRegFile(data, { wineEscapes: true });
        expect(parsed.hive).toBe(hive);
        return { text: decode(data), actions: parsed.actions };
      };

      const afterApply = await importAndExport('apply.reg');
      const expected = applied(plan, BEFORE_APPLY);
      expect(sorted(valuesOf(afterApply.actions))).toEqual(sorted(expected));
      for (const key of keysOf(plan.actions)) expect(keysOf(afterApply.actions)).toContain(key);
      expectSameValueLines(afterApply.text, expected, hive);

      const afterUndo = await importAndExport('undo.reg');
      expect(sorted(valuesOf(afterUndo.actions))).toEqual(sorted(FOREIGN));
      expect(keysOf(afterUndo.actions)).toContain(`${BASE}\\emptyKey`);
      console.info(`wine ${importer.name} ${hive}: ${Date.now() - started} ms`);
    },
    240_000,
  );
});

if (!WINE) {
  it.skip(WINE_SKIP_NOTE, () => undefined);
}
