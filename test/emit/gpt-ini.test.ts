/**
 * The local Group Policy folder's gpt.ini (src/emit/gpt-ini.ts): golden files for a machine-only,
 * a user-only and a two-sided GPO; the version packing at the 16-bit boundaries; and Samba's
 * GPTIniParser (python3-samba) reading our file to the same version and extension lists.
 */
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extensionNames, MACHINE_TOOL_GUID, packGpoVersion, sideVersion, USER_TOOL_GUID } from '../../src/emit/gpo-version.js';
import { emitGptIni } from '../../src/emit/gpt-ini.js';
import { emitGpoBackups } from '../../src/emit/gpo-backup.js';
import { compileTemplates } from '../../src/emit/templates.js';
import { readTemplateSources } from '../../src/load/template-sources.js';
import type { RegistryPlan } from '../../src/model/registry-types.js';
import type { Gpo, GpoSide } from '../../src/model/types.js';
import { tempDir } from '../support/cli.js';
import { expectGolden } from '../support/golden.js';
import { SAMBA_SKIP_NOTE, sambaAvailable } from '../support/samba.js';

const templates = compileTemplates(readTemplateSources());
const EMPTY_SIDE: GpoSide = { policies: [], registry: [] };

function gpo(version: number): Gpo {
  return {
    sourcePath: 'policies/x.yaml',
    name: 'X',
    slug: 'x',
    id: '{11111111-2222-4333-8444-555555555555}',
    backupId: '{AAAAAAAA-BBBB-4CCC-8DDD-EEEEEEEEEEEE}',
    version,
    environment: { domain: 'example.com', domainGuid: '{00000000-0000-0000-0000-000000000000}', domainController: 'dc.example.com' },
    computer: EMPTY_SIDE,
    user: EMPTY_SIDE,
  };
}

const plan = (hive: 'HKLM' | 'HKCU', count: number): RegistryPlan => ({
  hive,
  actions: Array.from({ length: count }, (_, i) => ({ kind: 'set' as const, key: 'Software\\Policies\\X', valueName: `V${i}`, data: { type: 'REG_DWORD' as const, value: i } })),
});

const CASES = [
  { name: 'machine-only', version: 1, machine: plan('HKLM', 2), user: plan('HKCU', 0) },
  { name: 'user-only', version: 3, machine: plan('HKLM', 0), user: plan('HKCU', 1) },
  { name: 'both', version: 65535, machine: plan('HKLM', 1), user: plan('HKCU', 1) },
] as const;

describe('gpt.ini', () => {
  for (const c of CASES) {
    it(`matches the golden file: ${c.name}`, () => {
      expectGolden(`gpt-ini/${c.name}/gpt.ini`, emitGptIni(gpo(c.version), c.machine, c.user, templates));
    });
  }

  it('packs the user counter into the high and the machine counter into the low 16 bits', () => {
    expect(packGpoVersion(0, 0)).toBe(0);
    expect(packGpoVersion(0, 1)).toBe(1);
    expect(packGpoVersion(1, 0)).toBe(65536);
    expect(packGpoVersion(1, 1)).toBe(65537);
    expect(packGpoVersion(0, 65535)).toBe(65535);
    expect(packGpoVersion(65535, 0)).toBe(4294901760);
    expect(packGpoVersion(65535, 65535)).toBe(4294967295);
    expect(packGpoVersion(18, 67)).toBe(1179715); // Samba's GPO test data (FORMATS.md e.1)
    for (const bad of [-1, 65536, 1.5]) {
      expect(() => packGpoVersion(bad, 0)).toThrow();
      expect(() => packGpoVersion(0, bad)).toThrow();
    }
  });

  it('gives a side without records version 0 and no extension list, in gpt.ini and Backup.xml alike', () => {
    const text = new TextDecoder().decode(emitGptIni(gpo(7), plan('HKLM', 1), plan('HKCU', 0), templates));
    expect(text).toContain('\r\nVersion=7\r\n');
    expect(text).not.toContain('gPCUserExtensionNames');
    expect(sideVersion(gpo(7), plan('HKCU', 0))).toBe(0);
    const backup = emitGpoBackups([{ gpo: gpo(7), machine: plan('HKLM', 1), user: plan('HKCU', 0) }], { backupTime: new Date(0) }, templates);
    const xml = new TextDecoder().decode(backup.find((f) => f.path.endsWith('Backup.xml'))?.bytes);
    expect(xml).toContain(`<MachineVersionNumber><![CDATA[${7 * 65536 + 7}]]></MachineVersionNumber>`);
    expect(xml).toContain('<UserVersionNumber><![CDATA[0]]></UserVersionNumber>');
  });

  it('reads back through Samba\'s GPTIniParser with the same version and extension lists', (ctx) => {
    if (!sambaAvailable) return ctx.skip(SAMBA_SKIP_NOTE);
    const dir = tempDir();
    try {
      const files = CASES.map((c) => {
        const file = join(dir, `${c.name}.ini`);
        writeFileSync(file, emitGptIni(gpo(c.version), c.machine, c.user, templates));
        return file;
      });
      const script = [
        'import json, sys',
        'from samba.gp_parse.gp_ini import GPTIniParser',
        'out = []',
        'for name in sys.argv[1:]:',
        '    parser = GPTIniParser()',
        '    parser.parse(open(name, "rb").read())',
        '    out.append(dict(parser.ini_conf.items("General")))',
        'print(json.dumps(out))',
      ].join('\n');
      const run = spawnSync('/usr/bin/python3', ['-c', script, ...files], { encoding: 'utf8' });
      expect(run.status, run.stderr).toBe(0);
      const parsed = JSON.parse(run.stdout) as Record<string, string>[];
      CASES.forEach((c, i) => {
        const expected: Record<string, string> = {
          gPCFunctionalityVersion: '2',
          Version: String(packGpoVersion(sideVersion(gpo(c.version), c.user), sideVersion(gpo(c.version), c.machine))),
        };
        const machine = extensionNames(c.machine, MACHINE_TOOL_GUID);
        const user = extensionNames(c.user, USER_TOOL_GUID);
        if (machine !== undefined) expected.gPCMachineExtensionNames = machine;
        if (user !== undefined) expected.gPCUserExtensionNames = user;
        expect(parsed[i], c.name).toEqual(expected);
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
