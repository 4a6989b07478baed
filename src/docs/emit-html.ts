/**
 * The HTML policy explorer and GPO reports (issue 13): pure, `(sites, templates) => OutputFile[]`.
 * Layout: templates/docs/*.html.hbs; one CSS file and one script (also templates, so --templates
 * can restyle them); UTF-8, LF line endings, no external assets.
 */
import type { OutputFile } from '../emit/output-file.js';
import type { Templates } from '../emit/templates.js';
import type { DocsSite } from './docs-model.js';
import { escapeHtml } from './html-escape.js';
import { policyPageView } from './policy-view.js';
import { searchIndexScript } from './search-index.js';
import { gpoPageView, indexView } from './site-views.js';

const ENCODER = new TextEncoder();

export interface RootView {
  readonly languages: readonly { readonly code: string; readonly href: string }[];
}

export function emitHtmlDocs(sites: readonly DocsSite[], templates: Templates): OutputFile[] {
  const files: OutputFile[] = [
    text('explorer.css', templates['docs/explorer.css']({})),
    text('explorer.js', templates['docs/explorer.js']({})),
    text('index.html', templates['docs/root.html'](rootView(sites, 'index.html'))),
  ];
  for (const site of sites) {
    const at = (page: string) => `${site.locale}/${page}`;
    files.push(text(at('index.html'), templates['docs/index.html'](indexView(site))));
    files.push(text(at('search-index.js'), searchIndexScript(site)));
    for (const doc of site.policies) files.push(text(at(`${doc.page}.html`), templates['docs/policy.html'](policyPageView(doc, site))));
    for (const report of site.gpos) files.push(text(at(`${report.page}.html`), templates['docs/gpo.html'](gpoPageView(report, site))));
  }
  return files;
}

/** The docs folder's front page: one link per locale's page set. */
export function rootView(sites: readonly DocsSite[], page: string): RootView {
  return { languages: sites.map((s) => ({ code: escapeHtml(s.locale), href: escapeHtml(`${s.locale}/${page}`) })) };
}

/** A text file as the docs write it: UTF-8, LF, one final line break. */
export function text(path: string, content: string): OutputFile {
  const lf = content.includes('\r') ? content.replace(/\r\n?/g, '\n') : content;
  let end = lf.length;
  while (end > 0 && lf[end - 1] === '\n') end--;
  return { path, bytes: ENCODER.encode(`${lf.slice(0, end)}\n`) };
}
