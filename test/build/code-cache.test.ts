/**
 * src/code-cache.ts and the bundle's core (dist/core.cjs): the code cache the build makes fits
 * the Node that made it, and a cache that does not fit (another Node, a damaged file) only costs
 * compile time: the code runs the same.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheFileOf, runCommonJs, writeCodeCache } from '../../src/code-cache.js';
import { tempDirs } from '../support/temp-dirs.js';

const temp = tempDirs('gpforge-code-cache-');

/** A CommonJS function file as the build wraps one, exporting what it was called with. */
function wrappedModule(): string {
  const file = join(temp(), 'mod.cjs');
  writeFileSync(file, '(function (exports, require, module, __filename, __dirname) { exports.file = __filename; exports.dir = __dirname; exports.sep = require("node:path").sep; exports.twice = (n) => n * 2; })\n');
  return file;
}

/** Whether plain `node` (as gpforge runs) accepts `file`'s cache beside it. */
function cacheAccepted(file: string): boolean {
  const probe = `const fs = require('node:fs'); const vm = require('node:vm');
    const file = process.argv[1];
    const script = new vm.Script(fs.readFileSync(file, 'utf8'), { filename: file, cachedData: fs.readFileSync(file.replace(/\\.cjs$/, '.cache')) });
    process.stdout.write(String(!script.cachedDataRejected));`;
  const run = spawnSync(process.execPath, ['-e', probe, file], { encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  return run.stdout === 'true';
}

describe('runCommonJs', () => {
  it('runs a wrapped file with the arguments a CommonJS module gets', () => {
    const file = wrappedModule();
    const { exports } = runCommonJs(file) as { exports: { file: string; dir: string; sep: string; twice: (n: number) => number } };
    expect(exports.file).toBe(file);
    expect(exports.dir).toBe(resolve(file, '..'));
    expect(exports.sep).toMatch(/^[/\\]$/);
    expect(exports.twice(21)).toBe(42);
  });

  it('runs the same with a damaged cache (V8 compiles the code as usual)', () => {
    const file = wrappedModule();
    writeFileSync(cacheFileOf(file), 'not a code cache');
    const { exports, script } = runCommonJs(file) as { exports: { twice: (n: number) => number }; script: { cachedDataRejected?: boolean } };
    expect(script.cachedDataRejected).toBe(true);
    expect(exports.twice(4)).toBe(8);
  });

  it('writes a cache that plain node accepts for the same file', () => {
    const file = wrappedModule();
    const { exports, script } = runCommonJs(file) as { exports: { twice: (n: number) => number }; script: Parameters<typeof writeCodeCache>[1] };
    exports.twice(1);
    writeCodeCache(file, script);
    expect(cacheAccepted(file)).toBe(true);
  });
});

describe('the bundle', () => {
  it.each(['dist/core.cjs', 'dist/validators.cjs'])('has a code cache for %s that this Node accepts', (file) => {
    expect(cacheAccepted(resolve(file))).toBe(true);
  });
});
