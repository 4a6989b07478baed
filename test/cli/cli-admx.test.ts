/** gpforge import and lint from the command line: exit codes, output, no silent overwrites. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gpforge } from '../support/cli.js';
import { CORPUS_DIR, corpusAvailable } from '../support/corpus.js';

const fixtures = 'test/fixtures/admx';

describe('gpforge import', () => {
  it('imports an ADMX into definitions YAML that builds again', () => {
    const out = mkdtempSync(join(tmpdir(), 'gpforge-import-'));
    const admx = readdirSync(join(fixtures, 'contoso')).find((f) => f.endsWith('.admx'));
    const result = gpforge(['import', join(fixtures, 'contoso', admx ?? ''), '--out', out]);
    expect(result.code).toBe(0);
    const [yaml] = readdirSync(out);
    expect(yaml).toMatch(/\.yaml$/);
    const text = readFileSync(join(out, yaml ?? ''), 'utf8');
    expect(text.split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=.*src\/schema\/gpforge\.schema\.json$/);
    expect(text).toContain('kind: definitions');
    expect(gpforge(['validate', '--src', out]).code).toBe(0);
  });

  it('refuses to overwrite an existing file without --force, and writes nothing then', () => {
    const out = mkdtempSync(join(tmpdir(), 'gpforge-import-'));
    const admx = join(fixtures, 'contoso', readdirSync(join(fixtures, 'contoso')).find((f) => f.endsWith('.admx')) ?? '');
    expect(gpforge(['import', admx, '--out', out]).code).toBe(0);
    const [yaml] = readdirSync(out);
    writeFileSync(join(out, yaml ?? ''), 'edited by hand\n');
    const again = gpforge(['import', admx, '--out', out]);
    expect(again.code).toBe(1);
    expect(again.stdout).toMatch(/error GPF1009: .* exists; pass --force/);
    expect(readFileSync(join(out, yaml ?? ''), 'utf8')).toBe('edited by hand\n');
    expect(gpforge(['import', admx, '--out', out, '--force']).code).toBe(0);
    expect(readFileSync(join(out, yaml ?? ''), 'utf8')).toContain('kind: definitions');
  });

  it('exits 1 on a missing path', () => {
    const result = gpforge(['import', 'no/such.admx', '--out', mkdtempSync(join(tmpdir(), 'gpforge-import-'))]);
    expect(result.code).toBe(1);
  });

  it.skipIf(!corpusAvailable())('imports the whole Windows PolicyDefinitions folder', { timeout: 60_000 }, () => {
    const out = mkdtempSync(join(tmpdir(), 'gpforge-import-'));
    const result = gpforge(['import', CORPUS_DIR, '--out', out]);
    expect(result.code).toBe(0);
    expect(readdirSync(out)).toHaveLength(223);
    const built = gpforge(['build', '--src', out, '--out', join(out, '..', `${out.split('/').pop()}-out`)]);
    expect(built.code).toBe(0);
  });
});

describe('gpforge lint', () => {
  it('exits 0 with warnings only on a sound template', () => {
    expect(gpforge(['lint', join(fixtures, 'contoso')]).code).toBe(0);
  });

  it('exits 1 and points at file:line:col on a broken template', () => {
    const broken = readdirSync(join(fixtures, 'invalid')).map((d) => join(fixtures, 'invalid', d));
    const results = broken.map((dir) => gpforge(['lint', dir]));
    expect(results.some((r) => r.code === 1)).toBe(true);
    const failing = results.find((r) => r.code === 1);
    expect(failing?.stdout).toMatch(/\.adm[lx]:\d+:\d+: error GPF12\d\d: /);
  });
});
