/** Runs the real pipeline on fixture files, with the built-in templates (as the CLI does). */
import { readFileSync } from 'node:fs';
import { compile, type CompileResult } from '../../src/compile.js';
import { formatDiagnostics, locateAll } from '../../src/diagnostics/format.js';
import { compileTemplates } from '../../src/emit/templates.js';
import { readTemplateSources } from '../../src/load/template-sources.js';

const templates = compileTemplates(readTemplateSources());

export function compileFiles(paths: readonly string[], emit = true, intune = false): CompileResult & { text: string } {
  const sources = paths.map((path) => ({ path, text: readFileSync(path, 'utf8') }));
  const result = compile(sources, { templates, emit, backupTime: new Date('2000-01-01T00:00:00Z'), intune });
  const texts = new Map(sources.map((s) => [s.path, s.text]));
  return { ...result, text: formatDiagnostics(locateAll(result.diagnostics, texts), 'text') };
}
