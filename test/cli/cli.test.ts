/** The command line as CI uses it: exit codes, output formats, atomic and deterministic builds. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gpforge as run, tempDir } from '../support/cli.js';

const root = process.cwd();
const gpforge = (args: string[], cwd = root, env: NodeJS.ProcessEnv = {}) => run(args, { cwd, env });

/** Every file under `dir` with its SHA-256, for "byte-for-byte as before" checks. */
function treeDigest(dir: string): Record<string, string> {
  const entries = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return Object.fromEntries(
    entries.map((e) => {
      const path = join(e.parentPath, e.name);
      return [path.slice(dir.length), createHash('sha256').update(readFileSync(path)).digest('hex')];
    }),
  );
}

const temp = tempDir;
const invalid = 'test/fixtures/invalid/semantics.yaml';

describe('gpforge build', () => {
  it('builds the shipped example: one ADMX and an ADML per locale, deterministic', () => {
    const out1 = join(temp(), 'out');
    const out2 = join(temp(), 'out');
    expect(gpforge(['build', '--out', out1]).code).toBe(0);
    expect(gpforge(['build', '--out', out2]).code).toBe(0);
    const files = Object.keys(treeDigest(out1)).sort();
    expect(files).toContain('/PolicyDefinitions/GpforgeWindowsUpdate.admx');
    expect(files).toContain('/PolicyDefinitions/en-US/GpforgeWindowsUpdate.adml');
    expect(files).toContain('/PolicyDefinitions/de-DE/GpforgeWindowsUpdate.adml');
    expect(treeDigest(out2)).toEqual(treeDigest(out1));
  });

  it('leaves an existing out/ byte-for-byte as it was when the input is invalid', () => {
    const dir = temp();
    const out = join(dir, 'out');
    mkdirSync(join(out, 'PolicyDefinitions'), { recursive: true });
    writeFileSync(join(out, 'PolicyDefinitions', 'Old.admx'), 'previous build');
    writeFileSync(join(out, 'notes.txt'), 'keep me');
    const before = treeDigest(out);
    const result = gpforge(['build', '--src', invalid, '--out', out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/left unchanged/);
    expect(treeDigest(out)).toEqual(before);
    expect(readdirSync(dir)).toEqual(['out']);
  });

  it('leaves out/ untouched when a GPO file is invalid, and names the line', () => {
    const out = join(temp(), 'out');
    expect(gpforge(['build', '--out', out]).code).toBe(0);
    const before = treeDigest(out);
    const result = gpforge(['build', '--src', 'test/fixtures/valid/all-elements.yaml', '--src', 'test/fixtures/invalid-gpo/references.yaml', '--out', out]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^test\/fixtures\/invalid-gpo\/references\.yaml:5:5: error GPF2201: unknown policy 'gpfall:SimpleTogle'/m);
    expect(treeDigest(out)).toEqual(before);
  });

  it('writes the GPO outputs, with the backup time from SOURCE_DATE_EPOCH', () => {
    const out = join(temp(), 'out');
    expect(gpforge(['build', '--out', out, '--domain', 'corp.example.net'], root, { SOURCE_DATE_EPOCH: '1700000000' }).code).toBe(0);
    const files = Object.keys(treeDigest(out));
    for (const name of ['apply.reg', 'undo.reg', 'Machine/Registry.pol', 'User/Registry.pol']) {
      expect(files).toContain(`/gpo/windows-update-notify-before-install/${name}`);
    }
    const info = files.filter((f) => f.endsWith('/bkupInfo.xml'));
    expect(info).toHaveLength(4);
    const text = readFileSync(join(out, info[0] ?? ''), 'utf8');
    expect(text).toContain('<BackupTime><![CDATA[2023-11-14T22:13:20]]></BackupTime>');
    expect(text).toContain('<GPODomain><![CDATA[corp.example.net]]></GPODomain>');
  });

  it('replaces out/ completely on success, leaving no staging folders', () => {
    const dir = temp();
    const out = join(dir, 'out');
    mkdirSync(out);
    writeFileSync(join(out, 'stale.txt'), 'from an older build');
    expect(gpforge(['build', '--out', out]).code).toBe(0);
    expect(Object.keys(treeDigest(out))).not.toContain('/stale.txt');
    expect(readdirSync(dir)).toEqual(['out']);
  });

  it('reports a bundle that cannot be written with exit 1 and GPF1008', () => {
    const dir = temp();
    writeFileSync(join(dir, 'blocker'), 'a file where a folder should be');
    const result = gpforge(['build', '--out', join(dir, 'blocker', 'out')]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/error GPF1008: cannot write the bundle/);
  });
});

describe('gpforge validate', () => {
  it('exits 0 on the shipped example', () => {
    expect(gpforge(['validate']).code).toBe(0);
  });

  it('exits 1 with file:line:col diagnostics on invalid input', () => {
    const result = gpforge(['validate', '--src', invalid]);
    expect(result.code).toBe(1);
    expect(result.stdout.split('\n')[0]).toMatch(/^test\/fixtures\/invalid\/semantics\.yaml:\d+:\d+: error GPF\d{4}: /);
  });

  it('prints JSON diagnostics with positions', () => {
    const result = gpforge(['validate', '--src', invalid, '--format', 'json']);
    expect(result.code).toBe(1);
    const rows = JSON.parse(result.stdout) as Record<string, unknown>[];
    expect(rows.length).toBeGreaterThan(5);
    expect(Object.keys(rows[0] ?? {})).toEqual(['code', 'severity', 'message', 'file', 'line', 'column', 'endLine', 'endColumn']);
    expect(rows[0]).toMatchObject({ file: invalid, severity: 'error' });
    expect(typeof rows[0]?.line).toBe('number');
  });

  it('prints an empty JSON array when everything is valid', () => {
    const result = gpforge(['validate', '--format', 'json']);
    expect(result.code).toBe(0);
    // Only the cross-GPO warnings of the example's alternative Windows Update GPOs (issue 12).
    expect((JSON.parse(result.stdout) as { code: string }[]).map((d) => d.code)).toEqual(['GPF3003', 'GPF3003']);
  });

  it('prints GitHub workflow annotations', () => {
    const result = gpforge(['validate', '--src', invalid, '--format', 'github']);
    expect(result.code).toBe(1);
    expect(result.stdout.split('\n')[0]).toMatch(/^::error file=test\/fixtures\/invalid\/semantics\.yaml,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=GPF\d{4}::/);
  });

  it('exits 1 when the source folder does not exist', () => {
    const result = gpforge(['validate', '--src', 'no/such/folder']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/GPF1006/);
  });
});

describe('usage', () => {
  it.each([[['frobnicate']], [['build', '--no-such-option']], [[]], [['validate', '--format', 'xml']]])('exits 2 for %j', (args) => {
    const result = gpforge(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/gpforge/);
  });

  it.each(['build', 'validate'])('%s --help describes its options', (command) => {
    const result = gpforge([command, '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/--src/);
    expect(result.stdout).toMatch(/--format/);
  });

  it('--help lists every command and --version prints the package version (without loading yargs: src/cli/fast-output.ts)', () => {
    const help = gpforge(['--help'], root, { LC_ALL: 'en_US.UTF-8' });
    expect(help.code).toBe(0);
    for (const command of ['init', 'build', 'validate', 'import', 'lint']) expect(help.stdout).toMatch(new RegExp(`^  gpforge ${command}\\b`, 'm'));
    expect(help.stdout).toMatch(/^Options:$/m);
    const version = gpforge(['--version']);
    expect(version.stdout).toBe(`${JSON.parse(readFileSync('package.json', 'utf8')).version}\n`);
  });

  it('--help in another language is yargs\' own, translated', () => {
    const help = gpforge(['--help'], root, { LC_ALL: 'de_DE.UTF-8' });
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Kommandos:$/m);
  });

  it('runs from another working directory with relative paths', () => {
    const dir = temp();
    mkdirSync(join(dir, 'policies'));
    cpSync('test/fixtures/valid/all-elements.yaml', join(dir, 'policies', 'a.yaml'));
    expect(gpforge(['build'], dir).code).toBe(0);
    expect(Object.keys(treeDigest(join(dir, 'out')))).toContain('/PolicyDefinitions/AllElements.admx');
  });
});
