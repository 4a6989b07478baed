/**
 * gpt.ini of a local Group Policy folder: what `%SystemRoot%\System32\GroupPolicy\gpt.ini` holds
 * after gpedit.msc saved Administrative Templates settings (FORMATS.md e.1, e.2):
 *
 *   [General]
 *   gPCFunctionalityVersion=2
 *   gPCMachineExtensionNames=[{35378EAC-…}{D02B1F72-…}]   only when Machine\Registry.pol has records
 *   Version=<user << 16 | machine>
 *   gPCUserExtensionNames=[{35378EAC-…}{D02B1F73-…}]      only when User\Registry.pol has records
 *
 * Encoding: ASCII (every character above is ASCII), CRLF, final CRLF. Windows reads the keys by
 * name; the order is the one gpedit writes in public examples (UNVERIFIED on a current Windows).
 * The Group Policy engine re-applies local policy only when Version grows (gpupdate /force
 * re-applies anyway), hence the GPO file's `version:`.
 */
import type { RegistryPlan } from '../model/registry-types.js';
import type { Gpo } from '../model/types.js';
import { extensionNames, MACHINE_TOOL_GUID, packGpoVersion, sideVersion, USER_TOOL_GUID } from './gpo-version.js';
import type { Templates } from './templates.js';

/** What templates/gpt.ini.hbs lays out; null leaves the line out. */
export interface GptIniView {
  readonly functionalityVersion: string;
  readonly machineExtensionNames: string | null;
  readonly version: string;
  readonly userExtensionNames: string | null;
}

/** gPCFunctionalityVersion of GPOs made by Windows 2000 and later editors ([MS-GPOL] 2.2.8.1). */
const FUNCTIONALITY_VERSION = '2';

/** The gpt.ini view of one GPO: versions and extension lists from gpo-version.ts. */
export function gptIniView(gpo: Gpo, machine: RegistryPlan, user: RegistryPlan): GptIniView {
  return {
    functionalityVersion: FUNCTIONALITY_VERSION,
    machineExtensionNames: extensionNames(machine, MACHINE_TOOL_GUID) ?? null,
    version: String(packGpoVersion(sideVersion(gpo, user), sideVersion(gpo, machine))),
    userExtensionNames: extensionNames(user, USER_TOOL_GUID) ?? null,
  };
}

/** Renders gpt.ini as bytes: ASCII, CRLF line ends. */
export function emitGptIni(gpo: Gpo, machine: RegistryPlan, user: RegistryPlan, templates: Templates): Uint8Array {
  return new TextEncoder().encode(templates['gpt.ini'](gptIniView(gpo, machine, user)).replace(/\r?\n/g, '\r\n'));
}
