/**
 * The other side of job-thread.ts, for a thread's entry module: for each task that comes, takes
 * jobs from its shared queue until it is empty, posting each result as it is done.
 */
import { workerData, type MessagePort } from 'node:worker_threads';

/** The shared Int32Array slot this side raises with every message it posts. */
export const POSTED = 0;
/** The slot the file writer thread raises after each file it wrote: a sign of life while it works. */
export const WRITTEN = 1;

/** One message per job taken, or one with `error` (after which nothing more comes). */
export interface JobMessage<Result> {
  readonly index: number;
  readonly result?: Result;
  readonly error?: string;
}

/** A task as the thread works through it. */
export interface ThreadQueue<Result> {
  /** Queue position → job index, as the task's sender ordered it (job-thread.ts, largestFirst). */
  readonly queue: readonly number[];
  /** One job: its result, and the buffers in it to hand over rather than copy. */
  run(index: number): { result: Result; transfer?: ArrayBuffer[] };
}

/** Posts, then raises the shared counter, so a thread blocked in Atomics.wait sees a message is there. */
export function postCounted(port: MessagePort, shared: Int32Array, message: unknown, transfer: ArrayBuffer[] = []): void {
  port.postMessage(message, transfer);
  Atomics.add(shared, POSTED, 1);
  Atomics.notify(shared, POSTED);
}

/** Runs in the thread: `open` turns each task that comes into its queue; tasks come one at a time. */
export function serveJobs<Task, Result>(open: (task: Task) => ThreadQueue<Result>): void {
  const { port, shared } = workerData as { port: MessagePort; shared: Int32Array };
  const post = (message: JobMessage<Result>, transfer?: ArrayBuffer[]) => postCounted(port, shared, message, transfer);
  port.on('message', ({ task, next }: { task: Task; next: Int32Array }) => {
    try {
      const queue = open(task);
      for (let position = Atomics.add(next, 0, 1); position < queue.queue.length; position = Atomics.add(next, 0, 1)) {
        const index = queue.queue[position] as number;
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
