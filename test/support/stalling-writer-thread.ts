/**
 * A writer-thread entry for test/write/write-bundle.test.ts: writes the first file it is sent
 * (into out/'s staging folder, as writer-worker.ts does), then never answers again, as a thread
 * out of memory does not.
 */
import { workerData, type MessagePort } from 'node:worker_threads';
import { WRITTEN } from '../../src/threads/serve-jobs.js';
import { writeStaged, type FileToWrite } from '../../src/write/write-unless-same.js';

const { port, shared } = workerData as { port: MessagePort; shared: Int32Array };
let wrote = false;

port.on('message', (file: FileToWrite | null) => {
  if (file === null || wrote) return;
  wrote = true;
  writeStaged(file, new Set());
  Atomics.add(shared, WRITTEN, 1);
});
