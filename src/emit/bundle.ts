/** Every output of the bundle (DESIGN.md §4), sorted by path so the result is deterministic. */
import { planGpoSide } from '../model/registry-plan.js';
import type { RegistryPlan } from '../model/registry-types.js';
import { undoActions, undoNotes } from '../model/registry-undo.js';
import type { DefinitionsFile, Gpo, Model } from '../model/types.js';
import { emitAdm } from './adm.js';
import { emitAdml } from './adml.js';
import { emitAdmx } from './admx.js';
import { emitGpoBackups, type GpoBackupInput } from './gpo-backup.js';
import { emitIntune, type IntuneNote } from './intune.js';
import type { OutputFile } from './output-file.js';
import { emitLgpoText } from './lgpo.js';
import { emitRegistryPol } from './pol.js';
import { emitRegFile } from './reg.js';
import { emitGptIni } from './gpt-ini.js';
import { emitSambaRestore } from './samba-restore.js';
import type { Templates } from './templates.js';
import { compareCodeUnits } from '../text/compare.js';

export interface BundleOptions {
  readonly templates: Templates;
  /** Written into GPO backups (bkupInfo.xml BackupTime). */
  readonly backupTime: Date;
  /** --admx templates GPO files may use; Intune output maps Windows' own to Policy CSP areas. */
  readonly externalDefinitions?: readonly DefinitionsFile[];
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
  const omissions = new Map<string, OmissionNote>();
  const admxTexts = new Map<DefinitionsFile, string>();
  for (const definitions of model.definitions) {
    const admx = emitAdmx(definitions, templates);
    files.push(admx);
    admxTexts.set(definitions, new TextDecoder().decode(admx.bytes));
    for (const locale of definitions.locales) {
      files.push(emitAdml(definitions, locale, templates));
      const adm = emitAdm(definitions, locale, templates);
      files.push(adm.file);
      for (const { policyId, what } of adm.unsupported) {
        omissions.set(`${definitions.sourcePath}|${policyId}|${what}`, { sourcePath: definitions.sourcePath, policyId, what });
      }
    }
  }
  const planned = model.gpos.map((gpo) => {
    const machine = planGpoSide(gpo.computer, 'HKLM');
    const user = planGpoSide(gpo.user, 'HKCU');
    // Rendered once: the GPO folder, its GroupPolicy/ copy, Samba's backup and the GPMC backup share the bytes.
    return { gpo, machine, user, machinePol: emitRegistryPol(machine.actions), userPol: emitRegistryPol(user.actions) };
  });
  for (const sides of planned) files.push(...emitGpoFolder(sides, templates));
  if (planned.length > 0) files.push(...emitGpoBackups(planned, { backupTime: options.backupTime }, templates));
  const intune: IntuneNote[] = [];
  files.push(...emitIntune(model, { admx: admxTexts, external: options.externalDefinitions ?? [] }, templates, intune));
  files.sort((a, b) => compareCodeUnits(a.path, b.path));
  return { files, omissions: [...omissions.values()], intune };
}

/**
 * out/gpo/<slug>/: apply.reg and undo.reg for machines without AD, Registry.pol per side and
 * lgpo.txt (both sides, LGPO's text form) for LGPO, GroupPolicy/ to copy over a machine's local
 * GPO (gpt.ini, and Registry.pol for each side with records), samba/ and deploy-samba.sh for a
 * Samba domain controller (samba-restore.ts).
 */
function emitGpoFolder({ gpo, machine, user, machinePol, userPol }: GpoBackupInput & { machinePol: Uint8Array; userPol: Uint8Array }, templates: Templates): OutputFile[] {
  const dir = `gpo/${gpo.slug}`;
  const title = `${gpo.name} (gpforge)`;
  const undoPlans = [undoActions(machine), undoActions(user)];
  const notes = [...new Set([...undoNotes(machine), ...undoNotes(user)])];
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
