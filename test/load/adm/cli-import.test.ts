/**
 * `gpforge import` of .adm files from the command line (needs `npx tsc -p .` first, as the
 * other CLI tests): the built all-elements .adm becomes definitions YAML that validates, in the
 * locale asked for; a folder of .adm files imports each; a broken file points at line:col.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADM_FIXTURES, allElementsFixtures } from './support.js';

const cli = join(process.cwd(), 'dist/cli.js');
const gpforge = (args: string[]) => {
  const result = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
};
const tmp = () => mkdtempSync(join(tmpdir(), 'gpforge-adm-import-'));

/** The compiled all-elements.yaml .adm of `locale`, written to a fresh folder. */
function builtAdm(locale: string): string {
  const fixture = allElementsFixtures.find((f) => f.name === 'all-elements.yaml');
  const bytes = fixture?.adm.get(locale);
  if (!bytes) throw new Error(`no ${locale} .adm`);
  const dir = join(tmp(), locale);
  mkdirSync(dir);
  writeFileSync(join(dir, 'AllElements.adm'), bytes);
  return join(dir, 'AllElements.adm');
}

describe('gpforge import <file>.adm', () => {
  it('imports the built all-elements .adm into YAML that validates', () => {
    const out = tmp();
    const result = gpforge(['import', builtAdm('en-US'), '--out', out]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/warning GPF1317: 1 policy has no SUPPORTED text/);
    expect(readdirSync(out)).toEqual(['AllElements.yaml']);
    const yaml = readFileSync(join(out, 'AllElements.yaml'), 'utf8');
    expect(yaml).toMatch(/^namespace: Gpforge\.Tests\.AllElements$/m);
    expect(yaml).toMatch(/^locales: \[ en-US \]$/m);
    const validated = gpforge(['validate', '--src', out]);
    expect(validated.stderr).toMatch(/1 file valid \(0 errors/);
    expect(validated.code).toBe(0);
  });

  it('reads the texts as the --locale given', () => {
    const out = tmp();
    expect(gpforge(['import', builtAdm('de-DE'), '--out', out, '--locale', 'de-DE']).code).toBe(0);
    const yaml = readFileSync(join(out, 'AllElements.yaml'), 'utf8');
    expect(yaml).toMatch(/^locales: \[ de-DE \]$/m);
    expect(yaml).toContain('Einfacher Schalter');
    expect(gpforge(['validate', '--src', out]).code).toBe(0);
  });

  it('imports every .adm of a folder without .admx files, and the YAML builds', () => {
    const dir = tmp();
    for (const name of ['ansi-1252.adm', 'chrome-style.adm', 'utf16le.adm']) copyFileSync(join(ADM_FIXTURES, name), join(dir, name));
    const out = join(dir, 'out');
    expect(gpforge(['import', dir, '--out', out]).code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['ansi-1252.yaml', 'chrome-style.yaml', 'utf16le.yaml']);
    expect(gpforge(['build', '--src', out, '--out', join(dir, 'built')]).code).toBe(0);
  });

  it('exits 1 and points at file:line:col on a broken .adm, writing nothing', () => {
    const out = tmp();
    const result = gpforge(['import', join(ADM_FIXTURES, 'invalid/missing-end.adm'), '--out', out]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('invalid/missing-end.adm:3:3: error GPF1302: POLICY is not closed: expected END POLICY before');
    expect(readdirSync(out)).toEqual([]);
  });

  it('exits 1 on a missing .adm', () => {
    const result = gpforge(['import', 'no/such.adm', '--out', tmp()]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('error GPF1006');
  });
});
