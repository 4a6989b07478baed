/**
 * The pipeline in one function (STYLE.md): load → validate → model → emit. No file system:
 * sources come in as text, files go out as bytes. Definitions are built first, because GPO
 * files are checked against the policies they define.
 */
import { diagnostic, hasErrors, type Diagnostic } from './diagnostics/diagnostic.js';
import { sortDiagnostics } from './diagnostics/format.js';
import { emitBundle, type Bundle, type OmissionNote } from './emit/bundle.js';
import type { IntuneNote } from './emit/intune.js';
import { checkRenderedOutputs, type TemplateOverrides } from './emit/check-outputs.js';
import { emitManifest, type ToolInfo } from './emit/manifest.js';
import type { OutputFile } from './emit/output-file.js';
import { selectOutputs, type OutputKind } from './emit/output-kinds.js';
import { TemplateError, type Templates } from './emit/templates.js';
import { loadYaml, type SourceDoc } from './load/yaml-source.js';
import type { GpoDefaults } from './model/build-gpo.js';
import { buildDefinitionsModel, buildGpoModel } from './model/build-model.js';
import type { DefinitionsFile, Model } from './model/types.js';
import { buildCatalogue } from './validate/gpo/policy-catalogue.js';
import { validateDefinitions, type ValidatedDefinitions } from './validate/validate-definitions.js';
import { validateGpo, type ValidatedGpo } from './validate/validate-gpo.js';

export interface SourceFile {
  /** As shown in diagnostics, e.g. "policies/windows-update.yaml". */
  readonly path: string;
  readonly text: string;
}

export interface CompileOptions {
  readonly templates: Templates;
  /** false: validate and build the model only (gpforge validate). */
  readonly emit: boolean;
  /** Policies GPO files may use besides ours, e.g. Windows' PolicyDefinitions (--admx). */
  readonly externalDefinitions?: readonly DefinitionsFile[];
  /** Backup environment placeholders (domain, DC) when a GPO file does not name them. */
  readonly gpoDefaults?: GpoDefaults;
  /** The instant written into GPO backups (SOURCE_DATE_EPOCH, else a fixed documented one). */
  readonly backupTime: Date;
  /** When given, the bundle gets manifest.json and SHA256SUMS naming this tool (DESIGN.md §4). */
  readonly tool?: ToolInfo;
  /** Set when `--templates DIR` overrides built-in templates: their outputs are checked. */
  readonly templateOverrides?: TemplateOverrides;
  /** `build --only`: just these kinds of output (the manifest then lists just them). */
  readonly only?: readonly OutputKind[];
  /**
   * `--intune`: also warn about what Intune refuses: definitions (GPF2301–GPF2305) and GPO entries
   * out/intune leaves out (GPF3201–GPF3203; the bundle is then emitted in memory even to validate).
   */
  readonly intune?: boolean;
}

export interface CompileResult {
  readonly diagnostics: readonly Diagnostic[];
  readonly model?: Model;
  /** Empty whenever there is an error: nothing is written then. */
  readonly files: readonly OutputFile[];
}

/**
 * Parses every source and sorts it by `kind`: definitions are validated at once; GPO files wait
 * for the definitions they use.
 */
function loadSources(sources: readonly SourceFile[], intune: boolean, diagnostics: Diagnostic[]): { definitions: ValidatedDefinitions[]; gpoDocs: SourceDoc[] } {
  const definitions: ValidatedDefinitions[] = [];
  const gpoDocs: SourceDoc[] = [];
  for (const source of sources) {
    const loaded = loadYaml(source.path, source.text);
    diagnostics.push(...loaded.diagnostics);
    if (!loaded.ok) continue;
    const kind = (loaded.doc.data as { kind?: unknown } | null)?.kind;
    if (kind === 'definitions') {
      const result = validateDefinitions(loaded.doc, { intune });
      diagnostics.push(...result.diagnostics);
      if (result.valid) definitions.push(result.valid);
    } else if (kind === 'gpo') {
      gpoDocs.push(loaded.doc);
    } else {
      diagnostics.push(diagnostic('GPF2009', source.path, kind === undefined ? undefined : loaded.doc.locate(['kind'])));
    }
  }
  return { definitions, gpoDocs };
}

