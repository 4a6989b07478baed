/**
 * The diff as a pull-request comment or `$GITHUB_STEP_SUMMARY`: a summary table, then one
 * collapsible section per namespace and per GPO (GitHub-flavoured Markdown).
 */
import { isEmptyDiff, type DiffReport, type GpoDiff, type NamespaceDiff, type SettingChange } from './diff-types.js';
import { IMPACT_LABEL, noChanges, registryAfter, registryBefore, registryPath, settingName, settingState, valueAfter, valueBefore } from './phrases.js';

/** Inline code that survives backticks in the text; `|` escaped for table cells. */
function code(text: string): string {
  const fence = text.includes('`') ? '``' : '`';
  return `${fence}${text.includes('`') ? ` ${text} ` : text}${fence}`.replace(/\|/g, '\\|');
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const html = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function renderMarkdown(report: DiffReport): string {
  const title = `## gpforge diff: ${code(report.base)} → ${code(report.head)}`;
  if (isEmptyDiff(report)) return `${title}\n\n${noChanges(report)}\n`;
  const s = report.summary;
  const table = [
    '| | count |',
    '|---|---:|',
    `| breaking definitions changes | ${s.breaking} |`,
    `| missing revision bumps | ${s.revision} |`,
    ...(s.attention > 0 ? [`| definitions changes needing attention | ${s.attention} |`] : []),
    `| compatible definitions changes | ${s.compatible} |`,
    `| GPOs changed | ${s.gposChanged} |`,
    `| settings changed | ${s.settingsChanged} |`,
    `| registry values changed | ${s.registryValuesChanged} |`,
  ];
  const sections = [...report.definitions.map(namespaceSection), ...report.gpos.map(gpoSection)];
  return [title, '', ...table, '', ...sections].join('\n');
}

function details(summary: string, body: string[]): string {
  return [`<details><summary>${html(summary)}</summary>`, '', ...body, '', '</details>', ''].join('\n');
}

function namespaceSection(ns: NamespaceDiff): string {
  const rows = ns.changes.map((c) => `| ${IMPACT_LABEL[c.impact]} | ${cell(c.subject)} | ${cell(c.detail)} | ${cell(c.usedBy.join(', '))} |`);
  const revision = `revision ${ns.revisionBefore ?? '-'} → ${ns.revisionAfter ?? '-'}`;
  return details(`Definitions ${ns.namespace}: ${ns.status}, ${IMPACT_LABEL[ns.impact]}`, [
    `${code(ns.file)}, ${revision}`,
    '',
    '| impact | what | change | used by |',
    '|---|---|---|---|',
    ...rows,
  ]);
}

function gpoSection(gpo: GpoDiff): string {
  return details(`GPO ${gpo.name}: ${gpo.status}`, [code(gpo.file), '', ...gpo.changes.flatMap(settingItems)]);
}

function settingItems(change: SettingChange): string[] {
  const name = change.policy === undefined ? settingName(change) : `${code(change.policy)} ${change.title ?? ''}`;
  return [
    `- **${change.section}** ${name}: ${settingState(change)}`,
    ...change.values.map((v) => `  - ${v.element}: ${code(valueBefore(v))} → ${code(valueAfter(v))}`),
    ...change.registry.map((r) => `  - ${code(registryPath(r))}: ${code(registryBefore(r))} → ${code(registryAfter(r))}`),
  ];
}
