/**
 * A worker thread that writes files while the main thread goes on rendering. Writing tens of MB
 * costs this class of machine 0.1–1 s of kernel time; on a second core that time overlaps the
 * rendering instead of following it (issue 11).
 *
 * The main thread never needs an event-loop turn: files go over a MessagePort, and `finish`
 * blocks on a shared flag (Atomics.wait), then reads the thread's answer with
 * receiveMessageOnPort. So the synchronous build keeps its shape, and its errors stay ordinary
 * exceptions.
 */
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';

/** Flag states in the shared Int32Array. */
const RUNNING = 0;
const DONE = 1;

/**
 * The thread's code, plain CommonJS evaluated by Worker (no module of ours to load: the thread
 * starts in a few ms). Each message is a file; `null` asks for the answer: '' or the first
 * failure. Files after a failure are skipped: the caller throws the staging folder away.
 */
const THREAD_SOURCE = `
const { workerData } = require('node:worker_threads');
const { mkdirSync, writeFileSync } = require('node:fs');
const { dirname } = require('node:path');
const { port, flag } = workerData;
const made = new Set();
let failure = '';
function answer() {
  port.postMessage(failure);
  Atomics.store(flag, 0, ${DONE});
  Atomics.notify(flag, 0);
  port.close();
}
process.on('uncaughtException', (error) => {
  failure = failure || String((error && error.message) || error);
  answer();
});
port.on('message', (file) => {
  if (file === null) return answer();
  if (failure) return;
  try {
    const folder = dirname(file.target);
    if (!made.has(folder)) mkdirSync(folder, { recursive: true });
    made.add(folder);
    writeFileSync(file.target, file.bytes);
  } catch (error) {
    failure = String((error && error.message) || error);
  }
});
`;

export class FileWriterThread {
  private readonly port: MessagePort;
  private readonly flag = new Int32Array(new SharedArrayBuffer(4));
  private finished = false;

  constructor() {
    const channel = new MessageChannel();
    this.port = channel.port1;
    const worker = new Worker(THREAD_SOURCE, { eval: true, workerData: { port: channel.port2, flag: this.flag }, transferList: [channel.port2] });
    // Neither keeps the process alive: finish() is what waits for the thread.
    worker.unref();
    this.port.unref();
  }

  /**
   * Queues one file. The bytes are copied into the message, so the caller keeps its own (the
   * manifest hashes them, and one Registry.pol may be several files); a view into a larger
   * buffer is cut out first, or the whole buffer would be copied.
   */
  write(target: string, bytes: Uint8Array): void {
    if (this.finished) throw new Error('FileWriterThread: write after finish');
    const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
    this.port.postMessage({ target, bytes: own });
  }

  /** Waits until every queued file is written; throws the first failure. */
  finish(): void {
    if (this.finished) return;
    this.finished = true;
    this.port.postMessage(null);
    while (Atomics.load(this.flag, 0) === RUNNING) Atomics.wait(this.flag, 0, RUNNING);
    const failure = receiveMessageOnPort(this.port)?.message as unknown;
    this.port.close();
    if (typeof failure !== 'string') throw new Error('the file writer thread ended without an answer');
    if (failure !== '') throw new Error(failure);
  }
}
