/** The bundle zip: same bytes every time and in every TZ, fixed date and mode, exact contents. */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import type { OutputFile } from '../../src/emit/output-file.js';
import { emitZip } from '../../src/emit/zip.js';

const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ZIP_MODULE = new URL('../../src/emit/zip.ts', import.meta.url).href;
const ROOT = 'gpforge-bundle';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** Deterministic incompressible bytes (a 32-bit LCG), so deflate has to store some blocks. */
function noise(length: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = seed >>> 0;
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    bytes[i] = state >>> 24;
  }
  return bytes;
}

/** A bundle given out of order: empty, binary, compressible, nested, a space in a name. */
const FILES: OutputFile[] = [
  { path: 'gpo/workstations/apply.reg', bytes: utf8('Windows Registry Editor Version 5.00\r\n\r\n'.repeat(50)) },
  { path: 'PolicyDefinitions/Contoso.admx', bytes: utf8('<?xml version="1.0" encoding="utf-8"?>\r\n<policyDefinitions/>\r\n') },
  { path: 'gpo/workstations/User/Registry.pol', bytes: Uint8Array.of(0x50, 0x52, 0x65, 0x67, 0x01, 0x00, 0x00, 0x00) },
  { path: 'backups/{0A1B2C3D-0000-4000-8000-000000000001}/bkupInfo.xml', bytes: noise(20_000, 7) },
  { path: 'adm/en-US/Contoso Corp.adm', bytes: new Uint8Array(0) },
  { path: 'manifest.json', bytes: utf8('{}\n') },
];
const sortedPaths = (prefix = ''): string[] => FILES.map((f) => prefix + f.path).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

/** One central-directory entry and its local header, read straight from the archive bytes. */
interface Entry {
  name: string;
  madeByOs: number;
  flags: number;
  method: number;
  dosTime: number;
  dosDate: number;
  externalAttrs: number;
  extraLength: number;
  commentLength: number;
  local: { flags: number; dosTime: number; dosDate: number; extraLength: number };
}

/** Reads the end record (no archive comment, so it is the last 22 bytes) and every entry. */
function readEntries(zip: Uint8Array): { entries: Entry[]; archiveCommentLength: number } {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = zip.byteLength - 22;
  expect(view.getUint32(end, true)).toBe(0x06054b50);
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const entries: Entry[] = [];
  for (let i = 0; i < count; i++) {
    expect(view.getUint32(at, true)).toBe(0x02014b50);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const localAt = view.getUint32(at + 42, true);
    expect(view.getUint32(localAt, true)).toBe(0x04034b50);
    entries.push({
      name: new TextDecoder().decode(zip.subarray(at + 46, at + 46 + nameLength)),
      madeByOs: view.getUint8(at + 5),
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      dosTime: view.getUint16(at + 12, true),
      dosDate: view.getUint16(at + 14, true),
      externalAttrs: view.getUint32(at + 38, true),
      extraLength,
      commentLength,
      local: {
        flags: view.getUint16(localAt + 6, true),
        dosTime: view.getUint16(localAt + 10, true),
        dosDate: view.getUint16(localAt + 12, true),
        extraLength: view.getUint16(localAt + 28, true),
      },
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return { entries, archiveCommentLength: view.getUint16(end + 20, true) };
}

/**
 * Runs emitZip(FILES, { root }) in a fresh Node with TZ set. Returns the sha256 of the zip, and
 * the UTC offset of local 1980-01-01 there (minutes), which shows the TZ really took effect.
 */
function zipInTimeZone(tz: string): { hash: string; offset: number } {
  const code = [
    `import { readFileSync } from 'node:fs';`,
    `import { createHash } from 'node:crypto';`,
    `import { emitZip } from ${JSON.stringify(ZIP_MODULE)};`,
    `const given = JSON.parse(readFileSync(0, 'utf8'));`,
    `const files = given.map((f) => ({ path: f.path, bytes: new Uint8Array(Buffer.from(f.base64, 'base64')) }));`,
    `const zip = emitZip(files, { root: ${JSON.stringify(ROOT)} });`,
    `console.log(createHash('sha256').update(zip).digest('hex'), new Date(1980, 0, 1).getTimezoneOffset());`,
  ].join('\n');
  const input = JSON.stringify(FILES.map((f) => ({ path: f.path, base64: Buffer.from(f.bytes).toString('base64') })));
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, TZ: tz },
    input,
    encoding: 'utf8',
  });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  const [hash = '', offset = ''] = run.stdout.trim().split(' ');
  return { hash, offset: Number(offset) };
}

