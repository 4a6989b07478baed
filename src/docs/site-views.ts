/**
 * Views of the explorer's index (category tree, search box) and of the GPO reports (HTML).
 * Texts escaped here; templates/docs/index.html.hbs and gpo.html.hbs lay them out.
 */
import type { CategoryNode, DocsSite, PolicyDoc } from './docs-model.js';
import type { GpoReport } from './gpo-report.js';
import { escapeHtml, paragraphs } from './html-escape.js';
import { pageFrame, type PageFrame } from './page-frame.js';
import type { RegistryRow } from './registry-rows.js';

export interface TreeNodeView {
  readonly name: string;
  readonly children: readonly TreeNodeView[];
  readonly policies: readonly { readonly name: string; readonly href: string }[];
}

export interface IndexView extends PageFrame {
  /** "1 policy", "12 policies". */
  readonly policyCount: string;
  readonly tree: readonly TreeNodeView[];
  readonly gpos: readonly { readonly name: string; readonly href: string }[];
}

export function indexView(site: DocsSite): IndexView {
  const tree = (node: CategoryNode): TreeNodeView => ({
    name: escapeHtml(node.name),
    children: node.children.map(tree),
    policies: node.policies.map((p) => ({ name: escapeHtml(p.name), href: escapeHtml(`${p.page}.html`) })),
  });
  return {
    ...pageFrame(site, 'index', 'Policy explorer'),
    policyCount: site.policies.length === 1 ? '1 policy' : `${site.policies.length} policies`,
    tree: site.roots.map(tree),
    gpos: site.gpos.map((r) => ({ name: escapeHtml(r.gpo.name), href: escapeHtml(`${r.page}.html`) })),
  };
}

export interface GpoPageView extends PageFrame {
  readonly name: string;
  readonly id: string;
  readonly comment: readonly string[];
  readonly sides: readonly {
    readonly title: string;
    readonly headingId: string;
    readonly empty: boolean;
    readonly groups: readonly { readonly path: string; readonly settings: readonly SettingView[] }[];
    readonly raw: readonly RowView[];
    readonly written: readonly RowView[];
  }[];
}

interface SettingView {
  readonly name: string;
  readonly href?: string;
  readonly ref: string;
  readonly state: string;
  readonly values: readonly { readonly label: string; readonly value: string }[];
}

export function gpoPageView(report: GpoReport, site: DocsSite): GpoPageView {
  const frame = pageFrame(site, report.page, report.gpo.name);
  const setting = (s: GpoReport['sides'][number]['groups'][number]['settings'][number]): SettingView => ({
    name: escapeHtml(s.doc.name),
    ...(s.doc.documented && { href: escapeHtml(`${frame.root}${s.doc.page}.html`) }),
    ref: escapeHtml(s.doc.ref),
    state: s.state === 'enabled' ? 'Enabled' : 'Disabled',
    values: s.values.map((v) => ({ label: escapeHtml(v.label), value: escapeHtml(v.value) })),
  });
  return {
    ...frame,
    name: escapeHtml(report.gpo.name),
    id: escapeHtml(report.gpo.id),
    comment: paragraphs(report.gpo.comment ?? '').map(escapeHtml),
    sides: report.sides.map((side) => ({
      title: side.title,
      headingId: side.hive === 'HKLM' ? 'computer' : 'user',
      empty: side.groups.length === 0 && side.raw.length === 0,
      groups: side.groups.map((g) => ({ path: escapeHtml(g.path), settings: g.settings.map(setting) })),
      raw: side.raw.map((r) => rowView(side.hive, r)),
      written: side.written.map((r) => rowView(side.hive, r)),
    })),
  };
}

/** A registry row as the HTML tables show it, the key with its hive. */
export interface RowView {
  readonly key: string;
  readonly name: string;
  readonly type: string;
  readonly data: string;
}

export function rowView(hive: string, r: RegistryRow): RowView {
  return { key: escapeHtml(`${hive}\\${r.key}`), name: r.name === '' ? '(Default)' : escapeHtml(r.name), type: escapeHtml(r.type), data: escapeHtml(r.data) };
}

/** Used by the search index: a policy's registry key and every value name it writes. */
export function registryNames(doc: PolicyDoc): string[] {
  const { policy } = doc;
  const names = new Set<string>([policy.key]);
  if (policy.valueName !== undefined) names.add(policy.valueName);
  for (const list of [policy.enabledList, policy.disabledList]) for (const item of list?.items ?? []) names.add(item.valueName);
  for (const element of policy.elements) {
    if (element.key !== undefined) names.add(element.key);
    if (element.valueName !== undefined) names.add(element.valueName);
    if (element.type === 'list' && element.valuePrefix) names.add(element.valuePrefix);
  }
  return [...names];
}
