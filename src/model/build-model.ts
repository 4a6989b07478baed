/** All validated files → the Model, with the checks that need every file at once (GPF3xxx). */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { DataPath, SourceDoc } from '../load/yaml-source.js';
import type { ValidatedDefinitions } from '../validate/validate-definitions.js';
import type { ValidatedGpo } from '../validate/validate-gpo.js';
import { buildDefinitions, definitionsFileName } from './build-definitions.js';
import { checkCrossGpoConflicts } from './check-cross-gpo-conflicts.js';
import { buildGpo, gpoId, gpoSlug, type GpoDefaults } from './build-gpo.js';
import type { DefinitionsFile, Gpo } from './types.js';

interface UniqueField<T> {
  readonly what: string;
  readonly path: DataPath;
  readonly value: (file: T) => string;
}

/** Reports every file whose `field` value (compared ignoring case) an earlier file already has. */
function checkUnique<T extends { doc: SourceDoc }>(files: readonly T[], fields: readonly UniqueField<T>[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const field of fields) {
    const seen = new Map<string, string>();
    for (const file of files) {
      const value = field.value(file).toLowerCase();
      const other = seen.get(value);
      if (other !== undefined) diagnostics.push(diagnostic('GPF3001', file.doc.file, file.doc.locate(field.path), field.what, value, other));
      else seen.set(value, file.doc.file);
    }
  }
  return diagnostics;
}

/**
 * A prefix is local to its ADMX file, and Windows' own files reuse some (FORMATS.md c.4): only a
 * warning, since GPO files can use the namespace; an ambiguous GPO reference is an error there.
 */
function sharedPrefixes(files: readonly ValidatedDefinitions[]): Diagnostic[] {
  const first = new Map<string, ValidatedDefinitions>();
  const diagnostics: Diagnostic[] = [];
  for (const file of files) {
    const other = first.get(file.input.prefix.toLowerCase());
    if (other) diagnostics.push(diagnostic('GPF3002', file.doc.file, file.doc.locate(['prefix']), file.input.prefix, other.doc.file));
    else first.set(file.input.prefix.toLowerCase(), file);
  }
  return diagnostics;
}


/**
 * The definitions part of the model. Namespaces must be unique in a store (FORMATS.md c.4);
 * file names must not collide in PolicyDefinitions/ (Windows ignores case).
 */
export function buildDefinitionsModel(definitions: readonly ValidatedDefinitions[]): { definitions?: DefinitionsFile[]; diagnostics: Diagnostic[] } {
  const diagnostics = checkUnique(definitions, [
    { what: 'namespace', path: ['namespace'], value: (f) => f.input.namespace },
    { what: 'fileName', path: ['fileName'], value: definitionsFileName },
  ]);
  if (diagnostics.length > 0) return { diagnostics };
  return { definitions: definitions.map(buildDefinitions), diagnostics: sharedPrefixes(definitions) };
}

/** The GPO part of the model: GPOs need distinct names, GUIDs and output folders; conflicts between GPOs are warnings. */
export function buildGpoModel(gpos: readonly ValidatedGpo[], defaults: GpoDefaults = {}): { gpos?: Gpo[]; diagnostics: Diagnostic[] } {
  const diagnostics = checkUnique(gpos, [
    { what: 'GPO name', path: ['name'], value: (g) => g.input.name },
    { what: 'GPO id', path: ['id'], value: (g) => gpoId(g.input) },
    { what: 'GPO folder name', path: ['name'], value: (g) => gpoSlug(g.input.name) },
  ]);
  if (diagnostics.length > 0) return { diagnostics };
  return { gpos: gpos.map((g) => buildGpo(g, defaults)), diagnostics: checkCrossGpoConflicts(gpos) };
}
