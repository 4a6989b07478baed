/**
 * deploy-samba.sh (src/emit/deploy-samba.ts) without a DC: the shell reads the quoted display
 * name back exactly (property, one shell run for all cases), the script parses as POSIX sh
 * (dash), and it refuses a wrong command line with exit 2 before it asks anything.
 * Running it against a real domain controller: test/interop/samba-dc.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emitDeploySambaScript, shellQuote } from '../../src/emit/deploy-samba.js';
import { compileTemplates } from '../../src/emit/templates.js';
import { readTemplateSources } from '../../src/load/template-sources.js';
import type { Gpo } from '../../src/model/types.js';
import { tempDir } from '../support/cli.js';

const templates = compileTemplates(readTemplateSources());
const HOSTILE = ["'", '"', '$', '`', '\\', '$(id)', '${x}', '!', '*', '?', '[a]', ';', '&', '|', '<', '>', '#', '~', ' ', '\t', '\n', 'é', '日本', '🚀', '%', "'\\''", '-e', '--replace'];

function gpo(name: string): Gpo {
  const side = { policies: [], registry: [] };
  return { sourcePath: 'x.yaml', name, slug: 'x', id: '{11111111-2222-4333-8444-555555555555}', backupId: '{AAAAAAAA-BBBB-4CCC-8DDD-EEEEEEEEEEEE}', version: 1, environment: { domain: 'example.com', domainGuid: '{0}', domainController: 'dc.example.com' }, computer: side, user: side };
}

describe('deploy-samba.sh', () => {
  it('quotes any display name so that the shell reads it back exactly (property)', () => {
    const names = fc.sample(fc.array(fc.constantFrom(...HOSTILE), { minLength: 1, maxLength: 8 }).map((p) => p.join('')), { numRuns: 200, seed: 14 });
    const script = names.map((name) => `name=${shellQuote(name)}; printf '%s\\0' "$name"`).join('\n');
    const run = spawnSync('sh', ['-c', script], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.split('\0').slice(0, -1)).toEqual(names);
  });

  it('parses as POSIX sh and exits 2 on a wrong command line, asking nothing', () => {
    const dir = tempDir();
    try {
      const file = join(dir, 'deploy-samba.sh');
      writeFileSync(file, emitDeploySambaScript(gpo("Kiosk 'lockdown' $(id) `x`"), 65537, templates));
      const syntax = spawnSync('sh', ['-n', file], { encoding: 'utf8' });
      expect(syntax.status, syntax.stderr).toBe(0);
      for (const args of [[], ['ldap://dc'], ['--replace', 'ldap://dc'], ['a', 'b', 'c']]) {
        const run = spawnSync('sh', [file, ...args], { encoding: 'utf8', input: '' });
        expect(run.status, args.join(' ')).toBe(2);
        expect(run.stderr).toMatch(/^usage: .* \[--replace\] ldap:\/\/DC USER/);
        expect(run.stderr).not.toContain('Password');
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
