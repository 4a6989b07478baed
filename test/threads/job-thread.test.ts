/**
 * src/threads/job-thread.ts: the second thread is a help, never a dependency. A thread that stops
 * answering (one out of memory ends without a word, and nothing else can wake a thread blocked
 * in Atomics.wait) is given up after its silence, and the jobs it took are done on this thread.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JobThread, workThrough } from '../../src/threads/job-thread.js';
import type { StallingTask } from '../support/stalling-job-thread.js';
import { tempDirs } from '../support/temp-dirs.js';

const ENTRY = new URL('../support/stalling-job-thread.ts', import.meta.url);
const temp = tempDirs('gpforge-thread-');
const marker = () => join(temp(), 'took');

/** Blocks this thread for `ms` (gives the other one time to start and take a job). */
const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Ten jobs shared with a thread that stalls on its first; this thread's first job waits for it to take one. */
function shareTen(stall: StallingTask['stall'], sleepMs?: number) {
  const took = marker();
  const thread = new JobThread<StallingTask, number>(ENTRY, 300);
  const queue = Array.from({ length: 10 }, (_, index) => index);
  thread.start({ queue, marker: took, stall, ...(sleepMs !== undefined && { sleepMs }) });
  const doneHere: number[] = [];
  const results = workThrough<number, number>(queue, {
    thread,
    here: (index) => {
      for (let waited = 0; doneHere.length === 0 && !existsSync(took) && waited < 10_000; waited += 20) sleep(20);
      doneHere.push(index);
      return index * 10;
    },
    fromThread: (_, result) => result,
  });
  return { results, doneHere, thread, took };
}

describe('a second thread that stops answering', () => {
  it('is given up when it ends without a word, and the job it took is done here', () => {
    const { results, doneHere, took } = shareTen('exit');
    expect(results).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90]);
    const taken = Number(readFileSync(took, 'utf8'));
    // Every job was done here, the one the thread took last, after its silence.
    expect([...doneHere].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(doneHere.at(-1)).toBe(taken);
  });

  it('is given up when it answers too late, and its late answer is never used', () => {
    const { results, doneHere, thread, took } = shareTen('sleep', 1500);
    expect(results).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90]);
    expect(doneHere.at(-1)).toBe(Number(readFileSync(took, 'utf8')));
    // Given up for good: the next task is done wholly here, and waiting returns at once.
    sleep(1600);
    thread.start({ queue: [0, 1], marker: marker(), stall: 'exit' });
    expect(thread.poll().size).toBe(0);
    expect(workThrough<number, number>([0, 1], { thread, here: (i) => i + 100, fromThread: (_, r) => r })).toEqual([100, 101]);
  });
});
