/**
 * Build time: src/validate/validators.ts as the bundle gets it (that file says why): ajv's
 * standalone code for the same schemas and options, written to dist/validators.cjs with V8's
 * code cache for it (src/validate/compiled-validators.ts loads both).
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import standalone from 'ajv/dist/standalone/index.js';
import { packageFile } from '../package-files.js';
import { cacheFileOf } from '../code-cache.js';
import { COMPILED_VALIDATORS_FILES } from '../validate/compiled-validators.js';
import { AJV_OPTIONS, STRUCTURE_SCHEMAS, type ErrorsWanted, type StructureName } from '../validate/validators.js';

/** The module that replaces src/validate/validators.ts in the bundle. */
export function precompiledValidatorsSource(): string {
  return `export { validatorFor } from ${JSON.stringify(packageFile('src/validate/compiled-validators.ts'))};\n`;
}

/** Writes dist/validators.cjs and dist/validators-all.cjs (ajv's CommonJS, each as one function) and their V8 code caches. */
export function writePrecompiledValidators(): void {
  for (const errors of Object.keys(COMPILED_VALIDATORS_FILES) as ErrorsWanted[]) {
    const ajv = new Ajv({ ...AJV_OPTIONS[errors], code: { source: true } });
    const names = Object.keys(STRUCTURE_SCHEMAS) as StructureName[];
    for (const name of names) ajv.addSchema(STRUCTURE_SCHEMAS[name], name);
    const code = standalone.default(ajv, Object.fromEntries(names.map((name) => [name, name])));
    const file = packageFile(COMPILED_VALIDATORS_FILES[errors]);
    writeFileSync(file, `(function (exports, require, module) {\n${code}\n})\n`);
    writeCodeCache(file);
  }
}

/**
 * The cache is made by plain `node` running the built loader, as gpforge will run it, after one
 * call of each validator, so that their compiled code is in it.
 */
function writeCodeCache(file: string): void {
  // As runCommonJs() compiles it (same text, same file name), then each validator once.
  const producer = `
    const { readFileSync, writeFileSync } = require('node:fs');
    const { createRequire } = require('node:module');
    const { Script } = require('node:vm');
    const file = process.env.GPFORGE_VALIDATORS;
    const script = new Script(readFileSync(file, 'utf8'), { filename: file });
    const module = { exports: {} };
    script.runInThisContext()(module.exports, createRequire(file), module);
    for (const validate of Object.values(module.exports)) validate({});
    writeFileSync(process.env.GPFORGE_VALIDATORS_CACHE, script.createCachedData());
  `;
  const env = { ...process.env, GPFORGE_VALIDATORS: file, GPFORGE_VALIDATORS_CACHE: cacheFileOf(file) };
  const run = spawnSync(process.execPath, ['-e', producer], { encoding: 'utf8', env });
  if (run.status !== 0) throw new Error(`making the validators' code cache failed: ${run.stderr}`);
}
