/**
 * The second rendering thread's entry (render-definitions.ts starts it through
 * src/threads/job-thread.ts): renders definitions outputs from the shared queue with the
 * built-in templates.
 */
import { builtInTemplates } from '../cli/built-in-templates.js';
import type { DefinitionsFile } from '../model/types.js';
import { serveJobs, wholeBuffer } from '../threads/serve-jobs.js';
import { renderJob, type RenderedJob, type RenderJob, type RenderTask } from './render-jobs.js';

serveJobs<RenderTask, RenderedJob>((task) => {
  const templates = builtInTemplates();
  return {
    length: task.queue.length,
    jobAt: (position) => task.queue[position] as number,
    run(index) {
      const job = task.jobs[index] as RenderJob;
      const result = renderJob(job, task.definitions[job.definitions] as DefinitionsFile, templates);
      return { result, transfer: wholeBuffer(result.file.bytes) };
    },
  };
});