export function compile(sources: readonly SourceFile[], options: CompileOptions): CompileResult {
  const diagnostics: Diagnostic[] = [];
  const intune = options.intune === true;
  const { definitions, gpoDocs } = loadSources(sources, intune, diagnostics);
  const done = () => ({ diagnostics: sortDiagnostics(diagnostics), files: [] });
  if (hasErrors(diagnostics)) return done();
  const built = buildDefinitionsModel(definitions);
  diagnostics.push(...built.diagnostics);
  if (!built.definitions || hasErrors(diagnostics)) return done();
  const catalogue = buildCatalogue([...built.definitions, ...(options.externalDefinitions ?? [])]);
  const gpos: ValidatedGpo[] = [];
  for (const doc of gpoDocs) {
    const result = validateGpo(doc, catalogue);
    diagnostics.push(...result.diagnostics);
    if (result.valid) gpos.push(result.valid);
  }
  if (hasErrors(diagnostics)) return done();
  const builtGpos = buildGpoModel(gpos, options.gpoDefaults);
  diagnostics.push(...builtGpos.diagnostics);
  if (!builtGpos.gpos || hasErrors(diagnostics)) return done();
  const model: Model = { definitions: built.definitions, gpos: builtGpos.gpos };
  if (!options.emit && !intune) return { diagnostics: sortDiagnostics(diagnostics), model, files: [] };
  const bundle = emitWithTemplates(model, options, diagnostics);
  if (!bundle || hasErrors(diagnostics)) return done();
  if (intune) diagnostics.push(...intuneWarnings(bundle.intune, gpos));
  if (!options.emit) return { diagnostics: sortDiagnostics(diagnostics), model, files: [] };
  diagnostics.push(...omissionWarnings(bundle.omissions, definitions));
  const inputs = sources.map((s) => ({ path: s.path, bytes: new TextEncoder().encode(s.text) }));
  const selected = options.only === undefined ? bundle.files : selectOutputs(bundle.files, options.only);
  const files = options.tool ? [...selected, ...emitManifest(selected, inputs, options.tool)] : selected;
  return { diagnostics: sortDiagnostics(diagnostics), model, files };
}

/**
 * Emits the bundle. A template that fails to render is a gpforge bug with built-in templates
 * (thrown on), but the user's own with `--templates`: then a diagnostic naming it, and the
 * rendered outputs are checked too.
 */
function emitWithTemplates(model: Model, options: CompileOptions, diagnostics: Diagnostic[]): Bundle | undefined {
  const overrides = options.templateOverrides;
  try {
    const external = options.externalDefinitions ?? [];
    const bundle = emitBundle(model, { templates: options.templates, backupTime: options.backupTime, externalDefinitions: external });
    if (overrides !== undefined) diagnostics.push(...checkRenderedOutputs(bundle.files, overrides));
    return bundle;
  } catch (error) {
    if (overrides === undefined || !(error instanceof TemplateError)) throw error;
    diagnostics.push(diagnostic('GPF1015', `${overrides.dir}/${error.template}.hbs`, undefined, error.message));
    return undefined;
  }
}

/** What an output left out (ADM limits), as warnings at the policy's id in its YAML file. */
function omissionWarnings(omissions: readonly OmissionNote[], definitions: readonly ValidatedDefinitions[]): Diagnostic[] {
  // Each file's policy indexes by id, made once: a large file can have a note for every policy.
  const indexes = new Map<ValidatedDefinitions, Map<string, number>>();
  const indexOf = (source: ValidatedDefinitions, policyId: string): number => {
    let byId = indexes.get(source);
    if (!byId) {
      byId = new Map();
      for (const [i, p] of (source.input.policies ?? []).entries()) if (!byId.has(p.id)) byId.set(p.id, i); // the first, as findIndex
      indexes.set(source, byId);
    }
    return byId.get(policyId) ?? -1;
  };
  return omissions.map(({ sourcePath, policyId, what }) => {
    const source = definitions.find((d) => d.doc.file === sourcePath);
    const index = source ? indexOf(source, policyId) : -1;
    const span = source && index >= 0 ? source.doc.locate(['policies', index, 'id']) : undefined;
    return diagnostic('GPF3101', sourcePath, span, what);
  });
}

/** GPO entries out/intune leaves out, as warnings at the policy or raw entry in the GPO file. */
function intuneWarnings(notes: readonly IntuneNote[], gpos: readonly ValidatedGpo[]): Diagnostic[] {
  return notes.map((note) => {
    const source = gpos.find((g) => g.doc.file === note.sourcePath);
    const key = note.entry === 'policies' ? Object.keys(source?.input[note.section]?.policies ?? {})[note.index] : note.index;
    const span = source && key !== undefined ? source.doc.locate([note.section, note.entry, key], note.entry === 'policies' ? 'key' : 'value') : undefined;
    return note.entry === 'registry'
      ? diagnostic(note.code, note.sourcePath, span)
      : diagnostic(note.code, note.sourcePath, span, note.policyId, note.problem);
  });
}
