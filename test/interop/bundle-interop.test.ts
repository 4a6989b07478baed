/**
 * Interop on the real pipeline: compile the all-kinds fixtures and the shipped example project
 * (policies/*.yaml), then check that real readers see in the emitted files exactly what
 * gpforge's registry planner (planGpoSide) says:
 * - Samba's PReg parser reads every Registry.pol (gpo/<slug>/{Machine,User}/Registry.pol and the
 *   backups' DomainSysvol/GPO/{Machine,User}/registry.pol) as the plan's actions, entry by entry.
 * - Wine imports apply.reg (`reg import`; the fixture also with `regedit /s`) into a private
 *   WINEPREFIX, and the exported HKLM/HKCU\Software\Policies trees hold exactly the planned
 *   values; undo.reg then removes every one of them.
 * Each part skips itself with a message when Samba's Python module or Wine is missing.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planGpoSide } from '../../src/model/registry-plan.js';
import type { Hive, RegistryAction, RegistryData, RegistryPlan } from '../../src/model/registry-types.js';
import type { Gpo } from '../../src/model/types.js';
import { compileFiles } from '../support/compile-files.js';
import { parseRegFile } from '../support/reg-parser.js';
import { dumpWithSamba, SAMBA_SKIP_NOTE, sambaAvailable, type SambaEntry } from '../support/samba.js';
import { createWinePrefix, HIVE_NAMES, REG_IMPORT, REGEDIT, WINE, WINE_SKIP_NOTE, type Importer, type WinePrefix } from '../support/wine.js';

const HIVES = ['HKLM', 'HKCU'] as const;
/** Every key the bundles write lives under this key of each hive; Wine exports exactly it. */
const POLICIES = 'Software\\Policies';

interface PlannedGpo {
  readonly bundle: string;
  readonly gpo: Gpo;
  readonly plans: Readonly<Record<Hive, RegistryPlan>>;
  /** The bytes of one output file of the bundle; throws when the bundle has no such file. */
  file(path: string): Uint8Array;
}

/** Compiles `paths` with the real pipeline and plans each GPO as the emitters do. */
function compileBundle(bundle: string, paths: readonly string[]): PlannedGpo[] {
  const result = compileFiles(paths);
  if (!result.model || result.files.length === 0) throw new Error(`${bundle} does not compile:\n${result.text}`);
  const files = new Map(result.files.map((f) => [f.path, f.bytes]));
  const file = (path: string): Uint8Array => {
    const bytes = files.get(path);
    if (!bytes) throw new Error(`${bundle}: no output file ${path}`);
    return bytes;
  };
  return result.model.gpos.map((gpo) => ({
    bundle,
    gpo,
    plans: { HKLM: planGpoSide(gpo.computer, 'HKLM'), HKCU: planGpoSide(gpo.user, 'HKCU') },
    file,
  }));
}

const FIXTURE = compileBundle('fixture', ['test/fixtures/valid/all-elements.yaml', 'test/fixtures/valid/gpo-all-kinds.yaml']);
const EXAMPLE = compileBundle('example', readdirSync('policies').filter((f) => f.endsWith('.yaml')).sort().map((f) => `policies/${f}`));
const ALL_GPOS = [...FIXTURE, ...EXAMPLE];
const ALL_KINDS = FIXTURE.find((p) => p.gpo.sourcePath.endsWith('gpo-all-kinds.yaml'));

const SIDES = [
  { hive: 'HKLM', gpoDir: 'Machine', backupDir: 'Machine' },
  { hive: 'HKCU', gpoDir: 'User', backupDir: 'User' },
] as const;

