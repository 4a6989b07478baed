/**
 * The explorer's search index (issue 13): a small script (`search-index.js`) that sets
 * `window.GPFORGE_SEARCH`, loaded with a <script> tag so search works from file:// (browsers
 * refuse fetch() of JSON there). Names, references, category paths, registry keys and value
 * names are searched as text; explain texts through an inverted index of their words (each
 * word once, with the policies it occurs in as delta-encoded base-36 numbers), which keeps the
 * whole Windows corpus under 2 MB.
 */
import { compareCodeUnits } from '../text/compare.js';
import type { DocsSite } from './docs-model.js';
import { jsonForScript } from './html-escape.js';
import { registryNames } from './site-views.js';

/** Words shorter than this are not indexed from explain texts (names are searched in full). */
const MIN_WORD = 3;

export interface SearchIndex {
  /** Per policy: name, `prefix:Id`, page path (.html), category path, registry names (space-separated). */
  readonly p: readonly (readonly [string, string, string, string, string])[];
  /** Explain word → policy numbers, delta-encoded in base 36, comma-separated. */
  readonly w: Readonly<Record<string, string>>;
}

export function buildSearchIndex(site: DocsSite): SearchIndex {
  const postings = new Map<string, number[]>();
  site.policies.forEach((doc, i) => {
    const words = new Set(doc.explain.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
    for (const word of words) {
      if (word.length < MIN_WORD) continue;
      const list = postings.get(word) ?? [];
      list.push(i);
      postings.set(word, list);
    }
  });
  const w: Record<string, string> = {};
  for (const word of [...postings.keys()].sort(compareCodeUnits)) {
    const list = postings.get(word) ?? [];
    w[word] = list.map((n, j) => (n - (j === 0 ? 0 : (list[j - 1] ?? 0))).toString(36)).join(',');
  }
  const p = site.policies.map((doc) => [doc.name, doc.ref, `${doc.page}.html`, doc.categoryPath.join(' / '), registryNames(doc).join(' ')] as const);
  return { p, w };
}

/** The index as the script file the index page loads. */
export function searchIndexScript(site: DocsSite): string {
  return `window.GPFORGE_SEARCH = ${jsonForScript(buildSearchIndex(site))};\n`;
}
