/**
 * The second thread's entry for a build (build-thread.ts starts it): reads the sources it takes
 * from a load task's queue, renders the jobs it takes from a render task's.
 */
import { builtInTemplates } from '../cli/built-in-templates.js';
import { loadSourceForThread, type SourceFile } from '../compile-sources.js';
import { renderJob, type RenderJob } from '../emit/render-jobs.js';
import type { Templates } from '../emit/templates.js';
import type { DefinitionsFile } from '../model/types.js';
import type { BuildResult, BuildTask } from './build-thread.js';
import { serveJobs, wholeBuffer } from './serve-jobs.js';

let templates: Templates | undefined;

serveJobs<BuildTask, BuildResult>((task) => ({
  length: task.queue.length,
  jobAt: (position) => task.queue[position] as number,
  run(index) {
    if (task.kind === 'load') return { result: loadSourceForThread(task.sources[index] as SourceFile, task.intune) };
    templates ??= builtInTemplates();
    const job = task.jobs[index] as RenderJob;
    const result = renderJob(job, task.definitions[job.definitions] as DefinitionsFile, templates);
    return { result, transfer: wholeBuffer(result.file.bytes) };
  },
}));
