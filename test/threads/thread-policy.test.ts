/** src/threads/thread-policy.ts: a second JavaScript thread only when GPFORGE_THREADS=2 asks for one. */
import { describe, expect, it } from 'vitest';
import { secondThreadWanted, THREADS_VARIABLE } from '../../src/threads/thread-policy.js';

describe('secondThreadWanted', () => {
  it.each([
    [undefined, false],
    ['1', false],
    ['2', true],
    ['3', false],
    ['yes', false],
    ['', false],
  ])('%s → %s', (value, wanted) => {
    expect(secondThreadWanted(value === undefined ? {} : { [THREADS_VARIABLE]: value })).toBe(wanted);
  });
});
