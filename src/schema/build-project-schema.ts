/**
 * `gpforge schema` without the file system (issue 16): the project's definitions sources
 * (GPO files among them are skipped: the schema is for writing them) plus --admx definitions
 * → the schema text. Broken definitions are reported, as by build, and give no schema.
 */
import type { SourceFile } from '../compile.js';
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { loadYaml } from '../load/yaml-source.js';
import { buildDefinitionsModel } from '../model/build-model.js';
import type { DefinitionsFile } from '../model/types.js';
import { validateDefinitions, type ValidatedDefinitions } from '../validate/validate-definitions.js';
import { definitionsHash, hashComment } from './definitions-hash.js';
import { gpoProjectSchema } from './gpo-project-schema.js';

export interface ProjectSchemaRequest {
  readonly sources: readonly SourceFile[];
  readonly external: readonly DefinitionsFile[];
  /** Named in `$comment` only. */
  readonly admx: readonly string[];
  readonly locale?: string;
}

export interface ProjectSchemaResult {
  readonly diagnostics: readonly Diagnostic[];
  /** Absent when a definitions file has an error. */
  readonly text?: string;
  readonly policyCount: number;
}

/** Sources whose `kind` is definitions, validated; GPO files and others are passed over. */
function projectDefinitions(sources: readonly SourceFile[], diagnostics: Diagnostic[]): { valid: ValidatedDefinitions[]; texts: string[] } {
  const valid: ValidatedDefinitions[] = [];
  const texts: string[] = [];
  for (const source of sources) {
    const loaded = loadYaml(source.path, source.text);
    if (!loaded.ok) continue; // a broken GPO file must not stop the schema that helps fix it
    if ((loaded.doc.data as { kind?: unknown } | null)?.kind !== 'definitions') continue;
    const result = validateDefinitions(loaded.doc);
    diagnostics.push(...result.diagnostics);
    texts.push(source.text);
    if (result.valid) valid.push(result.valid);
  }
  return { valid, texts };
}

export function buildProjectSchema(request: ProjectSchemaRequest): ProjectSchemaResult {
  const diagnostics: Diagnostic[] = [];
  const { valid, texts } = projectDefinitions(request.sources, diagnostics);
  const built = buildDefinitionsModel(valid);
  diagnostics.push(...built.diagnostics);
  if (!built.definitions || hasErrors(diagnostics)) return { diagnostics, policyCount: 0 };
  const files = [...built.definitions, ...request.external];
  const schema = gpoProjectSchema(files, {
    ...(request.locale !== undefined && { locale: request.locale }),
    comment: hashComment(definitionsHash(texts), request.admx),
  });
  const policyCount = files.reduce((sum, file) => sum + file.policies.length, 0);
  return { diagnostics, text: JSON.stringify(schema, null, 1) + '\n', policyCount };
}
