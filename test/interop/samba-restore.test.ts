/**
 * Samba's own code agrees with gpo/<slug>/samba/ without a domain controller (python3-samba):
 * - GPPolParser.load_xml + write_binary on each Registry.pol.xml gives our Registry.pol byte for
 *   byte, for every GPO fixture and the shipped examples; a file written as `<UnknownFile/>`
 *   (a record Samba's XML cannot carry) is one we expect, and load_xml refuses it;
 * - samba-tool gpo restore's own routine (restore_from_backup_to_local_dir) turns each folder into
 *   what it copies to the DC: our Registry.pol per side (through the fallback copy for the
 *   `<UnknownFile/>` ones) and GPT.INI with our version;
 * - a property: random strings, names and data survive the XML exactly.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { packGpoVersion, sideVersion } from '../../src/emit/gpo-version.js';
import { emitRegistryPol } from '../../src/emit/pol.js';
import { emitSambaPolXml, SAMBA_UNKNOWN_FILE } from '../../src/emit/samba-pol-xml.js';
import { compileTemplates } from '../../src/emit/templates.js';
import { readTemplateSources } from '../../src/load/template-sources.js';
import { planGpoSide } from '../../src/model/registry-plan.js';
import type { RegistryAction, RegistryData } from '../../src/model/registry-types.js';
import { tempDir } from '../support/cli.js';
import { compileFiles } from '../support/compile-files.js';
import { SAMBA_SKIP_NOTE, sambaAvailable } from '../support/samba.js';

const PYTHON = '/usr/bin/python3';
const SCRIPT = fileURLToPath(new URL('./samba_xml_restore.py', import.meta.url));
const templates = compileTemplates(readTemplateSources());

/** Every project of GPO fixtures (each compiles on its own) and the shipped example. */
const yamlIn = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort().map((f) => `${dir}/${f}`);
const PROJECTS = [
  yamlIn('policies'),
  ['test/fixtures/valid/all-elements.yaml', 'test/fixtures/valid/gpo-all-kinds.yaml', 'test/fixtures/valid/gpo-raw-records.yaml'],
  ...readdirSync('test/fixtures/conflicts').sort().map((d) => yamlIn(`test/fixtures/conflicts/${d}`)),
  ...readdirSync('test/fixtures/diff').sort().flatMap((d) => [yamlIn(`test/fixtures/diff/${d}/before`), yamlIn(`test/fixtures/diff/${d}/after`)]),
];

/**
 * The sides whose records Samba's XML cannot carry, and why: all-kinds sets an empty
 * REG_MULTI_SZ (Samba writes at least two NULs); raw-records holds a REG_SZ without its NUL.
 */
const EXPECTED_UNKNOWN = ['test/fixtures/valid/gpo-all-kinds.yaml Machine', 'test/fixtures/valid/gpo-raw-records.yaml Machine'];

