/**
 * A second thread that takes jobs from a queue this thread shares with it: a large build or
 * import spends most of its time in jobs that do not depend on each other. Used only when
 * wanted (thread-policy.ts says when, and why not by default). Both threads take the queue's
 * next position through one atomic counter, so they end at about the same time whatever each
 * job costs. One thread serves a build's tasks in turn
 * (reading the sources, then rendering), so it starts once.
 *
 * The calling thread stays synchronous: results come over a MessagePort read with
 * receiveMessageOnPort, and waiting blocks on a second shared counter (Atomics.wait) that the
 * other thread raises with every message. The other thread's side is serve-jobs.ts.
 *
 * The other thread is a help, never a dependency: one that stops answering (a thread out of
 * memory ends without a word, and no event can reach a thread blocked in Atomics.wait) is given
 * up after a silence, and the jobs it took are done here. Jobs are pure, so the bytes are the same.
 */
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { POSTED, type JobMessage } from './serve-jobs.js';

/**
 * Plain CommonJS run first in the thread: it imports the entry, and turns a failure to load it
 * into a message, so a thread whose code does not load is reported, not waited for (a failing
 * job is reported by serve-jobs.ts). Run from the sources (tests, `tsx src/cli.ts`), the entry
 * is TypeScript: tsx's loader goes first.
 */
const BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
const loader = workerData.tsx ? import('tsx/esm/api').then((api) => api.register()) : Promise.resolve();
loader.then(() => import(workerData.entry)).catch((error) => {
  workerData.port.postMessage({ index: -1, error: String((error && error.stack) || error) });
  Atomics.add(workerData.shared, ${POSTED}, 1);
  Atomics.notify(workerData.shared, ${POSTED});
});
`;

/**
 * Starts `entry` (a `.ts` file from the sources, a `.js` one in the bundle) on a thread that
 * talks over `port` and raises `shared[POSTED]` with every message (as serve-jobs.ts does, and
 * the bootstrap when the entry fails to load). The thread never keeps the process alive: the
 * caller waits for what it needs.
 */
export function startThread(entry: URL, port: MessagePort, shared: Int32Array): Worker {
  const worker = new Worker(BOOTSTRAP, {
    eval: true,
    workerData: { entry: entry.href, tsx: entry.pathname.endsWith('.ts'), port, shared },
    transferList: [port],
  });
  worker.unref();
  return worker;
}

/**
 * How long a thread may go without a word before it is given up (its work is then done on the
 * calling thread). The largest job seen, reading a 5 MB YAML file, takes about 1 s here; a
 * thread that died never answers, so the only cost of a long wait is in that rare case.
 */
export const SILENCE_MS = 10_000;

/** A module next to the caller's: `name`.ts from the sources, `name`.js in the bundle (dist/ is flat). */
export function siblingEntry(callerUrl: string, name: string): URL {
  return new URL(`./${name}${callerUrl.endsWith('.ts') ? '.ts' : '.js'}`, callerUrl);
}

/**
 * Queue positions → job indexes, the largest job first (ties in index order), so the last jobs
 * either thread takes are small ones and the two finish together.
 */
export function largestFirst(sizes: readonly number[]): number[] {
  return sizes.map((_, index) => index).sort((a, b) => (sizes[b] ?? 0) - (sizes[a] ?? 0) || a - b);
}

/** How workThrough() does a job here, and what the other thread's results become here. */
export interface QueueWork<Mine, Theirs> {
  /** The other thread, already started on the same queue; absent: this thread does every job. */
  readonly thread?: Pick<SharedQueue<unknown, Theirs>, 'claim' | 'poll' | 'wait'>;
  here(index: number): Mine;
  fromThread(index: number, result: Theirs): Mine;
  /** Told of each result as soon as it is in, from either thread. */
  done?(index: number, result: Mine): void;
}

/**
 * Works through `queue` (a permutation of the job indexes) on this thread, and on the other one
 * too when given: each takes the next position until none is left. Every result, by job index.
 */
export function workThrough<Mine, Theirs>(queue: readonly number[], work: QueueWork<Mine, Theirs>): Mine[] {
  const results = new Array<Mine>(queue.length);
  const take = (index: number, result: Mine) => {
    results[index] = result;
    work.done?.(index, result);
  };
  const fromThread = (done: Map<number, Theirs>) => {
    for (const [index, result] of done) take(index, work.fromThread(index, result));
  };
  const { thread } = work;
  let doneHere = 0;
  for (let next = thread ? thread.claim() : 0; next < queue.length; next = thread ? thread.claim() : next + 1) {
    const index = queue[next] as number;
    take(index, work.here(index));
    doneHere++;
    if (thread) fromThread(thread.poll());
  }
  if (!thread) return results;
  fromThread(thread.wait(queue.length - doneHere));
  // Fewer than asked for: the thread was given up, so the jobs it took and never answered are done here.
  const missing = queue.filter((index) => !(index in results));
  for (const index of missing) take(index, work.here(index));
  return results;
}

/** What a caller needs of a second thread's queue (JobThread, or a typed view of one). */
export interface SharedQueue<Task, Result> {
  start(task: Task): void;
  claim(): number;
  poll(): Map<number, Result>;
  wait(total: number): Map<number, Result>;
}

export class JobThread<Task, Result> implements SharedQueue<Task, Result> {
  private readonly port: MessagePort;
  private readonly shared = new Int32Array(new SharedArrayBuffer(8));
  /** The current task's queue position, shared with the thread (each task has its own). */
  private next = new Int32Array(new SharedArrayBuffer(4));
  /** Results received in all, and when the current task started. */
  private received = 0;
  private receivedBefore = 0;
  private readonly worker: Worker;
  /** Set when the thread went silent: every job is then done on the calling thread. */
  private lost = false;

  /**
   * `entry`: the thread's module (a `.ts` file from the sources, a `.js` one in the bundle).
   * `silenceMs`: how long it may go without a word before it is given up.
   */
  constructor(entry: URL, private readonly silenceMs = SILENCE_MS) {
    const channel = new MessageChannel();
    this.port = channel.port1;
    this.worker = startThread(entry, channel.port2, this.shared);
    // Nor does this port keep the process alive: wait() is what waits for the thread.
    this.port.unref();
  }

  /**
   * Sends a task: the thread takes jobs from its queue until it is empty. Tasks run one after
   * another; wait() for one before starting the next.
   */
  start(task: Task): void {
    this.next = new Int32Array(new SharedArrayBuffer(4));
    this.receivedBefore = this.received;
    if (!this.lost) this.port.postMessage({ task, next: this.next });
  }

  /** The current queue's next position, taken by this thread. */
  claim(): number {
    return Atomics.add(this.next, 0, 1);
  }

  /** Results come so far and not yet taken, by job index; never blocks. */
  poll(): Map<number, Result> {
    const done = new Map<number, Result>();
    if (this.lost) return done;
    for (let message = receiveMessageOnPort(this.port); message; message = receiveMessageOnPort(this.port)) {
      this.take(message.message as JobMessage<Result>, done);
    }
    return done;
  }

  /**
   * Blocks until the current task has `total` results (counting those polled); returns the rest.
   * Returns fewer when the thread was silent for `silenceMs`: it is then given up for good, and
   * the caller does the jobs it took (workThrough does).
   */
  wait(total: number): Map<number, Result> {
    const done = new Map<number, Result>();
    while (!this.lost && this.received - this.receivedBefore < total) {
      const message = receiveMessageOnPort(this.port);
      if (message) this.take(message.message as JobMessage<Result>, done);
      else if (Atomics.wait(this.shared, POSTED, this.received, this.silenceMs) === 'timed-out') this.giveUp();
    }
    return done;
  }

  /** No more tasks go to the thread, and nothing more is read from it. */
  private giveUp(): void {
    this.lost = true;
    this.port.close();
    void this.worker.terminate();
  }

  private take(message: JobMessage<Result>, into: Map<number, Result>): void {
    this.received++;
    if (message.error !== undefined || message.result === undefined) {
      this.port.close();
      throw new Error(`the second thread failed: ${message.error ?? 'a message without a result'}`);
    }
    into.set(message.index, message.result);
  }
}
