/**
 * The second thread's entry for a build (build-thread.ts starts it): reads the sources it takes
 * from a load task's queue, renders the outputs it takes from a render task's.
 */
import { builtInTemplates } from '../cli/built-in-templates.js';
import { loadSourceForThread, type SourceFile } from '../compile-sources.js';
import { renderJob, type RenderJob } from '../emit/render-jobs.js';
import type { Templates } from '../emit/templates.js';
import type { BuildResult, BuildTask } from './build-thread.js';
import { serveJobs, wholeBuffer } from './serve-jobs.js';

let templates: Templates | undefined;

serveJobs<BuildTask, BuildResult>((task) => ({
  queue: task.queue,
  run(index) {
    if (task.kind === 'load') return { result: loadSourceForThread(task.sources[index] as SourceFile, task.intune) };
    templates ??= builtInTemplates();
    // The files' buffers are handed over, not copied (no emitter keeps one for a later job; if one
    // did, the bundle-vs-one-thread tests would see the file come out empty).
    const result = renderJob(task.jobs[index] as RenderJob, task, templates);
    return { result, transfer: [...new Set(result.files.flatMap((file) => wholeBuffer(file.bytes)))] };
  },
}));
