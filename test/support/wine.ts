/**
 * Wine for interop tests: finds wine/wineserver, runs commands in a private, throw-away
 * WINEPREFIX, and knows the two importers (`reg import`, `regedit /s`) with their exporters.
 * Tests skip themselves when WINE is undefined (WINE_SKIP_NOTE says how to install it).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import type { Hive } from '../../src/model/registry-types.js';

export const HIVE_NAMES: Readonly<Record<Hive, string>> = { HKLM: 'HKEY_LOCAL_MACHINE', HKCU: 'HKEY_CURRENT_USER' };

/** The first of `names` on PATH, else in /usr/lib/wine (Debian's wine64 package alone installs only there). */
export function findTool(names: readonly string[]): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(delimiter).filter(Boolean), '/usr/lib/wine'];
  for (const dir of dirs) {
    for (const name of names) if (existsSync(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

export const WINE = findTool(['wine', 'wine64']);
export const WINESERVER = findTool(['wineserver']);
export const WINE_SKIP_NOTE = 'Wine interop: Wine not found; apt-get install wine64 (wine or wine64 on PATH, or /usr/lib/wine/wine64)';

export interface WinePrefix {
  /** The prefix directory, also the working directory of every command (relative file names land here). */
  readonly dir: string;
  /** Runs `wine ...args`; rejects on a non-zero exit with the command's stderr. */
  wine(...args: string[]): Promise<void>;
  /** Stops this prefix's wineserver (only this one: WINEPREFIX is set) and deletes the prefix. */
  dispose(): Promise<void>;
}

/** A new private WINEPREFIX under the temp directory; call only when WINE is defined. */
export function createWinePrefix(label = 'gpforge-wine-'): WinePrefix {
  if (!WINE) throw new Error(WINE_SKIP_NOTE);
  const dir = mkdtempSync(join(tmpdir(), label));
  const env: NodeJS.ProcessEnv = { ...process.env, WINEPREFIX: dir, WINEDEBUG: '-all', WINEDLLOVERRIDES: 'mscoree,mshtml=' };
  delete env.DISPLAY;
  delete env.WAYLAND_DISPLAY;
  const run = (program: string, args: readonly string[]) => runIn(program, args, env, dir);
  // One persistent wineserver for the prefix's life: with the default 3 s linger, a server that
  // is saving the registry as it exits can race the next command's new server, which then reads
  // the registry from before the last import (seen in CI as `regedit /e` failing to open the key).
  const server = WINESERVER ? run(WINESERVER, ['-p']) : Promise.resolve();
  return {
    dir,
    wine: async (...args) => {
      await server;
      return run(WINE, args);
    },
    dispose: async () => {
      if (WINESERVER) await run(WINESERVER, ['-k']).catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Runs a Wine command, resolving when the process exits: the wineserver it starts inherits the
 * pipes and keeps them open for seconds, so waiting for them to close would slow every call.
 */
function runIn(program: string, args: readonly string[], env: NodeJS.ProcessEnv, cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { env, cwd, stdio: ['ignore', 'ignore', 'pipe'], timeout: 180_000 });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      child.stderr.destroy();
      if (code === 0) resolve();
      else reject(new Error(`${program} ${args.join(' ')}: exit ${code ?? signal}: ${stderr}`));
    });
  });
}

/** How each Wine tool imports a .reg file and exports a key (with its subkeys) to one. */
export interface Importer {
  readonly name: string;
  importArgs(file: string): string[];
  exportArgs(key: string, file: string): string[];
}

export const IMPORTERS: readonly Importer[] = [
  { name: 'reg import', importArgs: (f) => ['reg', 'import', f], exportArgs: (k, f) => ['reg', 'export', k, f, '/y'] },
  { name: 'regedit /s', importArgs: (f) => ['regedit', '/s', f], exportArgs: (k, f) => ['regedit', '/e', f, k] },
];

export const REG_IMPORT = IMPORTERS[0]!;
export const REGEDIT = IMPORTERS[1]!;
