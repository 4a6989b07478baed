/**
 * deploy-samba.sh: a POSIX shell script that restores one GPO on a Samba AD domain controller
 * from the `samba/` folder beside it (samba-restore.ts), by display name, and prints its GUID.
 * The DC URL and user are arguments; the password comes from $PASSWD (which samba-tool reads
 * too) or a prompt, never the command line. An existing GPO of that name is an error, or with
 * --replace is deleted first. After the restore it sets AD's versionNumber to GPT.INI's Version
 * (samba-tool restore leaves it at 0, and clients skip a GPO whose directory version is 0),
 * through the Python that runs samba-tool, which has the samba module.
 *
 * Encoding: UTF-8, LF. The display name is placed in single quotes (shellQuote); everything
 * else the template holds is fixed text or a number.
 */
import type { Gpo } from '../model/types.js';
import type { Templates } from './templates.js';

/** What templates/deploy-samba.sh.hbs lays out; texts already quoted for the shell. */
export interface DeploySambaView {
  /** The display name in single quotes. */
  readonly quotedName: string;
  /** The name for the comment line: line breaks shown as spaces. */
  readonly commentName: string;
  /** gpt.ini's Version, for AD's versionNumber. */
  readonly version: string;
}

/** A shell word that stands for exactly `text`: single quotes, each `'` as `'\''`. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** Renders deploy-samba.sh for `gpo`, whose packed gpt.ini Version is `version`. */
export function emitDeploySambaScript(gpo: Gpo, version: number, templates: Templates): Uint8Array {
  const view: DeploySambaView = { quotedName: shellQuote(gpo.name), commentName: gpo.name.replace(/[\r\n]+/g, ' '), version: String(version) };
  return new TextEncoder().encode(templates['deploy-samba.sh'](view).replace(/\r\n?/g, '\n'));
}
