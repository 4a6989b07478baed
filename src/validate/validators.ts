/**
 * ajv's validators for the structure schemas, by name. Here they are compiled at run time, once;
 * in the bundle this whole module is replaced by the same validators compiled at build time
 * (src/build/precompile-validators.ts, from the schemas of that build and AJV_OPTIONS), because
 * compiling them costs more than the rest of a small validate run, and then neither ajv's
 * compiler nor TypeBox is loaded (issue 11).
 */
import { Ajv, type Options, type ValidateFunction } from 'ajv';
import { DefinitionsSchema } from '../schema/definitions-schema.js';
import { GpoSchema } from '../schema/gpo-schema.js';

export const STRUCTURE_SCHEMAS = { definitions: DefinitionsSchema, gpo: GpoSchema };

export type StructureName = keyof typeof STRUCTURE_SCHEMAS;

/**
 * 'first': stops at the first error and keeps none, which is all a valid file needs (about a
 * third faster on large files: with every error wanted, each union variant that does not fit
 * collects all of its errors). 'all': every error, with the schema and data that
 * check-structure.ts turns into messages (verbose), run only on a file that has one.
 * Both accept exactly the same data: allErrors and verbose change what is reported, not what is valid.
 */
export type ErrorsWanted = 'first' | 'all';

export const AJV_OPTIONS: Record<ErrorsWanted, Options> = {
  first: { allErrors: false, strict: false, verbose: false },
  all: { allErrors: true, strict: false, verbose: true },
};

const compiled = new Map<string, ValidateFunction>();
const ajvs = new Map<ErrorsWanted, Ajv>();

export function validatorFor(name: StructureName, errors: ErrorsWanted): ValidateFunction {
  let validate = compiled.get(`${errors}:${name}`);
  if (!validate) {
    let ajv = ajvs.get(errors);
    if (!ajv) ajvs.set(errors, (ajv = new Ajv(AJV_OPTIONS[errors])));
    validate = ajv.compile(STRUCTURE_SCHEMAS[name]);
    compiled.set(`${errors}:${name}`, validate);
  }
  return validate;
}
