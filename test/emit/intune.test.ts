/**
 * out/intune: golden JSON/CSV for the shipped Windows Update GPOs and for the GPO using every
 * element kind; every payload read back by a third-party XML parser (fast-xml-parser) with data
 * ids exactly the policy's element ids; the JSON read by JSON.parse as a Graph request body; the
 * CSV read by Python's csv module (skipped where python3 is absent). Warnings: validate/intune-warnings.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/compile.js';
import { CSP_LIST_SEPARATOR } from '../../src/emit/intune-payload.js';
import type { OutputFile } from '../../src/emit/output-file.js';
import type { Model, Policy } from '../../src/model/types.js';
import { compileFiles } from '../support/compile-files.js';
import { expectGolden } from '../support/golden.js';
import { readPayload } from '../support/intune-payload.js';
import { builtInTemplates } from '../support/templates.js';

interface OmaSetting {
  readonly '@odata.type': string;
  readonly displayName: string;
  readonly description: string;
  readonly omaUri: string;
  readonly value: string;
}
interface Profile {
  readonly '@odata.type': string;
  readonly displayName: string;
  readonly description: string;
  readonly omaSettings: readonly OmaSetting[];
}

const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const intuneFiles = (files: readonly OutputFile[]) => files.filter((f) => f.path.startsWith('intune/'));
const profileOf = (file: OutputFile) => JSON.parse(decode(file.bytes)) as Profile;
const INGESTION = './Device/Vendor/MSFT/Policy/ConfigOperations/ADMXInstall/';

function policyById(model: Model | undefined, id: string): Policy {
  const policy = model?.definitions.flatMap((d) => d.policies).find((p) => p.id === id);
  if (!policy) throw new Error(`no policy ${id}`);
  return policy;
}

describe('Intune output of the shipped Windows Update GPOs', () => {
  const result = compileFiles(readdirSync('policies').map((f) => `policies/${f}`));
  const files = intuneFiles(result.files);

  it('writes one JSON and one CSV per GPO, byte for byte as reviewed', () => {
    expect(files.map((f) => f.path)).toEqual([
      'intune/windows-update-intranet-update-server.csv',
      'intune/windows-update-intranet-update-server.json',
      'intune/windows-update-notify-before-download.csv',
      'intune/windows-update-notify-before-download.json',
      'intune/windows-update-notify-before-install.csv',
      'intune/windows-update-notify-before-install.json',
      'intune/windows-update-scheduled-install-daily-03-00.csv',
      'intune/windows-update-scheduled-install-daily-03-00.json',
    ]);
    for (const file of files) expectGolden(`windows-update/${file.path}`, file.bytes);
  });

  it('ingests the ADMX exactly as PolicyDefinitions/ holds it, before the policies', () => {
    const admx = decode(result.files.find((f) => f.path === 'PolicyDefinitions/GpforgeWindowsUpdate.admx')?.bytes ?? new Uint8Array());
    for (const file of files.filter((f) => f.path.endsWith('.json'))) {
      const [ingestion, ...settings] = profileOf(file).omaSettings;
      expect(ingestion?.omaUri).toBe(`${INGESTION}GpforgeWindowsUpdate/Policy/GpforgeWindowsUpdate`);
      expect(ingestion?.value).toBe(admx);
      expect(settings.length).toBeGreaterThan(0);
      for (const s of settings) expect(s.omaUri).toMatch(/^\.\/Device\/Vendor\/MSFT\/Policy\/Config\/GpforgeWindowsUpdate~Policy~WindowsUpdate(~\w+)?\/\w+$/);
    }
  });

  it('sets AUOptions 3 through the enum item value in the notify-before-install payload', () => {
    const file = files.find((f) => f.path === 'intune/windows-update-notify-before-install.json');
    const setting = profileOf(file ?? files[0]!).omaSettings.find((s) => s.omaUri.endsWith('/AutoUpdateCfg'));
    expect(readPayload(setting?.value ?? '')).toEqual({
      state: 'enabled',
      data: [
        { id: 'AutoUpdateMode', value: '3' },
        { id: 'ScheduledInstallDay', value: '0' },
        { id: 'ScheduledInstallTime', value: '3' },
      ],
    });
  });
});

describe('Intune output of the GPO using every element kind', () => {
  const result = compileFiles(['test/fixtures/valid/all-elements.yaml', 'test/fixtures/valid/gpo-all-kinds.yaml']);
  const files = intuneFiles(result.files);
  const json = files.find((f) => f.path.endsWith('.json'));
  const profile = profileOf(json ?? files[0]!);
  const settings = profile.omaSettings.filter((s) => !s.omaUri.startsWith(INGESTION));

  it('matches the reviewed golden files', () => {
    expect(files).toHaveLength(2);
    for (const file of files) expectGolden(`gpo-all-kinds/${file.path}`, file.bytes);
  });

  it('is a Graph windows10CustomConfiguration body of omaSettingString settings', () => {
    expect(profile['@odata.type']).toBe('#microsoft.graph.windows10CustomConfiguration');
    expect(profile.displayName).toBe('All kinds - "quoted" & <tagged> é 日本 🚀');
    expect(profile.omaSettings.every((s) => s['@odata.type'] === '#microsoft.graph.omaSettingString')).toBe(true);
  });

  it('gives every payload data ids exactly the policy element ids, in element order', () => {
    expect(settings.map((s) => s.omaUri.split('/').at(-1))).toEqual(['SimpleToggle', 'EveryElement', 'QwordAndLists', 'StringAndDelete', 'QwordAndLists']);
    for (const setting of settings) {
      const policy = policyById(result.model, setting.omaUri.split('/').at(-1) ?? '');
      const read = readPayload(setting.value);
      if (read.state === 'disabled') expect(read.data).toEqual([]);
      else expect(read.data.map((d) => d.id)).toEqual(policy.elements.map((e) => e.id).filter((id) => read.data.some((d) => d.id === id)));
    }
    const every = readPayload(settings[1]?.value ?? '');
    expect(every.data.map((d) => d.id)).toEqual(policyById(result.model, 'EveryElement').elements.map((e) => e.id));
  });

  it('reads back the YAML values: booleans, numbers, enum item value, text, U+F000 lists and name/value pairs', () => {
    const values = Object.fromEntries(readPayload(settings[1]?.value ?? '').data.map((d) => [d.id, d.value]));
    expect(values).toMatchObject({
      PlainCheck: 'true',
      ValuedCheck: 'false',
      Count: '100',
      CountText: '4294967295',
      Huge: '18446744073709551615',
      Server: ' a "quoted" \\ back\\slash; ] [ %TEMP% é 日本 🚀 ',
      PathChoice: '%ProgramFiles%\\Contoso',
    });
    expect(values.Lines?.split(CSP_LIST_SEPARATOR)).toEqual(['line one', ' leading and trailing ', '日本 ; ]']);
    // valuePrefix "": the registry plan names the values 1, 2, 3 (Microsoft's DeviceInstall example).
    expect(values.Allowed?.split(CSP_LIST_SEPARATOR)).toEqual(['1', 'one', '2', 'two', '3', 'three;]']);
    expect(values.Prefixed?.split(CSP_LIST_SEPARATOR)).toEqual(['Site1', 'a', 'Site2', 'b']);
    expect(values.Named?.split(CSP_LIST_SEPARATOR)).toEqual(['Name "q"', 'data\\x', 'plain', '%PATH%']);
  });

  it('reads back as RFC 4180 CSV with Python\'s csv module, row for row the JSON settings', () => {
    const python = spawnSync('python3', ['--version']);
    if (python.error) {
      console.warn('python3 not found: CSV read-back skipped');
      return;
    }
    const csv = files.find((f) => f.path.endsWith('.csv'));
    const script = 'import csv,io,json,sys\nprint(json.dumps(list(csv.reader(io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8-sig", newline="")))))';
    const read = spawnSync('python3', ['-c', script], { input: Buffer.from(csv?.bytes ?? new Uint8Array()) });
    expect(read.stderr.toString()).toBe('');
    expect(read.status).toBe(0);
    const rows = JSON.parse(read.stdout.toString()) as string[][];
    expect(rows[0]).toEqual(['Name', 'Description', 'OMA-URI', 'Data type', 'Value']);
    expect(rows.slice(1)).toEqual(profile.omaSettings.map((s) => [s.displayName, s.description, s.omaUri, 'String', s.value]));
  });

  it('is deterministic', () => {
    const again = intuneFiles(compileFiles(['test/fixtures/valid/all-elements.yaml', 'test/fixtures/valid/gpo-all-kinds.yaml']).files);
    expect(again).toEqual(files);
  });
});

describe('the Intune app name', () => {
  it('is the definitions\' intuneAppName where given, in the ingestion URI and every policy area', () => {
    const text = readFileSync('test/fixtures/valid/all-elements.yaml', 'utf8').replace(/^fileName: .*$/m, (line) => `${line}\nintuneAppName: Contoso_Agent`);
    expect(text).toContain('intuneAppName: Contoso_Agent');
    const result = compile(
      [
        { path: 'all-elements.yaml', text },
        { path: 'gpo.yaml', text: readFileSync('test/fixtures/valid/gpo-all-kinds.yaml', 'utf8') },
      ],
      { templates: builtInTemplates, emit: true, backupTime: new Date(0) },
    );
    const json = result.files.find((f) => f.path.startsWith('intune/') && f.path.endsWith('.json'));
    const uris = profileOf(json ?? { path: '', bytes: new Uint8Array() }).omaSettings.map((s) => s.omaUri);
    expect(uris[0]).toBe(`${INGESTION}Contoso_Agent/Policy/Contoso_Agent`);
    expect(uris.slice(1).every((uri) => uri.includes('/Config/Contoso_Agent~Policy~'))).toBe(true);
  });
});
