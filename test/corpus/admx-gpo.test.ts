/**
 * GPO files may configure policies defined in existing ADMX (--admx): Windows' own
 * WindowsUpdate.admx gives the same registry values as gpforge's hand-written definitions.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/compile.js';
import { readPolicyDefinitions } from '../../src/load/admx/read-policy-definitions.js';
import { planGpoSide } from '../../src/model/registry-plan.js';
import type { RegistryAction } from '../../src/model/registry-types.js';
import { CORPUS_DIR, corpusAvailable } from '../support/corpus.js';
import { compileFiles } from '../support/compile-files.js';
import { builtInTemplates } from '../support/templates.js';
import { readFileSync } from 'node:fs';

const values = (actions: readonly RegistryAction[]) =>
  actions.flatMap((a) => (a.kind === 'set' ? [`${a.key}\\${a.valueName} = ${a.data.type}:${String(a.data.type === 'REG_BINARY' ? '' : 'value' in a.data ? a.data.value : '')}`] : [])).sort();

describe.skipIf(!corpusAvailable())('GPO files using Windows PolicyDefinitions (--admx)', () => {
  const windows = readPolicyDefinitions(join(CORPUS_DIR, 'WindowsUpdate.admx'));
  const fixture = 'test/fixtures/corpus/gpo-windows-update-admx.yaml';
  const viaAdmx = compile([{ path: fixture, text: readFileSync(fixture, 'utf8') }], {
    templates: builtInTemplates,
    emit: true,
    backupTime: new Date(0),
    externalDefinitions: windows.definitions,
  });
  const viaYaml = compileFiles(['policies/windows-update.yaml', 'test/fixtures/corpus/gpo-windows-update-yaml.yaml']);

  it('validates and builds against WindowsUpdate.admx', () => {
    expect(windows.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(viaAdmx.diagnostics).toEqual([]);
    expect(viaAdmx.files.map((f) => f.path)).toContain('gpo/windows-update-from-windows-own-template/apply.reg');
  });

  it('writes the same registry values as the hand-written definitions', () => {
    const fromAdmx = planGpoSide(viaAdmx.model?.gpos[0]?.computer ?? { policies: [], registry: [] }, 'HKLM');
    const fromYaml = planGpoSide(viaYaml.model?.gpos[0]?.computer ?? { policies: [], registry: [] }, 'HKLM');
    expect(values(fromAdmx.actions)).toEqual([
      'Software\\Policies\\Microsoft\\Windows\\WindowsUpdate\\AU\\AUOptions = REG_DWORD:4',
      'Software\\Policies\\Microsoft\\Windows\\WindowsUpdate\\AU\\NoAutoUpdate = REG_DWORD:0',
      'Software\\Policies\\Microsoft\\Windows\\WindowsUpdate\\AU\\ScheduledInstallDay = REG_DWORD:0',
      'Software\\Policies\\Microsoft\\Windows\\WindowsUpdate\\AU\\ScheduledInstallTime = REG_DWORD:3',
    ]);
    expect(values(fromAdmx.actions)).toEqual(values(fromYaml.actions));
  });

  it('addresses the policy by namespace too, and reports unknown element values at their line', () => {
    const text = readFileSync(fixture, 'utf8').replace('wuau:AutoUpdateCfg', 'Microsoft.Policies.WindowsUpdate:AutoUpdateCfg').replace('AutoUpdateSchDay: 0', 'AutoUpdateSchDay: 9');
    const result = compile([{ path: 'gpo.yaml', text }], { templates: builtInTemplates, emit: false, backupTime: new Date(0), externalDefinitions: windows.definitions });
    expect(result.diagnostics.map((d) => d.code)).toEqual(['GPF2206']);
  });

  it('gpforge validate --admx <PolicyDefinitions folder> accepts the GPO', () => {
    const started = Date.now();
    const run = spawnSync(process.execPath, ['dist/cli.js', 'validate', '--src', fixture, '--admx', CORPUS_DIR], { encoding: 'utf8' });
    console.log(`validate --admx with all 223 templates: ${Date.now() - started} ms`);
    expect(run.stderr).toMatch(/1 file valid \(0 errors/);
    expect(run.status).toBe(0);
  });
});
