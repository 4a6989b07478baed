/**
 * `npm run build` (after tsc has type-checked): bundles the CLI with esbuild into dist/, because
 * Node 20 loads ~300 separate ES modules several times slower than one bundle (issue 11), writes
 * the precompiled validators beside it, and captures yargs' `--help`/`--version` texts for
 * src/cli/fast-output.ts.
 * Run with tsx: `tsx src/build/bundle.ts`.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { FAST_ARGS, FAST_OUTPUT_FILE } from '../cli/fast-output.js';
import { packageFile } from '../package-files.js';
import { precompiledTemplatesSource } from './precompile-templates.js';
import { precompiledValidatorsSource, writePrecompiledValidators } from './precompile-validators.js';

const DIST = packageFile('dist');
const CLI = packageFile('dist/cli.js');

/**
 * Modules the bundle gets compiled at build time instead of at run time, each made from this
 * build's sources: `src/<path>` → a function returning the ES module code that replaces it.
 */
const PRECOMPILED: Record<string, () => string> = {
  'validate/validators.ts': precompiledValidatorsSource,
  'cli/built-in-templates.ts': precompiledTemplatesSource,
};

const precompiledPlugin: Plugin = {
  name: 'gpforge-precompiled',
  setup(esbuild) {
    const files = new Map(Object.entries(PRECOMPILED).map(([path, source]) => [packageFile(`src/${path}`), source]));
    esbuild.onLoad({ filter: /\.ts$/ }, (args) => {
      const source = files.get(args.path);
      return source ? { contents: source(), loader: 'js', resolveDir: dirname(args.path) } : undefined;
    });
  },
};

/**
 * yargs finds its translations (and, for --version, gpforge's package.json) from its own file's
 * URL. Bundled, that URL would be the bundle's; this points it back at yargs' file in
 * node_modules, resolved at run time as `import('yargs')` would be.
 */
const yargsPlugin: Plugin = {
  name: 'gpforge-yargs-location',
  setup(esbuild) {
    esbuild.onLoad({ filter: /[\\/]yargs[\\/]lib[\\/]platform-shims[\\/]esm\.mjs$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const uses = source.split('import.meta.url').length - 1;
      if (uses !== 2) throw new Error(`yargs' ${args.path} changed (import.meta.url used ${uses} times, expected 2): check src/build/bundle.ts`);
      const ownUrl = "new URL('./lib/platform-shims/esm.mjs', import.meta.resolve('yargs')).href";
      return { contents: source.split('import.meta.url').join(ownUrl), loader: 'js' };
    });
  },
};

/**
 * Code-split ESM: commands import their modules lazily (src/cli.ts), so each gets its own chunk.
 * Chunks sit directly in dist/, one folder below the package root, as src/package-files.ts
 * needs. The banner gives bundled CommonJS packages (ajv, handlebars) a `require` for Node's
 * built-in modules.
 */
async function bundle(): Promise<void> {
  rmSync(DIST, { recursive: true, force: true });
  await build({
    // The second threads' entries (src/threads/job-thread.ts): rendering a build, reading an import.
    entryPoints: {
      cli: packageFile('src/cli.ts'),
      'build-worker': packageFile('src/threads/build-worker.ts'),
      'import-worker': packageFile('src/cli/import-worker.ts'),
      'writer-worker': packageFile('src/write/writer-worker.ts'),
    },
    outdir: DIST,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    chunkNames: '[name]-[hash]',
    sourcemap: true,
    minifyWhitespace: true,
    minifySyntax: true,
    banner: { js: "import { createRequire as gpforgeCreateRequire } from 'node:module'; const require = gpforgeCreateRequire(import.meta.url);" },
    plugins: [precompiledPlugin, yargsPlugin],
    logLevel: 'warning',
  });
  chmodSync(CLI, 0o755);
}

/** Asks the bundle's yargs for its texts (English, 80 columns: stdout is a pipe here). */
function captureFastOutput(): void {
  const env: NodeJS.ProcessEnv = { ...process.env, LC_ALL: 'en_US' };
  delete env.YARGS_DISABLE_WRAP;
  const texts: Record<string, string> = {};
  for (const arg of FAST_ARGS) {
    const run = spawnSync(process.execPath, [CLI, arg], { encoding: 'utf8', env });
    if (run.status !== 0) throw new Error(`gpforge ${arg} failed: ${run.stderr}`);
    texts[arg] = run.stdout;
  }
  writeFileSync(packageFile(FAST_OUTPUT_FILE), JSON.stringify(texts, null, 2) + '\n');
}

await bundle();
writePrecompiledValidators();
captureFastOutput();
