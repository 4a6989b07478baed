/**
 * Renders the bundle's outputs (render-jobs.ts), on two threads when a second is wanted
 * (src/threads/thread-policy.ts) and the bundle is large enough to pay for it. The jobs form
 * one queue, largest first, shared through an atomic counter: both threads take the next job
 * until the queue is empty, so they end at about the same time whatever each job really costs. Results come back in job order, whichever
 * thread made them, so the bundle and its warnings are the same bytes either way.
 */
import { largestFirst, workThrough, type SharedQueue } from '../threads/job-thread.js';
import type { OutputFile } from './output-file.js';
import { bundleJobs, jobWeight, renderJob, type RenderedJob, type RenderInputs, type RenderJob, type RenderTask } from './render-jobs.js';
import type { Templates } from './templates.js';

/**
 * Below this total cost (jobWeight units, about 0.15 ms each on the development machine) a
 * second thread costs more than it saves (its start and the copy of the model).
 */
const PARALLEL_THRESHOLD = 2000;

/**
 * Every job's result in job order (bundleJobs); each file is handed to `keep` as soon as it is
 * done, on whichever thread.
 */
export function renderOutputs(
  inputs: RenderInputs,
  templates: Templates,
  keep: (file: OutputFile) => void,
  startThread?: () => SharedQueue<RenderTask, RenderedJob>,
): RenderedJob[] {
  const jobs = bundleJobs(inputs);
  const weights = jobs.map((job) => jobWeight(job, inputs));
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const queue = largestFirst(weights);
  const thread = startThread && total >= PARALLEL_THRESHOLD ? startThread() : undefined;
  thread?.start({ kind: 'render', jobs, queue, ...inputs });
  return workThrough<RenderedJob, RenderedJob>(queue, {
    ...(thread && { thread }),
    here: (index) => renderJob(jobs[index] as RenderJob, inputs, templates),
    fromThread: (_, result) => result,
    done: (_, result) => result.files.forEach((file) => keep(file)),
  });
}
