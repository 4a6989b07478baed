/**
 * The pipeline in one function (STYLE.md): load → validate → model (compile-model.ts) → emit.
 * No file system: sources come in as text, files go out as bytes.
 */
import { diagnostic, hasErrors, type Diagnostic } from './diagnostics/diagnostic.js';
import { sortDiagnostics } from './diagnostics/format.js';
import { emitBundle, type Bundle, type OmissionNote } from './emit/bundle.js';
import type { IntuneNote } from './emit/intune.js';
import { checkRenderedOutputs, type TemplateOverrides } from './emit/check-outputs.js';
import { emitManifest, type ToolInfo } from './emit/manifest.js';
import type { OutputFile } from './emit/output-file.js';
import { selectOutputs, type OutputKind } from './emit/output-kinds.js';
import type { BuildThread } from './threads/build-thread.js';
import { TemplateError, type Templates } from './emit/templates.js';
import type { SourceFile } from './compile-sources.js';
import { compileModel } from './compile-model.js';
import type { GpoDefaults } from './model/build-gpo.js';
import type { DefinitionsFile, Model } from './model/types.js';
import type { ValidatedDefinitions } from './validate/validate-definitions.js';
import type { ValidatedGpo } from './validate/validate-gpo.js';

export type { SourceFile } from './compile-sources.js';

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
  /**
   * Told of each bundle file as soon as it is rendered (only those `only` selects); may return
   * the same bytes in other memory for the bundle to keep instead (src/write/write-bundle.ts).
   */
  readonly onFile?: (file: OutputFile) => Uint8Array | void;
  /**
   * Starts the second thread a large project reads its sources and renders its outputs on
   * (compile-sources.ts, src/emit/render-outputs.ts decide); called at most once.
   */
  readonly secondThread?: () => BuildThread;
}

export interface CompileResult {
  readonly diagnostics: readonly Diagnostic[];
  readonly model?: Model;
  /** Empty whenever there is an error: nothing is written then. */
  readonly files: readonly OutputFile[];
}

export function compile(sources: readonly SourceFile[], options: CompileOptions): CompileResult {
  const intune = options.intune === true;
  // One second thread at most, started by the first stage that wants it.
  const start = options.secondThread;
  let started: BuildThread | undefined;
  const thread = start && (() => (started ??= start()));
  const { diagnostics, model, definitions, gpos } = compileModel(sources, {
    intune,
    ...(options.externalDefinitions && { externalDefinitions: options.externalDefinitions }),
    ...(options.gpoDefaults && { gpoDefaults: options.gpoDefaults }),
    ...(thread && { thread }),
  });
  const done = () => ({ diagnostics: sortDiagnostics(diagnostics), files: [] });
  if (!model) return done();
  if (!options.emit && !intune) return { diagnostics: sortDiagnostics(diagnostics), model, files: [] };
  const bundle = emitWithTemplates(model, options, diagnostics, thread);
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
function emitWithTemplates(model: Model, options: CompileOptions, diagnostics: Diagnostic[], thread: (() => BuildThread) | undefined): Bundle | undefined {
  const overrides = options.templateOverrides;
  try {
    const external = options.externalDefinitions ?? [];
    const bundle = emitBundle(model, { templates: options.templates, backupTime: options.backupTime, externalDefinitions: external, ...selectedFileListener(options), ...(thread && { renderThread: () => thread().render }) });
    if (overrides !== undefined) diagnostics.push(...checkRenderedOutputs(bundle.files, overrides));
    return bundle;
  } catch (error) {
    if (overrides === undefined || !(error instanceof TemplateError)) throw error;
    diagnostics.push(diagnostic('GPF1015', `${overrides.dir}/${error.template}.hbs`, undefined, error.message));
    return undefined;
  }
}

/** options.onFile, told only of the files `--only` keeps; none when validating. */
function selectedFileListener(options: CompileOptions): { onFile?: (file: OutputFile) => Uint8Array | void } {
  const { onFile, only } = options;
  if (!onFile || !options.emit) return {};
  if (only === undefined) return { onFile };
  return {
    onFile: (file) => (selectOutputs([file], only).length > 0 ? onFile(file) : undefined),
  };
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
