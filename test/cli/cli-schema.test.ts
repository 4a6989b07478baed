/** `gpforge schema`, `gpforge init`'s editor schema, and build's GPF1022 warning (issue 16). */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gpforge, tempDir } from '../support/cli.js';

describe('gpforge schema and the stale-schema warning', () => {
  it('init writes the schema, build accepts it, and warns GPF1022 once the definitions change', () => {
    const dir = tempDir();
    expect(gpforge(['init', dir]).code).toBe(0);
    expect(existsSync(join(dir, '.gpforge/gpo.schema.json'))).toBe(true);
    expect(readFileSync(join(dir, 'policies/contoso-agent-baseline.yaml'), 'utf8')).toMatch(/^# yaml-language-server: \$schema=\.\.\/\.gpforge\/gpo\.schema\.json$/m);
    const fresh = gpforge(['build'], { cwd: dir });
    expect(fresh.code, fresh.stderr).toBe(0);
    expect(fresh.stderr + fresh.stdout).not.toContain('GPF1022');
    appendFileSync(join(dir, 'policies/contoso-agent.yaml'), '# changed\n');
    const stale = gpforge(['build'], { cwd: dir });
    expect(stale.code).toBe(0);
    expect(stale.stderr + stale.stdout).toContain('warning GPF1022');
    expect(gpforge(['schema'], { cwd: dir }).code).toBe(0);
    expect(gpforge(['build'], { cwd: dir }).stderr).not.toContain('GPF1022');
  });

  it('fails with exit 1 and a diagnostic on a missing --src', () => {
    const run = gpforge(['schema', '--src', join(tempDir(), 'nope'), '--out', join(tempDir(), 's.json')]);
    expect(run.code).toBe(1);
    expect(run.stderr + run.stdout).toContain('GPF1006');
  });
});
