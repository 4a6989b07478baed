/**
 * Import command lines read without yargs (src/cli/import-command.ts) must give exactly what
 * yargs gives: each command line is parsed by both, yargs through the real command definitions
 * (src/cli/commands.ts) with a recording runner in place of the import.
 */
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/commands.js';
import { simpleImportCommand, type ImportCommandLine } from '../../src/cli/import-command.js';

/** What yargs hands to the import runner for `argv`, or its exit code when it runs none. */
async function yargsReading(argv: string[]): Promise<ImportCommandLine | number> {
  let parsed: ImportCommandLine | undefined;
  const code = await main(
    argv,
    async () => 0,
    async (args) => {
      parsed = args;
      return 0;
    },
  );
  return parsed ?? code;
}

describe('simple import command lines', () => {
  beforeEach(() => {
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true); // yargs' usage errors
  });
  afterEach(() => vi.restoreAllMocks());

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
    let simpleOnes = 0;
    await fc.assert(
      fc.asyncProperty(argv, async (line) => {
        const simple = simpleImportCommand(line);
        if (simple === undefined) return;
        simpleOnes++;
        expect(simple).toEqual(await yargsReading(line));
      }),
      { numRuns: 400 },
    );
    expect(simpleOnes).toBeGreaterThan(40); // the property was tested on real cases, not only skipped ones
  }, 30_000); // yargs parses each of 400 lines: seconds on a busy machine
});
