#!/usr/bin/env node
/**
 * The command line (DESIGN.md §3). Editors and hooks run gpforge on every save, so start-up
 * counts (issue 11): `--help` and `--version` are answered from text captured at build time
 * (cli/fast-output.ts); every other command line runs cli/run-cli.ts. In the bundle that is
 * dist/core.cjs, one script run with the code V8 compiled for it at build time
 * (src/code-cache.ts); from the sources (`tsx src/cli.ts`) it is imported as it is.
 */
import { existsSync } from 'node:fs';
import * as nodeModule from 'node:module';
import { fileURLToPath } from 'node:url';
import { fastOutput } from './cli/fast-output.js';

type RunCommand = (argv: string[]) => Promise<void>;

/** The bundle's core beside this file; absent when running from the sources. */
const CORE = fileURLToPath(new URL('./core.cjs', import.meta.url));

/**
 * Set by the build (src/build/bundle.ts) for one representative run: the core's code cache is
 * then written from everything that run compiled.
 */
const WRITE_CODE_CACHE = 'GPFORGE_WRITE_CODE_CACHE';

/**
 * Node ≥ 22.1 keeps compiled modules between runs (module.enableCompileCache) when asked before
 * they load; Node 20 has no such cache for ES modules, and this does nothing there.
 */
function enableCompileCache(): void {
  try {
    (nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache?.();
  } catch {
    // Only an optimisation: without the cache, modules compile as usual.
  }
}

async function runCore(argv: string[]): Promise<void> {
  if (!existsSync(CORE)) {
    enableCompileCache();
    const sources = new URL('./cli/run-cli.ts', import.meta.url).href; // not bundled: the bundle has the core
    return ((await import(sources)) as { runCommand: RunCommand }).runCommand(argv);
  }
  const { runCommonJs, writeCodeCache } = await import('./code-cache.js'); // not for --help
  const { exports, script } = runCommonJs(CORE);
  await (exports as { runCommand: RunCommand }).runCommand(argv);
  if (process.env[WRITE_CODE_CACHE] === '1') writeCodeCache(CORE, script);
}

const argv = process.argv.slice(2);
const fast = fastOutput(argv);
if (fast !== undefined) process.stdout.write(fast);
else await runCore(argv);