describe('emitZip: determinism', () => {
  it('gives identical bytes for identical input, whatever the order given', () => {
    const first = emitZip(FILES, { root: ROOT });
    expect(emitZip(FILES, { root: ROOT })).toEqual(first);
    expect(emitZip([...FILES].reverse(), { root: ROOT })).toEqual(first);
  });

  it('gives the same bytes in every time zone (child processes with TZ set)', () => {
    const here = sha256(emitZip(FILES, { root: ROOT }));
    const zones: [string, number][] = [
      ['UTC', 0],
      ['Asia/Kolkata', -330],
      ['America/St_Johns', 210],
      ['Pacific/Kiritimati', 600], // UTC-10 in 1980; UTC+14 today
      ['Pacific/Pago_Pago', 660],
    ];
    for (const [tz, offset] of zones) expect(zipInTimeZone(tz), tz).toEqual({ hash: here, offset });
  });

  it('keeps the recorded bytes for a small archive (a change here changes every published zip)', () => {
    const zip = emitZip([{ path: 'a.txt', bytes: utf8('gpforge\n') }]);
    expect(sha256(zip)).toBe(RECORDED_SMALL_ZIP_SHA256);
  });
});

describe('emitZip: archive fields', () => {
  it('stores 1980-01-01 00:00:00, Unix 0644 regular files, deflate, no extras or comments', () => {
    const { entries, archiveCommentLength } = readEntries(emitZip(FILES, { root: ROOT }));
    expect(archiveCommentLength).toBe(0);
    expect(entries.map((e) => e.name)).toEqual(sortedPaths(`${ROOT}/`));
    for (const entry of entries) {
      expect(entry).toMatchObject({ madeByOs: 3, method: 8, dosTime: 0x0000, dosDate: 0x0021, extraLength: 0, commentLength: 0 });
      expect(entry.externalAttrs).toBe(0o100644 * 0x10000);
      expect(entry.flags & 0x0808).toBe(0); // no data descriptor; ASCII names, so no UTF-8 flag
      expect(entry.local).toEqual({ flags: entry.flags, dosTime: 0x0000, dosDate: 0x0021, extraLength: 0 });
    }
  });

  it('marks a non-ASCII name as UTF-8 and round-trips it', () => {
    const zip = emitZip([{ path: 'gpo/Büro/apply.reg', bytes: utf8('x') }]);
    expect(readEntries(zip).entries[0]?.flags).toBe(0x0800);
    expect(Object.keys(unzipSync(zip))).toEqual(['gpo/Büro/apply.reg']);
  });
});

