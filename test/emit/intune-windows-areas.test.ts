/**
 * Windows' own policies in out/intune (src/emit/intune-windows-areas.ts): every entry gpforge
 * carries from Microsoft's list names a policy of that .admx in Windows' PolicyDefinitions;
 * a listed policy gets its ADMX_<file> OMA-URI, an unlisted one a warning at its GPO line and no
 * setting. Skipped where the corpus (../shared/corpus) is absent.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/compile.js';
import { formatDiagnostics, locateAll } from '../../src/diagnostics/format.js';
import { windowsAdmxArea, windowsAdmxEntries } from '../../src/emit/intune-windows-areas.js';
import { readPolicyDefinitions } from '../../src/load/admx/read-policy-definitions.js';
import { CORPUS_DIR, corpusAvailable } from '../support/corpus.js';
import { readPayload } from '../support/intune-payload.js';
import { builtInTemplates } from '../support/templates.js';

describe('Windows ADMX-backed areas', () => {
  it('answers by .admx base name (any letter case) and exact policy name', () => {
    expect(windowsAdmxArea('Bits', 'BITS_MaxCacheSize')).toBe('ADMX_Bits');
    expect(windowsAdmxArea('bits', 'BITS_MaxCacheSize')).toBe('ADMX_Bits');
    expect(windowsAdmxArea('Bits', 'bits_maxcachesize')).toBeUndefined();
    expect(windowsAdmxArea('WindowsUpdate', 'AutoUpdateCfg')).toBeUndefined();
    expect(windowsAdmxEntries().length).toBe(1338);
    expect(windowsAdmxArea('WindowsDefender', 'DisableAntiSpywareDefender')).toBe('ADMX_MicrosoftDefenderAntivirus');
    expect(windowsAdmxArea('Shell-CommandPrompt-RegEditTools', 'DisableCMD')).toBe('ADMX_ShellCommandPromptRegEditTools');
  });
});

describe.skipIf(!corpusAvailable())('Windows ADMX-backed areas against Windows PolicyDefinitions', () => {
  const windows = readPolicyDefinitions(CORPUS_DIR);

  it('names only policies that exist in the .admx the area names', () => {
    const byFile = new Map(windows.definitions.map((d) => [d.fileName.toUpperCase(), d]));
    const missing = windowsAdmxEntries().filter(([file, policy]) => !byFile.get(file.toUpperCase())?.policies.some((p) => p.id === policy));
    expect(missing).toEqual([]);
  });

  const fixture = 'test/fixtures/intune/gpo-windows-policies.yaml';
  const text = readFileSync(fixture, 'utf8');
  const result = compile([{ path: fixture, text }], {
    templates: builtInTemplates,
    emit: true,
    backupTime: new Date(0),
    externalDefinitions: windows.definitions.filter((d) => ['Bits', 'WindowsUpdate'].includes(d.fileName)),
    intune: true,
  });

  it('writes listed policies at their ADMX_ area, with no ingestion of Windows\' own files', () => {
    const json = result.files.find((f) => f.path === 'intune/windows-policies-through-the-policy-csp.json');
    const settings = (JSON.parse(new TextDecoder().decode(json?.bytes)) as { omaSettings: { omaUri: string; value: string }[] }).omaSettings;
    expect(settings.map((s) => s.omaUri)).toEqual([
      './Device/Vendor/MSFT/Policy/Config/ADMX_Bits/BITS_MaxCacheSize',
      './Device/Vendor/MSFT/Policy/Config/ADMX_Bits/BITS_DisablePeercachingClient',
    ]);
    expect(readPayload(settings[0]?.value ?? '')).toEqual({ state: 'enabled', data: [{ id: 'BITS_MaxSize', value: '20' }] });
    expect(settings[1]?.value).toBe('<disabled/>');
  });

  it('warns at the GPO line of a Windows policy with no documented OMA-URI', () => {
    const printed = formatDiagnostics(locateAll(result.diagnostics, new Map([[fixture, text]])), 'text');
    expect(printed).toBe(
      `${fixture}:12:5: warning GPF3201: Intune: no OMA-URI for 'AutoUpdateCfg' that gpforge can derive with certainty: Microsoft's list of ADMX-backed Policy CSP policies (as gpforge carries it) has no entry for WindowsUpdate.admx's 'AutoUpdateCfg'; out/intune leaves it out\n`,
    );
  });
});
