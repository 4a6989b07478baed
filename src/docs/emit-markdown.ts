/**
 * The docs as Markdown for GitHub (issue 13): a README per locale (category tree, GPO reports),
 * one file per policy and per GPO, the same content as the HTML explorer without the live
 * dialog. Pure; layout in templates/docs/*.md.hbs, escaping in markdown-escape.ts.
 */
import type { OutputFile } from '../emit/output-file.js';
import type { Templates } from '../emit/templates.js';
import { dialogData, type TemplateRow } from './dialog-data.js';
import { SCOPES, type CategoryNode, type DocsSite, type PolicyDoc } from './docs-model.js';
import { text } from './emit-html.js';
import type { GpoReport } from './gpo-report.js';
import { paragraphs } from './html-escape.js';
import { markdownCell, markdownCode, markdownHref, markdownText } from './markdown-escape.js';
import { optionCases } from './option-cases.js';
import { defaultSnippet } from './yaml-snippet.js';

export interface MarkdownRow {
  readonly key: string;
  readonly name: string;
  readonly type: string;
  readonly data: string;
}

export interface MarkdownRootView {
  readonly languages: readonly { readonly code: string; readonly href: string }[];
}

export interface MarkdownIndexView {
  readonly policyCount: number;
  readonly gpos: readonly { readonly name: string; readonly href: string }[];
  readonly tree: readonly { readonly indent: string; readonly text: string }[];
}

export interface MarkdownPolicyView {
  readonly name: string;
  readonly crumbs: string;
  readonly facts: readonly { readonly label: string; readonly value: string }[];
  readonly explain: readonly string[];
  readonly yaml: string;
  readonly enabled: readonly MarkdownRow[];
  readonly options: readonly { readonly label: string; readonly cases: readonly { readonly when: string; readonly rows: readonly MarkdownRow[] }[] }[];
  readonly disabled: readonly MarkdownRow[];
}

export interface MarkdownGpoView {
  readonly name: string;
  readonly id: string;
  readonly comment: readonly string[];
  readonly sides: readonly {
    readonly title: string;
    readonly empty: boolean;
    readonly groups: readonly { readonly path: string; readonly settings: readonly { readonly name: string; readonly ref: string; readonly state: string; readonly values: readonly { readonly label: string; readonly value: string }[] }[] }[];
    readonly raw: readonly MarkdownRow[];
    readonly written: readonly MarkdownRow[];
  }[];
}

export function emitMarkdownDocs(sites: readonly DocsSite[], templates: Templates): OutputFile[] {
  const files: OutputFile[] = [
    text('README.md', templates['docs/root.md']({ languages: sites.map((s) => ({ code: markdownText(s.locale), href: markdownHref(`${s.locale}/README.md`) })) })),
  ];
  for (const site of sites) {
    const at = (page: string) => `${site.locale}/${page}`;
    files.push(text(at('README.md'), templates['docs/README.md'](indexView(site))));
    for (const doc of site.policies) files.push(text(at(`${doc.page}.md`), templates['docs/policy.md'](policyView(doc, site.locale))));
    for (const report of site.gpos) files.push(text(at(`${report.page}.md`), templates['docs/gpo.md'](gpoView(report))));
  }
  return files;
}

function row(hive: string, r: TemplateRow): MarkdownRow {
  return {
    key: markdownCode(`${hive}\\${r.key}`, true),
    name: r.name === '' ? '(Default)' : markdownCode(r.name, true),
    type: markdownCell(r.type),
    data: r.data === null ? '*the value entered*' : markdownCell(r.data),
  };
}

function indexView(site: DocsSite): MarkdownIndexView {
  const tree: { indent: string; text: string }[] = [];
  const walk = (node: CategoryNode, depth: number) => {
    tree.push({ indent: '  '.repeat(depth), text: `**${markdownText(node.name)}**` });
    for (const child of node.children) walk(child, depth + 1);
    for (const doc of node.policies) tree.push({ indent: '  '.repeat(depth + 1), text: `[${markdownText(doc.name)}](${markdownHref(`${doc.page}.md`)})` });
  };
  for (const root of site.roots) walk(root, 0);
  return {
    policyCount: site.policies.length,
    gpos: site.gpos.map((r) => ({ name: markdownText(r.gpo.name), href: markdownHref(`${r.page}.md`) })),
    tree,
  };
}

function policyView(doc: PolicyDoc, locale: string): MarkdownPolicyView {
  const { policy } = doc;
  const { hive, scope } = SCOPES[policy.class];
  const rows = dialogData(policy);
  return {
    name: markdownText(doc.name),
    crumbs: markdownText(doc.categoryPath.join(' › ')),
    facts: [
      { label: 'Policy', value: markdownCode(doc.ref, true) },
      { label: 'Applies to', value: scope },
      { label: 'Supported on', value: markdownCell(doc.supportedOn) },
      { label: 'Registry key', value: markdownCode(`${hive}\\${policy.key}`, true) },
    ],
    explain: paragraphs(doc.explain).map(markdownText),
    yaml: defaultSnippet(doc, locale),
    enabled: rows.enabled.map((r) => row(hive, r)),
    options: optionCases(doc, locale, rows).map((o) => ({ label: markdownText(o.label), cases: o.cases.map((c) => ({ when: markdownText(c.when), rows: c.rows.map((r) => row(hive, r)) })) })),
    disabled: rows.disabled.map((r) => row(hive, r)),
  };
}

function gpoView(report: GpoReport): MarkdownGpoView {
  const back = '../';
  return {
    name: markdownText(report.gpo.name),
    id: markdownCode(report.gpo.id),
    comment: paragraphs(report.gpo.comment ?? '').map(markdownText),
    sides: report.sides.map((side) => ({
      title: side.title,
      empty: side.groups.length === 0 && side.raw.length === 0,
      groups: side.groups.map((g) => ({
        path: markdownText(g.path),
        settings: g.settings.map((s) => ({
          name: s.doc.documented ? `[${markdownText(s.doc.name)}](${markdownHref(`${back}${s.doc.page}.md`)})` : markdownText(s.doc.name),
          ref: markdownCode(s.doc.ref, true),
          state: s.state === 'enabled' ? 'Enabled' : 'Disabled',
          values: s.values.map((v) => ({ label: markdownCell(v.label), value: markdownCell(v.value) })),
        })),
      })),
      raw: side.raw.map((r) => row(side.hive, r)),
      written: side.written.map((r) => row(side.hive, r)),
    })),
  };
}
