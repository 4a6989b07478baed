/** compare-fields.ts: how model values are shown and compared in `gpforge diff`. */
import { describe, expect, it } from 'vitest';
import { show } from '../../src/diff/compare-fields.js';

describe('show', () => {
  it.each([
    [undefined, '(none)'],
    [4, '4'],
    [{ kind: 'decimal', value: 4 }, '4'],
    [{ kind: 'string', value: 'a' }, '"a"'],
    [{ kind: 'delete' }, '"delete"'],
    // A qword's value is a bigint, inside the unwrapped value and inside lists (regression: it threw).
    [{ kind: 'qword', value: 5n }, '"5"'],
    [[{ kind: 'qword', value: 5n }], '["5"]'],
    [5n, '"5"'],
  ])('%o → %s', (value, expected) => {
    expect(show(value)).toBe(expected);
  });
});
