import { describe, expect, it } from 'vitest';
import { compileTemplates } from '../../src/emit/templates.js';
import { readTemplateSources } from '../../src/load/template-sources.js';

/** The built-in set with admx/adml replaced by tiny templates under test. */
const minimal = { ...readTemplateSources(), admx: 'admx {{revision}}', adml: 'adml', 'partials/x': 'X' };

describe('compileTemplates', () => {
  it('compiles one render function per output template, with partials by short name', () => {
    const templates = compileTemplates({ ...minimal, adml: '{{> x}}{{revision}}' });
    expect(templates.adml({ revision: '1.0' } as never)).toBe('X1.0');
  });

  it('does not escape (views hold escaped text) and is strict about missing fields', () => {
    const templates = compileTemplates(minimal);
    expect(templates.admx({ revision: '&amp;<' } as never)).toBe('admx &amp;<');
    expect(() => templates.admx({} as never)).toThrow(/template "admx" failed: "revision" not defined/);
  });

  it('names a missing or unparsable template', () => {
    expect(() => compileTemplates({ admx: 'a' })).toThrow(/template "adml" is missing/);
    expect(() => compileTemplates({ ...minimal, reg: undefined as never })).toThrow(/template "reg" is missing/);
    expect(() => compileTemplates({ ...minimal, adml: '{{#if}}' })).toThrow(/template "adml" does not parse/);
  });

  it('reports a broken partial before a broken output template, and ignores other files', () => {
    expect(() => compileTemplates({ ...minimal, adml: '{{#if}}', 'partials/x': '{{#each}}' })).toThrow(/template "partials\/x" does not parse/);
    expect(() => compileTemplates({ ...minimal, adml: '{{#if}}', 'partials/x': '{{#each}}', admx: 'a' })).toThrow(/partials\/x/);
    expect(compileTemplates({ ...minimal, notes: '{{#if}}' }).admx({ revision: '1' } as never)).toBe('admx 1');
  });

  it('refuses an override written for a view field gpforge no longer gives (it would render nothing)', () => {
    const old = {
      reg: '{{#each blocks}}\n{{keyLine}}\n{{#each lines}}\n{{this}}\n{{/each}}\n{{/each}}',
      lgpo: '{{#each entries}}\n\n{{#each lines}}\n{{this}}\n{{/each}}\n{{/each}}',
      'samba/Registry.pol.xml': '{{#each entries}}\n{{#each values}}\t\t<Value>{{this}}</Value>\n{{/each}}{{/each}}',
    };
    expect(() => compileTemplates({ ...minimal, reg: old.reg })).toThrow(/template "reg" uses `lines`, which the view no longer has: use blocks\[\]\.text/);
    expect(() => compileTemplates({ ...minimal, lgpo: old.lgpo })).toThrow(/template "lgpo" uses `lines`.*entries\[\]\.text/);
    expect(() => compileTemplates({ ...minimal, 'samba/Registry.pol.xml': old['samba/Registry.pol.xml'] })).toThrow(/uses `values`.*valueLines/);
    // The same names elsewhere are not the retired fields: only these templates are checked.
    expect(() => compileTemplates({ ...minimal, adml: '{{#each lines}}{{this}}{{/each}}' })).not.toThrow();
  });
});
