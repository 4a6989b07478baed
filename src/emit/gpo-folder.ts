/**
 * out/gpo/<slug>/: apply.reg and undo.reg for machines without AD, Registry.pol per side and
 * lgpo.txt (both sides, LGPO's text form) for LGPO, GroupPolicy/ to copy over a machine's local
 * GPO (gpt.ini, and Registry.pol for each side with records), samba/ and deploy-samba.sh for a
 * Samba domain controller (samba-restore.ts). In two halves of about equal cost, so that the two
 * threads of a large build can share them (render-jobs.ts).
 */
import type { RegistryPlan } from '../model/registry-types.js';
import { undoActions, undoNotes } from '../model/registry-undo.js';
import type { Gpo } from '../model/types.js';
import { emitGptIni } from './gpt-ini.js';
import { emitLgpoText } from './lgpo.js';
import type { OutputFile } from './output-file.js';
import { emitRegistryPol } from './pol.js';
import { emitRegFile } from './reg.js';
import { emitSambaRestore } from './samba-restore.js';
import type { Templates } from './templates.js';

/** A GPO with the registry plan of each side (registry-plan.ts). */
export interface PlannedGpo {
  readonly gpo: Gpo;
  readonly machine: RegistryPlan;
  readonly user: RegistryPlan;
}

/** The text forms: apply.reg, undo.reg and lgpo.txt. */
export function emitGpoTexts({ gpo, machine, user }: PlannedGpo, templates: Templates): OutputFile[] {
  const dir = `gpo/${gpo.slug}`;
  const title = `${gpo.name} (gpforge)`;
  const undoPlans = [undoActions(machine), undoActions(user)];
  const notes = [...new Set([...undoNotes(machine), ...undoNotes(user)])];
  return [
    { path: `${dir}/apply.reg`, bytes: emitRegFile([machine, user], { title: `${title}: apply` }, templates) },
    { path: `${dir}/undo.reg`, bytes: emitRegFile(undoPlans, { title: `${title}: undo`, notes }, templates) },
    { path: `${dir}/lgpo.txt`, bytes: emitLgpoText([machine, user], title, templates) },
  ];
}

/** The Registry.pol forms: per side, in GroupPolicy/ for a local GPO, and for Samba. */
export function emitGpoPolicyFiles({ gpo, machine, user }: PlannedGpo, templates: Templates): OutputFile[] {
  const dir = `gpo/${gpo.slug}`;
  const machinePol = emitRegistryPol(machine.actions);
  const userPol = emitRegistryPol(user.actions);
  return [
    { path: `${dir}/Machine/Registry.pol`, bytes: machinePol },
    { path: `${dir}/User/Registry.pol`, bytes: userPol },
    { path: `${dir}/GroupPolicy/gpt.ini`, bytes: emitGptIni(gpo, machine, user, templates) },
    ...(machine.actions.length > 0 ? [{ path: `${dir}/GroupPolicy/Machine/Registry.pol`, bytes: machinePol }] : []),
    ...(user.actions.length > 0 ? [{ path: `${dir}/GroupPolicy/User/Registry.pol`, bytes: userPol }] : []),
    ...emitSambaRestore(gpo, { plan: machine, pol: machinePol }, { plan: user, pol: userPol }, templates),
  ];
}
