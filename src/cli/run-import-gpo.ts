/**
 * `gpforge import` of existing GPOs (issue 10): a GPMC backup or backup set, a Registry.pol, a
 * .reg or an LGPO text file → one GPO YAML each in --out, values resolved to policies of --src
 * and --admx. Each YAML is checked before anything is written: validated against the same
 * definitions and planned again, it must give exactly the actions read; where it does not, that
 * side is written as raw registry entries in file order instead (a warning says so).
 * Like cli.ts: files in and out; the work is in load/gpo/, model/resolve-policies.ts, import/.
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, extname, relative } from 'node:path';
import { diagnostic, hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { sortDiagnostics } from '../diagnostics/format.js';
import { emitGpoYaml } from '../import/gpo-to-yaml.js';
import type { ImportedRegistry } from '../load/gpo/imported.js';
import { readBackups, type ImportedGpo } from '../load/gpo/read-backup.js';
import { readLgpoFile } from '../load/gpo/read-lgpo.js';
import { readPolActions } from '../load/gpo/read-pol.js';
import { readRegFile } from '../load/gpo/read-reg.js';
import { loadYaml } from '../load/yaml-source.js';
import { gpoSlug } from '../model/build-gpo.js';
import { planGpoSide } from '../model/registry-plan.js';
import type { Hive, RegistryAction } from '../model/registry-types.js';
import { indexPolicies, resolveSide, type PolicyIndex, type ResolvedSide } from '../model/resolve-policies.js';
import { sameActions } from '../model/resolve-support.js';
import type { PolicyCatalogue } from '../validate/gpo/policy-catalogue.js';
import { validateGpo } from '../validate/validate-gpo.js';
import { existingTargets, writeFilesInto } from '../write/write-files.js';
import { readImportDefinitions } from './import-definitions.js';
import type { Outcome } from './run-admx.js';

export type GpoInputKind = 'backup' | 'pol' | 'reg' | 'lgpo';

export interface GpoImportArgs {
  readonly path: string;
  readonly kind: GpoInputKind;
  readonly out: string;
  readonly force: boolean;
  readonly class?: 'machine' | 'user';
  readonly src: readonly string[];
  readonly srcGiven: boolean;
  readonly admx: readonly string[];
  /** Put records that are not in canonical order into it, where that keeps their effect, and resolve them. */
  readonly reorder?: boolean;
  /** For the `$schema=` line, relative to --out. */
  readonly schemaPath?: string;
}

interface Read {
  readonly gpos: ImportedGpo[];
  readonly diagnostics: Diagnostic[];
  readonly texts: Map<string, string>;
}

export function runGpoImport(args: GpoImportArgs, progress: (message: string) => void = () => {}): Outcome {
  progress(`reading ${args.path}…`);
  const read = readInput(args);
  const texts = read.texts;
  const diagnostics = [...read.diagnostics];
  const stop = (summary: string) => ({ diagnostics: sortDiagnostics(diagnostics), texts, summary });
  if (hasErrors(diagnostics)) return stop('nothing imported');
  progress('reading definitions (--src, --admx)…');
  const definitions = readImportDefinitions(args.src, args.admx, args.srcGiven);
  diagnostics.push(...definitions.diagnostics.filter((d) => d.severity === 'error'));
  for (const [file, text] of definitions.texts) texts.set(file, text);
  if (hasErrors(diagnostics)) return stop('nothing imported');
  progress(`resolving ${read.gpos.length} GPO${read.gpos.length === 1 ? '' : 's'}…`);
  const index = indexPolicies(definitions.sources);
  const files = uniquePaths(read.gpos.map((gpo) => ({ path: `${gpoSlug(gpo.name)}.yaml`, text: importOne(gpo, index, definitions.catalogue, args, diagnostics) })));
  const clashes = args.force ? [] : existingTargets(args.out, files.map((f) => ({ path: f.path, bytes: new Uint8Array() })));
  for (const clash of clashes) diagnostics.push(diagnostic('GPF1009', `${args.out}/${clash}`, undefined, `${args.out}/${clash}`));
  if (!hasErrors(diagnostics)) {
    try {
      writeFilesInto(args.out, files.map((f) => ({ path: f.path, bytes: new TextEncoder().encode(f.text) })));
    } catch (error) {
      diagnostics.push(diagnostic('GPF1011', args.out, undefined, error instanceof Error ? error.message : String(error)));
    }
  }
  return stop(hasErrors(diagnostics) ? 'nothing imported' : `imported ${files.length} GPO${files.length === 1 ? '' : 's'} into ${args.out}`);
}

/**
 * Resolve, write YAML, check it rebuilds the same actions; else that side raw in file order;
 * and if even that does not rebuild (names no output can write), an error for that side.
 * Also used by `gpforge diff` to read a built bundle's backups (cli/read-bundle.ts).
 */
