/** The second thread's entry for `gpforge import` (import-threads.ts starts it). */
import { importPair, type ImportedPair } from '../import/import-pair.js';
import { serveJobs, wholeBuffer } from '../threads/serve-jobs.js';
import type { ImportTask } from './import-threads.js';

serveJobs<ImportTask, ImportedPair>((task) => ({
  queue: task.queue,
  run(index) {
    const pair = task.pairs[index];
    if (!pair) throw new Error(`import task: pair ${index} was not sent`);
    const result = importPair(pair, task.schemaPath);
    return { result, transfer: result.yaml ? wholeBuffer(result.yaml.file.bytes) : [] };
  },
}));
