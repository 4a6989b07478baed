/** The bundle as a CI product: --check drift detection, template overrides, quiet non-TTY output. */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { CLI, gpforge as run, tempDir } from '../support/cli.js';
import { schemaAvailable, validateAgainstAdmxSchema } from '../support/xsd.js';

const cli = CLI;
const gpforge = (args: string[], env: NodeJS.ProcessEnv = {}) => run(args, { env });
const temp = tempDir;
const adml = 'PolicyDefinitions/en-US/GpforgeWindowsUpdate.adml';

describe('gpforge build --check', () => {
  const out = join(temp(), 'out');
  it('exits 0 right after a build', () => {
    expect(gpforge(['build', '--out', out]).code).toBe(0);
    const check = gpforge(['build', '--check', '--out', out]);
    expect(check.code).toBe(0);
    expect(check.stderr).toMatch(/is up to date/);
  });

  it('exits 1 naming a file whose bytes were edited, then a deleted file, then an extra file', { timeout: 30_000 }, () => {
    appendFileSync(join(out, adml), ' ');
    const edited = gpforge(['build', '--check', '--out', out]);
    expect(edited.code).toBe(1);
    expect(edited.stdout.split('\n').filter((l) => !l.includes('GPF3003'))).toEqual([`${out}/${adml}: error GPF1012: ${out}/${adml} differs from what the build produces`, '']);

    expect(gpforge(['build', '--out', out]).code).toBe(0);
    rmSync(join(out, adml));
    const deleted = gpforge(['build', '--check', '--out', out]);
    expect(deleted.code).toBe(1);
    expect(deleted.stdout).toMatch(/error GPF1013: .*GpforgeWindowsUpdate\.adml is missing/);

    expect(gpforge(['build', '--out', out]).code).toBe(0);
    writeFileSync(join(out, 'stray.txt'), 'not from the build');
    const extra = gpforge(['build', '--check', '--out', out, '--format', 'json']);
    expect(extra.code).toBe(1);
    const extraFound = (JSON.parse(extra.stdout) as { code: string }[]).filter((d) => d.code !== 'GPF3003');
    expect(extraFound).toEqual([expect.objectContaining({ code: 'GPF1014', file: `${out}/stray.txt` })]);
  });

  it('writes nothing', () => {
    const fresh = join(temp(), 'out');
    expect(gpforge(['build', '--check', '--out', fresh]).code).toBe(1);
    expect(() => readFileSync(join(fresh, adml))).toThrow();
  });
});

describe('gpforge build --templates', () => {
  const builtIn = readFileSync('templates/admx.hbs', 'utf8');

  it('applies an override to every ADMX, and the output still validates', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'admx.hbs'), builtIn.replace(/^(<\?xml[^>]*\?>\r?\n)/m, '$1<!-- Contoso IT: do not edit; built by gpforge -->\n'));
    const out = join(temp(), 'out');
    const result = gpforge(['build', '--out', out, '--templates', dir]);
    expect(result.stdout + result.stderr).not.toMatch(/error GPF/);
    expect(result.code).toBe(0);
    const admx = readFileSync(join(out, 'PolicyDefinitions/GpforgeWindowsUpdate.admx'), 'utf8');
    expect(admx.split('\r\n')[1]).toBe('<!-- Contoso IT: do not edit; built by gpforge -->');
    if (schemaAvailable()) {
      const verdict = await validateAgainstAdmxSchema([{ name: 'override.admx', xml: admx }]);
      expect(verdict.errors).toEqual([]);
    }
  });

  it.each([
    ['produces XML that is not well-formed', 'admx.hbs', (t: string) => t.replace('</policyDefinitions>', ''), /template "admx" produced PolicyDefinitions\/GpforgeWindowsUpdate\.admx, which is not well-formed XML/],
    ['does not parse', 'admx.hbs', (t: string) => `${t}{{#if}}`, /template "admx" does not parse/],
    ['uses a field the view lacks', 'admx.hbs', (t: string) => `${t}{{companyName}}`, /template "admx" failed: "companyName" not defined/],
    ['breaks a reference', 'adml.hbs', (t: string) => t.replace(/<string id="\{\{id\}\}">/, '<string id="x{{id}}">'), /template "adml" produced .*\.adm[lx], which does not read back/],
  ])('fails when an override %s, naming the template, and leaves out/ untouched', (_what, name, change, message) => {
    const dir = temp();
    const source = readFileSync(join('templates', name), 'utf8');
    const changed = change(source);
    expect(changed).not.toBe(source);
    writeFileSync(join(dir, name), changed);
    const out = join(temp(), 'out');
    mkdirSync(out);
    writeFileSync(join(out, 'keep.txt'), 'previous');
    const result = gpforge(['build', '--out', out, '--templates', dir]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(message);
    expect(result.stdout).toContain(`${dir}/${name}`);
    expect(readFileSync(join(out, 'keep.txt'), 'utf8')).toBe('previous');
  });
});

