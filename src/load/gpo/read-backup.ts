/**
 * GPMC backups for `gpforge import` (FORMATS.md e.1–e.4, e.6): a backup folder `{ID}/` (Backup.xml,
 * bkupInfo.xml, DomainSysvol/GPO/{Machine,User}/registry.pol, GPO.cmt), or a backup set (a folder
 * with manifest.xml, or without it, with such backup folders inside) → one ImportedGpo each.
 * What gpforge cannot represent is not dropped silently: every other file of a backup, a WMI
 * filter link, security groups and disabled sides are warnings naming them.
 * File names match case-insensitively (backups come from Windows).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { RegistryAction } from '../../model/registry-types.js';
import { decodeText } from '../decode-text.js';
import { decodeXml } from '../admx/decode-xml.js';
import { childNamed, childrenNamed } from '../admx/xml-query.js';
import { parseXmlDocument, type XmlElement } from '../admx/xml-tree.js';
import { readPolActions } from './read-pol.js';

/** One GPO read from a backup: its identity, its registry actions per side. */
export interface ImportedGpo {
  readonly folder: string;
  readonly name: string;
  readonly id?: string;
  readonly comment?: string;
  readonly domain?: string;
  readonly domainController?: string;
  readonly machine: RegistryAction[];
  readonly user: RegistryAction[];
}

export interface BackupRead {
  readonly gpos: ImportedGpo[];
  readonly diagnostics: Diagnostic[];
  readonly texts: Map<string, string>;
}

/** Files of a backup that gpforge reads (relative paths, lower case, `/`). */
const READ_FILES = new Set(['backup.xml', 'bkupinfo.xml', 'gpreport.xml', 'domainsysvol/gpo/gpo.cmt', 'domainsysvol/gpo/machine/registry.pol', 'domainsysvol/gpo/user/registry.pol']);

