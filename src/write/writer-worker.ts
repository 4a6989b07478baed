/**
 * The file writer thread's entry (file-writer-thread.ts starts it): writes each file it is sent
 * into the staging folder; `null` asks for the answer, '' or the first failure. Files after a
 * failure are skipped: the caller throws the staging folder away.
 */
import { workerData, type MessagePort } from 'node:worker_threads';
import { postCounted, WRITTEN } from '../threads/serve-jobs.js';
import { writeStaged, type FileToWrite } from './write-unless-same.js';

const { port, shared } = workerData as { port: MessagePort; shared: Int32Array };
const made = new Set<string>();
let failure = '';

port.on('message', (file: FileToWrite | null) => {
  if (file === null) {
    postCounted(port, shared, failure);
    port.close();
    return;
  }
  if (failure !== '') return;
  try {
    writeStaged(file, made);
    Atomics.add(shared, WRITTEN, 1);
  } catch (error) {
    failure = error instanceof Error ? error.message : String(error);
  }
});
