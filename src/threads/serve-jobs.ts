/**
 * The other side of job-thread.ts, for a thread's entry module: waits for its one task, then
 * takes jobs from the shared queue until it is empty, posting each result as it is done.
 */
import { workerData, type MessagePort } from 'node:worker_threads';

/** The shared Int32Array slot this side raises with every message it posts. */
export const POSTED = 0;

/** One message per job taken, or one with `error` (after which nothing more comes). */
export interface JobMessage<Result> {
  readonly index: number;
  readonly result?: Result;
  readonly error?: string;
}

/** A task as the thread works through it. */
export interface ThreadQueue<Result> {
  /** Positions from claim() at or past it mean the queue is empty. */
  readonly length: number;
  /** The job index at a queue position (a queue may list its jobs in any order). */
  jobAt(position: number): number;
  /** One job: its result, and the buffers in it to hand over rather than copy. */
  run(index: number): { result: Result; transfer?: ArrayBuffer[] };
}

/** Runs in the thread: `open` turns each task that comes into its queue; tasks come one at a time. */
export function serveJobs<Task, Result>(open: (task: Task) => ThreadQueue<Result>): void {
  const { port, shared } = workerData as { port: MessagePort; shared: Int32Array };
  const post = (message: JobMessage<Result>, transfer: ArrayBuffer[] = []) => {
    port.postMessage(message, transfer);
    Atomics.add(shared, POSTED, 1);
    Atomics.notify(shared, POSTED);
  };
  port.on('message', ({ task, next }: { task: Task; next: Int32Array }) => {
    try {
      const queue = open(task);
      for (let position = Atomics.add(next, 0, 1); position < queue.length; position = Atomics.add(next, 0, 1)) {
        const index = queue.jobAt(position);
        const done = queue.run(index);
        post({ index, result: done.result }, done.transfer);
      }
    } catch (error) {
      post({ index: -1, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      port.close();
    }
  });
}

/** The buffer behind `bytes`, when `bytes` is all of it (then it can be handed over, not copied). */
export function wholeBuffer(bytes: Uint8Array): ArrayBuffer[] {
  const { buffer } = bytes;
  return buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === buffer.byteLength ? [buffer] : [];
}
