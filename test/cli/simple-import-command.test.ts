/**
 * Import command lines read without yargs (src/cli/import-command.ts) must give exactly what
 * yargs gives: each command line is parsed by both, yargs through the real command definitions
 * (src/cli/commands.ts) with a recording runner in place of the import.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simpleImportCommand } from '../../src/cli/import-command.js';
import { agreesWithYargs, quietYargs, yargsReading } from '../support/yargs-reading.js';

describe('simple import command lines', () => {
  quietYargs();

  it.each([
    [['import', 'PolicyDefinitions']],
    [['import', 'x.admx', '--out', 'policies/x', '--force']],
    [['import', 'p', '--locale', 'de-DE', '--locale', 'en-US', '--format', 'json', '--quiet', '--verbose']],
    [['import', 'Registry.pol', '--out', 'o']],
    [['import', '1e3', '--out', '0x10']],
    [['import', 'true', '--out', 'false']],
  ])('%j is read as yargs reads it', async (argv) => {
    const simple = simpleImportCommand(argv);
    expect(simple).toBeDefined();
    expect(simple).toEqual(await yargsReading(argv));
  });

  it.each([
    [['import']],
    [['import', '--force', 'p']],
    [['import', 'p', '--out=x']],
    [['import', 'p', '--no-force']],
    [['import', 'p', '--out', 'a', '--out', 'b']],
    [['import', 'p', '--locale', 'a', 'b']],
    [['import', 'p', 'q']],
    [['import', 'p', '--class', 'machine']],
    [['import', 'p', '--src', 's']],
    [['import', 'p', '--reorder']],
    [['import', 'p', '--format', 'xml']],
    [['import', 'p', '--help']],
    [['import', '-p']],
  ])('%j is left to yargs', (argv) => {
    expect(simpleImportCommand(argv)).toBeUndefined();
  });

  it('agrees with yargs on generated command lines', async () => {
    const option = fc.constantFrom('--out', '--locale', '--force', '--format', '--quiet', '--verbose', '--class', '--src', '--admx', '--reorder', '--no-force', '--o', '--Out', '--out=x', '--help');
    const value = fc.oneof(
      fc.constantFrom('policies', 'a b', '1', '0x1f', '1e3', 'true', 'false', 'json', 'text', 'github', 'xml', 'en-US', '', '-', '-x', '--', 'a=b', 'é', '.', 'import', 'x.pol'),
      fc.string({ maxLength: 6 }),
    );
    const argv = fc.tuple(value, fc.array(fc.oneof(option, option, value), { maxLength: 7 })).map(([path, rest]) => ['import', path, ...rest]);
    await agreesWithYargs(simpleImportCommand, argv);
  }, 30_000); // yargs parses each of 400 lines: seconds on a busy machine
});
