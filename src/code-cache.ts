/**
 * Runs bundled CommonJS through V8's code cache (issue 11). Node 20 has no compile cache for
 * modules (module.enableCompileCache is Node >= 22.1), so the bundle's code that every command
 * runs (dist/core.cjs) and ajv's precompiled validators (dist/validators*.cjs) are CommonJS
 * functions run as scripts, with the code V8 compiled for them at build time beside each
 * (`.cache`; src/build/bundle.ts and precompile-validators.ts make them). V8 checks a cache
 * against its version, flags and the source, and compiles as usual when it does not fit.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';

/** The code a CommonJS file is wrapped in by the build: the arguments Node gives a module. */
export type CommonJsFunction = (exports: unknown, require: NodeJS.Require, module: { exports: unknown }, filename: string, dirname: string) => void;

export const cacheFileOf = (file: string): string => file.replace(/\.cjs$/, '.cache');

/**
 * Runs `file`, whose text is `(function (exports, require, module, __filename, __dirname) { ... })`,
 * with the code cache beside it when there is one; returns the module's exports, and the script
 * (from which the build makes that cache, after running it).
 */
export function runCommonJs(file: string): { exports: unknown; script: Script } {
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cacheFileOf(file));
  } catch {
    cachedData = undefined; // no cache: V8 compiles the code as usual
  }
  // The code holds no import(): a script's import() needs an experimental vm option (src/build/bundle.ts bundles everything).
  const script = new Script(readFileSync(file, 'utf8'), { filename: file, ...(cachedData && { cachedData }) });
  const module = { exports: {} as unknown };
  (script.runInThisContext() as CommonJsFunction)(module.exports, createRequire(file), module, file, dirname(file));
  return { exports: module.exports, script };
}

/** Build time: V8's code for `script` as it stands (every function compiled so far), beside `file`. */
export function writeCodeCache(file: string, script: Script): void {
  writeFileSync(cacheFileOf(file), script.createCachedData());
}
