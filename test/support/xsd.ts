/**
 * Validates ADMX/ADML documents against the patched ADMX schema set in ../shared/admx-schema
 * (FORMATS.md c.12), with xmllint-wasm as that folder's README describes: the entry schema,
 * the two included schemas preloaded under their include names, `--nonet`, many files per call.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { validateXML } from 'xmllint-wasm';

/** The schema folder, relative to the project root (vitest's working directory). */
export const ADMX_SCHEMA_DIR = path.resolve(process.cwd(), '../shared/admx-schema');

const ENTRY_SCHEMA = 'PolicyDefinitionFiles.xsd';
const INCLUDED_SCHEMAS = ['BaseTypes.xsd', 'PolicyDefinitions.xsd'];

export interface SchemaError {
  readonly fileName: string;
  readonly lineNumber: number | null;
  readonly message: string;
}

export interface SchemaResult {
  readonly valid: boolean;
  /** Sorted by file name, then line. */
  readonly errors: readonly SchemaError[];
}

/** True when the schema folder holds the three .xsd files; otherwise says which folder is missing. */
export function schemaAvailable(): boolean {
  const missing = [ENTRY_SCHEMA, ...INCLUDED_SCHEMAS].filter((name) => !existsSync(path.join(ADMX_SCHEMA_DIR, name)));
  if (missing.length > 0) {
    console.warn(`ADMX schema tests skipped: ${missing.join(', ')} not found in ${ADMX_SCHEMA_DIR}`);
  }
  return missing.length === 0;
}

/**
 * Validates all files in one xmllint-wasm call. A schema that does not compile or a missing
 * include rejects the promise (a setup error, not an invalid file).
 */
export async function validateAgainstAdmxSchema(files: readonly { name: string; xml: string }[]): Promise<SchemaResult> {
  const readSchema = (fileName: string) => ({ fileName, contents: readFileSync(path.join(ADMX_SCHEMA_DIR, fileName), 'utf8') });
  const result = await validateXML({
    xml: files.map((file) => ({ fileName: file.name, contents: file.xml })),
    schema: readSchema(ENTRY_SCHEMA),
    preload: INCLUDED_SCHEMAS.map(readSchema),
    modifyArguments: (args) => ['--nonet', ...args],
  });
  const errors = result.errors
    .filter((error) => error.rawMessage.trim() !== '')
    .map((error) =>
      error.loc
        ? { fileName: error.loc.fileName, lineNumber: error.loc.lineNumber, message: error.message }
        : { fileName: '', lineNumber: null, message: error.rawMessage.trim() },
    )
    .sort((a, b) => a.fileName.localeCompare(b.fileName) || (a.lineNumber ?? 0) - (b.lineNumber ?? 0));
  return { valid: result.valid, errors };
}

/** One line per error, `file:line: message`, for assertion messages. */
export function formatSchemaErrors(errors: readonly SchemaError[]): string {
  return errors.map((e) => (e.lineNumber === null ? e.message : `${e.fileName}:${e.lineNumber}: ${e.message}`)).join('\n');
}
