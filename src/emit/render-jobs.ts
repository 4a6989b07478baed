/**
 * The bundle's outputs as separate jobs, so that a large bundle can render some of them on a
 * second thread (src/threads/build-worker.ts) while this one renders the rest (issue 11): one
 * ADMX per definitions file, one ADML and one .adm per file and locale, the two halves of each
 * GPO's folder (gpo-folder.ts) and the GPO backups. Rendering a job is pure, so where it ran
 * never changes a byte.
 */
import type { DefinitionsFile } from '../model/types.js';
import { emitAdm } from './adm.js';
import { emitAdml } from './adml.js';
import { emitAdmx } from './admx.js';
import { emitGpoBackups } from './gpo-backup.js';
import { emitGpoPolicyFiles, emitGpoTexts, type PlannedGpo } from './gpo-folder.js';
import type { OutputFile } from './output-file.js';
import type { Templates } from './templates.js';

export type RenderJob =
  | { readonly kind: 'admx' | 'adml' | 'adm'; /** Index into the definitions files. */ readonly definitions: number; readonly locale?: string }
  | { readonly kind: 'gpo-texts' | 'gpo-policy-files'; /** Index into the planned GPOs. */ readonly gpo: number }
  | { readonly kind: 'backups' };

export interface RenderedJob {
  readonly files: OutputFile[];
  /** What an .adm left out (emitAdm), in policy order; empty for the others. */
  readonly unsupported: readonly { readonly policyId: string; readonly what: string }[];
}

/** What a job reads: the model's definitions files, its GPOs with their registry plans. */
export interface RenderInputs {
  readonly definitions: readonly DefinitionsFile[];
  readonly planned: readonly PlannedGpo[];
  /** Written into GPO backups (bkupInfo.xml BackupTime). */
  readonly backupTime: Date;
}

/** What the main thread sends the second thread to render. */
export interface RenderTask extends RenderInputs {
  readonly kind: 'render';
  readonly jobs: readonly RenderJob[];
  /** Queue position → index into `jobs`. */
  readonly queue: readonly number[];
}

/** Every output job, in the order the bundle has always rendered them. */
export function bundleJobs(inputs: RenderInputs): RenderJob[] {
  return [
    ...inputs.definitions.flatMap((file, index) => [
      { kind: 'admx' as const, definitions: index },
      ...file.locales.flatMap((locale) => [
        { kind: 'adml' as const, definitions: index, locale },
        { kind: 'adm' as const, definitions: index, locale },
      ]),
    ]),
    ...inputs.planned.flatMap((_, gpo) => [
      { kind: 'gpo-texts' as const, gpo },
      { kind: 'gpo-policy-files' as const, gpo },
    ]),
    ...(inputs.planned.length > 0 ? [{ kind: 'backups' as const }] : []),
  ];
}

export function renderJob(job: RenderJob, inputs: RenderInputs, templates: Templates): RenderedJob {
  const none: RenderedJob['unsupported'] = [];
  switch (job.kind) {
    case 'admx':
      return { files: [emitAdmx(definitionsAt(inputs, job.definitions), templates)], unsupported: none };
    case 'adml':
      return { files: [emitAdml(definitionsAt(inputs, job.definitions), job.locale ?? '', templates)], unsupported: none };
    case 'adm': {
      const adm = emitAdm(definitionsAt(inputs, job.definitions), job.locale ?? '', templates);
      return { files: [adm.file], unsupported: adm.unsupported };
    }
    case 'gpo-texts':
      return { files: emitGpoTexts(plannedAt(inputs, job.gpo), templates), unsupported: none };
    case 'gpo-policy-files':
      return { files: emitGpoPolicyFiles(plannedAt(inputs, job.gpo), templates), unsupported: none };
    case 'backups':
      return { files: emitGpoBackups(inputs.planned, { backupTime: inputs.backupTime }, templates), unsupported: none };
  }
}

/**
 * Relative cost of a job, for ordering the queue (largest first) and deciding whether a second
 * thread pays: about 0.15 ms a unit on the development machine. Per policy an ADMX costs 1, an
 * ADML about 0.4, an .adm about 0.9; per registry action a GPO folder half about 1.5, the
 * backups about 1 (measured on the 727- and 5,000-policy benches).
 */
export function jobWeight(job: RenderJob, inputs: RenderInputs): number {
  const actions = (planned: PlannedGpo) => planned.machine.actions.length + planned.user.actions.length;
  switch (job.kind) {
    case 'admx':
    case 'adml':
    case 'adm': {
      const file = definitionsAt(inputs, job.definitions);
      const perPolicy = job.kind === 'admx' ? 1 : job.kind === 'adml' ? 0.4 : 0.9;
      return (file.policies.length + file.categories.length / 4) * perPolicy;
    }
    case 'gpo-texts':
    case 'gpo-policy-files':
      return 1.5 * actions(plannedAt(inputs, job.gpo));
    case 'backups':
      return inputs.planned.reduce((sum, planned) => sum + actions(planned), 0);
  }
}

function definitionsAt(inputs: RenderInputs, index: number): DefinitionsFile {
  const file = inputs.definitions[index];
  if (!file) throw new Error(`render job: no definitions file ${index}`);
  return file;
}

function plannedAt(inputs: RenderInputs, index: number): PlannedGpo {
  const planned = inputs.planned[index];
  if (!planned) throw new Error(`render job: no GPO ${index}`);
  return planned;
}
