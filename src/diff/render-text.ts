/** The diff for a terminal (the default format): indented sections, one change per line. */
import { isEmptyDiff, type DiffReport, type GpoDiff, type NamespaceDiff, type SettingChange } from './diff-types.js';
import { IMPACT_LABEL, noChanges, registryAfter, registryBefore, registryPath, settingName, settingState, summaryLine, valueAfter, valueBefore } from './phrases.js';

export function renderText(report: DiffReport): string {
  if (isEmptyDiff(report)) return `${noChanges(report)}\n`;
  const lines = [`gpforge diff ${report.base} → ${report.head}`];
  if (report.definitions.length > 0) lines.push('', 'Definitions', ...report.definitions.flatMap(namespaceLines));
  if (report.gpos.length > 0) lines.push('', 'GPOs', ...report.gpos.flatMap(gpoLines));
  lines.push('', summaryLine(report));
  return lines.join('\n') + '\n';
}

function namespaceLines(ns: NamespaceDiff): string[] {
  const revision = `revision ${ns.revisionBefore ?? '-'} → ${ns.revisionAfter ?? '-'}`;
  const lines = [`  ${ns.namespace} (${ns.file}): ${ns.status}, ${revision}, ${IMPACT_LABEL[ns.impact]}`];
  for (const change of ns.changes) {
    lines.push(`    ${IMPACT_LABEL[change.impact]}: ${change.subject}: ${change.detail}`);
    if (change.usedBy.length > 0) lines.push(`      used by: ${change.usedBy.join(', ')}`);
  }
  return lines;
}

function gpoLines(gpo: GpoDiff): string[] {
  return [`  ${gpo.name} (${gpo.file}): ${gpo.status}`, ...gpo.changes.flatMap(settingLines)];
}

function settingLines(change: SettingChange): string[] {
  return [
    `    ${change.section} ${settingName(change)}: ${settingState(change)}`,
    ...change.values.map((v) => `      ${v.element}: ${valueBefore(v)} → ${valueAfter(v)}`),
    ...change.registry.map((r) => `      ${registryPath(r)}: ${registryBefore(r)} → ${registryAfter(r)}`),
  ];
}
