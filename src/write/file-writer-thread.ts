/**
 * A thread that writes files while the main thread goes on rendering. Writing tens of MB costs
 * this class of machine 0.1–1 s of kernel time; on a second core that time overlaps the
 * rendering instead of following it (issue 11). Its entry is writer-worker.ts.
 *
 * The main thread never needs an event-loop turn: files go over a MessagePort, and `finish`
 * blocks on a shared counter (Atomics.wait), then reads the thread's answer with
 * receiveMessageOnPort. So the synchronous build keeps its shape, and its errors stay ordinary
 * exceptions. A thread that stops writing (one out of memory ends without a word) is given up
 * after a silence: `finish` then says so, and the caller writes the files itself.
 */
import { MessageChannel, receiveMessageOnPort, type MessagePort, type Worker } from 'node:worker_threads';
import { SILENCE_MS, siblingEntry, startThread } from '../threads/job-thread.js';
import { POSTED, WRITTEN } from '../threads/serve-jobs.js';
import type { FileToWrite } from './write-unless-same.js';

export class FileWriterThread {
  private readonly port: MessagePort;
  private readonly shared = new Int32Array(new SharedArrayBuffer(8));
  private readonly worker: Worker;
  private finished = false;

  /** `entry` and `silenceMs` are for tests: another thread module, a shorter patience. */
  constructor(entry = siblingEntry(import.meta.url, 'writer-worker'), private readonly silenceMs = SILENCE_MS) {
    const channel = new MessageChannel();
    this.port = channel.port1;
    this.worker = startThread(entry, channel.port2, this.shared);
    this.port.unref();
  }

  /**
   * Queues one file. Bytes in shared memory are shared with the thread; others are copied into
   * the message, so the caller keeps its own (a view into a larger buffer is cut out first, or
   * the whole buffer would be copied).
   */
  write(file: FileToWrite): void {
    if (this.finished) throw new Error('FileWriterThread: write after finish');
    const { bytes } = file;
    const whole = bytes.buffer instanceof SharedArrayBuffer || (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength);
    this.port.postMessage({ ...file, bytes: whole ? bytes : bytes.slice() });
  }

  /**
   * Waits until every queued file is written; throws the first failure. 'silent': the thread
   * wrote nothing for `silenceMs` and was given up, so some files may not be written.
   */
  finish(): 'written' | 'silent' {
    if (this.finished) return 'written';
    this.finished = true;
    this.port.postMessage(null);
    let written = Atomics.load(this.shared, WRITTEN);
    while (Atomics.load(this.shared, POSTED) === 0) {
      if (Atomics.wait(this.shared, POSTED, 0, this.silenceMs) !== 'timed-out') continue;
      const now = Atomics.load(this.shared, WRITTEN);
      if (now === written) return this.giveUp();
      written = now;
    }
    const answer = receiveMessageOnPort(this.port)?.message as unknown;
    this.port.close();
    if (answer === '') return 'written';
    const failure = typeof answer === 'string' ? answer : (answer as { error?: string } | undefined)?.error;
    throw new Error(failure ?? 'the file writer thread ended without an answer');
  }

  private giveUp(): 'silent' {
    this.port.close();
    void this.worker.terminate();
    return 'silent';
  }
}
