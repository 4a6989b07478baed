/**
 * The pipeline in one function (STYLE.md): load → validate → model → emit. No file system:
 * sources come in as text, files go out as bytes.
 */
import { diagnostic, hasErrors, type Diagnostic } from './diagnostics/diagnostic.js';
import { sortDiagnostics } from './diagnostics/format.js';
import { emitBundle } from './emit/bundle.js';
import type { OutputFile } from './emit/output-file.js';
import type { Templates } from './emit/templates.js';
import { loadYaml } from './load/yaml-source.js';
import { buildModel } from './model/build-model.js';
import type { Model } from './model/types.js';
import { validateDefinitions, type ValidatedDefinitions } from './validate/validate-definitions.js';

export interface SourceFile {
  /** As shown in diagnostics, e.g. "policies/windows-update.yaml". */
  readonly path: string;
  readonly text: string;
}

export interface CompileOptions {
  readonly templates: Templates;
  /** false: validate and build the model only (gpforge validate). */
  readonly emit: boolean;
}

export interface CompileResult {
  readonly diagnostics: readonly Diagnostic[];
  readonly model?: Model;
  /** Empty whenever there is an error: nothing is written then. */
  readonly files: readonly OutputFile[];
}

export function compile(sources: readonly SourceFile[], options: CompileOptions): CompileResult {
  const diagnostics: Diagnostic[] = [];
  const definitions: ValidatedDefinitions[] = [];
  for (const source of sources) {
    const loaded = loadYaml(source.path, source.text);
    diagnostics.push(...loaded.diagnostics);
    if (!loaded.ok) continue;
    const kind = (loaded.doc.data as { kind?: unknown } | null)?.kind;
    if (kind === 'definitions') {
      const result = validateDefinitions(loaded.doc);
      diagnostics.push(...result.diagnostics);
      if (result.valid) definitions.push(result.valid);
    } else {
      const at = kind === undefined ? undefined : loaded.doc.locate(['kind']);
      diagnostics.push(diagnostic('GPF2009', source.path, at));
    }
  }
  if (hasErrors(diagnostics)) return { diagnostics: sortDiagnostics(diagnostics), files: [] };
  const built = buildModel(definitions);
  diagnostics.push(...built.diagnostics);
  if (!built.model || hasErrors(diagnostics)) return { diagnostics: sortDiagnostics(diagnostics), files: [] };
  const files = options.emit ? emitBundle(built.model, options.templates) : [];
  return { diagnostics: sortDiagnostics(diagnostics), model: built.model, files };
}
