/**
 * `gpforge docs` output without a browser: byte-exact goldens (Markdown of the shipped example
 * and of the all-elements fixture, HTML of the all-elements fixture), byte-identical across
 * runs, every HTML page well-formed (fast-xml-parser), headings in order, every control labelled.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectGolden } from '../support/golden.js';
import { pageProblems } from '../support/html-page.js';
import { compileSnippet, decode, docsOf, modelOf } from '../support/docs.js';
import { buildDocsSite } from '../../src/docs/docs-model.js';
import { defaultSnippet } from '../../src/docs/yaml-snippet.js';
import type { OutputFile } from '../../src/emit/output-file.js';

const EXAMPLE = readdirSync('policies').map((f) => `policies/${f}`);
const ALL = ['test/fixtures/valid/all-elements.yaml', 'test/fixtures/valid/gpo-all-kinds.yaml'];
const HOSTILE = ['test/fixtures/docs/hostile.yaml', 'test/fixtures/docs/gpo-hostile.yaml'];

function checkPages(files: readonly OutputFile[]): void {
  const pages = files.filter((f) => f.path.endsWith('.html'));
  expect(pages.length).toBeGreaterThan(3);
  for (const page of pages) expect({ page: page.path, problems: pageProblems(decode(page)) }).toEqual({ page: page.path, problems: [] });
}

describe('gpforge docs --format html', () => {
  const all = docsOf(ALL, 'html');

  it('writes the explorer, one page per policy and GPO per locale, search index, CSS and script', () => {
    expect(all.map((f) => f.path)).toEqual([
      'de-DE/gpos/all-kinds-quoted-tagged-e.html',
      'de-DE/index.html',
      'de-DE/policies/AllElements/EveryElement.html',
      'de-DE/policies/AllElements/QwordAndLists.html',
      'de-DE/policies/AllElements/SimpleToggle.html',
      'de-DE/policies/AllElements/StringAndDelete.html',
      'de-DE/search-index.js',
      'en-US/gpos/all-kinds-quoted-tagged-e.html',
      'en-US/index.html',
      'en-US/policies/AllElements/EveryElement.html',
      'en-US/policies/AllElements/QwordAndLists.html',
      'en-US/policies/AllElements/SimpleToggle.html',
      'en-US/policies/AllElements/StringAndDelete.html',
      'en-US/search-index.js',
      'explorer.css',
      'explorer.js',
      'index.html',
    ]);
  });

  it('matches the golden files of the all-elements fixture byte for byte', () => {
    for (const file of all) if (!file.path.startsWith('de-DE/') || file.path.endsWith('EveryElement.html')) expectGolden(`docs/html/${file.path}`, file.bytes);
  });

  it('is byte-identical across runs', () => expect(docsOf(ALL, 'html')).toEqual(all));

  it('writes well-formed pages with headings in order and every control labelled', () => {
    checkPages(all);
    checkPages(docsOf(EXAMPLE, 'html'));
    checkPages(docsOf(HOSTILE, 'html'));
  });

  it('writes one page set per --locale asked for, with no language switch for one', () => {
    const one = docsOf(ALL, 'html', ['de-DE']);
    expect(one.filter((f) => f.path.startsWith('en-US/'))).toEqual([]);
    const page = decode(one.find((f) => f.path === 'de-DE/policies/AllElements/EveryElement.html') ?? { path: '', bytes: new Uint8Array() });
    expect(page).toContain('<h1>Jedes Element</h1>');
    expect(page).not.toContain('class="languages"');
  });
});

describe('gpforge docs --format markdown', () => {
  it('matches the golden files (shipped example, all-elements fixture)', () => {
    for (const file of docsOf(EXAMPLE, 'markdown', ['en-US'])) expectGolden(`docs/markdown/example/${file.path}`, file.bytes);
    for (const file of docsOf(ALL, 'markdown')) expectGolden(`docs/markdown/all-elements/${file.path}`, file.bytes);
  });

  it('is byte-identical across runs', () => expect(docsOf(ALL, 'markdown')).toEqual(docsOf(ALL, 'markdown')));

  it('shows GPO YAML that compiles, enabling each policy with its defaults', () => {
    const site = buildDocsSite({ model: modelOf(['test/fixtures/valid/all-elements.yaml']), external: [], includeExternal: false }, 'en-US', ['en-US']);
    const example = buildDocsSite({ model: modelOf(['policies/windows-update.yaml']), external: [], includeExternal: false }, 'en-US', ['en-US']);
    const all = [
      ...site.policies.map((doc) => ['test/fixtures/valid/all-elements.yaml', defaultSnippet(doc, 'en-US'), doc.policy.id] as const),
      ...example.policies.map((doc) => ['policies/windows-update.yaml', defaultSnippet(doc, 'en-US'), doc.policy.id] as const),
    ];
    // Required elements without a default cannot be filled in; the snippet says so.
    expect(all.filter(([, snippet]) => snippet.includes('# also required')).map(([, , id]) => id).sort()).toEqual(['EveryElement', 'TargetGroup', 'UseWUServer']);
    const checked = all.filter(([, snippet]) => !snippet.includes('# also required'));
    for (const [definitions, snippet, id] of checked) {
      const result = compileSnippet(definitions, snippet);
      expect({ snippet, errors: result.diagnostics.filter((d) => d.severity === 'error') }).toEqual({ snippet, errors: [] });
      const gpo = result.model?.gpos[0];
      expect([...(gpo?.computer.policies ?? []), ...(gpo?.user.policies ?? [])].map((p) => [p.policy.id, p.state])).toEqual([[id, 'enabled']]);
    }
  });
});
