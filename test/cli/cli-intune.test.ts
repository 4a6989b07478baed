/**
 * The Intune options of the shipped binary: `lint --intune`, `validate --intune` (warnings at
 * file:line:col, exit 0), and `build`, which writes out/intune for every GPO with or without them.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gpforge, tempDir } from '../support/cli.js';

describe('gpforge and Intune', () => {
  it('lint --intune prints the Intune rules as warnings and exits 0; plain lint does not', () => {
    const withIntune = gpforge(['lint', 'test/fixtures/admx/intune', '--intune']);
    expect(withIntune.code).toBe(0);
    expect(withIntune.stdout).toContain('test/fixtures/admx/intune/contoso-intune.admx:20:129: warning GPF1270: Intune: ADMX ingestion refuses');
    const plain = gpforge(['lint', 'test/fixtures/admx/intune']);
    expect(plain.code).toBe(0);
    expect(plain.stdout).not.toContain('GPF127');
  });

  it('validate --intune warns about the shipped example\'s restricted keys; validate alone does not', () => {
    const withIntune = gpforge(['validate', '--intune', '--format', 'json']);
    expect(withIntune.code).toBe(0);
    const codes = (JSON.parse(withIntune.stdout) as { code: string; line: number }[]).map((d) => d.code);
    expect(codes.filter((c) => c === 'GPF2301').length).toBeGreaterThan(0);
    expect(codes).toContain('GPF2302');
    const plain = JSON.parse(gpforge(['validate', '--format', 'json']).stdout) as { code: string }[];
    expect(plain.map((d) => d.code).filter((c) => /^GPF(23|32)/.test(c))).toEqual([]);
  });

  it('build writes out/intune/<gpo>.json and .csv for every GPO', () => {
    const out = join(tempDir(), 'out');
    const run = gpforge(['build', '--out', out, '--quiet']);
    expect(run.code).toBe(0);
    expect(existsSync(join(out, 'intune'))).toBe(true);
    expect(readdirSync(join(out, 'intune')).sort()).toEqual([
      'windows-update-intranet-update-server.csv',
      'windows-update-intranet-update-server.json',
      'windows-update-notify-before-download.csv',
      'windows-update-notify-before-download.json',
      'windows-update-notify-before-install.csv',
      'windows-update-notify-before-install.json',
      'windows-update-scheduled-install-daily-03-00.csv',
      'windows-update-scheduled-install-daily-03-00.json',
    ]);
  });
});
