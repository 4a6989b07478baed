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

/** verbose: errors carry the schema and data that check-structure.ts turns into messages. */
export const AJV_OPTIONS: Options = { allErrors: true, strict: false, verbose: true };

const compiled = new Map<StructureName, ValidateFunction>();
let ajv: Ajv | undefined;

export function validatorFor(name: StructureName): ValidateFunction {
  let validate = compiled.get(name);
  if (!validate) {
    ajv ??= new Ajv(AJV_OPTIONS);
    validate = ajv.compile(STRUCTURE_SCHEMAS[name]);
    compiled.set(name, validate);
  }
  return validate;
}
