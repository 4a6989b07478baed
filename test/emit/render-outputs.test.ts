/**
 * The second thread's rendering (src/threads/build-worker.ts, job-thread.ts) and the shared queue
 * (src/emit/render-outputs.ts): whatever a thread renders is the same bytes, in the same order of
 * results and warnings, as rendering everything on one thread. Here the thread runs the
 * TypeScript entry through tsx; the CLI test at the end runs the bundle's.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile, type SourceFile } from '../../src/compile.js';
import { builtInTemplates } from '../../src/cli/built-in-templates.js';
import { renderOutputs } from '../../src/emit/render-outputs.js';
import { bundleJobs, renderJob, type RenderInputs } from '../../src/emit/render-jobs.js';
import type { OutputFile } from '../../src/emit/output-file.js';
import { planGpoSide } from '../../src/model/registry-plan.js';
import { startBuildThread } from '../../src/threads/build-thread.js';
import { allElementsFile, syntheticProject } from '../bench/projects.js';
import { gpforge, tempDir } from '../support/cli.js';

const templates = builtInTemplates();
const options = { templates, emit: true, backupTime: new Date('2000-01-01T00:00:00Z') };

/** What the bundle renders for these sources: their definitions, GPOs and registry plans. */
function inputsOf(sources: readonly SourceFile[]): RenderInputs {
  const result = compile(sources, { ...options, emit: false });
  if (!result.model) throw new Error(`fixture does not compile: ${result.diagnostics.map((d) => d.code).join(', ')}`);
  const planned = result.model.gpos.map((gpo) => ({ gpo, machine: planGpoSide(gpo.computer, 'HKLM'), user: planGpoSide(gpo.user, 'HKCU') }));
  return { definitions: result.model.definitions, planned, backupTime: options.backupTime };
}

const fixture = (path: string): SourceFile => ({ path, text: readFileSync(path, 'utf8') });
const small = inputsOf([fixture('test/fixtures/valid/all-elements.yaml'), fixture('test/fixtures/valid/gpo-all-kinds.yaml')]);
const sameBytes = (a: readonly OutputFile[], b: readonly OutputFile[]) =>
  a.length === b.length && a.every((file, i) => file.path === b[i]?.path && Buffer.from(file.bytes).equals(Buffer.from(b[i]?.bytes ?? [])));

describe('the second thread', () => {
  it('renders every job it is given (definitions, GPO folders, backups) to the bytes and omissions of this thread', () => {
    const jobs = bundleJobs(small);
    expect(new Set(jobs.map((j) => j.kind))).toEqual(new Set(['admx', 'adml', 'adm', 'gpo-texts', 'gpo-policy-files', 'backups']));
    const thread = startBuildThread().render;
    thread.start({ kind: 'render', jobs, queue: jobs.map((_, index) => index), ...small });
    // This thread claims nothing, so the other renders the whole queue.
    const rendered = thread.wait(jobs.length);
    expect([...rendered.keys()].sort((a, b) => a - b)).toEqual(jobs.map((_, index) => index));
    jobs.forEach((job, index) => {
      const here = renderJob(job, small, templates);
      const there = rendered.get(index);
      expect(sameBytes(there?.files ?? [], here.files), job.kind).toBe(true);
      expect(there?.unsupported).toEqual(here.unsupported);
    });
    // The fixture's .adm files leave something out: the omissions did travel.
    expect([...rendered.values()].some((r) => r.unsupported.length > 0)).toBe(true);
  });

  it('reports a job it cannot render as an error on this thread, not a hang', () => {
    const thread = startBuildThread().render;
    thread.start({ kind: 'render', jobs: [{ kind: 'admx', definitions: 5 }], queue: [0], ...small });
    expect(() => thread.wait(1)).toThrow(/the second thread failed/);
  });
});

describe('renderOutputs on two threads', () => {
  it('gives the results and files of one thread, for a bundle large enough to share', () => {
    const inputs = inputsOf([allElementsFile(200), ...syntheticProject(600)]);
    expect(inputs.planned.length).toBeGreaterThan(0);
    const alone: OutputFile[] = [];
    const single = renderOutputs(inputs, templates, (file) => alone.push(file));
    const shared: OutputFile[] = [];
    let started = 0;
    const parallel = renderOutputs(inputs, templates, (file) => shared.push(file), () => {
      started++;
      return startBuildThread().render;
    });
    expect(started).toBe(1);
    expect(parallel).toHaveLength(single.length);
    parallel.forEach((result, index) => {
      expect(sameBytes(result.files, single[index]?.files ?? [])).toBe(true);
      expect(result.unsupported).toEqual(single[index]?.unsupported);
    });
    const byPath = (files: OutputFile[]) => files.map((f) => f.path).sort();
    expect(byPath(shared)).toEqual(byPath(alone));
  }, 60_000);

  it('starts no thread for a small bundle', () => {
    let started = 0;
    renderOutputs(small, templates, () => undefined, () => {
      started++;
      return startBuildThread().render;
    });
    expect(started).toBe(0);
  });
});

describe('gpforge build of a large project with GPFORGE_THREADS=2 (the bundle\'s dist/build-worker.js and writer thread)', () => {
  it('writes the bytes a single-threaded compile makes, with the same warnings', () => {
    const dir = tempDir();
    try {
      const sources = [allElementsFile(300), ...syntheticProject(600)];
      mkdirSync(join(dir, 'src'));
      for (const source of sources) writeFileSync(join(dir, 'src', source.path.split('/').pop() ?? ''), source.text);
      const run = gpforge(['build', '--src', join(dir, 'src'), '--out', join(dir, 'out')], { env: { GPFORGE_THREADS: '2' } });
      expect(run.code, run.stderr).toBe(0);
      const inProcess = compile(
        sources.map((s) => ({ path: join(dir, 'src', s.path.split('/').pop() ?? ''), text: s.text })),
        { ...options, tool: JSON.parse(readFileSync('package.json', 'utf8')) as { name: string; version: string } },
      );
      expect(inProcess.files.length).toBeGreaterThan(10);
      // manifest.json names the inputs by the path the CLI was given; everything else must match.
      for (const file of inProcess.files.filter((f) => f.path !== 'manifest.json')) {
        const written = readFileSync(join(dir, 'out', ...file.path.split('/')));
        expect(written.equals(Buffer.from(file.bytes)), file.path).toBe(true);
      }
      expect(run.stderr).toContain(`wrote ${inProcess.files.length} files`);
      expect(run.stdout.match(/warning GPF3101/g)?.length).toBe(inProcess.diagnostics.filter((d) => d.code === 'GPF3101').length);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
