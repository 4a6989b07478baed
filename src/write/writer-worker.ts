/**
 * The file writer thread's entry (file-writer-thread.ts starts it): writes each file it is sent
 * into the staging folder; `null` asks for the answer, '' or the first failure. Files after a
 * failure are skipped: the caller throws the staging folder away.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { workerData, type MessagePort } from 'node:worker_threads';
import { POSTED } from '../threads/serve-jobs.js';
import type { FileToWrite } from './file-writer-thread.js';
import { writeUnlessSame } from './write-unless-same.js';

const { port, shared } = workerData as { port: MessagePort; shared: Int32Array };
const made = new Set<string>();
let failure = '';

port.on('message', (file: FileToWrite | null) => {
  if (file === null) {
    port.postMessage(failure);
    Atomics.add(shared, POSTED, 1);
    Atomics.notify(shared, POSTED);
    port.close();
    return;
  }
  if (failure !== '') return;
  try {
    const folder = dirname(file.target);
    if (!made.has(folder)) mkdirSync(folder, { recursive: true });
    made.add(folder);
    writeUnlessSame(file.target, file.bytes, file.previous, file.replacing);
  } catch (error) {
    failure = error instanceof Error ? error.message : String(error);
  }
});
