/**
 * Imported templates (DefinitionsFile from ADMX/ADML or .adm) → definitions YAML files, one per
 * template. `lenient: true` is written only into files that need it: those whose YAML would
 * otherwise fail on problems Windows tolerates (unknown references, undeclared prefixes, ...).
 */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { definitionsYamlData, emitDefinitionsYaml } from '../emit/definitions-yaml.js';
import type { OutputFile } from '../emit/output-file.js';
import { dataSourceDoc } from '../load/yaml-source.js';
import type { DefinitionsFile } from '../model/types.js';
import { LENIENT_CODES } from '../validate/definitions/context.js';
import { validateDefinitions } from '../validate/validate-definitions.js';

export interface ImportedYaml {
  /** `<fileName>.yaml`, relative to the import's output folder. */
  readonly files: OutputFile[];
  /** Warnings: what the YAML cannot say exactly (GPF1010), at the template it came from. */
  readonly diagnostics: Diagnostic[];
}

export function definitionsToYaml(definitions: readonly DefinitionsFile[], schemaPath?: string): ImportedYaml {
  const diagnostics: Diagnostic[] = [];
  const files = definitions.map((file) => {
    const path = `${file.fileName}.yaml`;
    const options = schemaPath === undefined ? {} : { schemaPath };
    const yaml = emitDefinitionsYaml(file, { ...options, lenient: needsLenient(path, definitionsYamlData(file).data) });
    for (const note of yaml.notes) diagnostics.push(diagnostic('GPF1010', file.sourcePath, undefined, note));
    return { path, bytes: new TextEncoder().encode(yaml.text) };
  });
  return { files, diagnostics };
}

/** True when the YAML would fail validation where `lenient: true` helps (checked on the data, not re-parsed). */
function needsLenient(path: string, data: unknown): boolean {
  return validateDefinitions(dataSourceDoc(path, data)).diagnostics.some((d) => d.severity === 'error' && LENIENT_CODES.has(d.code));
}
