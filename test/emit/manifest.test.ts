/** manifest.json and SHA256SUMS: right hashes, sorted, and accepted by GNU `sha256sum -c`. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { emitManifest } from '../../src/emit/manifest.js';
import type { OutputFile } from '../../src/emit/output-file.js';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const decode = (bytes: Uint8Array): string => new TextDecoder('utf-8', { fatal: true }).decode(bytes);

/** Published SHA-256 test vectors (FIPS 180-2 "abc", and the empty message). */
const SHA256_ABC = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
const SHA256_EMPTY = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
/** `printf 'gpo: {}\n' | sha256sum` */
const SHA256_GPO_YAML = 'c40dec94222e7f94a8077c6c659d236096c1f03d40d83eac752272e8985a0ec5';

/** A bundle given out of order, with upper/lower case first letters, a space and binary data. */
const FILES: OutputFile[] = [
  { path: 'gpo/my gpo/apply.reg', bytes: utf8('abc') },
  { path: 'PolicyDefinitions/en-US/Contoso.adml', bytes: utf8('<policyDefinitionResources/>\r\n') },
  { path: 'adm/en-US/Contoso.adm', bytes: Uint8Array.of(0xff, 0xfe, 0x43, 0x00, 0x0d, 0x00, 0x0a, 0x00) },
  { path: 'gpo/my gpo/Machine/Registry.pol', bytes: new Uint8Array(0) },
  { path: 'PolicyDefinitions/Contoso.admx', bytes: utf8('<policyDefinitions/>\r\n') },
];
const INPUTS = [
  { path: 'policies/gpos/workstations.yaml', bytes: utf8('gpo: {}\n') },
  { path: 'policies/definitions/contoso.yaml', bytes: utf8('abc') },
];
const TOOL = { name: 'gpforge', version: '0.1.0' };

interface Listed {
  path: string;
  size: number;
  sha256: string;
}
interface ManifestJson {
  tool: { name: string; version: string };
  files: Listed[];
  inputs: Listed[];
}

function emit(files = FILES, inputs = INPUTS): { manifest: OutputFile; sums: OutputFile } {
  const out = emitManifest(files, inputs, TOOL);
  expect(out.map((f) => f.path)).toEqual(['manifest.json', 'SHA256SUMS']);
  const [manifest, sums] = out as [OutputFile, OutputFile];
  return { manifest, sums };
}

const parseManifest = (file: OutputFile): ManifestJson => JSON.parse(decode(file.bytes)) as ManifestJson;
const codeUnitSort = (paths: string[]): string[] => [...paths].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