describe('the bundles under test', () => {
  it('hold the fixture GPO and every example GPO, each side planned', () => {
    expect(ALL_KINDS, 'the gpo-all-kinds fixture GPO').toBeDefined();
    expect(EXAMPLE.map((p) => p.gpo.sourcePath).sort()).toEqual(
      readdirSync('policies').filter((f) => f.endsWith('.yaml') && f.startsWith('gpo-')).sort().map((f) => `policies/${f}`),
    );
    // The Wine part exports only Software\Policies: every planned key must be under it.
    for (const { gpo, plans } of ALL_GPOS) {
      for (const hive of HIVES) {
        for (const a of plans[hive].actions) expect(a.key.toLowerCase(), `${gpo.slug} ${hive}`).toMatch(/^software\\policies\\/);
      }
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Samba: every Registry.pol, entry by entry
// ---------------------------------------------------------------------------------------------

/** winnt.h REG_* numbers. */
const REG_TYPE: Readonly<Record<RegistryData['type'], number>> = {
  REG_NONE: 0, REG_SZ: 1, REG_EXPAND_SZ: 2, REG_BINARY: 3, REG_DWORD: 4, REG_MULTI_SZ: 7, REG_QWORD: 11,
};

/** UTF-16LE byte count of `text` with its NUL terminator. */
const sz = (text: string): number => 2 * (text.length + 1);

/** What Samba must read for one set's data: type, size and data as samba_preg_dump.py normalises them. */
function sambaData(data: RegistryData): Pick<SambaEntry, 'type' | 'size' | 'data'> {
  const type = REG_TYPE[data.type];
  switch (data.type) {
    case 'REG_SZ':
    case 'REG_EXPAND_SZ':
      return { type, size: sz(data.value), data: { str: data.value } };
    case 'REG_MULTI_SZ':
      return { type, size: data.value.reduce((n, s) => n + sz(s), 2), data: { list: [...data.value] } };
    case 'REG_DWORD':
      return { type, size: 4, data: { int: String(data.value) } };
    case 'REG_QWORD':
      return { type, size: 8, data: { int: data.value.toString() } };
    case 'REG_BINARY':
      return { type, size: data.value.length, data: { hex: [...data.value].map((b) => b.toString(16).padStart(2, '0')).join(' ') } };
    case 'REG_NONE':
      return { type, size: 0, data: { none: true } };
  }
}

/** The PReg entry of one plan action (FORMATS.md a.4): directives in the value name, markers " " + NUL. */
function sambaEntry(action: RegistryAction): SambaEntry {
  const marker = { type: REG_TYPE.REG_SZ, size: 4, data: { str: ' ' } };
  switch (action.kind) {
    case 'set':
      return { keyname: action.key, valuename: `${action.soft === true ? '**soft.' : ''}${action.valueName}`, ...sambaData(action.data) };
    case 'deleteValue':
      return { keyname: action.key, valuename: `**del.${action.valueName}`, ...marker };
    case 'deleteAllValues':
      return { keyname: action.key, valuename: '**delvals.', ...marker };
    case 'createKey':
      return { keyname: action.key, valuename: '', type: REG_TYPE.REG_NONE, size: 0, data: { none: true } };
    default:
      throw new Error(`no ${action.kind} action in the bundles checked here`);
  }
}

const POL_CASES = ALL_GPOS.flatMap((planned) =>
  SIDES.flatMap((side) => [
    [`${planned.bundle} ${planned.gpo.slug}: gpo/${side.gpoDir}/Registry.pol`, `gpo/${planned.gpo.slug}/${side.gpoDir}/Registry.pol`, side.hive, planned] as const,
    [`${planned.bundle} ${planned.gpo.slug}: backup ${side.backupDir}/registry.pol`, `backups/${planned.gpo.backupId}/DomainSysvol/GPO/${side.backupDir}/registry.pol`, side.hive, planned] as const,
  ]),
);

describe('Samba reads every Registry.pol of the bundles as the plan', () => {
  it.for(POL_CASES)('%s', ([, path, hive, planned], ctx) => {
    if (!sambaAvailable) ctx.skip(SAMBA_SKIP_NOTE);
    const actions = planned.plans[hive].actions;
    const dump = dumpWithSamba(planned.file(path));
    expect(dump).toMatchObject({ signature: 'PReg', version: 1, num_entries: actions.length, repacked_identical: true });
    expect(dump.entries).toEqual(actions.map(sambaEntry));
  });
});

// ---------------------------------------------------------------------------------------------
// Wine: apply.reg lands exactly the planned values, undo.reg removes them
// ---------------------------------------------------------------------------------------------

/** Values by `key \0 name` in the order they are written. */
type Values = Map<string, RegistryData>;
const valueId = (key: string, valueName: string): string => `${key}\0${valueName}`;
const sorted = (values: Values): [string, RegistryData][] => [...values].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/**
 * What apply.reg leaves in an empty Software\Policies tree: the plan's sets (soft ones too: .reg
 * has no "only if absent"), minus the values it deletes afterwards. deleteAllValues deletes
 * nothing in a .reg (FORMATS.md b.5) and has nothing to delete in an empty tree anyway.
 */
function plannedValues(plan: RegistryPlan): Values {
  const values: Values = new Map();
  for (const a of plan.actions) {
    if (a.kind === 'set') values.set(valueId(a.key, a.valueName), a.data);
    if (a.kind === 'deleteValue') values.delete(valueId(a.key, a.valueName));
  }
  return values;
}

/** Keys apply.reg must leave: createKey, every key it sets a value in, and deleteAllValues keys (opened). */
function plannedKeys(plan: RegistryPlan): string[] {
  return [...new Set(plan.actions.filter((a) => a.kind !== 'deleteValue').map((a) => a.key))];
}

interface RegistryState {
  readonly values: Values;
  readonly keys: ReadonlySet<string>;
}

describe.skipIf(!WINE)('Wine imports the bundles\' apply.reg and undo.reg', () => {
  let prefix: WinePrefix;
  beforeAll(() => {
    prefix = createWinePrefix('gpforge-bundle-wine-');
  });
  afterAll(async () => {
    await prefix?.dispose();
  });

  /**
   * Deletes Software\Policies in both hives and recreates it empty, so every scenario starts from
   * an empty tree (recreated by importing bare `[key]` lines: Wine's `reg add KEY` would also set
   * the key's default value to "").
   */
  async function resetPolicies(): Promise<void> {
    const roots = HIVES.map((hive) => `${HIVE_NAMES[hive]}\\${POLICIES}`);
    for (const root of roots) await prefix.wine('reg', 'delete', root, '/f').catch(() => undefined);
    const text = ['Windows Registry Editor Version 5.00', '', ...roots.flatMap((root) => [`[${root}]`, '']), ''].join('\r\n');
    writeFileSync(join(prefix.dir, 'reset.reg'), Buffer.concat([Buffer.of(0xff, 0xfe), Buffer.from(text, 'utf16le')]));
    await prefix.wine('reg', 'import', 'reset.reg');
  }

  /** Exports Software\Policies of `hive` with the importer's own exporter and parses it (Wine's escapes allowed). */
  async function exportPolicies(importer: Importer, hive: Hive): Promise<RegistryState> {
    const file = `export-${hive}.reg`;
    await prefix.wine(...importer.exportArgs(`${HIVE_NAMES[hive]}\\${POLICIES}`, file));
    const parsed = parseRegFile(readFileSync(join(prefix.dir, file)), { wineEscapes: true });
    expect(parsed.byHive[hive === 'HKLM' ? 'HKCU' : 'HKLM'], `${hive} export holds only ${hive}`).toEqual([]);
    const actions = parsed.byHive[hive];
    for (const a of actions) expect(['set', 'createKey'], `${hive} export: ${JSON.stringify(a.key)}`).toContain(a.kind);
    return {
      values: new Map(actions.flatMap((a) => (a.kind === 'set' ? [[valueId(a.key, a.valueName), a.data] as const] : []))),
      keys: new Set(actions.map((a) => a.key)),
    };
  }

  const SCENARIOS = [
    ...(ALL_KINDS ? [ALL_KINDS] : []).flatMap((planned) => [REG_IMPORT, REGEDIT].map((importer) => [planned, importer] as const)),
    ...EXAMPLE.map((planned) => [planned, REG_IMPORT] as const),
  ].map(([planned, importer]) => [`${planned.bundle} ${planned.gpo.slug} with ${importer.name}`, planned, importer] as const);

  it.each(SCENARIOS)(
    '%s: apply.reg lands exactly the planned values, undo.reg removes them',
    async (name, planned, importer) => {
      const started = Date.now();
      const { slug } = planned.gpo;
      await resetPolicies();
      writeFileSync(join(prefix.dir, 'apply.reg'), planned.file(`gpo/${slug}/apply.reg`));
      writeFileSync(join(prefix.dir, 'undo.reg'), planned.file(`gpo/${slug}/undo.reg`));

      await prefix.wine(...importer.importArgs('apply.reg'));
      for (const hive of HIVES) {
        const plan = planned.plans[hive];
        const state = await exportPolicies(importer, hive);
        expect(sorted(state.values), `${hive} values after apply.reg`).toEqual(sorted(plannedValues(plan)));
        for (const key of plannedKeys(plan)) expect([...state.keys], `${hive} keys after apply.reg`).toContain(key);
      }

      await prefix.wine(...importer.importArgs('undo.reg'));
      for (const hive of HIVES) {
        const plan = planned.plans[hive];
        const state = await exportPolicies(importer, hive);
        const left = plan.actions.filter((a) => a.kind === 'set' && state.values.has(valueId(a.key, a.valueName)));
        expect(left, `${hive} planned values still there after undo.reg`).toEqual([]);
        expect(sorted(state.values), `${hive} values after undo.reg (the tree was empty before apply)`).toEqual([]);
        for (const key of plannedKeys(plan)) expect([...state.keys], `${hive} keys after undo.reg (undo deletes no key)`).toContain(key);
      }
      console.info(`wine ${name}: ${Date.now() - started} ms`);
    },
    60_000,
  );
});

if (!WINE) {
  it.skip(WINE_SKIP_NOTE, () => undefined);
}
