/**
 * `gpforge diff BASE [HEAD]` (issue 12): reads both sides (git revisions of this repository,
 * HEAD defaulting to the working tree, or two folders: project folders or built bundles, read
 * back by read-bundle.ts), compiles each in memory without
 * emitting, and prints what src/diff/ found. Files and git in, text out; no logic of its own.
 */
import { statSync } from 'node:fs';
import type { SourceFile } from '../compile.js';
import { validateLoaded } from '../compile-model.js';
import { EARLY_THREAD_BYTES, loadSources, type LoadedSource } from '../compile-sources.js';
import { startBuildThread, type BuildThread } from '../threads/build-thread.js';
import { secondThreadWanted } from '../threads/thread-policy.js';
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { formatDiagnostics, locateAll, type DiagnosticFormat } from '../diagnostics/format.js';
import { diffModels } from '../diff/diff-models.js';
import type { DiffReport } from '../diff/diff-types.js';
import { renderGithub } from '../diff/render-github.js';
import { renderJson } from '../diff/render-json.js';
import { renderMarkdown } from '../diff/render-markdown.js';
import { renderText } from '../diff/render-text.js';
import { readGitSources } from '../load/git-sources.js';
import { readSources, sourceBytes } from '../load/read-sources.js';
import type { DefinitionsFile, Model } from '../model/types.js';
import { isBundleFolder, readBundleSources } from './read-bundle.js';

export type DiffFormat = 'text' | 'markdown' | 'json' | 'github';

export interface DiffArgs {
  readonly base: string;
  readonly head?: string;
  readonly src: readonly string[];
  readonly admx?: readonly string[];
  readonly format: DiffFormat;
  readonly failOn: 'breaking' | 'none';
}

interface Side {
  readonly name: 'base' | 'head';
  readonly label: string;
  readonly sources: SourceFile[];
  readonly diagnostics: Diagnostic[];
  /** Texts of files read besides the sources (a bundle's XML), for placing diagnostics. */
  readonly texts?: ReadonlyMap<string, string>;
}

const isFolder = (path: string) => {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
};

/** A folder side: a built bundle, read back through the importers, or a project folder. */
function readFolder(name: Side['name'], path: string, external: readonly DefinitionsFile[]): Side {
  return { name, label: path, ...(isBundleFolder(path) ? readBundleSources(path, external) : readSources([path])) };
}

/** Two folders when BASE is one; else git revisions, HEAD absent meaning the working tree. */
function readSides(args: DiffArgs, external: readonly DefinitionsFile[]): [Side, Side] | string {
  if (isFolder(args.base)) {
    if (args.head === undefined) return `${args.base} is a folder: name a second folder to compare it with`;
    return [readFolder('base', args.base, external), readFolder('head', args.head, external)];
  }
  const base: Side = { name: 'base', label: args.base, ...readGitSources(args.base, args.src) };
  if (args.head === undefined) return [base, { name: 'head', label: 'working tree', ...readSources(args.src) }];
  return [base, { name: 'head', label: args.head, ...readGitSources(args.head, args.src) }];
}

/** Diagnostics of one side, each marked with the side so two versions of a file are told apart. */
function printSide(side: Side, diagnostics: readonly Diagnostic[], format: DiagnosticFormat): void {
  const texts = new Map([...(side.texts ?? []), ...side.sources.map((s): [string, string] => [s.path, s.text])]);
  const prefix = `${side.name} (${side.label})`;
  if (format === 'text') {
    const text = formatDiagnostics(locateAll(diagnostics, texts), 'text');
    process.stdout.write(text.replace(/^(?=.)/gm, `${prefix}: `));
  } else {
    process.stdout.write(formatDiagnostics(locateAll(diagnostics.map((d) => ({ ...d, message: `${prefix}: ${d.message}` })), texts), format));
  }
}

function render(report: DiffReport, format: DiffFormat, head: Side): string {
  switch (format) {
    case 'markdown':
      return renderMarkdown(report);
    case 'json':
      return renderJson(report);
    case 'github':
      return renderGithub(report, new Map(head.sources.map((s) => [s.path, s.text])));
    case 'text':
      return renderText(report);
  }
}

/**
 * Both sides' sources read in one go (a side that could not be read: undefined), so that a large
 * project's two versions can share a second thread when one is wanted (thread-policy.ts).
 */
function loadBothSides(sides: readonly [Side, Side], secondThread: (() => BuildThread) | undefined): (LoadedSource[] | undefined)[] {
  const readable = sides.map((side) => !hasErrors(side.diagnostics));
  const sources = sides.flatMap((side, index) => (readable[index] ? side.sources : []));
  const loaded = loadSources(sources, false, secondThread && (() => secondThread().load));
  let next = 0;
  return sides.map((side, index) => (readable[index] ? loaded.slice(next, (next += side.sources.length)) : undefined));
}

/** 0 no change or only allowed ones; 1 invalid input, or breaking changes with --fail-on breaking; 2 usage. */
export async function runDiff(args: DiffArgs): Promise<number> {
  // When wanted, a large project's thread starts first, so that it is up when both versions have been read.
  const wanted = secondThreadWanted();
  let thread = wanted && sourceBytes(isFolder(args.base) ? [args.base] : args.src) >= EARLY_THREAD_BYTES ? startBuildThread() : undefined;
  const secondThread = wanted ? () => (thread ??= startBuildThread()) : undefined;
  // The XML readers load only for --admx.
  const external = (args.admx ?? []).length === 0 ? { definitions: [], diagnostics: [] } : (await import('./read-external.js')).readExternal(args.admx ?? []);
  const sides = readSides(args, external.definitions);
  if (typeof sides === 'string') {
    process.stderr.write(`gpforge: ${sides}\nRun gpforge --help for usage.\n`);
    return 2;
  }
  const diagnosticFormat: DiagnosticFormat = args.format === 'markdown' ? 'text' : args.format;
  const loaded = loadBothSides(sides, secondThread);
  const models: Model[] = [];
  for (const [index, side] of sides.entries()) {
    const sideLoaded = loaded[index];
    const result = sideLoaded === undefined ? undefined : validateLoaded(sideLoaded, { externalDefinitions: external.definitions });
    const errors = [...side.diagnostics, ...(result?.diagnostics ?? [])].filter((d) => d.severity === 'error');
    if (errors.length > 0 || !result?.model) printSide(side, errors, diagnosticFormat);
    else models.push(result.model);
  }
  const [base, head] = models;
  if (base === undefined || head === undefined || hasErrors(external.diagnostics)) {
    if (hasErrors(external.diagnostics)) process.stdout.write(formatDiagnostics(locateAll(external.diagnostics, new Map()), diagnosticFormat));
    process.stderr.write('gpforge: nothing compared: a side does not compile\n');
    return 1;
  }
  const report = diffModels({ label: sides[0].label, model: base }, { label: sides[1].label, model: head }, external.definitions);
  process.stdout.write(render(report, args.format, sides[1]));
  const failing = report.summary.breaking + report.summary.revision;
  return args.failOn === 'breaking' && failing > 0 ? 1 : 0;
}
