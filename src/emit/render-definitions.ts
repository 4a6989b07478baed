/**
 * Renders every definitions output (ADMX, ADML, .adm), on two threads when the bundle is large
 * enough to pay for the second (issue 11). The jobs form one queue, largest first, shared through
 * an atomic counter: the other thread takes jobs as soon as it has started, this one does its
 * other work first (the GPO outputs, which only it can do) and then takes jobs too, so both end
 * at about the same time whatever each job really costs. Results come back in job order,
 * whichever thread made them, so the bundle and its warnings are the same bytes either way.
 */
import type { DefinitionsFile } from '../model/types.js';
import type { OutputFile } from './output-file.js';
import type { SharedQueue } from '../threads/job-thread.js';
import { definitionsJobs, jobWeight, renderJob, type RenderedJob, type RenderJob, type RenderTask } from './render-jobs.js';
import type { Templates } from './templates.js';

/**
 * Below this total cost (jobWeight units, about 0.15 ms each on the development machine) a
 * second thread costs more than it saves (its start and the copy of the model).
 */
const PARALLEL_THRESHOLD = 2000;

export interface DefinitionsRendering {
  /** Renders what is left of the queue here, waits for the other thread: every result in job order. */
  finish(): RenderedJob[];
}

/**
 * Starts the other thread on the queue when it pays; call `finish` after this thread's other
 * work. Each file is handed to `keep` as it is done.
 */
export function renderDefinitions(
  definitions: readonly DefinitionsFile[],
  templates: Templates,
  keep: (file: OutputFile) => void,
  startThread?: () => SharedQueue<RenderTask, RenderedJob>,
): DefinitionsRendering {
  const jobs = definitionsJobs(definitions);
  const fileOf = (job: RenderJob) => definitions[job.definitions] as DefinitionsFile;
  const weights = jobs.map((job) => jobWeight(job, fileOf(job)));
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  // Queue position → job index: the largest first, so the last jobs taken are small ones.
  const queue = jobs.map((_, index) => index).sort((a, b) => (weights[b] ?? 0) - (weights[a] ?? 0) || a - b);
  const thread = startThread && total >= PARALLEL_THRESHOLD ? startThread() : undefined;
  thread?.start({ kind: 'render', jobs, queue, definitions });
  const results = new Map<number, RenderedJob>();
  const take = (done: ReadonlyMap<number, RenderedJob>) => {
    for (const [index, result] of done) {
      results.set(index, result);
      keep(result.file);
    }
  };
  return {
    finish() {
      let renderedHere = 0;
      let next = 0;
      while ((next = thread ? thread.claim() : next) < queue.length) {
        const index = queue[next] as number;
        const job = jobs[index] as RenderJob;
        const result = renderJob(job, fileOf(job), templates);
        results.set(index, result);
        keep(result.file);
        renderedHere++;
        if (thread) take(thread.poll());
        else next++;
      }
      if (thread) take(thread.wait(jobs.length - renderedHere));
      return jobs.map((_, index) => results.get(index) as RenderedJob);
    },
  };
}
