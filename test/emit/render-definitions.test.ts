/**
 * The second thread's rendering (src/threads/build-worker.ts, job-thread.ts) and the shared queue
 * (render-definitions.ts): whatever a thread renders is the same bytes, in the same order of
 * results and warnings, as rendering everything on one thread. Here the thread runs the
 * TypeScript entry through tsx; the CLI tests run the bundle's.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile, type SourceFile } from '../../src/compile.js';
import { builtInTemplates } from '../../src/cli/built-in-templates.js';
import { renderDefinitions } from '../../src/emit/render-definitions.js';
import { definitionsJobs, renderJob } from '../../src/emit/render-jobs.js';
import { startBuildThread } from '../../src/threads/build-thread.js';
import type { OutputFile } from '../../src/emit/output-file.js';
import type { DefinitionsFile } from '../../src/model/types.js';
import { allElementsFile, syntheticProject } from '../bench/projects.js';
import { gpforge, tempDir } from '../support/cli.js';

const templates = builtInTemplates();
const options = { templates, emit: true, backupTime: new Date('2000-01-01T00:00:00Z') };

function definitionsOf(sources: readonly SourceFile[]): readonly DefinitionsFile[] {
  const result = compile(sources, { ...options, emit: false });
  if (!result.model) throw new Error(`fixture does not compile: ${result.diagnostics.map((d) => d.code).join(', ')}`);
  return result.model.definitions;
}

const fixture = (path: string): SourceFile => ({ path, text: readFileSync(path, 'utf8') });
const allElements = definitionsOf([fixture('test/fixtures/valid/all-elements.yaml')]);

describe('the rendering thread', () => {
  it('renders every job it is given to the same bytes and ADM omissions as this thread', () => {
    const jobs = definitionsJobs(allElements);
    const thread = startBuildThread().render;
    thread.start({ kind: 'render', jobs, queue: jobs.map((_, index) => index), definitions: allElements });
    // This thread claims nothing, so the other renders the whole queue.
    const rendered = thread.wait(jobs.length);
    expect([...rendered.keys()].sort((a, b) => a - b)).toEqual(jobs.map((_, index) => index));
    jobs.forEach((job, index) => {
      const here = renderJob(job, allElements[job.definitions] as DefinitionsFile, templates);
      const there = rendered.get(index);
      expect(there?.file.path).toBe(here.file.path);
      expect(Buffer.from(there?.file.bytes ?? []).equals(Buffer.from(here.file.bytes))).toBe(true);
      expect(there?.unsupported).toEqual(here.unsupported);
    });
    // The fixture's .adm files leave something out: the omissions did travel.
    expect([...rendered.values()].some((r) => r.unsupported.length > 0)).toBe(true);
  });

  it('reports a job it cannot render as an error on this thread, not a hang', () => {
    const thread = startBuildThread().render;
    thread.start({ kind: 'render', jobs: [{ kind: 'admx', definitions: 5 }], queue: [0], definitions: allElements });
    expect(() => thread.wait(1)).toThrow(/the second thread failed/);
  });
});

describe('renderDefinitions on two threads', () => {
  it('gives the results and files of one thread, for a bundle large enough to share', () => {
    const definitions = definitionsOf([allElementsFile(200), ...syntheticProject(600).filter((s) => !s.text.includes('kind: gpo'))]);
    const alone: OutputFile[] = [];
    const single = renderDefinitions(definitions, templates, (file) => alone.push(file)).finish();
    const shared: OutputFile[] = [];
    let started = 0;
    const parallel = renderDefinitions(definitions, templates, (file) => shared.push(file), () => {
      started++;
      return startBuildThread().render;
    }).finish();
    expect(started).toBe(1);
    expect(parallel.map((r) => r.file.path)).toEqual(single.map((r) => r.file.path));
    parallel.forEach((result, index) => {
      expect(Buffer.from(result.file.bytes).equals(Buffer.from(single[index]?.file.bytes ?? []))).toBe(true);
      expect(result.unsupported).toEqual(single[index]?.unsupported);
    });
    const byPath = (files: OutputFile[]) => files.map((f) => f.path).sort();
    expect(byPath(shared)).toEqual(byPath(alone));
  }, 60_000);

  it('starts no thread for a small bundle', () => {
    let started = 0;
    renderDefinitions(allElements, templates, () => undefined, () => {
      started++;
      return startBuildThread().render;
    }).finish();
    expect(started).toBe(0);
  });
});

describe('gpforge build of a large project (the bundle\'s dist/build-worker.js and writer thread)', () => {
  it('writes the bytes a single-threaded compile makes, with the same warnings', () => {
    const dir = tempDir();
    try {
      const sources = [allElementsFile(300), ...syntheticProject(600)];
      mkdirSync(join(dir, 'src'));
      for (const source of sources) writeFileSync(join(dir, 'src', source.path.split('/').pop() ?? ''), source.text);
      const run = gpforge(['build', '--src', join(dir, 'src'), '--out', join(dir, 'out')]);
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
