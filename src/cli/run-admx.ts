/**
 * The commands that read existing templates (DESIGN.md §3): `gpforge import` (ADMX/ADML →
 * definitions YAML) and `gpforge lint`. Like cli.ts: reads and writes files, no logic of its own.
 */
import { relative } from 'node:path';
import { diagnostic, hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { sortDiagnostics } from '../diagnostics/format.js';
import { definitionsToYaml } from '../import/definitions-to-yaml.js';
import { admImportPaths, readAdmFiles } from '../load/adm/read-adm-files.js';
import { lintPolicyDefinitions } from '../lint/lint-admx.js';
import { packageFile } from '../package-files.js';
import { existingTargets, writeFilesInto } from '../write/write-files.js';
import { importFolder, type ImportedFolder } from './import-threads.js';

export interface Outcome {
  readonly diagnostics: readonly Diagnostic[];
  readonly texts: ReadonlyMap<string, string>;
  readonly summary: string;
}

/** The JSON Schema shipped in this package, for the `$schema=` line of imported files. */
const SCHEMA_FILE = packageFile('src/schema/gpforge.schema.json');

export interface ImportArgs {
  readonly path: string;
  readonly out: string;
  readonly locale: readonly string[];
  readonly force: boolean;
}

/**
 * ADMX/ADML (or legacy .adm: a `.adm` path, or a folder with .adm files and no .admx) → one
 * definitions YAML per template in `out`; nothing is written when reading fails. An .adm holds
 * one language: it is read as the first --locale.
 */
export function runImport(args: ImportArgs, progress: (message: string) => void = () => {}): Outcome {
  progress(`reading ${args.path}…`);
  const schemaPath = relative(args.out, SCHEMA_FILE).split('\\').join('/');
  const admPaths = admImportPaths(args.path);
  const imported = admPaths ? importAdm(admPaths, args.locale[0] ?? 'en-US', schemaPath) : importFolder(args.path, args.locale, schemaPath);
  const diagnostics = [...imported.readDiagnostics];
  if (hasErrors(diagnostics)) return { diagnostics: sortDiagnostics(diagnostics), texts: imported.texts, summary: 'nothing imported' };
  const files = imported.files;
  diagnostics.push(...imported.yamlDiagnostics);
  const clashes = args.force ? [] : existingTargets(args.out, files);
  for (const clash of clashes) diagnostics.push(diagnostic('GPF1009', `${args.out}/${clash}`, undefined, `${args.out}/${clash}`));
  if (clashes.length === 0) {
    try {
      writeFilesInto(args.out, files);
    } catch (error) {
      diagnostics.push(diagnostic('GPF1011', args.out, undefined, error instanceof Error ? error.message : String(error)));
    }
  }
  const wrote = hasErrors(diagnostics) ? 'nothing imported' : `imported ${files.length} file${files.length === 1 ? '' : 's'} into ${args.out}`;
  return { diagnostics: sortDiagnostics(diagnostics), texts: imported.texts, summary: wrote };
}

/** Legacy .adm files: read together (one language), converted only when reading found no error. */
function importAdm(paths: readonly string[], locale: string, schemaPath: string): ImportedFolder {
  const read = readAdmFiles(paths, locale);
  const converted = hasErrors(read.diagnostics) ? { files: [], diagnostics: [] } : definitionsToYaml(read.definitions, schemaPath);
  return { read: read.definitions.length, readDiagnostics: read.diagnostics, files: converted.files, yamlDiagnostics: converted.diagnostics, texts: read.texts };
}

export function runLint(path: string, locales: readonly string[], intune = false): Outcome {
  const result = lintPolicyDefinitions(path, locales, intune);
  return { diagnostics: sortDiagnostics(result.diagnostics), texts: result.texts, summary: `linted ${path}` };
}
