/**
 * In the bundle, src/validate/validators.ts is this: the validators ajv compiled at build time
 * (src/build/precompile-validators.ts), a CommonJS function in dist/validators.cjs (the 'first'
 * error ones) and dist/validators-all.cjs (every error; loaded only for a file that has one),
 * each run through V8's code cache beside it (.cache). Node 20 has no compile cache for modules
 * (module.enableCompileCache is Node >= 22.1), and compiling the half-megabyte validate function
 * cost ~40 ms of every validate (issue 11). V8 checks the cache against its version, flags and
 * the source, and compiles as usual when it does not fit.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Script } from 'node:vm';
import type { ValidateFunction } from 'ajv';
import { packageFile } from '../package-files.js';
import type { ErrorsWanted, StructureName } from './validators.js';

/** The compiled code, and beside each (`.cache`) V8's cached data for it. */
export const COMPILED_VALIDATORS_FILES: Readonly<Record<ErrorsWanted, string>> = { first: 'dist/validators.cjs', all: 'dist/validators-all.cjs' };

const validators: Partial<Record<ErrorsWanted, Record<StructureName, ValidateFunction>>> = {};

export function validatorFor(name: StructureName, errors: ErrorsWanted): ValidateFunction {
  validators[errors] ??= runCommonJs(packageFile(COMPILED_VALIDATORS_FILES[errors])).exports as Record<StructureName, ValidateFunction>;
  return validators[errors][name];
}

/**
 * Runs `file`, whose text is `(function (exports, require, module) { ... })`, with the V8 code
 * cache beside it when there is one; returns the module and the script (to make that cache).
 */
export function runCommonJs(file: string): { exports: unknown; script: Script } {
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cacheFileOf(file));
  } catch {
    cachedData = undefined; // no cache: V8 compiles the code as usual
  }
  const script = new Script(readFileSync(file, 'utf8'), { filename: file, ...(cachedData && { cachedData }) });
  const module = { exports: {} as unknown };
  (script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: unknown) => void)(module.exports, createRequire(file), module);
  return { exports: module.exports, script };
}

export const cacheFileOf = (file: string): string => file.replace(/\.cjs$/, '.cache');
