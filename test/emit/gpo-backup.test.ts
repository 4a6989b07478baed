/** GPO backup emitter: structure, encodings and GUID consistency against FORMATS.md §e. */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { emitGpoBackups, GPO_SECURITY_DESCRIPTOR, type GpoBackupInput } from '../../src/emit/gpo-backup.js';
import type { OutputFile } from '../../src/emit/output-file.js';
import { emitRegistryPol } from '../../src/emit/pol.js';
import { compileTemplates, type Templates } from '../../src/emit/templates.js';
import { readTemplateSources } from '../../src/load/template-sources.js';
import type { RegistryPlan } from '../../src/model/registry-types.js';
import type { Gpo, GpoSide } from '../../src/model/types.js';
import { expectGolden } from '../support/golden.js';

const EMPTY_SIDE: GpoSide = { policies: [], registry: [] };
const ENVIRONMENT = { domain: 'corp.example.com', domainGuid: '{0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0}', domainController: 'dc1.corp.example.com' };

const hostile: Gpo = {
  sourcePath: 'policies/desktops.yaml',
  name: 'Desktops ]]> & <Baseline> "é"',
  slug: 'desktops',
  id: '{3F2A8B6E-5C1D-4E7A-9B0F-2D4C6E8A1B3C}',
  backupId: '{9B1C2D3E-4F50-4617-8293-A4B5C6D7E8F9}',
  version: 1,
  comment: 'Seed <&"]]> é 日本\nsecond line',
  environment: ENVIRONMENT,
  computer: EMPTY_SIDE,
  user: EMPTY_SIDE,
};
const machineOnly: Gpo = {
  sourcePath: 'policies/servers.yaml',
  name: 'Alpha servers',
  slug: 'alpha-servers',
  id: '{11111111-2222-4333-8444-555555555555}',
  backupId: '{AAAAAAAA-BBBB-4CCC-8DDD-EEEEEEEEEEEE}',
  version: 1,
  environment: ENVIRONMENT,
  computer: EMPTY_SIDE,
  user: EMPTY_SIDE,
};

const machinePlan: RegistryPlan = {
  hive: 'HKLM',
  actions: [
    { kind: 'deleteAllValues', key: 'Software\\Policies\\Contoso\\Agent' },
    { kind: 'set', key: 'Software\\Policies\\Contoso\\Agent', valueName: 'Mode', data: { type: 'REG_SZ', value: 'strict' } },
    { kind: 'set', key: 'Software\\Policies\\Contoso\\Agent', valueName: 'Level', data: { type: 'REG_DWORD', value: 3 } },
    { kind: 'deleteValue', key: 'Software\\Policies\\Contoso\\Agent', valueName: 'Legacy' },
  ],
};
const userPlan: RegistryPlan = {
  hive: 'HKCU',
  actions: [{ kind: 'set', key: 'Software\\Policies\\Contoso\\Ui', valueName: 'Theme', data: { type: 'REG_SZ', value: '日本' } }],
};
const inputs: GpoBackupInput[] = [
  { gpo: hostile, machine: machinePlan, user: userPlan },
  { gpo: machineOnly, machine: machinePlan, user: { hive: 'HKCU', actions: [] } },
];
const options = { backupTime: new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 678)) };

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  trimValues: false,
  processEntities: true,
  htmlEntities: true,
  isArray: (name) => ['GroupPolicyExtension', 'FSObjectFile', 'BackupInst'].includes(name),
});
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

let templates: Templates;
let outputs: OutputFile[];
beforeAll(() => {
  templates = compileTemplates(readTemplateSources());
  outputs = emitGpoBackups(inputs, options, templates);
});

const file = (path: string): OutputFile => {
  const found = outputs.find((output) => output.path === path);
  if (!found) throw new Error(`not emitted: ${path}`);
  return found;
};
const text = (path: string): string => decoder.decode(file(path).bytes);
/** Parsed documents of one backup folder. */
function backupOf(gpo: Gpo) {
  const root = `backups/${gpo.backupId}`;
  const backup = parser.parse(text(`${root}/Backup.xml`)).GroupPolicyBackupScheme.GroupPolicyObject;
  const info = parser.parse(text(`${root}/bkupInfo.xml`)).BackupInst[0];
  return { root, core: backup.GroupPolicyCoreSettings, extensions: backup.GroupPolicyExtension as Record<string, unknown>[], info };
}
const bytesEqual = (a: Uint8Array, b: Uint8Array): boolean => Buffer.from(a).equals(Buffer.from(b));
const utf16le = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'utf16le'));

