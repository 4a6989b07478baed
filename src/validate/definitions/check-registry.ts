/** Registry keys and value names (FORMATS.md c.7, a.5: keys without hive; keep under the policy trees). */
import type { DataPath } from '../../load/yaml-source.js';
import type { Reporter } from '../reporter.js';
import type { CheckContext } from './context.js';
import { checkIngestionKey } from './check-intune.js';
import { policies, typedElements } from './walk.js';

const HIVE_PREFIX = /^(HKEY_[A-Z_]+|HKLM|HKCU|HKCR|HKU|HKCC)(\\|$)/i;
const POLICY_TREES = [/^Software\\Policies(\\|$)/i, /^Software\\Microsoft\\Windows\\CurrentVersion\\Policies(\\|$)/i];

/** Hive names and stray backslashes are errors; keys outside the policy trees only warn (tattooing). */
export function checkKey(ctx: Reporter, key: string, path: DataPath): void {
  if (HIVE_PREFIX.test(key)) ctx.report('GPF2104', path, key);
  else if (key.startsWith('\\') || key.endsWith('\\') || key.includes('\\\\')) ctx.report('GPF2105', path, key);
  else if (!POLICY_TREES.some((tree) => tree.test(key))) ctx.report('GPF2106', path, key);
}

/** A key of a definitions file: checkKey, and whether Intune's ADMX ingestion may write it. */
function checkPolicyKey(ctx: CheckContext, key: string, path: DataPath): void {
  checkKey(ctx, key, path);
  if (ctx.intune) checkIngestionKey(ctx, key, path);
}

type ValueListLike = readonly { key?: string }[] | { defaultKey?: string; items: readonly { key?: string }[] };

function checkValueListKeys(ctx: CheckContext, list: ValueListLike | undefined, path: DataPath): void {
  if (list === undefined) return;
  const items = Array.isArray(list) ? list : (list as { items: readonly { key?: string }[] }).items;
  const itemsPath = Array.isArray(list) ? path : [...path, 'items'];
  if (!Array.isArray(list) && (list as { defaultKey?: string }).defaultKey !== undefined) {
    checkPolicyKey(ctx, (list as { defaultKey: string }).defaultKey, [...path, 'defaultKey']);
  }
  for (const [i, item] of items.entries()) if (item.key !== undefined) checkPolicyKey(ctx, item.key, [...itemsPath, i, 'key']);
}

export function checkRegistry(ctx: CheckContext): void {
  for (const policy of policies(ctx)) {
    const p = policy.value;
    checkPolicyKey(ctx, p.key, [...policy.path, 'key']);
    checkValueListKeys(ctx, p.enabledList, [...policy.path, 'enabledList']);
    checkValueListKeys(ctx, p.disabledList, [...policy.path, 'disabledList']);
    for (const element of typedElements(policy)) {
      const e = element.value;
      if (e.key !== undefined) checkPolicyKey(ctx, e.key, [...element.path, 'key']);
      if (e.type === 'boolean') {
        checkValueListKeys(ctx, e.trueList, [...element.path, 'trueList']);
        checkValueListKeys(ctx, e.falseList, [...element.path, 'falseList']);
        if (e.valueName === undefined && e.trueList === undefined && e.falseList === undefined) ctx.report('GPF2119', element.path);
      } else if (e.type === 'enum') {
        for (const [i, item] of e.items.entries()) checkValueListKeys(ctx, item.valueList, [...element.path, 'items', i, 'valueList']);
        if (e.valueName === undefined) ctx.report('GPF2116', element.path, e.type);
      } else if (e.type !== 'list' && e.valueName === undefined) {
        ctx.report('GPF2116', element.path, e.type);
      }
    }
  }
}
