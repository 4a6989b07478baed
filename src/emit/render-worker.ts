/**
 * The second rendering thread's entry (src/emit/render-thread.ts starts it): waits for its one
 * task, then takes jobs from the shared queue until it is empty, posting each file as it is done.
 */
import { workerData, type MessagePort } from 'node:worker_threads';
import { builtInTemplates } from '../cli/built-in-templates.js';
import type { DefinitionsFile } from '../model/types.js';
import { NEXT, POSTED, renderJob, type RenderJob, type RenderMessage, type RenderTask } from './render-jobs.js';

const { port, shared } = workerData as { port: MessagePort; shared: Int32Array };

/** Posts, then counts the post, so the waiting thread knows a message is there. */
function post(message: RenderMessage, transfer: ArrayBuffer[] = []): void {
  port.postMessage(message, transfer);
  Atomics.add(shared, POSTED, 1);
  Atomics.notify(shared, POSTED);
}

port.once('message', (task: RenderTask) => {
  try {
    const templates = builtInTemplates();
    for (let next = Atomics.add(shared, NEXT, 1); next < task.queue.length; next = Atomics.add(shared, NEXT, 1)) {
      const index = task.queue[next] as number;
      const job = task.jobs[index] as RenderJob;
      const rendered = renderJob(job, task.definitions[job.definitions] as DefinitionsFile, templates);
      const { bytes } = rendered.file;
      // Hands the buffer over instead of copying it when the bytes are all of it.
      const whole = bytes.byteOffset === 0 && bytes.buffer instanceof ArrayBuffer && bytes.byteLength === bytes.buffer.byteLength;
      post({ index, path: rendered.file.path, bytes, unsupported: rendered.unsupported }, whole ? [bytes.buffer as ArrayBuffer] : []);
    }
  } catch (error) {
    post({ index: -1, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
  port.close();
});
