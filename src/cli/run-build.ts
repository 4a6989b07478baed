/**
 * `gpforge build` and `gpforge validate` (DESIGN.md §3): reads the sources (and --admx
 * templates, --templates overrides), compiles, then writes the bundle atomically, or with
 * --check compares it with out/. Like cli.ts: files in and out, no logic of its own.
 * What only some command lines need (the emitters and templates, the XML readers for --admx,
 * the bundle writer, the zip) is imported when they do: a save hook's validate loads none of
 * it (issue 11).
 */
import { validateSources } from '../compile-model.js';
import { EARLY_THREAD_BYTES } from '../compile-sources.js';
import type { CompileResult } from '../compile.js';
import { diagnostic, hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { readSources } from '../load/read-sources.js';
import { templateOverrideNames } from '../load/template-sources.js';
import type { OutputFile } from '../emit/output-file.js';
import type { OutputKind } from '../emit/output-kinds.js';
import type { Templates } from '../emit/templates.js';
import type { BundleWriter } from '../write/write-bundle.js';
import { startBuildThread, type BuildThread } from '../threads/build-thread.js';
import { secondThreadWanted } from '../threads/thread-policy.js';
import { readFileSync } from 'node:fs';
import { packageFile } from '../package-files.js';
import { checkSchemaFreshness } from './schema-freshness.js';
import { DEFAULT_SCHEMA_PATH } from '../schema/definitions-hash.js';
import type { Console } from './console.js';

export interface BuildArgs {
  readonly src: readonly string[];
  readonly admx?: readonly string[];
  readonly templates?: string;
  readonly domain?: string;
  readonly dc?: string;
  /** Absent for validate. */
  readonly out?: string;
  readonly check?: boolean;
  /** Also write the whole bundle as one reproducible zip. */
  readonly zip?: string;
  /** `--only`: just these kinds of output (already checked by cli.ts). */
  readonly only?: readonly OutputKind[];
  /** Also warn about what Intune's ADMX ingestion and the Policy CSP refuse (GPF23xx, GPF32xx). */
  readonly intune?: boolean;
}

/** This package's name and version, for manifest.json. */
function toolInfo(): { name: string; version: string } {
  const manifest = JSON.parse(readFileSync(packageFile('package.json'), 'utf8')) as { name: string; version: string };
  return { name: manifest.name, version: manifest.version };
}

/**
 * The time written into GPO backups: SOURCE_DATE_EPOCH (reproducible-builds.org) when set,
 * else a fixed instant, so that builds never depend on the clock.
 */
export const FIXED_BACKUP_TIME = new Date('2000-01-01T00:00:00Z');

function backupTime(): Date {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  return epoch !== undefined && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : FIXED_BACKUP_TIME;
}

/**
 * The second thread, started as soon as the sources are read when they are large enough
 * (EARLY_THREAD_BYTES), so that loading its code overlaps the first stage. Unused, it ends with
 * the process.
 */
function earlySecondThread(args: BuildArgs, sources: readonly { text: string }[]): BuildThread | undefined {
  if (!secondThreadWanted() || args.out === undefined || args.check || args.templates !== undefined) return undefined;
  const size = sources.reduce((sum, source) => sum + source.text.length, 0);
  return size >= EARLY_THREAD_BYTES ? startBuildThread() : undefined;
}

/** --admx templates, read only when there are some (the XML readers load with them). */
async function readExternalOf(paths: readonly string[]) {
  if (paths.length === 0) return { definitions: [], diagnostics: [], texts: [] };
  const { readExternal } = await import('./read-external.js');
  return readExternal(paths);
}

/** Returns the exit code: 0 success, 1 invalid input or drift. */
export async function runBuild(args: BuildArgs, out: Console): Promise<number> {
  const emit = args.out !== undefined;
  // --intune renders the bundle in memory even to validate: its warnings are about the outputs.
  const renders = emit || args.intune === true;
  out.progress('reading sources…');
  const read = readSources(args.src);
  const early = earlySecondThread(args, read.sources);
  if ((args.admx ?? []).length > 0) out.progress('reading --admx templates…');
  const external = await readExternalOf(args.admx ?? []);
  const loaded = renders ? (await import('./load-templates.js')).loadTemplates(args.templates) : { diagnostics: [] };
  const texts = new Map([...read.sources.map((s) => [s.path, s.text] as const), ...external.texts]);
  const inputs = [...read.diagnostics, ...external.diagnostics, ...loaded.diagnostics];
  if (hasErrors(inputs) || (renders && !loaded.templates)) return fail(out, inputs, texts, 'nothing built');
  out.progress(`compiling ${read.sources.length} files…`);
  const gpoDefaults = { ...(args.domain !== undefined && { domain: args.domain }), ...(args.dc !== undefined && { domainController: args.dc }) };
  // One second thread at most, when wanted (thread-policy.ts): the early one, or one started by the first stage that wants it.
  let thread = early;
  const secondThread = secondThreadWanted() ? () => (thread ??= startBuildThread()) : undefined;
  let writer: BundleWriter | undefined;
  let result: Pick<CompileResult, 'diagnostics' | 'model' | 'files'>;
  if (!renders) {
    result = validateSources(read.sources, { gpoDefaults, externalDefinitions: external.definitions, ...(secondThread && { thread: secondThread }) });
  } else {
    const { compile } = await import('../compile.js');
    const outDir = args.check ? undefined : args.out;
    // Made at the first rendered file (never for validate, --check, or input with errors).
    const { BundleWriter } = outDir === undefined ? { BundleWriter: undefined } : await import('../write/write-bundle.js');
    const writing = outDir === undefined || BundleWriter === undefined ? {} : { onFile: (file: OutputFile) => (writer ??= new BundleWriter(outDir)).add(file) };
    result = compileOrAbort(() => writer, () =>
      compile(read.sources, {
        ...writing,
        templates: loaded.templates as Templates,
        emit,
        gpoDefaults,
        backupTime: backupTime(),
        externalDefinitions: external.definitions,
        tool: toolInfo(),
        ...(args.only !== undefined && { only: args.only }),
        intune: args.intune === true,
        // Only the built-in templates render on the second thread (it has no --templates).
        ...(args.templates === undefined && secondThread && { secondThread }),
        ...(args.templates !== undefined && { templateOverrides: { dir: args.templates, names: templateOverrideNames(args.templates) } }),
      }),
    );
  }
  const stale = result.model ? checkSchemaFreshness(DEFAULT_SCHEMA_PATH, result.model.definitions, texts) : [];
  const diagnostics = [...inputs, ...result.diagnostics, ...stale];
  if (hasErrors(diagnostics)) {
    writer?.abort();
    return fail(out, diagnostics, texts, emit ? `build failed, ${args.out} left unchanged` : 'invalid');
  }
  if (args.out === undefined) {
    out.report(diagnostics, texts, `${read.sources.length} file${read.sources.length === 1 ? '' : 's'} valid`);
    return 0;
  }
  if (args.check) return checkOut(out, args.out, result.files, diagnostics, texts);
  const code = await writeOut(out, writer, args.out, result.files, diagnostics, texts);
  return code === 0 && args.zip !== undefined ? writeZip(out, args.zip, result.files) : code;
}

/** --zip FILE: the bundle as one zip, byte-identical across builds (src/emit/zip.ts). */
async function writeZip(out: Console, file: string, files: readonly OutputFile[]): Promise<number> {
  const [{ emitZip }, { writeFileAtomically }] = await Promise.all([import('../emit/zip.js'), import('../write/write-files.js')]);
  try {
    writeFileAtomically(file, emitZip(files));
  } catch (error) {
    return fail(out, [diagnostic('GPF1011', file, undefined, error instanceof Error ? error.message : String(error))], new Map(), `${file} not written`);
  }
  out.detail([file]);
  return 0;
}

function fail(out: Console, diagnostics: readonly Diagnostic[], texts: ReadonlyMap<string, string>, summary: string): number {
  out.report(diagnostics, texts, summary);
  return 1;
}

/** compile(), leaving out/ untouched should it throw (a gpforge bug) after files were handed over. */
function compileOrAbort(writer: () => BundleWriter | undefined, compile: () => CompileResult): CompileResult {
  try {
    return compile();
  } catch (error) {
    writer()?.abort();
    throw error;
  }
}

/** `writer`: the one files were handed to while rendering; none when no file was rendered. */
async function writeOut(out: Console, writer: BundleWriter | undefined, dir: string, files: readonly OutputFile[], diagnostics: Diagnostic[], texts: ReadonlyMap<string, string>): Promise<number> {
  out.progress(`writing ${files.length} files…`);
  const bundle = writer ?? new (await import('../write/write-bundle.js')).BundleWriter(dir);
  try {
    bundle.commit(files);
  } catch (error) {
    const failure = diagnostic('GPF1008', dir, undefined, error instanceof Error ? error.message : String(error));
    return fail(out, [...diagnostics, failure], texts, `${dir} left unchanged`);
  }
  out.detail(files.map((f) => `${dir}/${f.path}`));
  out.report(diagnostics, texts, `wrote ${files.length} files to ${dir}`);
  return 0;
}

/** --check: exit 1 when out/ is not exactly what this build would write. */
async function checkOut(out: Console, dir: string, files: readonly OutputFile[], diagnostics: Diagnostic[], texts: ReadonlyMap<string, string>): Promise<number> {
  const { compareWithDisk } = await import('../write/check-bundle.js');
  const drift = compareWithDisk(dir, files);
  const at = (path: string) => `${dir}/${path}`;
  const problems = [
    ...drift.differs.map((p) => diagnostic('GPF1012', at(p), undefined, at(p))),
    ...drift.missing.map((p) => diagnostic('GPF1013', at(p), undefined, at(p))),
    ...drift.extra.map((p) => diagnostic('GPF1014', at(p), undefined, at(p))),
  ];
  if (problems.length > 0) return fail(out, [...diagnostics, ...problems], texts, `${dir} is out of date: run gpforge build`);
  out.report(diagnostics, texts, `${dir} is up to date (${files.length} files)`);
  return 0;
}
