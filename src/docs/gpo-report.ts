/**
 * A GPO as a report (issue 13), what `Get-GPOReport` shows without a domain: per side, the
 * configured policies grouped by category path with element values under their labels, the raw
 * registry entries, and the registry values the side writes, in file order (registry-plan.ts).
 */
import { planGpoSide } from '../model/registry-plan.js';
import type { ConfiguredPolicy, ElementValue, Hive } from '../model/registry-types.js';
import type { Gpo, GpoSide, Policy, PolicyElement } from '../model/types.js';
import { compareCodeUnits } from '../text/compare.js';
import type { PolicyDoc } from './docs-model.js';
import { registryRow, type RegistryRow } from './registry-rows.js';
import { elementLabels } from './element-labels.js';
import { textIn } from './localized-text.js';

export interface ReportSetting {
  readonly doc: PolicyDoc;
  readonly state: 'enabled' | 'disabled';
  /** Element values under their dialog labels, in dialog order. */
  readonly values: readonly { readonly label: string; readonly value: string }[];
}

export interface ReportSide {
  readonly title: 'Computer Configuration' | 'User Configuration';
  readonly hive: Hive;
  /** By category path ("A / B"), paths sorted; settings by policy name. */
  readonly groups: readonly { readonly path: string; readonly settings: readonly ReportSetting[] }[];
  readonly raw: readonly RegistryRow[];
  readonly written: readonly RegistryRow[];
}

export interface GpoReport {
  readonly gpo: Gpo;
  /** Path without extension, relative to the locale folder: `gpos/<slug>`. */
  readonly page: string;
  readonly sides: readonly ReportSide[];
}

export function buildGpoReport(gpo: Gpo, locale: string, lookup: (policy: Policy) => PolicyDoc | undefined): GpoReport {
  return {
    gpo,
    page: `gpos/${gpo.slug}`,
    sides: [
      reportSide(gpo.computer, 'Computer Configuration', 'HKLM', locale, lookup),
      reportSide(gpo.user, 'User Configuration', 'HKCU', locale, lookup),
    ],
  };
}

function reportSide(side: GpoSide, title: ReportSide['title'], hive: Hive, locale: string, lookup: (policy: Policy) => PolicyDoc | undefined): ReportSide {
  const groups = new Map<string, ReportSetting[]>();
  for (const configured of side.policies) {
    const doc = lookup(configured.policy);
    if (doc === undefined) throw new Error(`gpforge bug: GPO policy '${configured.policy.id}' has no docs entry`);
    const path = doc.categoryPath.join(' / ');
    groups.set(path, [...(groups.get(path) ?? []), { doc, state: configured.state, values: labelledValues(configured, doc, locale) }]);
  }
  return {
    title,
    hive,
    groups: [...groups.entries()]
      .sort(([a], [b]) => compareCodeUnits(a, b))
      .map(([path, settings]) => ({ path, settings: settings.sort((a, b) => compareCodeUnits(a.doc.name, b.doc.name)) })),
    raw: side.registry.map(registryRow),
    written: planGpoSide(side, hive).actions.map(registryRow),
  };
}

function labelledValues(configured: ConfiguredPolicy, doc: PolicyDoc, locale: string): ReportSetting['values'] {
  if (configured.state === 'disabled') return [];
  const labels = elementLabels(doc.policy, doc.file, locale);
  return labels.flatMap(({ element, label }) => {
    const value = configured.values.get(element.id);
    return value === undefined ? [] : [{ label, value: valueText(element, value, doc, locale) }];
  });
}

/** A value as the dialog shows it: a check box's state, an item's name, list entries one per line. */
function valueText(element: PolicyElement, value: ElementValue, doc: PolicyDoc, locale: string): string {
  switch (value.type) {
    case 'boolean':
      return value.value ? 'Enabled' : 'Disabled';
    case 'decimal':
    case 'longDecimal':
    case 'text':
      return value.value.toString();
    case 'multiText':
      return value.value.join('\n');
    case 'enum': {
      const item = element.type === 'enum' ? element.items[value.itemIndex] : undefined;
      return item ? textIn(item.name, locale, doc.file) || item.id : String(value.itemIndex);
    }
    case 'list':
      return value.entries.map((e) => (e.name === undefined ? e.value : `${e.name} = ${e.value}`)).join('\n');
  }
}
