/**
 * `gpforge import` of existing GPOs through the shipped binary: a backup set gives one YAML per
 * GPO; REGEDIT4 (windows-1252) and LGPO text read; what a backup holds beyond Registry.pol is a
 * warning per file; bad input is an error at file:line:col (or file@byte-offset for
 * Registry.pol), exit 1, nothing written.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gpforge, tempDir } from '../support/cli.js';

const utf16 = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);

function builtPolicies(): string {
  const dir = tempDir();
  const run = gpforge(['build', '--src', 'policies', '--out', join(dir, 'out')]);
  expect(run.code).toBe(0);
  return join(dir, 'out');
}

describe('gpforge import (GPOs)', () => {
  const out = builtPolicies();

  it('imports a backup set (manifest.xml) as one GPO YAML per backup', () => {
    const target = join(tempDir(), 'imported');
    const run = gpforge(['import', join(out, 'backups'), '--src', 'policies', '--out', target]);
    expect(run.stderr).toContain('imported 4 GPOs');
    expect(run.stderr).toContain('(0 errors, 0 warnings)');
    expect(run.code).toBe(0);
    expect(readdirSync(target).sort()).toEqual([
      'windows-update-intranet-update-server.yaml',
      'windows-update-notify-before-download.yaml',
      'windows-update-notify-before-install.yaml',
      'windows-update-scheduled-install-daily-03-00.yaml',
    ]);
    const yaml = readFileSync(join(target, 'windows-update-scheduled-install-daily-03-00.yaml'), 'utf8');
    expect(yaml).toContain('gpfwu:AutoUpdateCfg:\n      state: enabled\n      AutoUpdateMode: AutoDownloadScheduleInstall\n      ScheduledInstallDay: EveryDay\n      ScheduledInstallTime: 3\n');
  });

  it('warns about each backup file gpforge cannot represent, naming it', () => {
    const backups = join(tempDir(), 'backups');
    cpSync(join(out, 'backups'), backups, { recursive: true });
    const backup = join(backups, readdirSync(backups).find((name) => name.startsWith('{'))!);
    const extra = ['DomainSysvol/GPO/Machine/microsoft/windows nt/SecEdit/GptTmpl.inf', 'DomainSysvol/GPO/Machine/Preferences/Registry/Registry.xml', 'DomainSysvol/GPO/Machine/comment.cmtx', 'DomainSysvol/GPO/Machine/Scripts/scripts.ini'];
    for (const file of extra) {
      mkdirSync(join(backup, file, '..'), { recursive: true });
      writeFileSync(join(backup, file), 'x');
    }
    const run = gpforge(['import', backup, '--src', 'policies', '--out', join(tempDir(), 'o')]);
    expect(run.code).toBe(0);
    for (const [what, file] of [['security settings', extra[0]], ['Group Policy Preferences', extra[1]], ['per-policy comments', extra[2]], ['scripts', extra[3]]]) {
      expect(run.stdout + run.stderr).toContain(`warning GPF1143: gpforge cannot represent ${what} (${file}) yet`);
    }
  });

  it('reads REGEDIT4 in windows-1252 and LGPO text; HKCU and User are the user side', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'legacy.reg'), Buffer.from('REGEDIT4\r\n\r\n[HKEY_CURRENT_USER\\Software\\Policies\\X]\r\n"a"="\xe9t\xe9"\r\n"b"=hex(2):25,00\r\n', 'latin1'));
    writeFileSync(join(dir, 'local.txt'), utf16('; comment\r\n\r\nUser\r\nSoftware\\Policies\\X\r\n(Default)\r\nMULTISZ:a\\0C:\\\\0b\r\n'));
    for (const [file, expected] of [['legacy.reg', 'user:\n  registry:\n    - { key: Software\\Policies\\X, name: a, type: REG_SZ, value: été }\n    - { key: Software\\Policies\\X, name: b, type: REG_EXPAND_SZ, value: "%" }'], ['local.txt', 'user:\n  registry:\n    - { key: Software\\Policies\\X, name: "", type: REG_MULTI_SZ, value: [ a, C:\\0b ] }']] as const) {
      const target = join(dir, `out-${file}`);
      const run = gpforge(['import', join(dir, file), '--out', target, '--src', join(dir, 'none')]);
      expect(run.code, run.stdout + run.stderr).toBe(1);
      const ok = gpforge(['import', join(dir, file), '--out', target]);
      expect(ok.code, ok.stdout + ok.stderr).toBe(0);
      expect(readFileSync(join(target, readdirSync(target)[0]!), 'utf8')).toContain(expected);
    }
  });

  const bad: [string, Buffer, string[], RegExp][] = [
    ['truncated.pol', Buffer.from('PReg\x01\x00\x00\x00[\x00A\x00', 'latin1'), ['--class', 'machine'], /truncated\.pol@10: error GPF1104/],
    ['corrupt.pol', Buffer.from('PReg\x02\x00\x00\x00', 'latin1'), ['--class', 'user'], /corrupt\.pol@4: error GPF1102/],
    ['loose.pol', Buffer.from('PReg\x01\x00\x00\x00', 'latin1'), [], /loose\.pol: error GPF1140: .*--class machine/],
    ['broken.reg', utf16('Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\Software\\Policies\\X]\r\n"a"=hex:01,\\\r\n"b"=dword:1\r\n'), [], /broken\.reg:4:1: error GPF1121/],
    ['classes.reg', utf16('Windows Registry Editor Version 5.00\r\n\r\n[HKEY_CLASSES_ROOT\\X]\r\n'), [], /classes\.reg:3:1: error GPF1122: hive HKEY_CLASSES_ROOT/],
    ['unknown.txt', Buffer.from('Computer\r\nSoftware\\Policies\\X\r\nv\r\nFROB:1\r\n'), [], /unknown\.txt:4:1: error GPF1130: unknown LGPO action 'FROB:1'/],
    ['short.txt', Buffer.from('Computer\r\nSoftware\\Policies\\X\r\nDWORD:1\r\n'), [], /short\.txt:1:1: error GPF1132/],
  ];
  it.each(bad)('%s: a clear error, exit 1, nothing written', (name, bytes, options, message) => {
    const dir = tempDir();
    writeFileSync(join(dir, name), bytes);
    const target = join(dir, 'out');
    const run = gpforge(['import', name, '--out', target, ...options], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout + run.stderr).toMatch(message);
    expect(existsSync(target)).toBe(false);
  });
});
