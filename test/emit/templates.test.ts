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
});
