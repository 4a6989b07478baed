/**
 * `npm run bench`: how long gpforge takes on realistic and large inputs, with figures printed
 * (not asserted: timing belongs here, not in unit tests). Runs the real pipeline in memory.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { compile, type SourceFile } from '../../src/compile.js';
import { compileTemplates } from '../../src/emit/templates.js';
import { readTemplateSources } from '../../src/load/template-sources.js';
import { definitionsToYaml } from '../../src/import/definitions-to-yaml.js';
import { readPolicyDefinitions } from '../../src/load/admx/read-policy-definitions.js';
import { readGitSources } from '../../src/load/git-sources.js';
import { readSources } from '../../src/load/read-sources.js';
import { diffModels } from '../../src/diff/diff-models.js';
import { renderText } from '../../src/diff/render-text.js';

const templates = compileTemplates(readTemplateSources());
const backupTime = new Date('2000-01-01T00:00:00Z');

/** A definitions file with `count` policies of four elements each, in two locales, and a GPO enabling them all. */
function syntheticProject(count: number): SourceFile[] {
  const t = (s: string) => `{ en-US: "${s}", de-DE: "${s} (de)" }`;
  const policies: string[] = [];
  const settings: string[] = [];
  for (let i = 0; i < count; i++) {
    policies.push(`  - id: Policy${i}
    class: machine
    category: Cat
    supportedOn: S
    name: ${t(`Policy number ${i}`)}
    explain: ${t(`Explains policy ${i} in a sentence or two, as real explain texts do.`)}
    key: Software\\Policies\\Bench\\P${i % 50}
    valueName: Enabled${i}
    elements:
      - { id: Level, type: decimal, valueName: Level${i}, label: ${t('Level')}, min: 0, max: 100, default: 5 }
      - { id: Name, type: text, valueName: Name${i}, label: ${t('Name')} }
      - id: Mode
        type: enum
        valueName: Mode${i}
        label: ${t('Mode')}
        items: [{ id: A, name: ${t('A')}, value: 1 }, { id: B, name: ${t('B')}, value: 2 }]
      - { id: Items, type: list, key: Software\\Policies\\Bench\\L${i}, label: ${t('Items')} }`);
    settings.push(`    bench:Policy${i}: { state: enabled, Level: 7, Name: "n${i}", Mode: B, Items: [x, y] }`);
  }
  const definitions = `kind: definitions
namespace: Gpforge.Bench
prefix: bench
locales: [en-US, de-DE]
categories: [{ id: Cat, name: ${t('Bench')} }]
supportedOn: [{ id: S, text: ${t('Any')} }]
policies:
${policies.join('\n')}
`;
  const gpo = `kind: gpo\nname: Bench GPO\ncomputer:\n  policies:\n${settings.join('\n')}\n`;
  return [
    { path: 'bench/definitions.yaml', text: definitions },
    { path: 'bench/gpo.yaml', text: gpo },
  ];
}

function measure(label: string, sources: SourceFile[], runs = 3): void {
  const bytes = sources.reduce((n, s) => n + s.text.length, 0);
  const times: number[] = [];
  let files = 0;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const result = compile(sources, { templates, emit: true, backupTime });
    times.push(performance.now() - started);
    if (result.diagnostics.some((d) => d.severity === 'error')) throw new Error(`${label}: ${result.diagnostics[0]?.message}`);
    files = result.files.length;
  }
  const best = Math.min(...times).toFixed(0);
  const rss = (process.memoryUsage().rss / 2 ** 20).toFixed(0);
  console.log(`${label.padEnd(44)} ${String((bytes / 2 ** 10).toFixed(0)).padStart(6)} KiB in  ${String(files).padStart(4)} files out  best ${best.padStart(6)} ms  rss ${rss} MiB`);
}

const example = readdirSync('policies').map((f) => ({ path: `policies/${f}`, text: readFileSync(`policies/${f}`, 'utf8') }));
measure('shipped example (policies/)', example);
for (const count of (process.env.BENCH_SIZES ?? "100,1000,3000").split(",").map(Number)) measure(`synthetic: ${count} policies + a GPO enabling all`, syntheticProject(count), count > 1000 ? 1 : 3);

/** Runs `work` `runs` times; prints the best time and the peak RSS seen after each run. */
function time<T>(label: string, work: () => T, runs = 3): T {
  let best = Infinity;
  let peak = 0;
  let result: T | undefined;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    result = work();
    best = Math.min(best, performance.now() - started);
    peak = Math.max(peak, process.memoryUsage().rss);
  }
  console.log(`${label.padEnd(44)} best ${best.toFixed(0).padStart(6)} ms  peak rss ${(peak / 2 ** 20).toFixed(0)} MiB`);
  return result as T;
}

const corpus = resolve('../shared/corpus/windows/PolicyDefinitions');
if (existsSync(corpus)) {
  const read = time('corpus: read 223 ADMX + en-US ADML (target <1 s)', () => readPolicyDefinitions(corpus));
  const policies = read.definitions.reduce((n, d) => n + d.policies.length, 0);
  const imported = time(`corpus: import ${policies} policies to YAML (<2 s)`, () => definitionsToYaml(read.definitions));
  const sources = imported.files.map((f) => ({ path: f.path, text: new TextDecoder().decode(f.bytes) }));
  time('corpus: build the imported YAML back (<2 s)', () => compile(sources, { templates, emit: true, backupTime }));
} else {
  console.log(`corpus benchmarks skipped: ${corpus} not found`);
}

/**
 * Issue 12: `gpforge diff` of two git revisions of a generated 727-policy project, against one
 * validate of it (target: within 2×). Both read, compile and (for diff) compare in process.
 */
function benchDiff(count: number): void {
  const dir = mkdtempSync(join(tmpdir(), 'gpforge-bench-'));
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Bench', '-c', 'user.email=bench@example.com', ...args], { cwd: dir, stdio: 'pipe' });
  const write = (files: SourceFile[]) => {
    for (const file of files) {
      mkdirSync(join(dir, dirname(file.path)), { recursive: true });
      writeFileSync(join(dir, file.path), file.text);
    }
  };
  const project = syntheticProject(count);
  git('init', '-q');
  write(project);
  git('add', '-A');
  git('commit', '-q', '-m', 'base');
  // The head revision: a narrowed range, a new revision number and other GPO values.
  write(project.map((f) => ({ path: f.path, text: f.text.replace('max: 100', 'max: 90').replace(/Level: 7/g, 'Level: 8') })));
  git('commit', '-q', '-a', '-m', 'head');
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    const compileModel = (sources: SourceFile[]) => compile(sources, { templates, emit: false, backupTime }).model;
    time(`validate: ${count} policies (working tree)`, () => compileModel(readSources(['bench']).sources));
    time(`diff: ${count} policies, HEAD~1 → HEAD`, () => {
      const [base, head] = [readGitSources('HEAD~1', ['bench']), readGitSources('HEAD', ['bench'])].map((s) => compileModel(s.sources));
      if (!base || !head) throw new Error('bench project does not compile');
      return renderText(diffModels({ label: 'HEAD~1', model: base }, { label: 'HEAD', model: head }));
    });
  } finally {
    process.chdir(cwd);
    rmSync(dir, { recursive: true, force: true });
  }
}

benchDiff(727);
