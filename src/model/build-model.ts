/** All validated files → the Model, with the checks that need every file at once (GPF3xxx). */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { ValidatedDefinitions } from '../validate/validate-definitions.js';
import { buildDefinitions } from './build-definitions.js';
import type { Model } from './types.js';

/**
 * Namespaces must be unique in a store (FORMATS.md c.4); prefixes address policies from GPO
 * files; file names must not collide in PolicyDefinitions/ (Windows compares them ignoring case).
 */
function checkAcrossFiles(files: readonly ValidatedDefinitions[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const fields = [
    { what: 'namespace', path: ['namespace'], value: (f: ValidatedDefinitions) => f.input.namespace.toLowerCase() },
    { what: 'prefix', path: ['prefix'], value: (f: ValidatedDefinitions) => f.input.prefix.toLowerCase() },
    { what: 'fileName', path: ['fileName'], value: (f: ValidatedDefinitions) => buildName(f).toLowerCase() },
  ];
  for (const field of fields) {
    const seen = new Map<string, string>();
    for (const file of files) {
      const value = field.value(file);
      const other = seen.get(value);
      if (other !== undefined) diagnostics.push(diagnostic('GPF3001', file.doc.file, file.doc.locate(field.path), field.what, value, other));
      else seen.set(value, file.doc.file);
    }
  }
  return diagnostics;
}

function buildName(file: ValidatedDefinitions): string {
  return file.input.fileName ?? file.doc.file.replace(/^.*[\\/]/, '').replace(/\.ya?ml$/i, '');
}

export function buildModel(definitions: readonly ValidatedDefinitions[]): { model?: Model; diagnostics: Diagnostic[] } {
  const diagnostics = checkAcrossFiles(definitions);
  if (diagnostics.length > 0) return { diagnostics };
  return { model: { definitions: definitions.map(buildDefinitions), gpos: [] }, diagnostics };
}
