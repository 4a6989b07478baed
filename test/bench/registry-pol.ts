/**
 * Registry.pol and import figures for `npm run bench` (issue 10), printed, never asserted:
 * decode and encode of a 100,000-entry file (mixed types over 200 keys, every 50th entry a
 * `**del.`), beside Samba's ndr_unpack (+ reading every field) and ndr_pack on the same file when
 * python3-samba is there; and resolving 10,000 entries against the whole Windows corpus.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { emitRegistryPol } from '../../src/emit/pol.js';
import { readPolicyDefinitions } from '../../src/load/admx/read-policy-definitions.js';
import { readPolActions } from '../../src/load/gpo/read-pol.js';
import { parsePolFile, polRecordsToActions } from '../../src/load/pol-reader.js';
import { orderActions, planPolicy } from '../../src/model/registry-plan.js';
import type { RegistryAction, RegistryData } from '../../src/model/registry-types.js';
import { indexPolicies, resolveSide } from '../../src/model/resolve-policies.js';

const RUNS = 5;

function best(work: () => unknown, runs = RUNS): number {
  let fastest = Infinity;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    work();
    fastest = Math.min(fastest, performance.now() - started);
  }
  return fastest;
}

/** 100,000 actions over 200 keys; every 50th a delete, the rest cycling through the value types. */
function largeActionList(count = 100_000): RegistryAction[] {
  const data = (i: number): RegistryData => {
    switch (i % 6) {
      case 0: return { type: 'REG_DWORD', value: i };
      case 1: return { type: 'REG_SZ', value: `value number ${i} with some text` };
      case 2: return { type: 'REG_EXPAND_SZ', value: `%SystemRoot%\\System32\\file${i}.dll` };
      case 3: return { type: 'REG_MULTI_SZ', value: [`first ${i}`, 'second', 'third'] };
      case 4: return { type: 'REG_QWORD', value: BigInt(i) * 1_000_003n };
      default: return { type: 'REG_BINARY', value: Uint8Array.from({ length: 16 }, (_, b) => (b * i) & 0xff) };
    }
  };
  return Array.from({ length: count }, (_, i): RegistryAction => {
    const key = `Software\\Policies\\Bench\\Key${i % 200}`;
    return (i + 1) % 50 === 0 ? { kind: 'deleteValue', key, valueName: `Value${i - 1}` } : { kind: 'set', key, valueName: `Value${i}`, data: data(i) };
  });
}

function line(label: string, ms: number, extra = ''): void {
  console.log(`${label.padEnd(44)} best ${ms.toFixed(0).padStart(6)} ms${extra}`);
}

const actions = largeActionList();
const bytes = emitRegistryPol(actions);
const encode = best(() => emitRegistryPol(actions));
const decode = best(() => polRecordsToActions(parsePolFile(bytes, 'bench.pol').records));
const exact = best(() => readPolActions(bytes, 'bench.pol'));
const samba = sambaTimes(bytes);
const ratio = (ours: number, theirs: number | undefined) => (theirs === undefined ? '' : `  (Samba ${theirs.toFixed(0)} ms: ${(theirs / ours).toFixed(1)}× faster)`);
console.log(`Registry.pol with ${actions.length} entries, ${(bytes.length / 2 ** 20).toFixed(1)} MiB`);
line('  decode + materialise (parse, to actions)', decode, ratio(decode, samba?.unpack_ms));
line('  decode for import (exact actions)', exact, ratio(exact, samba?.unpack_ms));
line('  encode (emitRegistryPol)', encode, ratio(encode, samba?.pack_ms));
if (!samba) console.log('  Samba comparison skipped: python3-samba not installed');

/** Samba's ndr_unpack (+ field reads) and ndr_pack on the same file, via python3-samba. */
function sambaTimes(file: Uint8Array): { unpack_ms: number; pack_ms: number } | undefined {
  const script = fileURLToPath(new URL('./samba_preg_bench.py', import.meta.url));
  if (spawnSync('/usr/bin/python3', ['-c', 'import samba.ndr, samba.dcerpc.preg']).status !== 0) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'gpforge-bench-'));
  try {
    writeFileSync(join(dir, 'registry.pol'), file);
    const run = spawnSync('/usr/bin/python3', [script, join(dir, 'registry.pol'), String(RUNS)], { encoding: 'utf8' });
    return run.status === 0 ? (JSON.parse(run.stdout) as { unpack_ms: number; pack_ms: number }) : undefined;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const corpus = resolve('../shared/corpus/windows/PolicyDefinitions');
if (existsSync(corpus)) {
  const definitions = readPolicyDefinitions(corpus).definitions;
  const sources = definitions.map((file) => ({ file, ours: false }));
  const indexMs = best(() => indexPolicies(sources), 3);
  const index = indexPolicies(sources);
  // Every machine policy disabled, then raw values under the same keys (names no policy knows) up to 10,000.
  const machine = definitions.flatMap((d) => d.policies).filter((p) => p.class !== 'user');
  const planned = machine.flatMap((policy) => planPolicy({ policy, state: 'disabled', values: new Map() }));
  const fromPolicies = orderActions(planned).length;
  for (let i = 0; orderActions(planned).length < 10_000; i++) {
    const keys = machine.slice(0, 2000).map((p) => p.key);
    for (const [n, key] of keys.entries()) planned.push({ kind: 'set', key, valueName: `Unknown${i}_${n}`, data: { type: 'REG_DWORD', value: n } });
  }
  const entries = orderActions(planned).slice(0, 10_000);
  let resolved = 0;
  const resolveMs = best(() => (resolved = resolveSide(entries, 'HKLM', index).policies.length), 3);
  line(`resolve ${entries.length} entries against the Windows corpus`, resolveMs, `  (${fromPolicies} from ${machine.length} policies, the rest raw; ${resolved} policies found; index of ${definitions.length} files: ${indexMs.toFixed(0)} ms)`);
} else {
  console.log(`resolution benchmark skipped: ${corpus} not found`);
}
