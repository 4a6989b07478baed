/**
 * The first half of compile() (compile.ts): load → validate → model, with nothing of the emit
 * stage. `gpforge validate` and `gpforge diff` stop here, so they load neither the emitters nor
 * the templates (issue 11: a save hook runs validate, and every module loaded is compiled).
 * Definitions are built first, because GPO files are checked against the policies they define.
 */
import { hasErrors, type Diagnostic } from './diagnostics/diagnostic.js';
import { sortDiagnostics } from './diagnostics/format.js';
import type { SourceDoc } from './load/yaml-source.js';
import { loadSources, type LoadedSource, type SourceFile } from './compile-sources.js';
import type { GpoDefaults } from './model/build-gpo.js';
import { buildDefinitionsModel, buildGpoModel } from './model/build-model.js';
import type { DefinitionsFile, Model } from './model/types.js';
import type { BuildThread } from './threads/build-thread.js';
import { buildCatalogue } from './validate/gpo/policy-catalogue.js';
import type { ValidatedDefinitions } from './validate/validate-definitions.js';
import { validateGpo, type ValidatedGpo } from './validate/validate-gpo.js';

export interface ModelOptions {
  /** Policies GPO files may use besides ours, e.g. Windows' PolicyDefinitions (--admx). */
  readonly externalDefinitions?: readonly DefinitionsFile[];
  /** Backup environment placeholders (domain, DC) when a GPO file does not name them. */
  readonly gpoDefaults?: GpoDefaults;
  /** `--intune`: also warn about definitions Intune refuses (GPF2301–GPF2305). */
  readonly intune?: boolean;
  /** The second thread a large project reads its sources on (started at most once by the caller). */
  readonly thread?: () => BuildThread;
}

export interface CompiledModel {
  /** In the order found; sortDiagnostics() orders them for printing. */
  readonly diagnostics: Diagnostic[];
  /** Absent whenever there is an error. */
  readonly model?: Model;
  /** What the model was made from, for warnings that point back into the YAML. */
  readonly definitions: readonly ValidatedDefinitions[];
  readonly gpos: readonly ValidatedGpo[];
}

/** The sources as read: definitions validated at once, GPO files kept for after the definitions. */
function sortLoaded(loaded: readonly LoadedSource[], diagnostics: Diagnostic[]) {
  const definitions: ValidatedDefinitions[] = [];
  const gpoDocs: SourceDoc[] = [];
  for (const source of loaded) {
    diagnostics.push(...source.diagnostics);
    if (source.definitions) definitions.push(source.definitions);
    if (source.gpoDoc) gpoDocs.push(source.gpoDoc);
  }
  return { definitions, gpoDocs };
}

export function compileModel(sources: readonly SourceFile[], options: ModelOptions = {}): CompiledModel {
  const { thread } = options;
  return modelOf(loadSources(sources, options.intune === true, thread && (() => thread().load)), options);
}

/** compileModel() of sources already read with loadSources() (gpforge diff reads both sides at once). */
export function modelOf(loaded: readonly LoadedSource[], options: ModelOptions = {}): CompiledModel {
  const diagnostics: Diagnostic[] = [];
  const { definitions, gpoDocs } = sortLoaded(loaded, diagnostics);
  const gpos: ValidatedGpo[] = [];
  const done = (): CompiledModel => ({ diagnostics, definitions, gpos });
  if (hasErrors(diagnostics)) return done();
  const built = buildDefinitionsModel(definitions);
  diagnostics.push(...built.diagnostics);
  if (!built.definitions || hasErrors(diagnostics)) return done();
  const catalogue = buildCatalogue([...built.definitions, ...(options.externalDefinitions ?? [])]);
  for (const doc of gpoDocs) {
    const result = validateGpo(doc, catalogue);
    diagnostics.push(...result.diagnostics);
    if (result.valid) gpos.push(result.valid);
  }
  if (hasErrors(diagnostics)) return done();
  const builtGpos = buildGpoModel(gpos, options.gpoDefaults);
  diagnostics.push(...builtGpos.diagnostics);
  if (!builtGpos.gpos || hasErrors(diagnostics)) return done();
  return { diagnostics, model: { definitions: built.definitions, gpos: builtGpos.gpos }, definitions, gpos };
}

export interface Validated {
  readonly diagnostics: readonly Diagnostic[];
  readonly model?: Model;
  readonly files: [];
}

/** compileModel() as compile() answers when nothing is emitted: diagnostics sorted, no files. */
export function validateSources(sources: readonly SourceFile[], options: ModelOptions = {}): Validated {
  return validated(compileModel(sources, options));
}

/** validateSources() of sources already read with loadSources(). */
export function validateLoaded(loaded: readonly LoadedSource[], options: ModelOptions = {}): Validated {
  return validated(modelOf(loaded, options));
}

const validated = (result: CompiledModel): Validated => ({ diagnostics: sortDiagnostics(result.diagnostics), ...(result.model && { model: result.model }), files: [] });
