/**
 * `npm run bench`: gpforge as editors' save hooks and CI run it, whole processes of the built
 * CLI (dist/cli.js), timed in the same run as Node's floor (`node -e 0`), with the ratio to that
 * floor and each process's peak memory (issue 11). Figures are printed, not asserted: timing
 * belongs here, not in unit tests. Cases are interleaved and repeated; the median counts.
 * BENCH_RUNS (default 5) and BENCH_SIZES (synthetic project sizes, default 100,1000,5000) adjust it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { allElementsFile, syntheticProject } from './projects.js';
import type { SourceFile } from '../../src/compile.js';

const CLI = resolve('dist/cli.js');
const CORPUS = resolve('../shared/corpus/windows/PolicyDefinitions');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SIZES = (process.env.BENCH_SIZES ?? '100,1000,5000').split(',').map(Number);
/** Prints the process's peak RSS (KiB) on fd 3 at exit; loaded only for the memory runs. */
const PEAK_RSS = `data:text/javascript,import { writeSync } from 'node:fs'; process.on('exit', () => writeSync(3, String(process.resourceUsage().maxRSS)));`;

/** One benchmark: processes run one after another, timed together (import + rebuild is two). */
interface Case {
  readonly label: string;
  readonly steps: readonly (readonly string[])[];
  /** The issue's bar, as a multiple of `node -e 0`. */
  readonly bar?: number;
  /** Removed (untimed) before each run, so the build writes a whole new out/ every time. */
  readonly fresh?: string;
  /** Added to the environment of its processes (GPFORGE_THREADS=2: a second thread). */
  readonly env?: Readonly<Record<string, string>>;
}

interface Run {
  readonly ms: number;
  readonly failed?: string;
}

function runOnce(steps: Case['steps'], env: Case['env']): Run {
  const started = performance.now();
  for (const args of steps) {
    const result = spawnSync(process.execPath, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    if (result.status !== 0) return { ms: 0, failed: `node ${args.join(' ')} exited ${result.status}: ${result.stderr.slice(-400)}` };
  }
  return { ms: performance.now() - started };
}

/** Peak RSS in MiB of the largest step, measured in a separate run so timing stays untouched. */
function peakMemory(steps: Case['steps'], env: Case['env']): number {
  let peak = 0;
  for (const args of steps) {
    const result = spawnSync(process.execPath, ['--import', PEAK_RSS, ...args], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'ignore', 'pipe'], env: { ...process.env, ...env } });
    peak = Math.max(peak, Number(result.output[3] ?? 0) / 1024);
  }
  return peak;
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

function writeProject(dir: string, files: readonly SourceFile[]): string {
  mkdirSync(dir, { recursive: true });
  for (const file of files) writeFileSync(join(dir, file.path.split('/').pop() ?? file.path), file.text);
  return dir;
}

/**
 * The libraries' own floor for a workload: a process that only parses its inputs with the
 * library gpforge reads them with (js-yaml on the fast path; fast-xml-parser for XML), nothing
 * else. Printed beside the builds so the bars can be judged against what parsing alone costs.
 */
const PARSE_ONLY = {
  yaml: `import { readFileSync, readdirSync } from 'node:fs'; import yaml from 'js-yaml';
for (const dir of process.argv.slice(1)) for (const f of readdirSync(dir)) if (f.endsWith('.yaml')) yaml.load(readFileSync(dir + '/' + f, 'utf8'));`,
  xml: `import { readFileSync, readdirSync } from 'node:fs'; import { XMLParser } from 'fast-xml-parser';
const parser = new XMLParser({ ignoreAttributes: false });
const read = (path) => { const b = readFileSync(path); return b[0] === 0xff ? b.toString('utf16le') : b.toString('utf8'); };
for (const entry of readdirSync(process.argv[1], { recursive: true })) if (/[.]adm[xl]$/i.test(entry)) parser.parse(read(process.argv[1] + '/' + entry));`,
};
const parseOnly = (kind: keyof typeof PARSE_ONLY, label: string, dir: string): Case => ({
  label: `  ${label}`,
  steps: [['--input-type=module', '-e', PARSE_ONLY[kind], dir]],
});

/** The same work with a second thread (src/threads/thread-policy.ts), for comparison (no bar of its own). */
const twoThreads = ({ bar: _bar, ...c }: Case): Case => ({ ...c, label: '  with GPFORGE_THREADS=2', env: { GPFORGE_THREADS: '2' } });