/** What the files gpforge cannot represent hold, for the warning (FORMATS.md e.1). */
const KNOWN_CONTENT: readonly [RegExp, string][] = [
  [/gpttmpl\.inf$/i, 'security settings'],
  [/audit\.csv$/i, 'advanced audit policy'],
  [/\/preferences\//i, 'Group Policy Preferences'],
  [/\/scripts\//i, 'scripts'],
  [/comment\.cmtx$/i, 'per-policy comments'],
];

/** True when `dir` looks like a GPO backup or a backup set. */
export function isBackupFolder(dir: string): boolean {
  return findFile(dir, 'manifest.xml') !== undefined || findFile(dir, 'bkupInfo.xml') !== undefined || backupSubfolders(dir).length > 0;
}

export function readBackups(dir: string): BackupRead {
  const result: BackupRead = { gpos: [], diagnostics: [], texts: new Map() };
  const folders = findFile(dir, 'bkupInfo.xml') !== undefined ? [dir] : manifestFolders(dir, result) ?? backupSubfolders(dir);
  if (folders.length === 0) result.diagnostics.push(diagnostic('GPF1141', dir, undefined, dir));
  for (const folder of folders) {
    const gpo = readBackup(folder, result);
    if (gpo) result.gpos.push(gpo);
  }
  return result;
}

/** The backup folders manifest.xml lists (its BackupInst/ID), or undefined without one. */
function manifestFolders(dir: string, result: BackupRead): string[] | undefined {
  const root = readXml(dir, 'manifest.xml', result);
  if (!root) return undefined;
  return childrenNamed(root, 'BackupInst').map((inst) => join(dir, text(inst, 'ID') ?? '')).filter((folder) => existsSync(folder));
}

function backupSubfolders(dir: string): string[] {
  return listDir(dir).filter((name) => statSync(join(dir, name)).isDirectory() && findFile(join(dir, name), 'bkupInfo.xml') !== undefined).sort().map((name) => join(dir, name));
}

function readBackup(folder: string, result: BackupRead): ImportedGpo | undefined {
  const info = readXml(folder, 'bkupInfo.xml', result);
  const backup = readXml(folder, 'Backup.xml', result);
  const core = backup && childNamed(childNamed(backup, 'GroupPolicyObject') ?? backup, 'GroupPolicyCoreSettings');
  const name = (core && text(core, 'DisplayName')) ?? (info && text(info, 'GPODisplayName'));
  if (name === undefined) return void result.diagnostics.push(diagnostic('GPF1142', folder, undefined, 'a GPO display name (Backup.xml DisplayName, bkupInfo.xml GPODisplayName)'));
  const sides = { machine: readSide(folder, 'Machine', result), user: readSide(folder, 'User', result) };
  if (backup) warnBackupXml(folder, backup, result);
  warnOtherFiles(folder, result);
  const comment = readComment(folder) ?? nonEmpty(info && text(info, 'Comment'));
  const id = (core && text(core, 'ID')) ?? (info && text(info, 'GPOGuid'));
  const domain = nonEmpty((core && text(core, 'Domain')) ?? (info && text(info, 'GPODomain')));
  const domainController = nonEmpty(info && text(info, 'GPODomainController'));
  return { folder, name, ...sides, ...(id && { id: id.toUpperCase() }), ...(comment && { comment }), ...(domain && { domain }), ...(domainController && { domainController }) };
}

function readSide(folder: string, side: 'Machine' | 'User', result: BackupRead): RegistryAction[] {
  const path = findFile(folder, `DomainSysvol/GPO/${side}/registry.pol`);
  if (path === undefined) return [];
  const read = readPolActions(readFileSync(path), display(path));
  result.diagnostics.push(...read.diagnostics);
  return read.actions;
}

/** GPO.cmt: the GPO description, raw UTF-16LE (FORMATS.md e.6). */
function readComment(folder: string): string | undefined {
  const path = findFile(folder, 'DomainSysvol/GPO/GPO.cmt');
  return path === undefined ? undefined : nonEmpty(decodeText(readFileSync(path), 'utf-16le').text.replace(/^\uFEFF/, ''));
}

function warnBackupXml(folder: string, backup: XmlElement, result: BackupRead): void {
  const gpo = childNamed(backup, 'GroupPolicyObject') ?? backup;
  const core = childNamed(gpo, 'GroupPolicyCoreSettings');
  const file = display(join(folder, 'Backup.xml'));
  const warn = (what: string) => result.diagnostics.push(diagnostic('GPF1143', file, undefined, what));
  if ((childNamed(gpo, 'SecurityGroups')?.children.length ?? 0) > 0) warn('the permissions (SecurityGroups, SecurityDescriptor) in Backup.xml');
  if (core && nonEmpty(text(core, 'WMIFilter'))) warn(`the WMI filter link in Backup.xml (${text(core, 'WMIFilterName') ?? text(core, 'WMIFilter')})`);
  const options = core && text(core, 'Options');
  if (options !== undefined && options !== '0') warn(`the GPO status in Backup.xml (Options ${options}: a side is disabled)`);
}

/** One warning per file of the backup that is not read (FORMATS.md e.1). */
function warnOtherFiles(folder: string, result: BackupRead): void {
  for (const path of listFiles(folder)) {
    const rel = relative(folder, path).split('\\').join('/');
    if (READ_FILES.has(rel.toLowerCase())) continue;
    const content = KNOWN_CONTENT.find(([pattern]) => pattern.test(`/${rel}`))?.[1];
    result.diagnostics.push(diagnostic('GPF1143', display(path), undefined, content ? `${content} (${rel})` : `the file ${rel}`));
  }
}

function readXml(folder: string, name: string, result: BackupRead): XmlElement | undefined {
  const path = findFile(folder, name);
  if (path === undefined) return undefined;
  // The XML decoder the ADMX reader uses: BOM, UTF-16 without one, or the declared encoding.
  const decoded = decodeXml(readFileSync(path), display(path));
  const doc = parseXmlDocument(display(path), decoded.text);
  result.texts.set(doc.file, decoded.text);
  result.diagnostics.push(...decoded.diagnostics, ...doc.diagnostics);
  return doc.root;
}

/** The text of the first child named `name`, trimmed. */
function text(element: XmlElement, name: string): string | undefined {
  return childNamed(element, name)?.text.trim();
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

/** A path below `dir` matched segment by segment ignoring case. */
function findFile(dir: string, path: string): string | undefined {
  let current = dir;
  for (const segment of path.split('/')) {
    const match = listDir(current).find((name) => name.toLowerCase() === segment.toLowerCase());
    if (match === undefined) return undefined;
    current = join(current, match);
  }
  return current;
}

function listDir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

function display(path: string): string {
  return relative(process.cwd(), path).split('\\').join('/') || path;
}