describe('emitGpoBackups (FORMATS.md §e)', () => {
  it('names folder, bkupInfo ID and Backup.xml ID consistently (e.3, e.7)', () => {
    for (const gpo of [hostile, machineOnly]) {
      const { core, info } = backupOf(gpo);
      expect(info.ID).toBe(gpo.backupId);
      expect(info.GPOGuid).toBe(gpo.id);
      expect(core.ID).toBe(gpo.id);
      expect(info.GPOGuid).toBe(core.ID);
    }
  });

  it('lists every payload file with a bkp:Location, and every location exists (e.2)', () => {
    for (const gpo of [hostile, machineOnly]) {
      const { root, extensions } = backupOf(gpo);
      const locations = extensions
        .flatMap((ext) => ext.FSObjectFile as Record<string, string>[])
        .flatMap((entry) => (entry['@_bkp:Location'] === undefined ? [] : [entry['@_bkp:Location']]))
        .map((location) => `${root}/${location.replaceAll('\\', '/')}`);
      const payloads = outputs
        .map((o) => o.path)
        .filter((p) => p.startsWith(`${root}/DomainSysvol/`));
      expect([...locations].sort()).toEqual([...payloads].sort());
    }
    expect(outputs.some((o) => o.path === `backups/${machineOnly.backupId}/DomainSysvol/GPO/GPO.cmt`)).toBe(false);
  });

  it('lists GPO.cmt under the Unknown Extension group only when there is a comment', () => {
    const ids = (gpo: Gpo) => backupOf(gpo).extensions.map((ext) => ext['@_bkp:ID']);
    expect(ids(hostile)).toEqual(['{35378EAC-683F-11D2-A89A-00C04FBBCFA2}', '{F15C46CD-82A0-4C2D-A210-5D0D3182A418}']);
    expect(ids(machineOnly)).toEqual(['{35378EAC-683F-11D2-A89A-00C04FBBCFA2}']);
    const comment = backupOf(hostile).extensions[1]!.FSObjectFile as Record<string, string>[];
    expect(comment[0]!['@_bkp:Path']).toBe('%GPO_FSPATH%\\GPO.cmt');
    const registry = backupOf(hostile).extensions[0]!.FSObjectFile as Record<string, string>[];
    expect(registry[0]).toMatchObject({
      '@_bkp:Path': '%GPO_MACH_FSPATH%\\registry.pol',
      '@_bkp:SourceExpandedPath': `\\\\dc1.corp.example.com\\sysvol\\corp.example.com\\Policies\\${hostile.id}\\Machine\\registry.pol`,
      '@_bkp:Location': 'DomainSysvol\\GPO\\Machine\\registry.pol',
    });
    expect(registry[1]!['@_bkp:Path']).toBe('%GPO_USER_FSPATH%\\registry.pol');
  });

  it('writes Backup.xml as UTF-8 without BOM, declaration + neutral comment, CRLF only', () => {
    for (const gpo of [hostile, machineOnly]) {
      const path = `backups/${gpo.backupId}/Backup.xml`;
      const bytes = file(path).bytes;
      expect([bytes[0], bytes[1], bytes[2]]).not.toEqual([0xef, 0xbb, 0xbf]);
      const xml = text(path);
      expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?><!-- Generated by gpforge --><GroupPolicyBackupScheme')).toBe(true);
      expect(xml).not.toMatch(/Copyright/);
      expect(xml).toMatch(/\r\n$/);
      expect(/(?<!\r)\n|\r(?!\n)/.test(xml), `${path}: bare LF or CR`).toBe(false);
    }
  });

  it('writes bkupInfo.xml and manifest.xml on one line without declaration', () => {
    const paths = [`backups/${hostile.backupId}/bkupInfo.xml`, `backups/${machineOnly.backupId}/bkupInfo.xml`, 'backups/manifest.xml'];
    for (const path of paths) {
      const xml = text(path);
      expect(xml, path).not.toMatch(/[\r\n]/);
      expect(xml.startsWith('<?xml'), path).toBe(false);
      expect(file(path).bytes[0], path).toBe('<'.charCodeAt(0));
    }
  });

  it('writes GPO.cmt as raw UTF-16LE of the comment: no BOM, no terminator (e.6)', () => {
    const bytes = file(`backups/${hostile.backupId}/DomainSysvol/GPO/GPO.cmt`).bytes;
    expect(bytesEqual(bytes, utf16le(hostile.comment!))).toBe(true);
    expect([bytes[0], bytes[1]]).not.toEqual([0xff, 0xfe]);
  });

  it('writes version numbers (v << 16) | v and the extension GUID lists per side', () => {
    const both = backupOf(hostile).core;
    expect([both.MachineVersionNumber, both.UserVersionNumber]).toEqual(['65537', '65537']);
    expect(both.MachineExtensionGuids).toBe('[{35378EAC-683F-11D2-A89A-00C04FBBCFA2}{D02B1F72-3407-48AE-BA88-E8213C6761F1}]');
    expect(both.UserExtensionGuids).toBe('[{35378EAC-683F-11D2-A89A-00C04FBBCFA2}{D02B1F73-3407-48AE-BA88-E8213C6761F1}]');
    const machine = backupOf(machineOnly).core;
    expect([machine.MachineVersionNumber, machine.UserVersionNumber]).toEqual(['65537', '0']);
    expect(machine.UserExtensionGuids).toBe('');
    expect(text(`backups/${machineOnly.backupId}/Backup.xml`)).toContain('<UserExtensionGuids/><WMIFilter/>');
  });

  it('writes registry.pol bytes equal to emitRegistryPol of each plan (empty user side: 8-byte header)', () => {
    const pol = (gpo: Gpo, side: string) => file(`backups/${gpo.backupId}/DomainSysvol/GPO/${side}/registry.pol`).bytes;
    expect(bytesEqual(pol(hostile, 'Machine'), emitRegistryPol(machinePlan.actions))).toBe(true);
    expect(bytesEqual(pol(hostile, 'User'), emitRegistryPol(userPlan.actions))).toBe(true);
    expect(bytesEqual(pol(machineOnly, 'Machine'), emitRegistryPol(machinePlan.actions))).toBe(true);
    expect(bytesEqual(pol(machineOnly, 'User'), emitRegistryPol([]))).toBe(true);
    expect(pol(machineOnly, 'User').length).toBe(8);
  });

  it('writes well-formed XML whose values round-trip, hostile text included', () => {
    for (const output of outputs.filter((o) => o.path.endsWith('.xml'))) {
      expect(XMLValidator.validate(decoder.decode(output.bytes)), output.path).toBe(true);
    }
    const { core, info } = backupOf(hostile);
    expect(core.DisplayName).toBe(hostile.name);
    expect(info.GPODisplayName).toBe(hostile.name);
    expect(info.Comment).toBe(hostile.comment);
    expect(core.Domain).toBe(ENVIRONMENT.domain);
    expect([info.GPODomain, info.GPODomainGuid, info.GPODomainController]).toEqual(Object.values(ENVIRONMENT));
    expect(info.BackupTime).toBe('2024-01-02T03:04:05');
    expect(backupOf(machineOnly).info.Comment).toBe('');
  });

  it('uses CDATA as GPMC does, and escaped text where CDATA cannot carry the value', () => {
    const xml = text(`backups/${hostile.backupId}/Backup.xml`);
    expect(xml).toContain(`<ID><![CDATA[${hostile.id}]]></ID>`);
    expect(xml).toContain('<Options><![CDATA[0]]></Options>');
    expect(xml).toContain(`<SecurityDescriptor>${GPO_SECURITY_DESCRIPTOR}</SecurityDescriptor>`);
    expect(xml).toContain('<DisplayName>Desktops ]]&gt; &amp; &lt;Baseline&gt; "é"</DisplayName>');
    expect(text(`backups/${machineOnly.backupId}/bkupInfo.xml`)).toContain('<GPODisplayName><![CDATA[Alpha servers]]></GPODisplayName>');
  });

  it('writes a self-relative, DACL-only security descriptor naming well-known SIDs only', () => {
    const sd = Buffer.from(GPO_SECURITY_DESCRIPTOR.split(' ').map((h) => parseInt(h, 16)));
    expect([sd[0], sd.readUInt16LE(2)]).toEqual([1, 0x9c04]);
    expect([sd.readUInt32LE(4), sd.readUInt32LE(8), sd.readUInt32LE(12), sd.readUInt32LE(16)]).toEqual([0, 0, 0, 20]);
    const aclSize = sd.readUInt16LE(22);
    expect(20 + aclSize).toBe(sd.length);
    let offset = 28;
    for (let ace = 0; ace < sd.readUInt16LE(24); ace++) {
      const size = sd.readUInt16LE(offset + 2);
      const sid = sd.subarray(offset + size - 12, offset + size);
      expect(sid.readUInt8(1), 'one sub-authority: never a domain SID').toBe(1);
      offset += size;
    }
    expect(offset).toBe(sd.length);
  });

  it('lists each backup in manifest.xml, ordered by GPO name, as its bkupInfo.xml', () => {
    const manifest = text('backups/manifest.xml');
    const parsed = parser.parse(manifest).Backups;
    expect(parsed.BackupInst.map((b: Record<string, string>) => b.ID)).toEqual([machineOnly.backupId, hostile.backupId]);
    expect(manifest).toContain(text(`backups/${hostile.backupId}/bkupInfo.xml`));
    expect(manifest).toContain(text(`backups/${machineOnly.backupId}/bkupInfo.xml`));
  });

  it('is deterministic: same bytes twice and for any input order', () => {
    for (const again of [emitGpoBackups(inputs, options, templates), emitGpoBackups([...inputs].reverse(), options, templates)]) {
      expect(again.map((o) => o.path)).toEqual(outputs.map((o) => o.path));
      again.forEach((o, i) => expect(bytesEqual(o.bytes, outputs[i]!.bytes), o.path).toBe(true));
    }
  });

  it('matches the golden files of one GPO and the manifest byte for byte', () => {
    const golden = outputs.filter((o) => o.path.startsWith(`backups/${hostile.backupId}/`) || o.path === 'backups/manifest.xml');
    expect(golden.length).toBe(6);
    for (const output of golden) expectGolden(`gpo-backup/${output.path}`, output.bytes);
  });
});
