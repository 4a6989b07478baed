/**
 * The folder `samba-tool gpo restore <display name> <folder> --restore-metadata` takes on
 * Samba 4.17 (python3-samba `samba/netcmd/gpo.py`, cmd_restore), in the layout its own
 * `samba-tool gpo backup` writes, plus deploy-samba.sh beside it:
 *
 *   gpo/<slug>/samba/GPT.INI.xml                         Version for the DC's GPT.INI (GPTIniParser)
 *   gpo/<slug>/samba/gPCMachineExtensionNames.SAMBAEXT   the AD attribute's value, raw, no line end
 *   gpo/<slug>/samba/gPCUserExtensionNames.SAMBAEXT
 *   gpo/<slug>/samba/{Machine,User}/Registry.pol.xml     samba-pol-xml.ts; restore writes it as binary
 *   gpo/<slug>/samba/{Machine,User}/Registry.pol.SAMBABACKUP   our Registry.pol, byte for byte
 *   gpo/<slug>/deploy-samba.sh                           restores this GPO by name (deploy-samba.ts)
 *
 * Restore turns every `X.xml` into `X` with the parser for X's name and copies nothing else; it
 * falls back to `X.SAMBABACKUP` when the XML does not load. A side without records gets no
 * files and no extension names, as gpedit leaves it. GPT.INI reaches the DC only with
 * --restore-metadata (otherwise Samba keeps the Version=0 file of the new GPO); AD's
 * versionNumber, which `samba-tool gpo show` prints and clients compare, is set by deploy-samba.sh.
 */
import type { RegistryPlan } from '../model/registry-types.js';
import type { Gpo } from '../model/types.js';
import { emitDeploySambaScript } from './deploy-samba.js';
import { extensionNames, MACHINE_TOOL_GUID, packGpoVersion, sideVersion, USER_TOOL_GUID } from './gpo-version.js';
import type { OutputFile } from './output-file.js';
import { emitSambaPolXml } from './samba-pol-xml.js';
import type { Templates } from './templates.js';

/** What templates/samba/GPT.INI.xml.hbs lays out (GPTIniParser's XML form). */
export interface SambaGptIniView {
  readonly version: string;
}

/** One side: its registry plan and the Registry.pol emitRegistryPol rendered from it. */
export interface SambaSide {
  readonly plan: RegistryPlan;
  readonly pol: Uint8Array;
}

/** Files of `gpo/<slug>/samba/` and `gpo/<slug>/deploy-samba.sh` for one GPO. */
export function emitSambaRestore(gpo: Gpo, machine: SambaSide, user: SambaSide, templates: Templates): OutputFile[] {
  const dir = `gpo/${gpo.slug}`;
  const version = packGpoVersion(sideVersion(gpo, user.plan), sideVersion(gpo, machine.plan));
  const files: OutputFile[] = [
    { path: `${dir}/deploy-samba.sh`, bytes: emitDeploySambaScript(gpo, version, templates) },
    { path: `${dir}/samba/GPT.INI.xml`, bytes: utf8Lf(templates['samba/GPT.INI.xml']({ version: String(version) })) },
  ];
  const sides = [
    { folder: 'Machine', attribute: 'gPCMachineExtensionNames', side: machine, tool: MACHINE_TOOL_GUID },
    { folder: 'User', attribute: 'gPCUserExtensionNames', side: user, tool: USER_TOOL_GUID },
  ] as const;
  for (const { folder, attribute, side: { plan, pol }, tool } of sides) {
    const names = extensionNames(plan, tool);
    if (names === undefined) continue;
    files.push(
      { path: `${dir}/samba/${attribute}.SAMBAEXT`, bytes: new TextEncoder().encode(names) },
      { path: `${dir}/samba/${folder}/Registry.pol.xml`, bytes: emitSambaPolXml(plan.actions, templates) },
      { path: `${dir}/samba/${folder}/Registry.pol.SAMBABACKUP`, bytes: pol },
    );
  }
  return files;
}

function utf8Lf(text: string): Uint8Array {
  return new TextEncoder().encode(text.replace(/\r\n?/g, '\n'));
}
