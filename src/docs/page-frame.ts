/**
 * What every HTML page shares (templates/docs/partials/docs-head.hbs, docs-header.hbs): language,
 * title, the relative way back to the locale folder and to the shared assets, the language switch.
 */
import type { DocsSite } from './docs-model.js';
import { escapeHtml } from './html-escape.js';

export interface PageFrame {
  readonly lang: string;
  readonly title: string;
  /** From the page to its locale folder, e.g. `../../` (ends in `/` or is empty). */
  readonly root: string;
  /** From the page to the docs folder, where explorer.css and explorer.js sit. */
  readonly assets: string;
  readonly languages: readonly { readonly code: string; readonly href: string; readonly current: boolean }[];
}

/** `page`: path without extension relative to the locale folder (`index`, `policies/F/Id`). */
export function pageFrame(site: DocsSite, page: string, title: string): PageFrame {
  const root = '../'.repeat(page.split('/').length - 1);
  return {
    lang: escapeHtml(site.locale),
    title: escapeHtml(title),
    root,
    assets: `${root}../`,
    languages: site.locales.length < 2 ? [] : site.locales.map((code) => ({
      code: escapeHtml(code),
      href: escapeHtml(`${root}../${code}/${page}.html`),
      current: code === site.locale,
    })),
  };
}
