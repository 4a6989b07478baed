/**
 * Samba's own PReg parser (librpc/idl/preg.idl via python3-samba) for interop tests: dumps a
 * Registry.pol with test/interop/samba_preg_dump.py. Tests skip themselves when sambaAvailable
 * is false (SAMBA_SKIP_NOTE says how to install it).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PYTHON = '/usr/bin/python3';
const DUMP_SCRIPT = fileURLToPath(new URL('../interop/samba_preg_dump.py', import.meta.url));
const PACK_SCRIPT = fileURLToPath(new URL('../interop/samba_preg_pack.py', import.meta.url));
export const SAMBA_SKIP_NOTE = 'Samba interop test needs the Python samba module: apt-get install python3-samba';
export const sambaAvailable = spawnSync(PYTHON, ['-c', 'import samba.ndr, samba.dcerpc.preg']).status === 0;

/** Entry data as samba_preg_dump.py normalises it. */
export type SambaData = { none: true } | { str: string } | { int: string } | { hex: string } | { list: string[] };

export interface SambaEntry {
  keyname: string;
  valuename: string;
  type: number;
  size: number;
  data: SambaData;
}

export interface SambaDump {
  signature: string;
  version: number;
  num_entries: number;
  /** ndr_pack of what Samba parsed gives the input bytes back. */
  repacked_identical: boolean;
  entries: SambaEntry[];
}

/** What Samba's NDR parser reads from `bytes`; throws when the parser fails. */
export function dumpWithSamba(bytes: Uint8Array): SambaDump {
  const dir = mkdtempSync(join(tmpdir(), 'gpforge-preg-'));
  try {
    const file = join(dir, 'registry.pol');
    writeFileSync(file, bytes);
    const run = spawnSync(PYTHON, [DUMP_SCRIPT, file], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`samba_preg_dump.py failed: ${run.stderr}`);
    return JSON.parse(run.stdout) as SambaDump;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** An entry for Samba's packer: `size` is left to it (see samba_preg_pack.py). */
export type SambaPackEntry = Omit<SambaEntry, 'size'>;

/** The Registry.pol Samba's ndr_pack writes for `entries`; throws when the packer fails. */
export function packWithSamba(entries: readonly SambaPackEntry[]): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'gpforge-preg-'));
  try {
    const input = join(dir, 'entries.json');
    const output = join(dir, 'registry.pol');
    writeFileSync(input, JSON.stringify(entries));
    const run = spawnSync(PYTHON, [PACK_SCRIPT, input, output], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`samba_preg_pack.py failed: ${run.stderr}`);
    return new Uint8Array(readFileSync(output));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
