/**
 * The view of one policy page (HTML): facts, help text, registry values by state, the live
 * dialog and the data its script needs. Texts escaped here; templates/docs/policy.html.hbs lays
 * them out.
 */
import { dialogControls, type ControlView } from './dialog-controls.js';
import { dialogData, type DialogData, type TemplateRow } from './dialog-data.js';
import { SCOPES, type DocsSite, type PolicyDoc } from './docs-model.js';
import { escapeHtml, jsonForScript, paragraphs } from './html-escape.js';
import { pageFrame, type PageFrame } from './page-frame.js';
import { optionCases } from './option-cases.js';
import { rowView, type RowView } from './site-views.js';

export interface PolicyPageView extends PageFrame {
  readonly name: string;
  readonly ref: string;
  readonly crumbs: string;
  readonly scope: string;
  readonly hive: string;
  readonly key: string;
  readonly supportedOn: string;
  readonly explain: readonly string[];
  readonly enabledRows: readonly RowView[];
  readonly disabledRows: readonly RowView[];
  readonly options: readonly { readonly label: string; readonly cases: readonly { readonly when: string; readonly rows: readonly RowView[] }[] }[];
  readonly controls: readonly ControlView[];
  readonly data: string;
}

/** What the client script reads: how GPO YAML names the policy and each element, and every row. */
export interface PolicyScriptData {
  readonly ref: string;
  readonly side: 'computer' | 'user';
  readonly hive: string;
  readonly elements: readonly { readonly id: string; readonly type: string; readonly items?: readonly string[] }[];
  readonly rows: DialogData;
}

export function policyScriptData(doc: PolicyDoc): PolicyScriptData {
  const { policy } = doc;
  const { side, hive } = SCOPES[policy.class];
  return {
    ref: doc.ref,
    side,
    hive,
    elements: policy.elements.map((e) => ({ id: e.id, type: e.type, ...(e.type === 'enum' && { items: e.items.map((i) => i.id) }) })),
    rows: dialogData(policy),
  };
}

export function policyPageView(doc: PolicyDoc, site: DocsSite): PolicyPageView {
  const { policy, file } = doc;
  const scope = SCOPES[policy.class];
  const data = policyScriptData(doc);
  const row = (r: TemplateRow): RowView => (r.data === null ? { ...rowView(scope.hive, { ...r, data: '' }), data: '<em>the value entered</em>' } : rowView(scope.hive, { ...r, data: r.data }));
  return {
    ...pageFrame(site, doc.page, doc.name),
    name: escapeHtml(doc.name),
    ref: escapeHtml(doc.ref),
    crumbs: doc.categoryPath.map(escapeHtml).join(' › '),
    scope: scope.scope,
    hive: scope.hive,
    key: escapeHtml(`${scope.hive}\\${policy.key}`),
    supportedOn: escapeHtml(doc.supportedOn),
    explain: paragraphs(doc.explain).map(escapeHtml),
    enabledRows: data.rows.enabled.map(row),
    disabledRows: data.rows.disabled.map(row),
    options: optionCases(doc, site.locale, data.rows).map((o) => ({ label: escapeHtml(o.label), cases: o.cases.map((c) => ({ when: escapeHtml(c.when), rows: c.rows.map(row) })) })),
    controls: dialogControls(policy, file, site.locale),
    data: jsonForScript(data),
  };
}
