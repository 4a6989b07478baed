/**
 * For the tests of command lines read without yargs (simple-build-command.ts, import-command.ts,
 * diff-command.ts): what yargs reads from the same command line, through the real command
 * definitions (src/cli/commands.ts) with recording runners in place of the commands.
 */
import fc from 'fast-check';
import { afterEach, beforeEach, expect, vi } from 'vitest';
import { main } from '../../src/cli/commands.js';

/** What yargs hands to the runner of `argv`'s command, or its exit code when it runs none. */
export async function yargsReading(argv: string[]): Promise<unknown> {
  let parsed: unknown;
  const record = async (args: unknown) => {
    parsed = args;
    return 0;
  };
  const code = await main(argv, record, record, record);
  return parsed ?? code;
}

/** Call at a describe's top: yargs' usage errors go to stderr, which the test does not need. */
export function quietYargs(): void {
  beforeEach(() => {
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  });
  afterEach(() => vi.restoreAllMocks());
}

/**
 * Whenever `simple` reads one of the generated `lines`, it reads what yargs reads. Fails unless
 * more than 40 of the 400 lines were simple: the property must meet real cases, not only skips.
 */
export async function agreesWithYargs(simple: (argv: readonly string[]) => unknown, lines: fc.Arbitrary<string[]>): Promise<void> {
  let simpleOnes = 0;
  await fc.assert(
    fc.asyncProperty(lines, async (line) => {
      const read = simple(line);
      if (read === undefined) return;
      simpleOnes++;
      expect(read).toEqual(await yargsReading(line));
    }),
    { numRuns: 400 },
  );
  expect(simpleOnes).toBeGreaterThan(40);
}
