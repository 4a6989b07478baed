/**
 * A built bundle (what `gpforge build` writes, README "The bundle") as one side of `gpforge diff`
 * (issue 12): its PolicyDefinitions read with the ADMX reader and its GPMC backups with the GPO
 * importer, both turned back into YAML sources in memory, so the side compiles through the same
 * pipeline as a project folder and diffs with the same rules. Nothing is written.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { SourceFile } from '../compile.js';
import { diagnostic, hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { definitionsToYaml } from '../import/definitions-to-yaml.js';
import { readPolicyDefinitions } from '../load/admx/read-policy-definitions.js';
import { readBackups } from '../load/gpo/read-backup.js';
import { indexPolicies } from '../model/resolve-policies.js';
import type { DefinitionsFile, Policy } from '../model/types.js';
import { buildCatalogue } from '../validate/gpo/policy-catalogue.js';
import { importOne } from './run-import-gpo.js';

export interface BundleRead {
  readonly sources: SourceFile[];
  readonly diagnostics: Diagnostic[];
  /** The XML files read, for placing diagnostics. */
  readonly texts: Map<string, string>;
}

/** Names in `dir`, by lower case; empty when it cannot be listed. */
function entries(dir: string): Map<string, string> {
  try {
    return new Map(readdirSync(dir).map((name) => [name.toLowerCase(), name]));
  } catch {
    return new Map();
  }
}

const isDir = (path: string) => {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
};

/** A bundle: PolicyDefinitions/ or backups/manifest.xml at the top, and no YAML there (a project folder has YAML). */
export function isBundleFolder(dir: string): boolean {
  const names = entries(dir);
  if ([...names.keys()].some((name) => /\.ya?ml$/.test(name))) return false;
  const definitions = names.get('policydefinitions');
  const backups = names.get('backups');
  return (definitions !== undefined && isDir(join(dir, definitions))) || (backups !== undefined && entries(join(dir, backups)).has('manifest.xml'));
}

/** The ADML locales the bundle has (sub-folders with .adml files), en-US first as the build writes it. */
function bundleLocales(definitionsDir: string): string[] {
  const locales = [...entries(definitionsDir).values()].filter((name) => [...entries(join(definitionsDir, name)).keys()].some((f) => f.endsWith('.adml'))).sort();
  const en = locales.findIndex((l) => l.toLowerCase() === 'en-us');
  return en <= 0 ? locales : [locales[en] ?? 'en-US', ...locales.filter((_, i) => i !== en)];
}

/**
 * The bundle's definitions and GPOs as YAML sources: definitions as `gpforge import` of its
 * PolicyDefinitions writes them; GPOs resolved against those definitions plus `external` (--admx).
 */
export function readBundleSources(dir: string, external: readonly DefinitionsFile[]): BundleRead {
  const names = entries(dir);
  const diagnostics: Diagnostic[] = [];
  const texts = new Map<string, string>();
  const definitionsName = names.get('policydefinitions');
  const definitionsDir = definitionsName === undefined ? undefined : join(dir, definitionsName);
  const read = definitionsDir === undefined ? { definitions: [], diagnostics: [], texts: new Map<string, string>() } : readPolicyDefinitions(definitionsDir, bundleLocales(definitionsDir));
  diagnostics.push(...read.diagnostics.filter((d) => d.severity === 'error'));
  for (const [file, text] of read.texts) texts.set(file, text);
  const definitions = read.definitions.map(restoreItemIds);
  const yaml = definitionsToYaml(definitions);
  const sources: SourceFile[] = yaml.files.map((file) => ({ path: display(join(definitionsDir ?? dir, file.path.replace(/\.yaml$/, '.admx'))), text: new TextDecoder().decode(file.bytes) }));
  const backupsName = names.get('backups');
  if (backupsName === undefined || hasErrors(diagnostics)) return { sources, diagnostics, texts };
  const backups = readBackups(join(dir, backupsName));
  diagnostics.push(...backups.diagnostics.filter((d) => d.severity === 'error'));
  for (const [file, text] of backups.texts) texts.set(file, text);
  const policies = [...definitions.map((file) => ({ file, ours: true })), ...external.map((file) => ({ file, ours: false }))];
  const index = indexPolicies(policies);
  const catalogue = buildCatalogue(policies.map((p) => p.file));
  for (const gpo of backups.gpos) {
    const found: Diagnostic[] = [];
    const text = importOne(gpo, index, catalogue, {}, found);
    // A GPO that resolved only as raw entries still diffs (by registry value); only failures stop the side.
    diagnostics.push(...found.filter((d) => d.severity === 'error'));
    sources.push({ path: display(gpo.folder), text });
  }
  if (sources.length === 0) diagnostics.push(diagnostic('GPF1021', display(dir), undefined, display(dir)));
  return { sources, diagnostics, texts };
}

/**
 * ADMX enum items have no id; the importer names them by their string id, which the build made
 * `<Policy>_<Element>_<Item>` (model/build-elements.ts). Taking the YAML id back out of it keeps
 * item ids (and the GPOs' values) the same as in the project the bundle was built from.
 */
function restoreItemIds(file: DefinitionsFile): DefinitionsFile {
  const policies = file.policies.map((policy): Policy => ({
    ...policy,
    elements: policy.elements.map((element) => {
      if (element.type !== 'enum') return element;
      const prefix = `${policy.id}_${element.id}_`;
      const ids = element.items.map((item) => (item.id.startsWith(prefix) && item.id.length > prefix.length ? item.id.slice(prefix.length) : item.id));
      if (new Set(ids).size !== ids.length) return element;
      return { ...element, items: element.items.map((item, i) => ({ ...item, id: ids[i] ?? item.id })) };
    }),
  }));
  return { ...file, policies };
}

/** Paths as the folder was named on the command line, with `/`. */
function display(path: string): string {
  return path.split('\\').join('/');
}
