/**
 * The definitions outputs as separate jobs (one ADMX per file, one ADML and one .adm per file
 * and locale), so that a large bundle can render some of them on a second thread
 * (src/threads/build-worker.ts) while this one renders the rest
 * (issue 11). Rendering a job is pure, so where it ran never changes a byte.
 */
import type { DefinitionsFile } from '../model/types.js';
import { emitAdm } from './adm.js';
import { emitAdml } from './adml.js';
import { emitAdmx } from './admx.js';
import type { OutputFile } from './output-file.js';
import type { Templates } from './templates.js';

export interface RenderJob {
  readonly kind: 'admx' | 'adml' | 'adm';
  /** Index into the model's definitions files. */
  readonly definitions: number;
  readonly locale?: string;
}

export interface RenderedJob {
  readonly file: OutputFile;
  /** What an .adm left out (emitAdm), in policy order; empty for the others. */
  readonly unsupported: readonly { readonly policyId: string; readonly what: string }[];
}

/** What the main thread sends the second thread to render (src/threads/build-worker.ts). */
export interface RenderTask {
  readonly kind: 'render';
  readonly jobs: readonly RenderJob[];
  /** Queue position → index into `jobs`. */
  readonly queue: readonly number[];
  readonly definitions: readonly DefinitionsFile[];
}

/** Every definitions output, in the order the bundle has always rendered them. */
export function definitionsJobs(definitions: readonly DefinitionsFile[]): RenderJob[] {
  return definitions.flatMap((file, index) => [
    { kind: 'admx' as const, definitions: index },
    ...file.locales.flatMap((locale) => [
      { kind: 'adml' as const, definitions: index, locale },
      { kind: 'adm' as const, definitions: index, locale },
    ]),
  ]);
}

export function renderJob(job: RenderJob, file: DefinitionsFile, templates: Templates): RenderedJob {
  if (job.kind === 'admx') return { file: emitAdmx(file, templates), unsupported: [] };
  const locale = job.locale ?? '';
  if (job.kind === 'adml') return { file: emitAdml(file, locale, templates), unsupported: [] };
  return emitAdm(file, locale, templates);
}

/**
 * Relative cost of a job, for splitting the work: policies times what one policy costs in that
 * output (measured on the 727- and 5,000-policy benches: an ADML about 0.4 of an ADMX, an .adm
 * about 0.9).
 */
export function jobWeight(job: RenderJob, file: DefinitionsFile): number {
  const perPolicy = job.kind === 'admx' ? 1 : job.kind === 'adml' ? 0.4 : 0.9;
  return (file.policies.length + file.categories.length / 4) * perPolicy;
}
