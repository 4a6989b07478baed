/** Every output of the bundle (DESIGN.md §4), sorted by path so the result is deterministic. */
import { planGpoSide } from '../model/registry-plan.js';
import type { RegistryPlan } from '../model/registry-types.js';
import { undoActions, undoNotes } from '../model/registry-undo.js';
import type { DefinitionsFile, Gpo, Model } from '../model/types.js';
import { emitGpoBackups } from './gpo-backup.js';
import { emitIntune, type IntuneNote } from './intune.js';
import type { OutputFile } from './output-file.js';
import { emitLgpoText } from './lgpo.js';
import { emitRegistryPol } from './pol.js';
import { emitRegFile } from './reg.js';
import { emitGptIni } from './gpt-ini.js';
import { emitSambaRestore } from './samba-restore.js';
import type { Templates } from './templates.js';
import { renderDefinitions } from './render-definitions.js';
import { definitionsJobs, type RenderedJob, type RenderTask } from './render-jobs.js';
import type { SharedQueue } from '../threads/job-thread.js';
import { compareCodeUnits } from '../text/compare.js';

export interface BundleOptions {
  readonly templates: Templates;
  /** Written into GPO backups (bkupInfo.xml BackupTime). */
  readonly backupTime: Date;
  /** --admx templates GPO files may use; Intune output maps Windows' own to Policy CSP areas. */
  readonly externalDefinitions?: readonly DefinitionsFile[];
  /** Told of each file as soon as it is rendered (src/write/ starts writing it meanwhile). */
  readonly onFile?: (file: OutputFile) => void;
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
  const keep = (...produced: OutputFile[]) => {
    files.push(...produced);
    if (options.onFile) for (const file of produced) options.onFile(file);
  };
  const planned = model.gpos.map((gpo) => ({ gpo, machine: planGpoSide(gpo.computer, 'HKLM'), user: planGpoSide(gpo.user, 'HKCU') }));
  // Large bundles: a second thread starts on the definitions outputs while this one does the GPO's.
  const definitions = renderDefinitions(model.definitions, templates, (file) => keep(file), options.renderThread);
  for (const { gpo, machine, user } of planned) keep(...emitGpoFolder(gpo, machine, user, templates));
  if (planned.length > 0) keep(...emitGpoBackups(planned, { backupTime: options.backupTime }, templates));
  const rendered = definitions.finish();
  const omissions = new Map<string, OmissionNote>();
  const admxTexts = new Map<DefinitionsFile, string>();
  for (const [index, job] of definitionsJobs(model.definitions).entries()) {
    const file = model.definitions[job.definitions] as DefinitionsFile;
    const result = rendered[index] as RenderedJob;
    if (job.kind === 'admx') admxTexts.set(file, new TextDecoder().decode(result.file.bytes));
    for (const { policyId, what } of result.unsupported) {
      omissions.set(`${file.sourcePath}|${policyId}|${what}`, { sourcePath: file.sourcePath, policyId, what });
    }
  }
  const intune: IntuneNote[] = [];
  keep(...emitIntune(model, { admx: admxTexts, external: options.externalDefinitions ?? [] }, templates, intune));
  files.sort((a, b) => compareCodeUnits(a.path, b.path));
  return { files, omissions: [...omissions.values()], intune };
}

/**
 * out/gpo/<slug>/: apply.reg and undo.reg for machines without AD, Registry.pol per side and
 * lgpo.txt (both sides, LGPO's text form) for LGPO, GroupPolicy/ to copy over a machine's local
 * GPO (gpt.ini, and Registry.pol for each side with records), samba/ and deploy-samba.sh for a
 * Samba domain controller (samba-restore.ts).
 */
function emitGpoFolder(gpo: Gpo, machine: RegistryPlan, user: RegistryPlan, templates: Templates): OutputFile[] {
  const dir = `gpo/${gpo.slug}`;
  const title = `${gpo.name} (gpforge)`;
  const undoPlans = [undoActions(machine), undoActions(user)];
  const notes = [...new Set([...undoNotes(machine), ...undoNotes(user)])];
  const machinePol = emitRegistryPol(machine.actions);
  const userPol = emitRegistryPol(user.actions);
  return [
    { path: `${dir}/apply.reg`, bytes: emitRegFile([machine, user], { title: `${title}: apply` }, templates) },
    { path: `${dir}/undo.reg`, bytes: emitRegFile(undoPlans, { title: `${title}: undo`, notes }, templates) },
    { path: `${dir}/lgpo.txt`, bytes: emitLgpoText([machine, user], title, templates) },
    { path: `${dir}/Machine/Registry.pol`, bytes: machinePol },
    { path: `${dir}/User/Registry.pol`, bytes: userPol },
    { path: `${dir}/GroupPolicy/gpt.ini`, bytes: emitGptIni(gpo, machine, user, templates) },
    ...(machine.actions.length > 0 ? [{ path: `${dir}/GroupPolicy/Machine/Registry.pol`, bytes: machinePol }] : []),
    ...(user.actions.length > 0 ? [{ path: `${dir}/GroupPolicy/User/Registry.pol`, bytes: userPol }] : []),
    ...emitSambaRestore(gpo, { plan: machine, pol: machinePol }, { plan: user, pol: userPol }, templates),
  ];
}
