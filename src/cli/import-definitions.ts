/**
 * The policies `gpforge import` resolves registry values against: our definitions YAML (--src)
 * and existing templates (--admx), and the catalogue that checks the imported GPO YAML.
 */
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { readPolicyDefinitions } from '../load/admx/read-policy-definitions.js';
import { readSources } from '../load/read-sources.js';
import { loadYaml } from '../load/yaml-source.js';
import { buildDefinitionsModel } from '../model/build-model.js';
import type { PolicySource } from '../model/resolve-policies.js';
import { buildCatalogue, type PolicyCatalogue } from '../validate/gpo/policy-catalogue.js';
import { validateDefinitions, type ValidatedDefinitions } from '../validate/validate-definitions.js';

export interface ImportDefinitions {
  readonly sources: readonly PolicySource[];
  readonly catalogue: PolicyCatalogue;
  readonly diagnostics: Diagnostic[];
  readonly texts: Map<string, string>;
}

/** --src folders that do not exist are skipped silently only when left at their default. */
export function readImportDefinitions(src: readonly string[], admx: readonly string[], srcGiven: boolean): ImportDefinitions {
  const texts = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  const read = readSources(src);
  if (srcGiven) diagnostics.push(...read.diagnostics);
  const validated: ValidatedDefinitions[] = [];
  for (const source of read.sources) {
    texts.set(source.path, source.text);
    const loaded = loadYaml(source.path, source.text);
    if (!loaded.ok || (loaded.doc.data as { kind?: unknown } | null)?.kind !== 'definitions') continue;
    const result = validateDefinitions(loaded.doc);
    diagnostics.push(...result.diagnostics);
    if (result.valid) validated.push(result.valid);
  }
  const built = hasErrors(diagnostics) ? { definitions: [], diagnostics: [] } : buildDefinitionsModel(validated);
  diagnostics.push(...built.diagnostics);
  const ours = (built.definitions ?? []).map((file) => ({ file, ours: true }));
  const external = admx.map((path) => readPolicyDefinitions(path));
  for (const result of external) {
    diagnostics.push(...result.diagnostics);
    for (const [file, text] of result.texts) texts.set(file, text);
  }
  const sources = [...ours, ...external.flatMap((r) => r.definitions.map((file) => ({ file, ours: false })))];
  return { sources, catalogue: buildCatalogue(sources.map((s) => s.file)), diagnostics, texts };
}
