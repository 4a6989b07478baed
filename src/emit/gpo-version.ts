/**
 * What every GPO output says about a side beyond its records: its version counter and its
 * extension list (FORMATS.md e.2). gpt.ini, Backup.xml and the Samba restore folder all take them
 * from here, so the three never disagree.
 */
import type { RegistryPlan } from '../model/registry-types.js';
import type { Gpo } from '../model/types.js';

/** Registry client-side extension and the Administrative Templates tool GUIDs (FORMATS.md e.2). */
export const REGISTRY_CSE_GUID = '{35378EAC-683F-11D2-A89A-00C04FBBCFA2}';
export const MACHINE_TOOL_GUID = '{D02B1F72-3407-48AE-BA88-E8213C6761F1}';
export const USER_TOOL_GUID = '{D02B1F73-3407-48AE-BA88-E8213C6761F1}';

/** Largest counter of one side: it is the low or high 16 bits of gpt.ini's Version. */
export const MAX_SIDE_VERSION = 0xffff;

/** The counter of one side: the GPO's `version` when the side has records, else 0. */
export function sideVersion(gpo: Gpo, plan: RegistryPlan): number {
  return plan.actions.length > 0 ? gpo.version : 0;
}

/**
 * gpt.ini's `Version` (and AD's versionNumber): user counter in the high 16 bits, machine counter
 * in the low 16 bits ([MS-GPOL] 3.3.5.4). Unsigned: 65535/65535 is 4294967295.
 */
export function packGpoVersion(user: number, machine: number): number {
  for (const side of [user, machine]) {
    if (!Number.isInteger(side) || side < 0 || side > MAX_SIDE_VERSION) throw new Error(`gpforge bug: side version ${side} is not 0..65535`);
  }
  return user * 0x10000 + machine;
}

/** `[{CSE}{tool}]` for a side with records, else undefined (no entry, FORMATS.md e.2). */
export function extensionNames(plan: RegistryPlan, toolGuid: string): string | undefined {
  return plan.actions.length > 0 ? `[${REGISTRY_CSE_GUID}${toolGuid}]` : undefined;
}