export function importOne(gpo: ImportedGpo, index: PolicyIndex, catalogue: PolicyCatalogue, args: Pick<GpoImportArgs, 'reorder' | 'schemaPath'>, diagnostics: Diagnostic[]): string {
  const at = display(gpo.folder);
  const options = { header: [`Imported by gpforge from ${at}.`], ...(args.schemaPath !== undefined && { schemaPath: args.schemaPath }) };
  const reorder = { reorder: args.reorder === true };
  let computer = resolveSide(gpo.machine, 'HKLM', index, reorder);
  let user = resolveSide(gpo.user, 'HKCU', index, reorder);
  let text = emitGpoYaml(gpo, computer, user, options);
  let failed = sidesNotRebuilt(text, computer, user, catalogue);
  if (failed.length > 0) {
    if (failed.includes('computer')) computer = rawSide(gpo.machine);
    if (failed.includes('user')) user = rawSide(gpo.user);
    diagnostics.push(diagnostic('GPF1144', at, undefined, `the resolved policies did not rebuild the same records (${failed.join(', ')}); imported as raw registry entries in file order`));
    text = emitGpoYaml(gpo, computer, user, options);
    failed = sidesNotRebuilt(text, computer, user, catalogue);
  }
  for (const side of failed) diagnostics.push(diagnostic('GPF1146', at, undefined, side));
  for (const warning of [...computer.warnings, ...user.warnings]) diagnostics.push(diagnostic('GPF1144', at, undefined, warning));
  return text;
}

/** The sides whose YAML does not build exactly the actions read (or, with --reorder, their canonical order). */
function sidesNotRebuilt(text: string, computer: ResolvedSide, user: ResolvedSide, catalogue: PolicyCatalogue): ('computer' | 'user')[] {
  const rebuilt = rebuild(text, catalogue);
  return [
    ...(rebuilt !== undefined && sameActions(rebuilt.machine, computer.actions) ? [] : ['computer' as const]),
    ...(rebuilt !== undefined && sameActions(rebuilt.user, user.actions) ? [] : ['user' as const]),
  ];
}

function rawSide(actions: readonly RegistryAction[]): ResolvedSide {
  return { actions, policies: [], registry: [...actions], notes: new Map(), keepOrder: true, warnings: [] };
}

/** The actions `gpforge build` would write for this YAML; undefined when it is not valid. */
function rebuild(text: string, catalogue: PolicyCatalogue): { machine: readonly RegistryAction[]; user: readonly RegistryAction[] } | undefined {
  const loaded = loadYaml('imported.yaml', text);
  if (!loaded.ok) return undefined;
  const valid = validateGpo(loaded.doc, catalogue).valid;
  if (!valid) return undefined;
  return { machine: planGpoSide(valid.computer, 'HKLM').actions, user: planGpoSide(valid.user, 'HKCU').actions };
}

function readInput(args: GpoImportArgs): Read {
  if (args.kind === 'backup') return readBackups(args.path);
  const bytes = readFileSync(args.path);
  const file = display(args.path);
  const name = nameFromPath(args.path);
  if (args.kind === 'pol') {
    const hive = hiveOf(args);
    if (hive === undefined) return { gpos: [], diagnostics: [diagnostic('GPF1140', file, undefined, file)], texts: new Map() };
    const read = readPolActions(bytes, file);
    const gpo = { folder: args.path, name, machine: hive === 'HKLM' ? read.actions : [], user: hive === 'HKCU' ? read.actions : [] };
    return { gpos: [gpo], diagnostics: read.diagnostics, texts: new Map() };
  }
  const read: ImportedRegistry = args.kind === 'reg' ? readRegFile(bytes, file) : readLgpoFile(bytes, file);
  return { gpos: [{ folder: args.path, name, machine: read.machine, user: read.user }], diagnostics: read.diagnostics, texts: new Map([[file, read.text ?? '']]) };
}

/** --class, else a Machine or User folder in the path (FORMATS.md a.2, a.7). */
function hiveOf(args: GpoImportArgs): Hive | undefined {
  if (args.class !== undefined) return args.class === 'machine' ? 'HKLM' : 'HKCU';
  const folders = dirname(args.path).split(/[\\/]/).map((s) => s.toLowerCase());
  const last = [...folders].reverse().find((s) => s === 'machine' || s === 'user');
  return last === undefined ? undefined : last === 'machine' ? 'HKLM' : 'HKCU';
}

/** `out/gpo/<slug>/Machine/Registry.pol` → `<slug>`; `x/apply.reg` → `x`; else the file's base name. */
function nameFromPath(path: string): string {
  const parts = path.split(/[\\/]/).filter((s) => s !== '');
  const file = parts.pop() ?? path;
  const parent = parts.pop();
  if (parent && /^(machine|user)$/i.test(parent)) return parts.pop() ?? parent;
  if (parent && /^(registry\.pol|apply\.reg|lgpo\.txt)$/i.test(file)) return parent;
  return basename(file, extname(file));
}

function uniquePaths(files: { path: string; text: string }[]): { path: string; text: string }[] {
  const seen = new Map<string, number>();
  return files.map((f) => {
    const n = (seen.get(f.path) ?? 0) + 1;
    seen.set(f.path, n);
    return n === 1 ? f : { ...f, path: f.path.replace(/\.yaml$/, `-${n}.yaml`) };
  });
}

function display(path: string): string {
  return relative(process.cwd(), path).split('\\').join('/') || path;
}
