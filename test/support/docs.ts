/** Builds the docs in process (as `gpforge docs` does), with the built-in templates. */
import { readFileSync } from 'node:fs';
import { compile } from '../../src/compile.js';
import { buildDocs, type DocsFormat } from '../../src/docs/build-docs.js';
import type { OutputFile } from '../../src/emit/output-file.js';
import { compileTemplates } from '../../src/emit/templates.js';
import { readTemplateSources } from '../../src/load/template-sources.js';
import type { Model } from '../../src/model/types.js';

const templates = compileTemplates(readTemplateSources());

/** The model of YAML files; fails the test on any error. */
export function modelOf(paths: readonly string[]): Model {
  const sources = paths.map((path) => ({ path, text: readFileSync(path, 'utf8') }));
  const result = compile(sources, { templates, emit: false, backupTime: new Date('2000-01-01T00:00:00Z') });
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (!result.model || errors.length > 0) throw new Error(`fixture does not compile: ${JSON.stringify(errors)}`);
  return result.model;
}

export function docsOf(paths: readonly string[], format: DocsFormat, locales: readonly string[] = []): OutputFile[] {
  return buildDocs({ model: modelOf(paths), external: [], includeExternal: false }, { templates, format, locales });
}

export const decode = (file: OutputFile) => new TextDecoder().decode(file.bytes);

/** A GPO YAML snippet (as the docs show it) compiled as a GPO file beside a definitions file. */
export function compileSnippet(definitions: string, snippet: string) {
  const gpo = `kind: gpo\nname: From the docs\n${snippet}\n`;
  const sources = [{ path: definitions, text: readFileSync(definitions, 'utf8') }, { path: 'snippet.yaml', text: gpo }];
  return compile(sources, { templates, emit: false, backupTime: new Date('2000-01-01T00:00:00Z') });
}
