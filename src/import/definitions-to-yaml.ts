/**
 * Imported templates (DefinitionsFile from ADMX/ADML or .adm) → definitions YAML files, one per
 * template. `lenient: true` is written only into files that need it: those whose YAML would
 * otherwise fail on problems Windows tolerates (unknown references, undeclared prefixes, ...).
 */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { definitionsYamlData, definitionsYamlText } from '../emit/definitions-yaml.js';
import type { OutputFile } from '../emit/output-file.js';
import { dataSourceDoc } from '../load/yaml-source.js';
import { StringIds } from '../model/string-ids.js';
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
  const files = definitions.map((original) => {
    const file = withPlaceholders(original, diagnostics);
    const path = `${file.fileName}.yaml`;
    // Built once: `lenient` (written as undefined until now) keeps its place among the keys.
    const view = definitionsYamlData(file);
    const data = needsLenient(path, view.data) ? { ...view.data, lenient: true } : view.data;
    const yaml = definitionsYamlText({ data, notes: view.notes }, schemaPath);
    for (const note of yaml.notes) diagnostics.push(diagnostic('GPF1010', file.sourcePath, undefined, note));
    return { path, bytes: new TextEncoder().encode(yaml.text) };
  });
  return { files, diagnostics };
}

/** True when the YAML would fail validation where `lenient: true` helps (checked on the data, not re-parsed). */
function needsLenient(path: string, data: unknown): boolean {
  return validateDefinitions(dataSourceDoc(path, data)).diagnostics.some((d) => d.severity === 'error' && LENIENT_CODES.has(d.code));
}

/**
 * ADMX lets a policy go without parentCategory, and some files omit supportedOn; our YAML needs
 * both. As the .adm reader does, such policies get an added category named after the file and
 * an added "not stated" supportedOn definition, each reported (GPF1017).
 */
function withPlaceholders(file: DefinitionsFile, diagnostics: Diagnostic[]): DefinitionsFile {
  const uncategorized = file.policies.filter((p) => p.category === '').length;
  const unsupported = file.policies.filter((p) => p.supportedOn === '').length;
  if (uncategorized === 0 && unsupported === 0) return file;
  const text = (value: string) => Object.fromEntries(file.locales.map((locale) => [locale, value]));
  const categoryIds = new StringIds();
  for (const category of file.categories) categoryIds.reserve(category.id);
  const supportedIds = new StringIds();
  for (const definition of file.supportedOn) supportedIds.reserve(definition.id);
  const categoryId = categoryIds.claim(`${file.fileName}_Policies`);
  const supportedId = supportedIds.claim('SUPPORTED_NotStated');
  if (uncategorized > 0) diagnostics.push(diagnostic('GPF1017', file.sourcePath, undefined, uncategorized, 'category', categoryId));
  if (unsupported > 0) diagnostics.push(diagnostic('GPF1017', file.sourcePath, undefined, unsupported, 'supportedOn', supportedId));
  return {
    ...file,
    categories: uncategorized > 0 ? [...file.categories, { id: categoryId, nameStringId: categoryId, name: text(file.fileName) }] : file.categories,
    supportedOn: unsupported > 0 ? [...file.supportedOn, { id: supportedId, textStringId: supportedId, text: text('Not stated') }] : file.supportedOn,
    policies: file.policies.map((p) => ({ ...p, category: p.category || categoryId, supportedOn: p.supportedOn || supportedId })),
  };
}
