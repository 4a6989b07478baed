/**
 * The one second thread of a build (build-worker.ts): it reads sources (compile-sources.ts),
 * then renders outputs (src/emit/render-outputs.ts), each a task in turn.
 */
import type { LoadedSourceMessage, LoadTask } from '../compile-sources.js';
import type { RenderedJob, RenderTask } from '../emit/render-jobs.js';
import { JobThread, siblingEntry, type SharedQueue } from './job-thread.js';

export type BuildTask = LoadTask | RenderTask;
export type BuildResult = LoadedSourceMessage | RenderedJob;

/** One thread, seen by each stage as its own typed queue (a task's results are of its kind). */
export interface BuildThread {
  readonly load: SharedQueue<LoadTask, LoadedSourceMessage>;
  readonly render: SharedQueue<RenderTask, RenderedJob>;
}

export function startBuildThread(): BuildThread {
  const thread = new JobThread<BuildTask, BuildResult>(siblingEntry(import.meta.url, 'build-worker'));
  return {
    load: thread as SharedQueue<BuildTask, BuildResult> as SharedQueue<LoadTask, LoadedSourceMessage>,
    render: thread as SharedQueue<BuildTask, BuildResult> as SharedQueue<RenderTask, RenderedJob>,
  };
}
