/**
 * `gpforge build --only` (DESIGN.md §3): each output kind alone, combinations (comma-separated
 * and repeated), manifest.json and SHA256SUMS covering just what was written, --check with
 * --only, and unknown names as a usage error. Also holds the kinds table to its promise: every
 * file a full build writes belongs to exactly one kind.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { kindsOfPath, OUTPUT_KIND_NAMES, type OutputKind } from '../../src/emit/output-kinds.js';
import { gpforge, tempDir } from '../support/cli.js';

const SOURCES = ['--src', 'policies', '--src', 'test/fixtures/valid/all-elements.yaml', '--src', 'test/fixtures/valid/gpo-all-kinds.yaml'];
const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function build(...args: string[]): { out: string; code: number | null; stderr: string; files: string[] } {
  const dir = tempDir();
  dirs.push(dir);
  const out = join(dir, 'out');
  const run = gpforge(['build', '--quiet', ...SOURCES, '--out', out, ...args]);
  return { out, code: run.code, stderr: run.stderr, files: run.code === 0 ? listFiles(out) : [] };
}

function listFiles(root: string): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.push(relative(root, path));
    }
  };
  walk(root);
  return files.sort();
}

const INTEGRITY = ['SHA256SUMS', 'manifest.json'];
const full = build();
const bundleFiles = full.files.filter((f) => !INTEGRITY.includes(f));
const filesOf = (kinds: readonly OutputKind[]) => bundleFiles.filter((f) => kinds.some((k) => kindsOfPath(f).includes(k)));

describe('gpforge build --only', () => {
  it('the full build has files of every kind, each file of exactly one kind', () => {
    expect(full.code).toBe(0);
    for (const file of bundleFiles) expect(kindsOfPath(file), file).toHaveLength(1);
    for (const kind of OUTPUT_KIND_NAMES) expect(filesOf([kind]).length, kind).toBeGreaterThan(0);
  });

  for (const kind of OUTPUT_KIND_NAMES) {
    it(`--only ${kind} writes just its files, and the manifest lists just them`, () => {
      const only = build('--only', kind);
      expect(only.code, only.stderr).toBe(0);
      expect(only.files).toEqual([...filesOf([kind]), ...INTEGRITY].sort());
      for (const file of filesOf([kind])) {
        expect(readFileSync(join(only.out, file)).equals(readFileSync(join(full.out, file))), file).toBe(true);
      }
      const manifest = JSON.parse(readFileSync(join(only.out, 'manifest.json'), 'utf8')) as { files: { path: string; sha256: string }[] };
      expect(manifest.files.map((f) => f.path).sort()).toEqual(filesOf([kind]));
      const sums = readFileSync(join(only.out, 'SHA256SUMS'), 'utf8').trimEnd().split('\n');
      expect(sums).toEqual(manifest.files.map((f) => `${f.sha256}  ${f.path}`));
      for (const { path, sha256 } of manifest.files) expect(createHash('sha256').update(readFileSync(join(only.out, path))).digest('hex')).toBe(sha256);
    });
  }

  it('combines comma-separated and repeated names, in any order, repeats ignored', () => {
    const combined = build('--only', 'samba,pol', '--only', 'local', '--only', 'pol');
    expect(combined.code, combined.stderr).toBe(0);
    expect(combined.files).toEqual([...filesOf(['pol', 'local', 'samba']), ...INTEGRITY].sort());
  });

  it('--check honours --only: up to date against an --only build, drift in a selected file is found, other kinds are not expected', () => {
    const only = build('--only', 'local,samba');
    expect(gpforge(['build', '--quiet', ...SOURCES, '--out', only.out, '--check', '--only', 'samba,local']).code).toBe(0);
    const full = gpforge(['build', '--quiet', ...SOURCES, '--out', only.out, '--check']);
    expect(full.code).toBe(1);
    expect(full.stdout).toMatch(/GPF1013: .*apply\.reg is missing/);
    const gptIni = filesOf(['local']).find((f) => f.endsWith('gpt.ini'));
    if (!gptIni) throw new Error('no gpt.ini');
    writeFileSync(join(only.out, gptIni), 'edited');
    const drift = gpforge(['build', '--quiet', ...SOURCES, '--out', only.out, '--check', '--only', 'local,samba']);
    expect(drift.code).toBe(1);
    expect(drift.stdout).toContain(`${gptIni}: error GPF1012`);
  });

  it('an unknown name is a usage error (exit 2) listing the valid names, and nothing is written', () => {
    const wrong = build('--only', 'pol,intunes');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('"intunes"');
    expect(wrong.stderr).toContain(`valid outputs: ${OUTPUT_KIND_NAMES.join(', ')}`);
    expect(existsSync(wrong.out)).toBe(false);
    expect(build('--only', '').code).toBe(2);
  });
});
