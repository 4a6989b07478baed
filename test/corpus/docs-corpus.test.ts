/**
 * `gpforge docs --include-admx` over Windows' PolicyDefinitions (issue 13): a page per policy,
 * well-formed, and a search index under the 2 MB bar (its time is measured in npm run bench).
 */
import { describe, expect, it } from 'vitest';
import { buildDocs } from '../../src/docs/build-docs.js';
import { compileTemplates } from '../../src/emit/templates.js';
import { readPolicyDefinitions } from '../../src/load/admx/read-policy-definitions.js';
import { readTemplateSources } from '../../src/load/template-sources.js';
import { corpusAvailable, CORPUS_DIR } from '../support/corpus.js';
import { pageProblems } from '../support/html-page.js';

describe.skipIf(!corpusAvailable())('policy explorer of the Windows corpus', () => {
  it('has a well-formed page per policy and a search index under 2 MB', () => {
    const external = readPolicyDefinitions(CORPUS_DIR).definitions;
    const policies = external.reduce((n, d) => n + d.policies.length, 0);
    const files = buildDocs({ model: { definitions: [], gpos: [] }, external, includeExternal: true }, { templates: compileTemplates(readTemplateSources()), format: 'html', locales: [] });
    const pages = files.filter((f) => f.path.startsWith('en-US/policies/'));
    expect(policies).toBeGreaterThan(3500);
    expect(pages.length).toBe(policies);
    const index = files.find((f) => f.path === 'en-US/search-index.js');
    expect(index?.bytes.length ?? Infinity).toBeLessThan(2 * 1024 * 1024);
    // Every 25th page (the whole set takes a while under load), plus the index with its tree.
    const sample = [...pages.filter((_, i) => i % 25 === 0), ...files.filter((f) => f.path === 'en-US/index.html')];
    for (const page of sample) expect({ page: page.path, problems: pageProblems(new TextDecoder().decode(page.bytes)) }).toEqual({ page: page.path, problems: [] });
    const windowsUpdate = new TextDecoder().decode(files.find((f) => f.path === 'en-US/policies/WindowsUpdate/AutoUpdateCfg.html')?.bytes);
    expect(windowsUpdate).toContain('<p class="crumbs">Windows Components › Windows Update › Manage end user experience</p>');
  }, 120_000);
});
