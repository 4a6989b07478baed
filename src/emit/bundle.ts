/** Every output of the bundle (DESIGN.md §4), sorted by path so the result is deterministic. */
import { planGpoSide } from '../model/registry-plan.js';
import type { DefinitionsFile, Model } from '../model/types.js';
import { emitIntune, type IntuneNote } from './intune.js';
import type { OutputFile } from './output-file.js';
import type { Templates } from './templates.js';
import { renderOutputs } from './render-outputs.js';
import { bundleJobs, type RenderedJob, type RenderTask } from './render-jobs.js';
import type { SharedQueue } from '../threads/job-thread.js';
import { compareCodeUnits } from '../text/compare.js';

export interface BundleOptions {
  readonly templates: Templates;
  /** Written into GPO backups (bkupInfo.xml BackupTime). */
  readonly backupTime: Date;
  /** --admx templates GPO files may use; Intune output maps Windows' own to Policy CSP areas. */
  readonly externalDefinitions?: readonly DefinitionsFile[];
  /**
   * Told of each file as soon as it is rendered (src/write/ starts writing it meanwhile); may
   * return the same bytes in other memory for the bundle to keep instead.
   */
  readonly onFile?: (file: OutputFile) => Uint8Array | void;
  /** Starts a second rendering thread, for large bundles (only with the built-in templates). */
  readonly renderThread?: () => SharedQueue<RenderTask, RenderedJob>;
}

/** Something an output had to leave out, for a warning at the policy in its YAML file. */
export interface OmissionNote {
  readonly sourcePath: string;
  readonly policyId: string;
  readonly what: string;
}

export interface Bundle {
  readonly files: OutputFile[];
  readonly omissions: OmissionNote[];
  /** GPO entries out/intune leaves out, for warnings at their YAML lines. */
  readonly intune: IntuneNote[];
}

export function emitBundle(model: Model, options: BundleOptions): Bundle {
  const { templates } = options;
  const files: OutputFile[] = [];
  const keep = (file: OutputFile) => {
    const bytes = options.onFile?.(file);
    files.push(bytes && bytes !== file.bytes ? { path: file.path, bytes } : file);
  };
  const planned = model.gpos.map((gpo) => ({ gpo, machine: planGpoSide(gpo.computer, 'HKLM'), user: planGpoSide(gpo.user, 'HKCU') }));
  const inputs = { definitions: model.definitions, planned, backupTime: options.backupTime };
  // Large bundles: a second thread takes jobs from the same queue (render-outputs.ts).
  const rendered = renderOutputs(inputs, templates, keep, options.renderThread);
  const omissions = new Map<string, OmissionNote>();
  const admxBytes = new Map<DefinitionsFile, Uint8Array | undefined>();
  for (const [index, job] of bundleJobs(inputs).entries()) {
    if (job.kind !== 'admx' && job.kind !== 'adm') continue;
    const file = model.definitions[job.definitions] as DefinitionsFile;
    const result = rendered[index] as RenderedJob;
    if (job.kind === 'admx') admxBytes.set(file, result.files[0]?.bytes);
    for (const { policyId, what } of result.unsupported) {
      omissions.set(`${file.sourcePath}|${policyId}|${what}`, { sourcePath: file.sourcePath, policyId, what });
    }
  }
  const intune: IntuneNote[] = [];
  const admxText = (file: DefinitionsFile) => {
    const bytes = admxBytes.get(file);
    return bytes && new TextDecoder().decode(bytes);
  };
  for (const file of emitIntune(model, { admx: admxText, external: options.externalDefinitions ?? [] }, templates, intune)) keep(file);
  files.sort((a, b) => compareCodeUnits(a.path, b.path));
  return { files, omissions: [...omissions.values()], intune };
}
