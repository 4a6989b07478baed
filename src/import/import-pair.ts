/**
 * One ADMX with its ADMLs → its definitions YAML: the unit of work `gpforge import` shares
 * between two threads (src/cli/import-threads.ts). Pure apart from its input's bytes, so which
 * thread ran it never changes a byte.
 */
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { OutputFile } from '../emit/output-file.js';
import type { AdmxPairFiles } from '../load/admx/find-policy-definitions.js';
import { readAdmxPair } from '../load/admx/read-admx-with-adml.js';
import { definitionsToYaml } from './definitions-to-yaml.js';

export interface ImportedPair {
  /** What reading the ADMX and ADMLs found. */
  readonly readDiagnostics: Diagnostic[];
  /** False when no definitions could be read (then there is no YAML either). */
  readonly read: boolean;
  /** The YAML and its warnings (GPF1010, GPF1017); absent when reading failed. */
  readonly yaml?: { readonly file: OutputFile; readonly diagnostics: Diagnostic[] };
  /** The texts of the files diagnostics point into: all that locating them needs. */
  readonly texts: (readonly [string, string])[];
}

export function importPair(pair: AdmxPairFiles, schemaPath: string): ImportedPair {
  const read = readAdmxPair(pair.admx, pair.admls, { missingAdml: 'silent' });
  const converted = read.definitions && !hasErrors(read.diagnostics) ? definitionsToYaml([read.definitions], schemaPath) : undefined;
  const yamlDiagnostics = converted?.diagnostics ?? [];
  const pointedAt = new Set([...read.diagnostics, ...yamlDiagnostics].map((d) => d.file));
  return {
    readDiagnostics: read.diagnostics,
    read: read.definitions !== undefined,
    ...(converted?.files[0] && { yaml: { file: converted.files[0], diagnostics: yamlDiagnostics } }),
    texts: [...read.texts].filter(([file]) => pointedAt.has(file)),
  };
}
