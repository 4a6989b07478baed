import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { compileOptions, partialsReadData } from '../../src/emit/template-options.js';
import { parseTemplate, PARTIAL_PREFIX } from '../../src/emit/templates.js';

/** The options of each template of a set, as compileTemplates() chooses them. */
function optionsOf(sources: Record<string, string>) {
  const parsed = new Map(Object.entries(sources).map(([name, source]) => [name, parseTemplate(Handlebars, name, source)]));
  const partialsData = partialsReadData([...parsed].filter(([name]) => name.startsWith(PARTIAL_PREFIX)).map(([, ast]) => ast));
  return new Map([...parsed].map(([name, ast]) => [name, compileOptions(ast, partialsData)]));
}

describe('compileOptions and partialsReadData', () => {
  it('drops helper checks and data frames where nothing needs them', () => {
    const options = optionsOf({ admx: '{{#each a}}{{#if b}}{{c}}{{else if d}}{{/if}}{{/each}}{{> p}}', 'partials/p': '{{#with x}}{{y}}{{/with}}' });
    expect(options.get('admx')).toEqual({ strict: true, noEscape: true, knownHelpersOnly: true, data: false });
    expect(options.get('partials/p')).toEqual({ strict: true, noEscape: true, knownHelpersOnly: true, data: false });
  });

  it('keeps them for a Mustache-style section, an unknown helper and @data', () => {
    const options = optionsOf({ a: '{{#items}}{{.}}{{/items}}', b: '{{shout x}}', c: '{{#each x}}{{@index}}{{/each}}', d: '{{x}}' });
    expect(options.get('a')?.knownHelpersOnly).toBe(false);
    expect(options.get('b')?.knownHelpersOnly).toBe(false);
    expect(options.get('c')).toMatchObject({ knownHelpersOnly: true, data: true });
    expect(options.get('d')?.data).toBe(false);
  });

  it('keeps data for every template when a partial reads @data (a partial runs with its caller\'s data)', () => {
    const options = optionsOf({ a: '{{#each x}}{{> p}}{{/each}}', 'partials/p': '{{@index}}' });
    expect(options.get('a')?.data).toBe(true);
  });
});