describe('output at a terminal', () => {
  it.skipIf(spawnSync('script', ['--version']).status !== 0)('shows progress lines, cleared before the summary', () => {
    const out = join(temp(), 'out');
    const tty = spawnSync('script', ['-qec', `"${process.execPath}" "${cli}" build --out "${out}"`, '/dev/null'], { encoding: 'utf8', env: { ...process.env, CI: '' } });
    expect(tty.status).toBe(0);
    expect(tty.stdout).toMatch(/\r\x1b\[Kcompiling \d+ files…/);
    // Cleared, then the example's two cross-GPO warnings (GPF3003), then the summary.
    expect(tty.stdout).toMatch(/\r\x1b\[K(?:[^\n]*GPF3003[^\n]*\n)*gpforge: wrote \d+ files/);
  });
});

describe('output when not at a terminal', () => {
  it('prints no progress, only diagnostics and the one-line summary', () => {
    const result = gpforge(['build', '--out', join(temp(), 'out')], { CI: '' });
    // The example's alternative Windows Update GPOs each set AUOptions: two GPF3003 warnings (issue 12).
    expect(result.stdout.split('\n').filter((l) => l !== '').map((l) => l.match(/GPF\d+/)?.[0])).toEqual(['GPF3003', 'GPF3003']);
    expect(result.stderr).toMatch(/^gpforge: wrote \d+ files to .*\(0 errors, 2 warnings\)\n$/);
    expect(result.stderr).not.toMatch(/\r|\x1b/);
  });

  it('--quiet drops the summary; --verbose lists the files written', () => {
    const quiet = gpforge(['build', '--out', join(temp(), 'out'), '--quiet']);
    expect(quiet.stderr).toBe('');
    const verbose = gpforge(['build', '--out', join(temp(), 'out'), '--verbose']);
    expect(verbose.stderr).toMatch(/PolicyDefinitions\/GpforgeWindowsUpdate\.admx\n/);
  });
});

describe('manifest.json, SHA256SUMS and --zip', () => {
  const dir = temp();
  const out = join(dir, 'out');
  const first = gpforge(['build', '--out', out, '--zip', join(dir, 'a.zip')]);
  const second = gpforge(['build', '--out', join(dir, 'out2'), '--zip', join(dir, 'b.zip')]);

  it('builds twice to identical zip bytes', () => {
    expect(first.code).toBe(0);
    expect(second.code).toBe(0);
    expect(Buffer.compare(readFileSync(join(dir, 'a.zip')), readFileSync(join(dir, 'b.zip')))).toBe(0);
  });

  it('manifest.json lists every other file of out/ with its size and SHA-256, and the inputs', () => {
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as {
      tool: { name: string; version: string };
      files: { path: string; size: number; sha256: string }[];
      inputs: { path: string; sha256: string }[];
    };
    expect(manifest.tool).toEqual({ name: 'gpforge', version: JSON.parse(readFileSync('package.json', 'utf8')).version });
    expect(manifest.files.length).toBeGreaterThan(30);
    for (const file of manifest.files) {
      const bytes = readFileSync(join(out, file.path));
      expect(bytes.length).toBe(file.size);
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(file.sha256);
    }
    expect(manifest.inputs.map((i) => i.path)).toContain('policies/windows-update.yaml');
  });

  it.skipIf(spawnSync('sha256sum', ['--version']).status !== 0)('sha256sum -c SHA256SUMS passes inside out/', () => {
    const check = spawnSync('sha256sum', ['-c', '--strict', 'SHA256SUMS'], { cwd: out, encoding: 'utf8' });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });

  it('unzipped, the zip equals out/', () => {
    const entries = unzipSync(new Uint8Array(readFileSync(join(dir, 'a.zip'))));
    const onDisk = readdirSync(out, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => relative(out, join(e.parentPath, e.name)));
    expect(Object.keys(entries).sort()).toEqual(onDisk.sort());
    for (const [path, bytes] of Object.entries(entries)) expect(Buffer.compare(Buffer.from(bytes), readFileSync(join(out, path)))).toBe(0);
  });
});

describe('from gpforge init to a drift check', () => {
  it('init, build, --check 0; one byte edited, one file deleted, one added: each exit 1 naming the file', { timeout: 60_000 }, () => {
    const project = temp();
    const run = (args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd: project, encoding: 'utf8' });
    expect(run(['init']).status).toBe(0);
    expect(run(['init']).status).toBe(1);
    expect(run(['build']).status).toBe(0);
    expect(run(['build', '--check']).status).toBe(0);
    const target = 'PolicyDefinitions/ContosoAgent.admx';
    const original = readFileSync(join(project, 'out', target));
    const edited = Buffer.from(original);
    edited[edited.length - 3] = (edited[edited.length - 3] ?? 0) ^ 1;
    writeFileSync(join(project, 'out', target), edited);
    let check = run(['build', '--check']);
    expect(check.status).toBe(1);
    expect(check.stdout).toContain(`out/${target}: error GPF1012`);
    writeFileSync(join(project, 'out', target), original);
    rmSync(join(project, 'out', 'SHA256SUMS'));
    check = run(['build', '--check']);
    expect(check.status).toBe(1);
    expect(check.stdout).toContain('out/SHA256SUMS: error GPF1013');
    expect(run(['build']).status).toBe(0);
    writeFileSync(join(project, 'out', 'PolicyDefinitions', 'Extra.admx'), '<policyDefinitions/>');
    check = run(['build', '--check']);
    expect(check.status).toBe(1);
    expect(check.stdout).toContain('out/PolicyDefinitions/Extra.admx: error GPF1014');
  });
});
