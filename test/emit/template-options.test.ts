import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { compileOptionsFor } from '../../src/emit/template-options.js';
import { parseTemplates, PARTIAL_PREFIX } from '../../src/emit/templates.js';

const optionsOf = (sources: Record<string, string>) => compileOptionsFor(parseTemplates(Handlebars, sources), PARTIAL_PREFIX);

describe('compileOptionsFor', () => {
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
