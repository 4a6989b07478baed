/**
 * Issue 13's figures: `gpforge docs --include-admx` over Windows' PolicyDefinitions (bar: under
 * 3 s) and the size of its search index (bar: under 2 MB). Whole processes of the built CLI, each
 * into a fresh folder, median of BENCH_RUNS (default 5); CPU time is printed beside the wall
 * time because the development machine is shared. Run alone: `node --import tsx test/bench/docs.ts`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

const CLI = resolve('dist/cli.js');
const CORPUS = resolve('../shared/corpus/windows/PolicyDefinitions');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
/** Prints the process's user + system CPU time (µs) on fd 3 at exit. */
const CPU_TIME = `data:text/javascript,import { writeSync } from 'node:fs'; process.on('exit', () => { const u = process.resourceUsage(); writeSync(3, String(u.userCPUTime + u.systemCPUTime)); });`;

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

export function benchDocs(): void {
  if (!existsSync(CORPUS)) {
    console.log(`docs benchmark skipped: ${CORPUS} not found`);
    return;
  }
  const work = mkdtempSync(join(tmpdir(), 'gpforge-bench-docs-'));
  try {
    const wall: number[] = [];
    const cpu: number[] = [];
    let out = '';
    for (let run = 0; run < RUNS; run++) {
      out = join(work, `docs-${run}`);
      const args = ['--import', CPU_TIME, CLI, 'docs', '--locale', 'en-US', '--admx', CORPUS, '--include-admx', '--out', out];
      const started = performance.now();
      const result = spawnSync(process.execPath, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe', 'pipe'] });
      wall.push(performance.now() - started);
      if (result.status !== 0) throw new Error(`gpforge docs failed: ${result.stderr.slice(-400)}`);
      cpu.push(Number(result.output[3] ?? 0) / 1000);
      if (run < RUNS - 1) rmSync(out, { recursive: true, force: true });
    }
    const pages = readdirSync(join(out, 'en-US/policies'), { recursive: true }).filter((f) => String(f).endsWith('.html')).length;
    const index = statSync(join(out, 'en-US/search-index.js')).size;
    const ms = median(wall);
    console.log(`\ndocs explorer of the Windows corpus + policies/ (issue 13), ${RUNS} runs, median:`);
    console.log(`  gpforge docs --include-admx: ${pages} policy pages in ${ms.toFixed(0)} ms wall (bar < 3000${ms < 3000 ? '' : ' ✗'}), ${median(cpu).toFixed(0)} ms CPU`);
    console.log(`  search index: ${(index / 1024 / 1024).toFixed(2)} MiB (bar < 2 MB${index < 2_000_000 ? '' : ' ✗'})`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) benchDocs();
