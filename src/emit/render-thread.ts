/**
 * A second thread that renders some of a large bundle's ADMX, ADML and .adm files while this
 * one renders the rest (issue 11: on two cores a 5,000-policy build spends most of its time
 * rendering; render-definitions.ts shares the jobs out). Like the file writer
 * (src/write/file-writer-thread.ts) it keeps the build synchronous: results come over a
 * MessagePort read with receiveMessageOnPort, waiting blocks on a shared counter
 * (Atomics.wait) the thread raises with every message, and both threads take jobs from one
 * queue through another shared counter.
 */
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { RenderedJob } from './render-jobs.js';
import { NEXT, POSTED, type RenderMessage, type RenderTask } from './render-jobs.js';

/**
 * In the bundle the thread loads dist/render-worker.js (an entry point of src/build/bundle.ts);
 * run from the sources (tests, `tsx src/cli.ts`) it loads the TypeScript entry through tsx's
 * loader, registered in the thread first.
 */
const FROM_SOURCES = import.meta.url.endsWith('.ts');
const ENTRY = new URL(FROM_SOURCES ? './render-worker.ts' : './render-worker.js', import.meta.url).href;

/**
 * Plain CommonJS run first in the thread: it imports the entry, and turns a failure to load it
 * into a message, so the waiting thread is never left waiting for a thread that died.
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

export class RenderThread {
  private readonly port: MessagePort;
  private readonly shared = new Int32Array(new SharedArrayBuffer(8));
  private received = 0;

  constructor() {
    const channel = new MessageChannel();
    this.port = channel.port1;
    const worker = new Worker(BOOTSTRAP, {
      eval: true,
      workerData: { entry: ENTRY, tsx: FROM_SOURCES, port: channel.port2, shared: this.shared },
      transferList: [channel.port2],
    });
    // Neither keeps the process alive: wait() is what waits for the thread.
    worker.unref();
    this.port.unref();
  }

  start(task: RenderTask): void {
    this.port.postMessage(task);
  }

  /** The queue's next position, taken by this thread (the other takes them the same way). */
  claim(): number {
    return Atomics.add(this.shared, NEXT, 1);
  }

  /** The jobs rendered so far and not yet taken, by job index; never blocks. */
  poll(): Map<number, RenderedJob> {
    const done = new Map<number, RenderedJob>();
    for (let message = receiveMessageOnPort(this.port); message; message = receiveMessageOnPort(this.port)) {
      this.take(message.message as RenderMessage, done);
    }
    return done;
  }

  /** Blocks until `total` jobs have come (counting those polled before); returns the rest. */
  wait(total: number): Map<number, RenderedJob> {
    const done = new Map<number, RenderedJob>();
    while (this.received < total) {
      const message = receiveMessageOnPort(this.port);
      if (message) this.take(message.message as RenderMessage, done);
      else Atomics.wait(this.shared, POSTED, this.received);
    }
    this.port.close();
    return done;
  }

  private take(message: RenderMessage, into: Map<number, RenderedJob>): void {
    this.received++;
    if (message.error !== undefined || message.path === undefined || message.bytes === undefined) {
      this.port.close();
      throw new Error(`the rendering thread failed: ${message.error ?? 'a message without a file'}`);
    }
    into.set(message.index, { file: { path: message.path, bytes: message.bytes }, unsupported: message.unsupported ?? [] });
  }
}
