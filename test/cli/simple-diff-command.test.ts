/**
 * Diff command lines read without yargs (src/cli/diff-command.ts) must give exactly what yargs
 * gives: each command line is parsed by both, yargs through the real command definitions
 * (src/cli/commands.ts) with a recording runner in place of the diff.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simpleDiffCommand } from '../../src/cli/diff-command.js';
import { agreesWithYargs, quietYargs, yargsReading } from '../support/yargs-reading.js';

describe('simple diff command lines', () => {
  quietYargs();

  it.each([
    [['diff', 'HEAD~1']],
    [['diff', 'origin/main', 'HEAD', '--format', 'markdown', '--fail-on', 'breaking']],
    [['diff', 'before', 'after', '--src', 'a', '--src', 'b', '--admx', 'PolicyDefinitions']],
    [['diff', 'HEAD~1', '--format', 'github']],
    [['diff', '1e3', '0x10']],
    [['diff', 'true', 'false', '--fail-on', 'none']],
  ])('%j is read as yargs reads it', async (argv) => {
    const simple = simpleDiffCommand(argv);
    expect(simple).toBeDefined();
    expect(simple).toEqual(await yargsReading(argv));
  });

  it.each([
    [['diff']],
    [['diff', '--format', 'json', 'HEAD']],
    [['diff', 'a', 'b', 'c']],
    [['diff', 'a', '--format=json']],
    [['diff', 'a', '--format', 'xml']],
    [['diff', 'a', '--fail-on', 'always']],
    [['diff', 'a', '--format', 'json', '--format', 'text']],
    [['diff', 'a', '--failOn', 'breaking']],
    [['diff', 'a', '--src', 'p', 'b']],
    [['diff', 'a', '--help']],
    [['diff', '-a']],
  ])('%j is left to yargs', (argv) => {
    expect(simpleDiffCommand(argv)).toBeUndefined();
  });

  it('agrees with yargs on generated command lines', async () => {
    const option = fc.constantFrom('--format', '--fail-on', '--src', '--admx', '--failOn', '--fail', '--Format', '--format=json', '--no-src', '--help', '--out');
    const value = fc.oneof(
      fc.constantFrom('HEAD', 'HEAD~1', 'a b', '1', '0x1f', '1e3', 'true', 'json', 'text', 'markdown', 'github', 'breaking', 'none', 'xml', '', '-', '-x', '--', 'a=b', 'é', '.', 'diff'),
      fc.string({ maxLength: 6 }),
    );
    const argv = fc.tuple(value, fc.array(fc.oneof(option, option, value), { maxLength: 7 })).map(([base, rest]) => ['diff', base, ...rest]);
    await agreesWithYargs(simpleDiffCommand, argv);
  }, 30_000); // yargs parses each of 400 lines: seconds on a busy machine
});
