/**
 * In the bundle, src/validate/validators.ts is this: the validators ajv compiled at build time
 * (src/build/precompile-validators.ts), a CommonJS function in dist/validators.cjs (the 'first'
 * error ones) and dist/validators-all.cjs (every error; loaded only for a file that has one),
 * each run through V8's code cache beside it (src/code-cache.ts): compiling the half-megabyte
 * validate function cost ~40 ms of every validate (issue 11).
 */
import type { ValidateFunction } from 'ajv';
import { runCommonJs } from '../code-cache.js';
import { packageFile } from '../package-files.js';
import type { ErrorsWanted, StructureName } from './validators.js';

/** The compiled code, and beside each (`.cache`) V8's cached data for it. */
export const COMPILED_VALIDATORS_FILES: Readonly<Record<ErrorsWanted, string>> = { first: 'dist/validators.cjs', all: 'dist/validators-all.cjs' };

const validators: Partial<Record<ErrorsWanted, Record<StructureName, ValidateFunction>>> = {};

export function validatorFor(name: StructureName, errors: ErrorsWanted): ValidateFunction {
  validators[errors] ??= runCommonJs(packageFile(COMPILED_VALIDATORS_FILES[errors])).exports as Record<StructureName, ValidateFunction>;
  return validators[errors][name];
}

