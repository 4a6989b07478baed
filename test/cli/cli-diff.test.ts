/** `gpforge diff` (issue 12): fixture pairs with golden outputs, git revisions, bad input. */
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gpforge as run, tempDir } from '../support/cli.js';
import { expectGolden } from '../support/golden.js';

const gpforge = (args: string[], cwd = process.cwd()) => run(args, { cwd, env: { CI: '1' } });
const pair = (name: string) => [`test/fixtures/diff/${name}/before`, `test/fixtures/diff/${name}/after`];
const FORMATS = [['text', 'txt'], ['markdown', 'md'], ['json', 'json']] as const;

describe('gpforge diff of fixture pairs (golden outputs)', () => {
  for (const name of ['gpo-changes', 'breaking', 'compatible', 'namespace']) {
    for (const [format, ext] of FORMATS) {
      it(`${name}: --format ${format}`, () => {
        const result = gpforge(['diff', ...pair(name), '--format', format]);
        expect(result.stderr).toBe('');
        expect(result.code).toBe(0);
        expectGolden(`diff/${name}.${ext}`, new TextEncoder().encode(result.stdout));
      });
    }
  }

  it('breaking: --format github annotates the changed YAML lines', () => {
    const result = gpforge(['diff', ...pair('breaking'), '--format', 'github']);
    expectGolden('diff/breaking.github.txt', new TextEncoder().encode(result.stdout));
  });

  it('namespace: --format github annotates breaking changes and the renamed file', () => {
    const result = gpforge(['diff', ...pair('namespace'), '--format', 'github']);
    expectGolden('diff/namespace.github.txt', new TextEncoder().encode(result.stdout));
  });

  it('namespace: a changed prefix names every GPO using the namespace, and no GPO change (same registry values)', () => {
    const result = gpforge(['diff', ...pair('namespace'), '--format', 'json', '--fail-on', 'breaking']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { summary: { attention: number }; gpos: unknown[]; definitions: { changes: { impact: string; detail: string; usedBy: string[] }[] }[] };
    expect(report.definitions[0]?.changes.find((c) => c.detail.startsWith('prefix'))).toMatchObject({ impact: 'breaking', usedBy: ['Desktops'] });
    expect(report.summary.attention).toBe(1);
    expect(report.gpos).toEqual([]);
  });

  it('breaking changes exit 1 with --fail-on breaking and name the GPOs using the policy', () => {
    const result = gpforge(['diff', ...pair('breaking'), '--fail-on', 'breaking', '--format', 'json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { definitions: { changes: { impact: string; subject: string; usedBy: string[] }[] }[] };
    const removed = report.definitions[0]?.changes.find((c) => c.subject === 'enum item Mode.Level.Max');
    expect(removed).toMatchObject({ impact: 'breaking', usedBy: ['Desktops'] });
  });

  it('compatible changes exit 0 even with --fail-on breaking', () => {
    expect(gpforge(['diff', ...pair('compatible'), '--fail-on', 'breaking']).code).toBe(0);
  });

  it('a missing revision bump alone fails with --fail-on breaking', () => {
    const dir = tempDir();
    cpSync('test/fixtures/diff/compatible/before', join(dir, 'before'), { recursive: true });
    cpSync('test/fixtures/diff/compatible/after', join(dir, 'after'), { recursive: true });
    const file = join(dir, 'after/definitions.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('revision: "1.1"', 'revision: "1.0"'));
    const result = gpforge(['diff', 'before', 'after', '--fail-on', 'breaking'], dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('needs revision bump: revision: still "1.0"');
  });
});

describe('gpforge diff of the shipped example', () => {
  it('against itself: no changes, exit 0', () => {
    const result = gpforge(['diff', 'policies', 'policies']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('no changes between policies and policies\n');
  });

  it('changing AUOptions shows the policy-level and the registry-level change', () => {
    const dir = tempDir();
    cpSync('policies', join(dir, 'before'), { recursive: true });
    cpSync('policies', join(dir, 'after'), { recursive: true });
    const file = join(dir, 'after/gpo-wu-notify-install.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('AutoUpdateMode: AutoDownloadNotifyInstall', 'AutoUpdateMode: AutoDownloadScheduleInstall'));
    const result = gpforge(['diff', 'before', 'after'], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('AutoUpdateMode: AutoDownloadNotifyInstall (3) → AutoDownloadScheduleInstall (4)');
    expect(result.stdout).toContain('HKLM\\Software\\Policies\\Microsoft\\Windows\\WindowsUpdate\\AU\\AUOptions: REG_DWORD 3 → REG_DWORD 4');
  });
});

/** A repository with the breaking fixture's before side committed, then its after side. */
function gitProject(): string {
  const dir = tempDir();
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', ...args], { cwd: dir, stdio: 'pipe' });
  git('init', '-q');
  cpSync('test/fixtures/diff/breaking/before', join(dir, 'policies'), { recursive: true });
  git('add', '-A');
  git('commit', '-q', '-m', 'before');
  cpSync('test/fixtures/diff/breaking/after', join(dir, 'policies'), { recursive: true });
  git('add', '-A');
  git('commit', '-q', '-m', 'after');
  return dir;
}

describe('gpforge diff of git revisions', () => {
  const dir = gitProject();

  it('compares two commits, and a commit with the working tree', () => {
    const commits = gpforge(['diff', 'HEAD~1', 'HEAD', '--fail-on', 'breaking'], dir);
    expect(commits.code).toBe(1);
    expect(commits.stdout).toContain('breaking: enum item Mode.Level.Max: removed');
    expect(commits.stdout).toContain('Desktops (policies/desktops.yaml): changed');
    const worktree = gpforge(['diff', 'HEAD~1'], dir);
    expect(worktree.stdout).toBe(commits.stdout.replace('HEAD~1 → HEAD', 'HEAD~1 → working tree'));
    expect(gpforge(['diff', 'HEAD'], dir).stdout).toBe('no changes between HEAD and working tree\n');
  });

  it('an unknown revision is a clear error, exit 1, no stack trace', () => {
    const result = gpforge(['diff', 'no-such-branch'], dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^base \(no-such-branch\): no-such-branch: error GPF1019: 'no-such-branch' is not a git revision/);
    expect(result.stderr).not.toMatch(/\bat .*\.js:\d+/);
  });

  it('a side that does not compile: its diagnostics, prefixed with the side, exit 1', () => {
    writeFileSync(join(dir, 'policies/broken.yaml'), 'kind: gpo\nname: Broken\ncomputer:\n  policies:\n    cd:Nope: enabled\n');
    const result = gpforge(['diff', 'HEAD'], dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^head \(working tree\): policies\/broken\.yaml:5:5: error GPF\d+: /m);
    expect(result.stderr).toContain('a side does not compile');
  });
});

describe('gpforge diff: bad input', () => {
  it('a folder that does not exist', () => {
    const result = gpforge(['diff', 'test/fixtures/diff/breaking/before', 'no/such/folder']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('head (no/such/folder): no/such/folder: error GPF1006: no such file or folder: no/such/folder');
  });

  it('one folder alone is a usage error (exit 2)', () => {
    const result = gpforge(['diff', 'test/fixtures/diff/breaking/before']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('name a second folder');
  });

  it('no BASE is a usage error (exit 2)', () => {
    expect(gpforge(['diff']).code).toBe(2);
  });
});

describe('cross-GPO conflicts in validate', () => {
  const validate = (name: string) => gpforge(['validate', '--src', `test/fixtures/conflicts/${name}`]);

  it('set/set with different data: a warning naming both files and lines', () => {
    const result = validate('set-set');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("test/fixtures/conflicts/set-set/b.yaml:5:5: warning GPF3003: HKLM\\Software\\Policies\\Contoso\\Agent\\Level: this GPO sets REG_DWORD 2, GPO 'Agent low' (test/fixtures/conflicts/set-set/a.yaml:5) sets REG_DWORD 1; which one applies depends on GPO link order\n");
  });

  it('set/delete: a warning', () => {
    expect(validate('set-delete').stdout).toBe("test/fixtures/conflicts/set-delete/b.yaml:5:7: warning GPF3003: HKLM\\Software\\Policies\\Contoso\\Legacy\\On: this GPO deletes it, GPO 'Legacy on' (test/fixtures/conflicts/set-delete/a.yaml:5) sets REG_DWORD 1; which one applies depends on GPO link order\n");
  });

  it('same data, or different hives: nothing', () => {
    for (const name of ['same-data', 'different-hives']) {
      const result = validate(name);
      expect([result.code, result.stdout]).toEqual([0, '']);
      expect(result.stderr).toContain('(0 errors, 0 warnings)');
    }
  });
});

describe('gpforge diff of a large project', () => {
  it.each(['1', '2'])('with GPFORGE_THREADS=%s reports what comparing the two versions compiled here reports', async (threads) => {
    const { allElementsFile } = await import('../bench/projects.js');
    const { compileModel } = await import('../../src/compile-model.js');
    const { diffModels } = await import('../../src/diff/diff-models.js');
    const { renderJson } = await import('../../src/diff/render-json.js');
    const dir = tempDir();
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.com', ...args], { cwd: dir, stdio: 'pipe' });
    const base = allElementsFile(400); // 0.4 MB, two versions: past the size that reads them on two threads when asked
    const head = base.text.replace(/max: 100\b/g, 'max: 90');
    writeFileSync(join(dir, 'definitions.yaml'), base.text);
    git('init', '-q');
    git('add', '-A');
    git('commit', '-q', '-m', 'base');
    writeFileSync(join(dir, 'definitions.yaml'), head);
    git('commit', '-q', '-a', '-m', 'head');
    const result = run(['diff', 'HEAD~1', 'HEAD', '--src', 'definitions.yaml', '--format', 'json'], { cwd: dir, env: { CI: '1', GPFORGE_THREADS: threads } });
    expect(result.stderr).toBe('');
    const modelOf = (text: string) => compileModel([{ path: 'definitions.yaml', text }]).model;
    const [before, after] = [modelOf(base.text), modelOf(head)];
    if (!before || !after) throw new Error('the generated project does not compile');
    const expected = renderJson(diffModels({ label: 'HEAD~1', model: before }, { label: 'HEAD', model: after }, []));
    expect(result.stdout).toBe(expected);
    expect(JSON.parse(result.stdout).summary.breaking).toBeGreaterThan(0);
  });
});
