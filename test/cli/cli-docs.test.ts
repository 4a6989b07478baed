/** `gpforge docs` as a process (issue 13): writes atomically, byte-identical runs, --templates, errors. */
import { cpSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gpforge, tempDir } from '../support/cli.js';

/** Every file below `dir`, by relative path, with its bytes. */
function snapshot(dir: string): Map<string, Buffer> {
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.includes('.')).sort();
  return new Map(files.map((f) => [f, readFileSync(join(dir, f))]));
}

describe('gpforge docs', () => {
  it('writes the HTML explorer for policies/, byte-identical on a second run', () => {
    const [a, b] = [join(tempDir(), 'docs'), join(tempDir(), 'docs')];
    const first = gpforge(['docs', '--out', a]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/wrote 35 files to .* \(html\)/);
    expect(gpforge(['docs', '--out', b]).code).toBe(0);
    const [left, right] = [snapshot(a), snapshot(b)];
    expect([...left.keys()]).toContain('en-US/policies/GpforgeWindowsUpdate/AutoUpdateCfg.html');
    expect([...left.keys()]).toContain('de-DE/gpos/windows-update-scheduled-install-daily-03-00.html');
    expect(left).toEqual(right);
  });

  it('writes Markdown with --format markdown, one locale with --locale', () => {
    const out = join(tempDir(), 'md');
    const run = gpforge(['docs', '--format', 'markdown', '--locale', 'de-DE', '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    const files = [...snapshot(out).keys()];
    expect(files).toContain('de-DE/README.md');
    expect(files.filter((f) => f.startsWith('en-US'))).toEqual([]);
    expect(readFileSync(join(out, 'de-DE/policies/GpforgeWindowsUpdate/AutoUpdateCfg.md'), 'utf8')).toMatch(/^# Automatische Updates konfigurieren\n/);
  });

  it('warns GPF3301 for a --locale no definitions file has, and writes its pages in the default language', () => {
    const out = join(tempDir(), 'docs');
    const run = gpforge(['docs', '--locale', 'fr-FR', '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("warning GPF3301: docs: no definitions file has locale 'fr-FR' (they have en-US, de-DE)");
    expect(readFileSync(join(out, 'fr-FR/policies/GpforgeWindowsUpdate/AutoUpdateCfg.html'), 'utf8')).toContain('<h1>Configure Automatic Updates</h1>');
  });

  it('uses --templates overrides, and names a broken one (GPF1015) leaving --out as it was', () => {
    const templates = tempDir();
    mkdirSync(join(templates, 'docs'));
    writeFileSync(join(templates, 'docs/explorer.css.hbs'), 'body { color: rebeccapurple; }\n');
    const out = join(tempDir(), 'docs');
    expect(gpforge(['docs', '--templates', templates, '--out', out]).code).toBe(0);
    expect(readFileSync(join(out, 'explorer.css'), 'utf8')).toBe('body { color: rebeccapurple; }\n');
    const before = snapshot(out);
    writeFileSync(join(templates, 'docs/policy.html.hbs'), '{{#each}}');
    const broken = gpforge(['docs', '--templates', templates, '--out', out]);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toMatch(/policy\.html\.hbs: error GPF1015/);
    expect(snapshot(out)).toEqual(before);
  });

  it('exits 1 on invalid YAML and leaves --out untouched', () => {
    const src = tempDir();
    cpSync('policies', src, { recursive: true });
    const out = join(tempDir(), 'docs');
    expect(gpforge(['docs', '--src', src, '--out', out]).code).toBe(0);
    const before = snapshot(out);
    writeFileSync(join(src, 'windows-update.yaml'), readFileSync(join(src, 'windows-update.yaml'), 'utf8').replace('class: machine', 'class: sometimes'));
    const run = gpforge(['docs', '--src', src, '--out', out]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('windows-update.yaml:');
    expect(run.stderr).toContain('no docs written');
    expect(snapshot(out)).toEqual(before);
  });
});