describe('emitZip: contents', () => {
  it('unzips (fflate) to exactly the input paths and bytes, under the root', () => {
    const unzipped = unzipSync(emitZip(FILES, { root: ROOT }));
    expect(Object.keys(unzipped)).toEqual(sortedPaths(`${ROOT}/`));
    for (const file of FILES) expect(unzipped[`${ROOT}/${file.path}`], file.path).toEqual(file.bytes);
  });

  it('puts the paths at the top level without a root', () => {
    expect(Object.keys(unzipSync(emitZip(FILES)))).toEqual(sortedPaths());
  });

  describe('with the system unzip (Info-ZIP)', () => {
    const hasUnzip = spawnSync('unzip', ['-v']).status === 0;
    const dir = mkdtempSync(join(tmpdir(), 'gpforge-zip-'));
    const zipPath = join(dir, 'bundle.zip');
    writeFileSync(zipPath, emitZip(FILES, { root: ROOT }));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('lists exactly the input paths and tests clean', (ctx) => {
      if (!hasUnzip) ctx.skip('unzip (Info-ZIP) is not on PATH');
      const listed = spawnSync('unzip', ['-Z1', zipPath], { encoding: 'utf8' });
      expect(listed.status).toBe(0);
      expect(listed.stdout.trimEnd().split('\n')).toEqual(sortedPaths(`${ROOT}/`));
      expect(spawnSync('unzip', ['-tq', zipPath], { encoding: 'utf8' }).status).toBe(0);
    });

    it('extracts each file byte for byte', (ctx) => {
      if (!hasUnzip) ctx.skip('unzip (Info-ZIP) is not on PATH');
      for (const file of FILES) {
        const extracted = spawnSync('unzip', ['-p', zipPath, `${ROOT}/${file.path}`]);
        expect(extracted.status, file.path).toBe(0);
        expect(new Uint8Array(extracted.stdout), file.path).toEqual(file.bytes);
      }
    });

    it('shows -rw-r--r--, unx and 1980-01-01 00:00:00 for every entry', (ctx) => {
      if (!hasUnzip) ctx.skip('unzip (Info-ZIP) is not on PATH');
      const info = spawnSync('unzip', ['-Z', '-T', zipPath], { encoding: 'utf8' });
      const lines = info.stdout.split('\n').filter((l) => l.includes(`${ROOT}/`));
      expect(lines).toHaveLength(FILES.length);
      for (const line of lines) expect(line).toMatch(/^-rw-r--r-- +\d+\.\d+ unx .* 19800101\.000000 /);
    });
  });
});

describe('emitZip: refusals', () => {
  it.each([
    ['an empty path', ''],
    ['an absolute path', '/etc/passwd'],
    ['a backslash', 'gpo\\x\\apply.reg'],
    ['a .. segment', 'gpo/../../x'],
    ['a . segment', './x'],
    ['an empty segment', 'gpo//x'],
  ])('refuses %s', (_what, path) => {
    expect(() => emitZip([{ path, bytes: utf8('x') }])).toThrow(/emitZip: path/);
  });

  it('refuses a path given twice', () => {
    expect(() => emitZip([...FILES, { path: 'manifest.json', bytes: utf8('') }])).toThrow(/given twice/);
  });

  it.each([['a/b'], [''], ['..'], ['a\\b']])('refuses the root %j', (root) => {
    expect(() => emitZip(FILES, { root })).toThrow(/root/);
  });

  it('refuses top-level array-index names that would be reordered, and takes them under a root', () => {
    const files = [
      { path: '10', bytes: utf8('ten') },
      { path: '9', bytes: utf8('nine') },
    ];
    expect(() => emitZip(files)).toThrow(/array index/);
    expect(Object.keys(unzipSync(emitZip(files, { root: ROOT })))).toEqual([`${ROOT}/10`, `${ROOT}/9`]);
  });

  it('refuses a top-level "__proto__", which fflate cannot store, and takes it under a root', () => {
    expect(() => emitZip([{ path: '__proto__', bytes: utf8('x') }])).toThrow(/__proto__/);
    expect(Object.keys(unzipSync(emitZip([{ path: '__proto__', bytes: utf8('x') }], { root: ROOT })))).toEqual([`${ROOT}/__proto__`]);
  });
});

/** sha256 of emitZip([{ path: 'a.txt', bytes: 'gpforge\n' }]) with fflate 0.8.3. */
const RECORDED_SMALL_ZIP_SHA256 = 'e5702b0e6fb26f4a93fdcaf6e4a4f2e5d4892fc2f52dafad3fb8f3ba78493362';
