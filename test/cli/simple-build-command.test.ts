/**
 * build and validate command lines read without yargs (src/cli/simple-build-command.ts) must
 * give exactly what yargs gives: each command line is parsed by both, yargs through the real
 * command definitions (src/cli/commands.ts) with a recording runner in place of the build.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simpleBuildCommand } from '../../src/cli/simple-build-command.js';
import { agreesWithYargs, quietYargs, yargsReading } from '../support/yargs-reading.js';

describe('simple build/validate command lines', () => {
  quietYargs();

  it.each([
    [['validate']],
    [['build']],
    [['validate', '--src', 'a', '--src', 'b c', '--format', 'json']],
    [['build', '--out', 'dist/x', '--quiet', '--verbose', '--check', '--zip', 'b.zip']],
    [['validate', '--intune', '--src', 'p']],
    [['build', '--intune']],
    [['build', '--src', 'p', '--admx', 'PolicyDefinitions', '--domain', 'corp.example', '--dc', 'dc1', '--templates', 't', '--format', 'github']],
    [['validate', '--src', '1e3', '--domain', '0x10', '--dc', 'true']],
  ])('%j is read as yargs reads it', async (argv) => {
    const simple = simpleBuildCommand(argv);
    expect(simple).toBeDefined();
    expect(simple).toEqual(await yargsReading(argv));
  });

  it.each([
    [['build', '--out=x']],
    [['build', '--no-quiet']],
    [['validate', '--out', 'x']],
    [['build', '--out', 'a', '--out', 'b']],
    [['build', '--src', 'a', 'b']],
    [['build', '--quiet', 'true']],
    [['build', '--format', 'xml']],
    [['build', '--src', '-x']],
    [['build', '--help']],
    [['--quiet', 'build']],
    [['lint', 'x']],
    [['build', '--only', 'pol']],
  ])('%j is left to yargs', (argv) => {
    expect(simpleBuildCommand(argv)).toBeUndefined();
  });

  it('agrees with yargs on generated command lines', async () => {
    const option = fc.constantFrom('--src', '--admx', '--domain', '--dc', '--format', '--quiet', '--verbose', '--out', '--check', '--templates', '--zip', '--intune', '--only', '--no-check', '--s', '--Src', '--src=x');
    const value = fc.oneof(
      fc.constantFrom('policies', 'a b', '1', '0x1f', '1e3', 'true', 'false', 'json', 'text', 'github', 'xml', '', '-', '-x', '--', 'a=b', 'é', '.', 'build'),
      fc.string({ maxLength: 6 }),
    );
    const argv = fc.tuple(fc.constantFrom('build', 'validate'), fc.array(fc.oneof(option, option, value), { maxLength: 7 })).map(([command, rest]) => [command, ...rest]);
    await agreesWithYargs(simpleBuildCommand, argv);
  });
});
