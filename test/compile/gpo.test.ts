/**
 * GPO settings through the whole pipeline: the Registry.pol and .reg files read back equal the
 * registry plan (round trips), the backup agrees with the loose files, and the outputs of the
 * all-kinds fixture are golden byte for byte.
 */
import { describe, expect, it } from 'vitest';
import { parsePolFile, polRecordsToActions } from '../../src/load/pol-reader.js';
import { planGpoSide } from '../../src/model/registry-plan.js';
import type { RegistryAction, RegistryPlan } from '../../src/model/registry-types.js';
import { compileFiles } from '../support/compile-files.js';
import { expectGolden } from '../support/golden.js';
import { parseRegFile } from '../support/reg-parser.js';

const result = compileFiles(['test/fixtures/valid/all-elements.yaml', 'test/fixtures/valid/gpo-all-kinds.yaml']);
const gpo = result.model?.gpos[0];
const file = (path: string) => {
  const found = result.files.find((f) => f.path === path);
  if (!found) throw new Error(`no output ${path}; outputs: ${result.files.map((f) => f.path).join(', ')}`);
  return found.bytes;
};

/** What a .reg can say of a plan (FORMATS.md b.5): soft values are plain sets, delvals opens the key. */
function regView(plan: RegistryPlan): RegistryAction[] {
  const actions: RegistryAction[] = [];
  for (const [i, action] of plan.actions.entries()) {
    if (action.kind === 'set' && action.soft) actions.push({ kind: 'set', key: action.key, valueName: action.valueName, data: action.data });
    else if (action.kind === 'deleteAllValues') {
      const valuesFollow = plan.actions.slice(i + 1).some((a) => a.key === action.key && a.kind !== 'createKey');
      if (!valuesFollow) actions.push({ kind: 'createKey', key: action.key });
    } else actions.push(action);
  }
  return actions;
}

describe('GPO all-kinds fixture', () => {
  it('compiles without errors (warnings only where the legacy .adm is lacking)', () => {
    expect(result.diagnostics.filter((d) => d.code !== 'GPF3101')).toEqual([]);
    expect(gpo?.slug).toBe('all-kinds-quoted-tagged-e');
  });
  if (!gpo) return;
  const machine = planGpoSide(gpo.computer, 'HKLM');
  const user = planGpoSide(gpo.user, 'HKCU');
  const dir = `gpo/${gpo.slug}`;

  it('plans every element kind and raw value (sanity: the plan is not trivially empty)', () => {
    expect(machine.actions.length).toBeGreaterThan(30);
    expect(user.actions.length).toBeGreaterThan(3);
    const types = new Set(machine.actions.flatMap((a) => (a.kind === 'set' ? [a.data.type] : [a.kind])));
    expect([...types].sort()).toEqual(
      ['REG_BINARY', 'REG_DWORD', 'REG_EXPAND_SZ', 'REG_MULTI_SZ', 'REG_QWORD', 'REG_SZ', 'createKey', 'deleteAllValues', 'deleteValue'].sort(),
    );
  });

  it.each([
    ['Machine', () => machine],
    ['User', () => user],
  ])('%s/Registry.pol reads back as the plan, in the loose folder and in the backup', (side, plan) => {
    for (const path of [`${dir}/${side}/Registry.pol`, `backups/${gpo.backupId}/DomainSysvol/GPO/${side}/registry.pol`]) {
      const parsed = parsePolFile(file(path), path);
      expect(parsed.diagnostics).toEqual([]);
      const { actions, unsupported } = polRecordsToActions(parsed.records);
      expect(unsupported).toEqual([]);
      expect(actions).toEqual(plan().actions);
    }
  });

  it('apply.reg reads back as the plan of both hives (what .reg can express)', () => {
    const parsed = parseRegFile(file(`${dir}/apply.reg`));
    expect(parsed.byHive.HKLM).toEqual(regView(machine));
    expect(parsed.byHive.HKCU).toEqual(regView(user));
  });

  it('undo.reg deletes exactly the values apply.reg sets', () => {
    const parsed = parseRegFile(file(`${dir}/undo.reg`));
    for (const [hive, plan] of [['HKLM', machine], ['HKCU', user]] as const) {
      const set = new Set(plan.actions.flatMap((a) => (a.kind === 'set' ? [`${a.key}\\${a.valueName}`.toLowerCase()] : [])));
      const deleted = parsed.byHive[hive].map((a) => {
        expect(a.kind).toBe('deleteValue');
        return a.kind === 'deleteValue' ? `${a.key}\\${a.valueName}`.toLowerCase() : '';
      });
      expect(new Set(deleted)).toEqual(set);
      expect(deleted.length).toBe(set.size);
    }
  });

  it('matches the golden files byte for byte', () => {
    const outputs = result.files.filter((f) => f.path.startsWith('gpo/') || f.path.startsWith('backups/'));
    expect(outputs.length).toBeGreaterThanOrEqual(10);
    for (const output of outputs) expectGolden(`gpo-all-kinds/${output.path}`, output.bytes);
  });

  it('is deterministic', () => {
    const again = compileFiles(['test/fixtures/valid/all-elements.yaml', 'test/fixtures/valid/gpo-all-kinds.yaml']);
    expect(again.files).toEqual(result.files);
  });
});

describe('the shipped Windows Update GPOs', () => {
  const example = compileFiles(['policies/windows-update.yaml', 'policies/gpo-wu-scheduled-install.yaml', 'policies/gpo-wu-intranet-server.yaml']);
  const text = (path: string) => new TextDecoder('utf-16le').decode(example.files.find((f) => f.path === path)?.bytes);

  it('AUOptions 4, every day at 03:00, lands in the AU key as DWORDs', () => {
    expect(example.text).toBe('');
    const reg = text('gpo/windows-update-scheduled-install-daily-03-00/apply.reg');
    const au = '[HKEY_LOCAL_MACHINE\\Software\\Policies\\Microsoft\\Windows\\WindowsUpdate\\AU]\r\n';
    expect(reg).toContain(au + '"NoAutoUpdate"=dword:00000000\r\n"AUOptions"=dword:00000004\r\n"ScheduledInstallDay"=dword:00000000\r\n"ScheduledInstallTime"=dword:00000003\r\n');
  });

  it('the intranet server sets WUServer/WUStatusServer and UseWUServer=1', () => {
    const reg = text('gpo/windows-update-intranet-update-server/apply.reg');
    expect(reg).toContain('[HKEY_LOCAL_MACHINE\\Software\\Policies\\Microsoft\\Windows\\WindowsUpdate]\r\n"WUServer"="http://wsus.example.com:8530"\r\n"WUStatusServer"="http://wsus.example.com:8530"\r\n');
    expect(reg).toContain('"UseWUServer"=dword:00000001\r\n');
  });
});