function cases(work: string): Case[] {
  const out = join(work, 'out');
  // Each build writes a new out/ (the stricter case: nothing to keep from a previous build).
  const build = (src: string, bar?: number, label = `build ${src}`): Case => ({ label, steps: [[CLI, 'build', '--src', src, '--out', out]], fresh: out, ...(bar && { bar }) });
  const list: Case[] = [
    { label: 'node -e 0 (the floor)', steps: [['-e', '0']] },
    { label: 'gpforge --help', steps: [[CLI, '--help']], bar: 1.5 },
    { label: 'gpforge validate (policies/)', steps: [[CLI, 'validate']], bar: 2.5 },
    { label: 'gpforge build (policies/)', steps: [[CLI, 'build', '--out', out]] },
  ];
  const allElements = writeProject(join(work, 'all-elements'), [allElementsFile(727)]);
  const allElementsBuild = build(allElements, 4, 'build 727 policies, every element, 2 locales');
  list.push(allElementsBuild, twoThreads(allElementsBuild), parseOnly('yaml', 'js-yaml alone: parse its YAML', allElements));
  for (const size of SIZES) {
    const dir = writeProject(join(work, `synthetic-${size}`), syntheticProject(size));
    const synthetic = build(dir, size === 5000 ? 12 : undefined, `build ${size} synthetic policies + a GPO`);
    list.push(synthetic);
    // A save hook's case: the same build again over its own previous out/ (unchanged files kept).
    if (size === Math.max(...SIZES)) {
      const again = join(work, 'out-again');
      list.push({ label: `  again over its previous out/`, steps: [[CLI, 'build', '--src', dir, '--out', again]] });
    }
    if (size === 5000) list.push(twoThreads(synthetic), parseOnly('yaml', 'js-yaml alone: parse its YAML', dir));
  }
  if (existsSync(CORPUS)) {
    const imported = join(work, 'corpus-yaml');
    const importStep = [CLI, 'import', CORPUS, '--out', imported, '--force'];
    const corpus: Case = { label: 'corpus: import 223 templates + build them', steps: [importStep, [CLI, 'build', '--src', imported, '--out', out]], fresh: out, bar: 15 };
    list.push(corpus, twoThreads(corpus));
    list.push(parseOnly('xml', 'fast-xml-parser alone: parse its XML', CORPUS));
    list.push(parseOnly('yaml', 'js-yaml alone: parse the imported YAML', imported));
    // Issue 16: the editor schema over policies/ and the whole corpus (bar: written in under 2 s).
    list.push({ label: 'corpus: gpforge schema --admx (GPO schema)', steps: [[CLI, 'schema', '--admx', CORPUS, '--out', join(work, 'gpo.schema.json')]] });
  } else {
    console.log(`corpus benchmark skipped: ${CORPUS} not found`);
  }
  return list;
}

function main(): void {
  if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run npm run build first');
  const work = mkdtempSync(join(tmpdir(), 'gpforge-bench-'));
  try {
    const list = cases(work);
    const times = new Map<Case, number[]>(list.map((c) => [c, []]));
    for (let run = 0; run < RUNS; run++) {
      for (const c of list) {
        if (c.fresh) rmSync(c.fresh, { recursive: true, force: true });
        const result = runOnce(c.steps, c.env);
        if (result.failed) throw new Error(`${c.label}: ${result.failed}`);
        times.get(c)?.push(result.ms);
      }
    }
    const floor = median(times.get(list[0] as Case) ?? []);
    console.log(`${RUNS} interleaved runs, median; Node ${process.version}\n`);
    console.log(`${'work'.padEnd(46)} ${'median'.padStart(8)} ${'× floor'.padStart(8)} ${'bar'.padStart(5)} ${'peak'.padStart(8)}`);
    for (const c of list) {
      const ms = median(times.get(c) ?? []);
      const ratio = ms / floor;
      const bar = c.bar === undefined ? '' : `≤${c.bar}${ratio <= c.bar ? '' : ' ✗'}`;
      const peak = `${peakMemory(c.steps, c.env).toFixed(0)} MiB`;
      console.log(`${c.label.padEnd(46)} ${`${ms.toFixed(0)} ms`.padStart(8)} ${`${ratio.toFixed(2)}×`.padStart(8)} ${bar.padStart(5)} ${peak.padStart(8)}`);
    }
    const schema = join(work, 'gpo.schema.json');
    if (existsSync(schema)) console.log(`\ncorpus GPO schema (issue 16): ${(statSync(schema).size / 1024 / 1024).toFixed(1)} MiB`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main();

// Registry.pol decode/encode and policy resolution (issue 10), in process, against Samba where present.
await import('./registry-pol.js');

// gpforge diff of two revisions against one validate (issue 12).
const { benchDiff } = await import('./diff.js');
benchDiff();

// gpforge docs over the Windows corpus: generation time and search index size (issue 13).
const { benchDocs } = await import('./docs.js');
benchDocs();
