/** The wording shared by the text and markdown renderers, so both say the same thing. */
import type { DiffReport, RegistryChange, SettingChange, ValueChange } from './diff-types.js';

const NOT_SET = '(not set)';

/** "HKLM\Software\…\AU\AUOptions", or the key alone for key-wide actions. */
export function registryPath(change: RegistryChange): string {
  const value = change.valueName === undefined ? '' : `\\${change.valueName === '' ? '(default)' : change.valueName}`;
  return `${change.hive}\\${change.key}${value}`;
}

export const registryBefore = (change: RegistryChange) => change.before ?? NOT_SET;
export const registryAfter = (change: RegistryChange) => change.after ?? NOT_SET;
export const valueBefore = (change: ValueChange) => change.before ?? '(no value)';
export const valueAfter = (change: ValueChange) => change.after ?? '(no value)';

/** "newly configured: enabled", "state enabled → disabled", "raw registry entry". */
export function settingState(change: SettingChange): string {
  switch (change.kind) {
    case 'configured':
      return `newly configured: ${change.stateAfter}`;
    case 'unconfigured':
      return `no longer configured (was ${change.stateBefore})`;
    case 'raw':
      return change.registry[0]?.before === undefined ? 'added' : change.registry[0]?.after === undefined ? 'removed' : 'changed';
    case 'changed':
      return change.stateBefore === change.stateAfter ? `${change.stateAfter}, values changed` : `state ${change.stateBefore} → ${change.stateAfter}`;
  }
}

/** "gpfwu:AutoUpdateCfg (Configure Automatic Updates)". */
export function settingName(change: SettingChange): string {
  return change.policy === undefined ? 'registry entry' : `${change.policy} (${change.title ?? ''})`;
}

const plural = (n: number, word: string, many = `${word}s`) => `${n} ${n === 1 ? word : many}`;

/** One line: the counts a reviewer looks at first. */
export function summaryLine(report: DiffReport): string {
  const s = report.summary;
  const attention = s.attention > 0 ? `, ${s.attention} needing attention` : '';
  const definitions = `definitions: ${s.breaking} breaking, ${plural(s.revision, 'missing revision bump', 'missing revision bumps')}${attention}, ${s.compatible} compatible`;
  const gpos = `GPOs: ${plural(s.gposChanged, 'GPO')} changed, ${plural(s.settingsChanged, 'setting')}, ${plural(s.registryValuesChanged, 'registry value')}`;
  return `${definitions}; ${gpos}`;
}

export const IMPACT_LABEL = { breaking: 'breaking', revision: 'needs revision bump', attention: 'needs attention', compatible: 'compatible' } as const;

export const noChanges = (report: DiffReport) => `no changes between ${report.base} and ${report.head}`;
