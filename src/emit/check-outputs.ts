/**
 * Checks rendered outputs when the user overrides templates (`--templates DIR`, DESIGN.md §5):
 * XML must be well-formed, ADMX/ADML must read back without errors, a .reg must keep its header,
 * Intune JSON must parse.
 * An override that breaks an output fails the build with the template's name; the built-in
 * templates pass these checks by construction (and tests).
 */
import { XMLValidator } from 'fast-xml-parser';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { readAdmxWithAdml } from '../load/admx/read-admx-with-adml.js';
import type { OutputFile } from './output-file.js';

/** Which template renders an output path (the name --templates overrides). */
export function templateOf(path: string): string | undefined {
  if (path.endsWith('.admx')) return 'admx';
  if (path.endsWith('.adml')) return 'adml';
  if (path.endsWith('.adm')) return 'adm';
  if (path.endsWith('.reg')) return 'reg';
  if (path === 'backups/manifest.xml') return 'gpo-backup/manifest.xml';
  if (path.endsWith('/Backup.xml')) return 'gpo-backup/Backup.xml';
  if (path.endsWith('/bkupInfo.xml')) return 'gpo-backup/bkupInfo.xml';
  if (path.startsWith('intune/') && path.endsWith('.json')) return 'intune-json';
  if (path.startsWith('intune/') && path.endsWith('.csv')) return 'intune-csv';
  return undefined;
}

const REG_START = '\uFEFFWindows Registry Editor Version 5.00\r\n';

export interface TemplateOverrides {
  /** The --templates folder. */
  readonly dir: string;
  /** The names it overrides or adds (`admx`, `partials/value`, ...). */
  readonly names: readonly string[];
}

/**
 * Problems of the outputs rendered through templates, each naming the override to blame: the
 * output's own template if overridden, else the overridden templates it uses (for an ADMX read
 * back with its ADML, either of the two; partials otherwise).
 */
export function checkRenderedOutputs(files: readonly OutputFile[], overrides: TemplateOverrides): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const fail = (file: OutputFile, problem: string, candidates: readonly string[] = [templateOf(file.path) ?? '?']) => {
    const blamed = candidates.filter((name) => overrides.names.includes(name));
    const [template = overrides.names.find((n) => n.startsWith('partials/')) ?? candidates[0] ?? '?'] = blamed;
    diagnostics.push(diagnostic('GPF1016', `${overrides.dir}/${template}.hbs`, undefined, template, file.path, problem));
  };
  for (const file of files) {
    const template = templateOf(file.path);
    if (template === 'reg') {
      if (!new TextDecoder('utf-16le', { ignoreBOM: true }).decode(file.bytes).startsWith(REG_START)) fail(file, 'does not start with the Registry Editor 5.00 header');
    } else if (template === 'intune-json') {
      const problem = jsonProblem(new TextDecoder().decode(file.bytes));
      if (problem !== undefined) fail(file, `is not valid JSON (${problem})`);
    } else if (template !== undefined && template !== 'adm' && template !== 'intune-csv') {
      const verdict = XMLValidator.validate(new TextDecoder().decode(file.bytes));
      if (verdict !== true) fail(file, `is not well-formed XML (line ${verdict.err.line}: ${verdict.err.msg})`);
    }
  }
  if (diagnostics.length === 0) checkAdmxReadBack(files, fail);
  return diagnostics;
}

/** Every ADMX with its ADMLs must read back without errors (references resolve, structure intact). */
function checkAdmxReadBack(files: readonly OutputFile[], fail: (file: OutputFile, problem: string, candidates: readonly string[]) => void): void {
  for (const admx of files.filter((f) => f.path.endsWith('.admx'))) {
    const base = admx.path.slice(admx.path.lastIndexOf('/') + 1, -'.admx'.length);
    const admls = files
      .filter((f) => f.path.endsWith(`/${base}.adml`))
      .map((f) => ({ locale: f.path.split('/').at(-2) ?? '', path: f.path, bytes: f.bytes }));
    const read = readAdmxWithAdml({ path: admx.path, bytes: admx.bytes }, admls);
    const error = read.diagnostics.find((d) => d.severity === 'error');
    const culprit = files.find((f) => f.path === error?.file) ?? admx;
    if (error) fail(culprit, `does not read back with its ADML: ${error.message}`, [templateOf(culprit.path) ?? 'admx', 'admx', 'adml']);
  }
}

function jsonProblem(text: string): string | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