function python(args: readonly string[]): unknown {
  const result = spawnSync(PYTHON, [SCRIPT, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`samba_xml_restore.py ${args[0]} failed: ${result.stderr}`);
  return JSON.parse(result.stdout);
}

interface Loaded {
  readonly file: string;
  readonly ok: boolean;
  readonly error: string | null;
}

/** Each project's gpo/ files written under `dir`/<index>; returns every GPO with its plans and folder. */
function writeGpoFolders(dir: string) {
  return PROJECTS.flatMap((paths, index) => {
    const result = compileFiles(paths);
    if (!result.model) throw new Error(`does not compile:\n${result.text}`);
    for (const file of result.files.filter((f) => f.path.startsWith('gpo/'))) {
      const path = join(dir, String(index), file.path);
      mkdirSync(join(path, '..'), { recursive: true });
      writeFileSync(path, file.bytes);
    }
    return result.model.gpos.map((gpo) => ({
      gpo,
      folder: join(dir, String(index), 'gpo', gpo.slug),
      sides: [
        { name: 'Machine', plan: planGpoSide(gpo.computer, 'HKLM') },
        { name: 'User', plan: planGpoSide(gpo.user, 'HKCU') },
      ],
    }));
  });
}

const scratchDirs: string[] = [];
/** A temporary folder, removed after the tests. */
function scratch(): string {
  const dir = tempDir();
  scratchDirs.push(dir);
  return dir;
}
afterAll(() => scratchDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('Samba restore folder (python3-samba, no DC)', () => {
  it('load_xml + write_binary gives our Registry.pol byte for byte, for every GPO fixture and the shipped example', (ctx) => {
    if (!sambaAvailable) return ctx.skip(SAMBA_SKIP_NOTE);
    const dir = scratch();
    const sides = writeGpoFolders(dir).flatMap(({ gpo, folder, sides }) =>
      sides.filter((s) => s.plan.actions.length > 0).map((s) => ({ label: `${gpo.sourcePath} ${s.name}`, xml: join(folder, 'samba', s.name, 'Registry.pol.xml'), ours: join(folder, s.name, 'Registry.pol') })),
    );
    expect(sides.length).toBeGreaterThanOrEqual(20);
    const loaded = python(['load', ...sides.map((s) => s.xml)]) as Loaded[];
    const unknown: string[] = [];
    loaded.forEach(({ ok, error }, i) => {
      const side = sides[i];
      if (!side) throw new Error('one result per file');
      if (ok) {
        expect(Buffer.compare(readFileSync(side.xml.replace(/\.xml$/, '')), readFileSync(side.ours)), side.label).toBe(0);
      } else {
        expect(readFileSync(side.xml, 'utf8'), `${side.label}: ${error}`).toBe(`${SAMBA_UNKNOWN_FILE}\n`);
        unknown.push(side.label);
      }
    });
    expect(unknown.sort()).toEqual(EXPECTED_UNKNOWN);
  });

  it('samba-tool gpo restore\'s own routine writes our Registry.pol per side and GPT.INI with our version', (ctx) => {
    if (!sambaAvailable) return ctx.skip(SAMBA_SKIP_NOTE);
    const dir = scratch();
    const gpos = writeGpoFolders(dir);
    const outputs = python(['restore', ...gpos.flatMap(({ folder }) => [join(folder, 'samba'), join(folder, 'restored')])]) as string[];
    gpos.forEach(({ gpo, folder, sides }, i) => {
      const target = join(folder, 'restored');
      const output = outputs[i] ?? '';
      const [machine, user] = sides.map((s) => s.plan);
      if (!machine || !user) throw new Error('two sides');
      const version = packGpoVersion(sideVersion(gpo, user), sideVersion(gpo, machine));
      expect(readFileSync(join(target, 'GPT.INI'), 'utf8')).toBe(`[General]\nVersion = ${version}\n\n`);
      for (const side of sides) {
        if (side.plan.actions.length === 0) continue;
        const restored = readFileSync(join(target, side.name, 'Registry.pol'));
        expect(Buffer.compare(restored, Buffer.from(emitRegistryPol(side.plan.actions))), `${gpo.name} ${side.name}`).toBe(0);
      }
      const fellBack = EXPECTED_UNKNOWN.some((label) => label.startsWith(`${gpo.sourcePath} `));
      expect(output.includes('Falling back to simple copy-restore'), `${gpo.name}: ${output}`).toBe(fellBack);
    });
  });

  it('carries any string, name and number exactly (property, one Samba run for all cases)', (ctx) => {
    if (!sambaAvailable) return ctx.skip(SAMBA_SKIP_NOTE);
    const cases = fc.sample(actionsArbitrary(), { numRuns: 150, seed: 14 });
    const dir = scratch();
    const files = cases.map((actions, i) => {
      const file = join(dir, `case-${i}`, 'Registry.pol.xml');
      mkdirSync(join(file, '..'));
      writeFileSync(file, emitSambaPolXml(actions, templates));
      return file;
    });
    const loaded = python(['load', ...files]) as Loaded[];
    loaded.forEach(({ ok, error }, i) => {
      const actions = cases[i] ?? [];
      expect(ok, `case ${i}: ${error} ${JSON.stringify(actions, (_, v: unknown) => (typeof v === 'bigint' ? String(v) : v))}`).toBe(true);
      const written = readFileSync(join(dir, `case-${i}`, 'Registry.pol'));
      expect(Buffer.compare(written, Buffer.from(emitRegistryPol(actions))), `case ${i}`).toBe(0);
    });
  });

  it('writes <UnknownFile/> exactly when a record has no XML form', () => {
    const key = 'Software\\Policies\\X';
    const set = (data: RegistryData): RegistryAction => ({ kind: 'set', key, valueName: 'V', data });
    const unknown = `${SAMBA_UNKNOWN_FILE}\n`;
    const text = (actions: RegistryAction[]) => new TextDecoder().decode(emitSambaPolXml(actions, templates));
    expect(text([set({ type: 'REG_MULTI_SZ', value: [] })])).toBe(unknown);
    expect(text([set({ type: 'REG_SZ', value: 'bell \u0007' })])).toBe(unknown);
    expect(text([{ kind: 'record', key, valueName: 'V', type: 1, data: Uint8Array.of(0x41, 0) }])).toBe(unknown);
    expect(text([{ kind: 'record', key, valueName: 'V', type: 4, data: Uint8Array.of(1, 0, 0) }])).toBe(unknown);
    expect(text([{ kind: 'record', key, valueName: 'V', type: 0, data: Uint8Array.of(1) }])).toBe(unknown);
    expect(text([set({ type: 'REG_BINARY', value: new Uint8Array(0) })])).toBe(unknown);
    expect(text([set({ type: 'REG_SZ', value: 'line\r\nbreak & <tag>' })])).toContain('<Value>line&#13;\nbreak &amp; &lt;tag&gt;</Value>');
    expect(text([{ kind: 'record', key, valueName: 'V', type: 5, data: Uint8Array.of(0, 0, 0, 42) }])).toContain('<Value>42</Value>');
  });
});

/** Strings XML can hold, with the characters that need care: markup, CR/LF, spaces, astral. */
const PIECES = ['a', ' ', '  ', '&', '<', '>', ']]>', '"', "'", '\r\n', '\r', '\n', '\t', 'é', '日本', '😀', '%V%', ';', '\\', 'None'];
const text = (minLength: number) => fc.array(fc.constantFrom(...PIECES), { minLength, maxLength: 6 }).map((p) => p.join(''));
const keyText = text(1).filter((t) => t.trim() !== '' && !t.includes('\\'));

function actionsArbitrary(): fc.Arbitrary<RegistryAction[]> {
  const data: fc.Arbitrary<RegistryData> = fc.oneof(
    fc.record({ type: fc.constantFrom('REG_SZ' as const, 'REG_EXPAND_SZ' as const), value: text(0) }),
    fc.record({ type: fc.constant('REG_MULTI_SZ' as const), value: fc.array(text(1), { minLength: 1, maxLength: 4 }) }),
    fc.record({ type: fc.constant('REG_DWORD' as const), value: fc.integer({ min: 0, max: 0xffffffff }) }),
    fc.record({ type: fc.constant('REG_QWORD' as const), value: fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }) }),
    fc.record({ type: fc.constant('REG_BINARY' as const), value: fc.uint8Array({ minLength: 1, maxLength: 24 }) }),
  );
  const key = fc.array(keyText, { minLength: 1, maxLength: 3 }).map((parts) => `Software\\Policies\\${parts.join('\\')}`);
  const action: fc.Arbitrary<RegistryAction> = fc.oneof(
    fc.record({ kind: fc.constant('set' as const), key, valueName: text(1).filter((n) => !n.startsWith('**')), data }),
    fc.record({ kind: fc.constant('deleteValue' as const), key, valueName: text(1) }),
    fc.record({ kind: fc.constant('deleteAllValues' as const), key }),
    fc.record({ kind: fc.constant('createKey' as const), key }),
    fc.record({ kind: fc.constant('deleteKeys' as const), key, subkeys: fc.array(keyText.filter((t) => !t.includes(';')), { minLength: 1, maxLength: 3 }) }),
    fc.record({ kind: fc.constant('secureKey' as const), key, secure: fc.boolean() }),
  );
  return fc.array(action, { minLength: 1, maxLength: 8 });
}
