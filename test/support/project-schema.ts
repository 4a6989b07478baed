/** The per-project GPO schema for test sources, and an ajv validator of it (issue 16). */
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import type { SourceFile } from '../../src/compile.js';
import { readExternal } from '../../src/cli/read-external.js';
import { buildProjectSchema } from '../../src/schema/build-project-schema.js';

export const source = (path: string): SourceFile => ({ path, text: readFileSync(path, 'utf8') });

export function projectSchemaText(paths: readonly string[], admx: readonly string[] = []): string {
  const result = buildProjectSchema({ sources: paths.map(source), external: readExternal(admx).definitions, admx: [] });
  if (result.text === undefined) throw new Error(JSON.stringify(result.diagnostics));
  return result.text;
}

/** Validates YAML texts (or data) against a schema text; returns ajv's messages, [] when valid. */
export function schemaValidator(schemaText: string): (document: unknown) => string[] {
  const ajv = new Ajv({ strict: false, allErrors: true });
  const check = ajv.compile(JSON.parse(schemaText) as object);
  return (document) => {
    const data = typeof document === 'string' ? parse(document) : document;
    return check(data) ? [] : (check.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
  };
}
