/**
 * Issue 12's figure: `gpforge diff` of two git revisions of a generated 727-policy project (every
 * element kind, two locales), against one `gpforge validate` of it; the issue's target is within
 * 2×. Whole processes of the built CLI, interleaved, median of BENCH_RUNS (default 5).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { allElementsFile } from './projects.js';

const CLI = resolve('dist/cli.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

function timeOnce(cwd: string, args: readonly string[]): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  if (result.status !== 0 && !(args[0] === 'diff' && result.status === 1)) throw new Error(`gpforge ${args.join(' ')}: ${result.stderr.slice(-400)}`);
  return performance.now() - started;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

export function benchDiff(count = 727): void {
  const dir = mkdtempSync(join(tmpdir(), 'gpforge-bench-diff-'));
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Bench', '-c', 'user.email=bench@example.com', ...args], { cwd: dir, stdio: 'pipe' });
  try {
    const file = allElementsFile(count);
    mkdirSync(join(dir, 'policies'));
    const path = join(dir, 'policies', 'definitions.yaml');
    writeFileSync(path, file.text);
    git('init', '-q');
    git('add', '-A');
    git('commit', '-q', '-m', 'base');
    // The head revision: one range narrowed in every copy (a breaking change to report each time).
    writeFileSync(path, file.text.replace(/max: 100\b/g, 'max: 90'));
    git('commit', '-q', '-a', '-m', 'head');
    const validate: number[] = [];
    const diff: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      validate.push(timeOnce(dir, ['validate']));
      diff.push(timeOnce(dir, ['diff', 'HEAD~1', 'HEAD']));
    }
    const [v, d] = [median(validate), median(diff)];
    console.log(`\ngpforge diff HEAD~1 HEAD, ${count} policies: ${d.toFixed(0)} ms; validate ${v.toFixed(0)} ms; ratio ${(d / v).toFixed(2)}× (target ≤2×)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
