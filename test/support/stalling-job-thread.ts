/**
 * A job-thread entry for test/threads/job-thread.test.ts: a thread that stops answering, as one
 * out of memory does (it ends without a word). Each job's result is its index times ten; on the
 * first job it takes, the thread writes `marker` (so the test knows it took one), then ends
 * (`stall: 'exit'`) or sleeps `sleepMs` before answering -1 (a late answer that must be ignored).
 */
import { writeFileSync } from 'node:fs';
import { serveJobs } from '../../src/threads/serve-jobs.js';

export interface StallingTask {
  readonly queue: readonly number[];
  readonly marker: string;
  readonly stall: 'exit' | 'sleep';
  readonly sleepMs?: number;
}

let stalled = false;

serveJobs<StallingTask, number>((task) => ({
  queue: task.queue,
  run(index) {
    if (stalled) return { result: index * 10 };
    stalled = true;
    writeFileSync(task.marker, String(index));
    if (task.stall === 'exit') process.exit(0);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, task.sleepMs ?? 0);
    return { result: -1 };
  },
}));