describe('emitManifest: manifest.json', () => {
  it('lists every bundle file exactly once, sorted by code unit, with size and SHA-256', () => {
    const { files } = parseManifest(emit().manifest);
    const paths = files.map((f) => f.path);
    expect(paths).toEqual(codeUnitSort(FILES.map((f) => f.path)));
    expect(paths[0]).toBe('PolicyDefinitions/Contoso.admx'); // 'P' < 'a': not locale order
    expect(new Set(paths).size).toBe(FILES.length);
    for (const listed of files) {
      const source = FILES.find((f) => f.path === listed.path);
      expect(listed.size).toBe(source?.bytes.byteLength);
      expect(listed.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(files.find((f) => f.path === 'gpo/my gpo/apply.reg')?.sha256).toBe(SHA256_ABC);
    expect(files.find((f) => f.path === 'gpo/my gpo/Machine/Registry.pol')).toEqual({ path: 'gpo/my gpo/Machine/Registry.pol', size: 0, sha256: SHA256_EMPTY });
  });

  it('records the tool and the inputs, sorted, and neither integrity file', () => {
    const manifest = parseManifest(emit().manifest);
    expect(manifest.tool).toEqual(TOOL);
    expect(manifest.inputs).toEqual([
      { path: 'policies/definitions/contoso.yaml', size: 3, sha256: SHA256_ABC },
      { path: 'policies/gpos/workstations.yaml', size: 8, sha256: SHA256_GPO_YAML },
    ]);
    expect(Object.keys(manifest)).toEqual(['tool', 'files', 'inputs']);
    const all = [...manifest.files, ...manifest.inputs].map((f) => f.path);
    expect(all).not.toContain('manifest.json');
    expect(all).not.toContain('SHA256SUMS');
  });

  it('is 2-space JSON with LF line ends, a final newline and no timestamp', () => {
    const text = decode(emit().manifest.bytes);
    expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
    expect(text).not.toContain('\r');
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T|"(time|date|created|generated)/i);
  });
});

describe('emitManifest: SHA256SUMS', () => {
  it('has one "<hash>  <path>" line per bundle file, sorted, LF, final newline', () => {
    const text = decode(emit().sums.bytes);
    const lines = text.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(FILES.length);
    expect(lines.map((l) => l.slice(66))).toEqual(codeUnitSort(FILES.map((f) => f.path)));
    for (const line of lines) expect(line).toMatch(/^[0-9a-f]{64}  [^\r\n\\]+$/);
    expect(lines).toContain(`${SHA256_ABC}  gpo/my gpo/apply.reg`);
    expect(lines).toContain(`${SHA256_EMPTY}  gpo/my gpo/Machine/Registry.pol`);
  });

  it('agrees with manifest.json', () => {
    const { manifest, sums } = emit();
    const fromJson = parseManifest(manifest).files.map((f) => `${f.sha256}  ${f.path}\n`).join('');
    expect(decode(sums.bytes)).toBe(fromJson);
  });
});

describe('emitManifest: sha256sum -c (GNU coreutils)', () => {
  const hasSha256sum = spawnSync('sha256sum', ['--version']).status === 0;
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  /** Writes the bundle and its integrity files to a fresh temp dir, as out/ would hold them. */
  function writeOut(files: readonly OutputFile[]): string {
    const dir = mkdtempSync(join(tmpdir(), 'gpforge-manifest-'));
    dirs.push(dir);
    for (const file of [...files, ...emitManifest(files, INPUTS, TOOL)]) {
      mkdirSync(dirname(join(dir, file.path)), { recursive: true });
      writeFileSync(join(dir, file.path), file.bytes);
    }
    return dir;
  }

  const check = (cwd: string) => spawnSync('sha256sum', ['--check', '--strict', 'SHA256SUMS'], { cwd, encoding: 'utf8' });

  it('passes inside out/', (ctx) => {
    if (!hasSha256sum) ctx.skip('sha256sum (GNU coreutils) is not on PATH');
    const result = check(writeOut(FILES));
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout.trim().split('\n')).toHaveLength(FILES.length);
  });

  it('fails after one byte of one file changes', (ctx) => {
    if (!hasSha256sum) ctx.skip('sha256sum (GNU coreutils) is not on PATH');
    const dir = writeOut(FILES);
    const changed = Uint8Array.from(FILES[1]?.bytes ?? []);
    changed[0] = (changed[0] ?? 0) ^ 0x01;
    writeFileSync(join(dir, FILES[1]?.path ?? ''), changed);
    const result = check(dir);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(`${FILES[1]?.path}: FAILED`);
    expect(result.stdout.match(/: OK$/gm)).toHaveLength(FILES.length - 1);
  });
});

describe('emitManifest: determinism and refusals', () => {
  it('gives identical bytes twice, whatever the order of the files given', () => {
    const first = emitManifest(FILES, INPUTS, TOOL);
    const again = emitManifest([...FILES].reverse(), [...INPUTS].reverse(), TOOL);
    expect(again).toEqual(first);
  });

  it.each([
    ['a backslash', 'gpo\\x\\apply.reg'],
    ['a newline', 'gpo/x\ny.reg'],
    ['a carriage return', 'gpo/x\ry.reg'],
    ['nothing', ''],
  ])('refuses a bundle path with %s, which SHA256SUMS cannot hold plainly', (_what, path) => {
    expect(() => emitManifest([{ path, bytes: utf8('x') }], [], TOOL)).toThrow(/SHA256SUMS/);
  });

  it('refuses a bundle that already holds manifest.json or SHA256SUMS', () => {
    expect(() => emitManifest([...FILES, { path: 'manifest.json', bytes: utf8('{}') }], [], TOOL)).toThrow(/already contains "manifest.json"/);
    expect(() => emitManifest([{ path: 'SHA256SUMS', bytes: utf8('') }], [], TOOL)).toThrow(/already contains "SHA256SUMS"/);
  });

  it('refuses a path given twice', () => {
    expect(() => emitManifest([...FILES, { path: 'adm/en-US/Contoso.adm', bytes: utf8('') }], [], TOOL)).toThrow(/listed twice/);
    expect(() => emitManifest(FILES, [...INPUTS, ...INPUTS], TOOL)).toThrow(/input .* listed twice/);
  });
});
