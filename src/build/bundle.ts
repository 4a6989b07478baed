/**
 * `npm run build` (after tsc has type-checked): bundles the CLI with esbuild into dist/, writes
 * the precompiled validators beside it, captures yargs' `--help`/`--version` texts for
 * src/cli/fast-output.ts, and makes V8's code cache for the core (src/code-cache.ts).
 * Run with tsx: `tsx src/build/bundle.ts`.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { FAST_ARGS, FAST_OUTPUT_FILE } from '../cli/fast-output.js';
import { packageFile } from '../package-files.js';
import { precompiledTemplatesSource } from './precompile-templates.js';
import { precompiledValidatorsSource, writePrecompiledValidators } from './precompile-validators.js';

const DIST = packageFile('dist');
const CLI = packageFile('dist/cli.js');
const CORE = packageFile('dist/core.cjs');

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
 * URL. Bundled into the core, that URL would be the core's; this points it back at yargs' file
 * in node_modules, resolved when the core runs.
 */
const yargsPlugin: Plugin = {
  name: 'gpforge-yargs-location',
  setup(esbuild) {
    esbuild.onLoad({ filter: /[\\/]yargs[\\/]lib[\\/]platform-shims[\\/]esm\.mjs$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const uses = source.split('import.meta.url').length - 1;
      if (uses !== 2) throw new Error(`yargs' ${args.path} changed (import.meta.url used ${uses} times, expected 2): check src/build/bundle.ts`);
      const ownUrl = "new URL('./lib/platform-shims/esm.mjs', gpforgeRequire('node:url').pathToFileURL(gpforgeRequire.resolve('yargs/package.json'))).href";
      return { contents: source.split('import.meta.url').join(ownUrl), loader: 'js' };
    });
  },
};

/** What both bundles share: Node 20, whitespace and syntax minified, source maps. */
const COMMON = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
} as const;

/**
 * The core (src/cli/run-cli.ts: every command line but --help and --version) as one CommonJS
 * function, run as a script with V8's code cache (src/code-cache.ts): Node 20 loads ~20 ES
 * module chunks slower than one script, and has no code cache for modules (issue 11). The code
 * has no import() left (a script's import() needs an experimental vm feature): esbuild turns
 * the lazy imports of our modules into lazily run functions, and yargs is bundled too.
 */
async function bundleCore(): Promise<void> {
  await build({
    ...COMMON,
    entryPoints: [packageFile('src/cli/run-cli.ts')],
    outfile: CORE,
    format: 'cjs',
    define: { 'import.meta.url': 'gpforgeImportMetaUrl' },
    banner: { js: "(function (exports, require, module, __filename, __dirname) { const gpforgeRequire = require; const gpforgeImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
    footer: { js: '})' },
    plugins: [precompiledPlugin, yargsPlugin],
  });
}

/**
 * The entry (dist/cli.js: --help and --version, then the core) and the second threads' entries
 * (src/threads/job-thread.ts: rendering a build, reading an import, writing files) as
 * code-split ESM. Chunks sit directly in dist/, one folder below the package root, as
 * src/package-files.ts needs. The banner gives bundled CommonJS packages (ajv, handlebars) a
 * `require` for Node's built-in modules.
 */
async function bundleEntries(): Promise<void> {
  await build({
    ...COMMON,
    entryPoints: {
      cli: packageFile('src/cli.ts'),
      'build-worker': packageFile('src/threads/build-worker.ts'),
      'import-worker': packageFile('src/cli/import-worker.ts'),
      'writer-worker': packageFile('src/write/writer-worker.ts'),
    },
    outdir: DIST,
    splitting: true,
    format: 'esm',
    chunkNames: '[name]-[hash]',
    banner: { js: "import { createRequire as gpforgeCreateRequire } from 'node:module'; const require = gpforgeCreateRequire(import.meta.url);" },
    plugins: [precompiledPlugin],
  });
  chmodSync(CLI, 0o755);
}

/**
 * V8's code for the core, made by one representative run: a build of the shipped example into a
 * temporary folder compiles what validate and build run on every save. Commands it does not
 * reach compile their functions as usual. Without policies/ (a package installed elsewhere)
 * there is no cache, and the core compiles as usual.
 */
function writeCoreCodeCache(): void {
  const example = packageFile('policies');
  if (!existsSync(example)) return;
  const out = mkdtempSync(join(tmpdir(), 'gpforge-code-cache-'));
  try {
    const run = spawnSync(process.execPath, [CLI, 'build', '--src', example, '--out', join(out, 'out')], { encoding: 'utf8', env: { ...process.env, GPFORGE_WRITE_CODE_CACHE: '1' } });
    if (run.status !== 0) throw new Error(`making the core's code cache failed: ${run.stderr}`);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
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

rmSync(DIST, { recursive: true, force: true });
await Promise.all([bundleCore(), bundleEntries()]);
writePrecompiledValidators();
captureFastOutput();
writeCoreCodeCache();
