/**
 * A real Samba AD domain controller (test/support/samba-dc.ts): deploy-samba.sh restores the
 * shipped Windows Update GPOs and the all-kinds fixture from the bundle, then Samba's own tools
 * read each GPO back: `samba-tool gpo show` (AD's version) and `samba-tool gpo backup` (the DC's
 * Registry.pol per side, GPT.INI and the extension-name attributes). The Registry.pol files on
 * the DC must be the registry plan rendered, byte for byte; running the script again leaves one
 * GPO per name. The DC is stopped by its process group id in every outcome, and nothing of it may
 * stay behind. Skips with a message where Samba or nss_wrapper is missing or a port is taken.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extensionNames, MACHINE_TOOL_GUID, packGpoVersion, sideVersion, USER_TOOL_GUID } from '../../src/emit/gpo-version.js';
import { emitRegistryPol, polRecordFields } from '../../src/emit/pol.js';
import { planGpoSide } from '../../src/model/registry-plan.js';
import type { RegistryPlan } from '../../src/model/registry-types.js';
import type { Gpo } from '../../src/model/types.js';
import { compileFiles } from '../support/compile-files.js';
import { dumpWithSamba } from '../support/samba.js';
import { DC_URL, DC_USER, groupMembers, PATH_OPTIONS, run, sambaDcUnavailable, startSambaDc, type SambaDc } from '../support/samba-dc.js';

const SHIPPED = readdirSync('policies').filter((f) => f.endsWith('.yaml')).sort().map((f) => `policies/${f}`);
const FIXTURE = ['test/fixtures/valid/all-elements.yaml', 'test/fixtures/valid/gpo-all-kinds.yaml'];
/** Places a DC could write to when misconfigured: nothing in them may change during the test. */
const SYSTEM_DIRS = ['/run/samba', '/var/lib/samba', '/var/cache/samba', '/var/log/samba', '/etc/samba'];

interface Deployed {
  readonly gpo: Gpo;
  readonly machine: RegistryPlan;
  readonly user: RegistryPlan;
  readonly script: string;
}

/** The bundle's gpo/<slug>/ folders written to disk, one GPO each, with their plans. */
function writeBundle(into: string): Deployed[] {
  return [SHIPPED, FIXTURE].flatMap((paths) => {
    const result = compileFiles(paths);
    if (!result.model) throw new Error(`does not compile:\n${result.text}`);
    for (const file of result.files) {
      if (!file.path.startsWith('gpo/')) continue;
      mkdirSync(dirname(join(into, file.path)), { recursive: true });
      writeFileSync(join(into, file.path), file.bytes);
    }
    return result.model.gpos.map((gpo) => ({
      gpo,
      machine: planGpoSide(gpo.computer, 'HKLM'),
      user: planGpoSide(gpo.user, 'HKCU'),
      script: join(into, 'gpo', gpo.slug, 'deploy-samba.sh'),
    }));
  });
}

/** Names and modification times under `dirs`, to see whether anything was written there. */
function snapshot(dirs: readonly string[]): string[] {
  const entries: string[] = [];
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      const stat = statSync(path, { throwIfNoEntry: false });
      if (!stat) continue;
      entries.push(`${path} ${stat.mtimeMs}`);
      if (stat.isDirectory()) walk(path);
    }
  };
  dirs.forEach(walk);
  return entries.sort();
}

const unavailable = sambaDcUnavailable();
let dc: SambaDc | undefined;
let skip = unavailable;
let bundleDir = '';
let deployed: Deployed[] = [];
let before: string[] = [];

beforeAll(async () => {
  if (skip !== undefined) return;
  before = snapshot(SYSTEM_DIRS);
  const started = await startSambaDc();
  if ('skip' in started) {
    skip = started.skip;
    return;
  }
  dc = started.dc;
  bundleDir = mkdtempSync(join(tmpdir(), 'gpforge-samba-bundle-'));
  deployed = writeBundle(bundleDir);
}, 150_000);

afterAll(async () => {
  await dc?.stop();
  if (bundleDir !== '') rmSync(bundleDir, { recursive: true, force: true });
}, 30_000);

/** samba-tool with the DC's client environment (password from PASSWD, never the command line). */
function sambaTool(args: readonly string[]) {
  if (!dc) throw new Error('no DC');
  const result = run('samba-tool', [...args, '-H', DC_URL, '-U', DC_USER], dc.clientEnv);
  if (result.status !== 0) throw new Error(`samba-tool ${args.join(' ')} failed:\n${result.stdout}${result.stderr}`);
  return result.stdout;
}

function deploy(target: Deployed, ...flags: string[]) {
  if (!dc) throw new Error('no DC');
  return run('sh', [target.script, ...flags, DC_URL, DC_USER], dc.clientEnv, 120_000);
}

/** GUIDs of the GPOs with this display name, from `samba-tool gpo listall`. */
function guidsNamed(name: string): string[] {
  const blocks = sambaTool(['gpo', 'listall']).split(/\n\n+/);
  return blocks.flatMap((block) => {
    const guid = /^GPO {10}: (\{[0-9A-F-]+\})$/m.exec(block)?.[1];
    const display = /^display name : (.*)$/m.exec(block)?.[1];
    return guid !== undefined && display === name ? [guid] : [];
  });
}

/** `samba-tool gpo backup` of one GPO: the folder of .SAMBABACKUP copies and .SAMBAEXT files. */
function backup(guid: string): string {
  if (!dc) throw new Error('no DC');
  const into = join(dc.dir, 'tmp', `backup-${guid}`);
  mkdirSync(into);
  sambaTool(['gpo', 'backup', guid, '--tmpdir', into]);
  return join(into, 'policy', guid);
}

describe('deploy-samba.sh against a real Samba AD domain controller', () => {
  it('keeps every file of the DC in its temporary folder', (ctx) => {
    if (skip !== undefined || !dc) return ctx.skip(skip);
    for (const option of PATH_OPTIONS) {
      const inside = relative(dc.dir, dc.paths[option] ?? '/');
      expect(inside.startsWith('..') || isAbsolute(inside), `${option} = ${dc.paths[option]}`).toBe(false);
    }
  });

  it('restores each GPO, and Samba reads back the registry plan, the version and the extension names', (ctx) => {
    if (skip !== undefined || !dc) return ctx.skip(skip);
    const shippedGpos = SHIPPED.filter((path) => readFileSync(path, 'utf8').includes('kind: gpo'));
    expect(deployed.map((d) => d.gpo.sourcePath).sort()).toEqual([...shippedGpos, FIXTURE[1]].sort());
    for (const target of deployed) {
      const { gpo, machine, user } = target;
      const result = deploy(target);
      expect(result.status, `${gpo.name}: ${result.stderr}`).toBe(0);
      const guid = result.stdout.trim();
      expect(guid).toMatch(/^\{[0-9A-F-]{36}\}$/);
      expect(guidsNamed(gpo.name)).toEqual([guid]);

      const version = packGpoVersion(sideVersion(gpo, user), sideVersion(gpo, machine));
      expect(version).toBeGreaterThan(0);
      expect(sambaTool(['gpo', 'show', guid])).toContain(`\nversion      : ${version}\n`);

      const folder = backup(guid);
      expect(readFileSync(join(folder, 'GPT.INI.SAMBABACKUP'), 'utf8')).toMatch(new RegExp(`^Version = ${version}$`, 'm'));
      const sides = [
        { folder: 'Machine', attribute: 'gPCMachineExtensionNames', plan: machine, tool: MACHINE_TOOL_GUID },
        { folder: 'User', attribute: 'gPCUserExtensionNames', plan: user, tool: USER_TOOL_GUID },
      ];
      for (const side of sides) {
        const pol = join(folder, side.folder, 'Registry.pol.SAMBABACKUP');
        const names = join(folder, `${side.attribute}.SAMBAEXT`);
        if (side.plan.actions.length === 0) {
          expect(existsSync(pol), `${gpo.name} ${side.folder}: no Registry.pol`).toBe(false);
          expect(existsSync(names), `${gpo.name}: no ${side.attribute}`).toBe(false);
          continue;
        }
        const onDc = new Uint8Array(readFileSync(pol));
        const dump = dumpWithSamba(onDc);
        const expected = side.plan.actions.map(polRecordFields).map(({ key, valueName, type }) => ({ keyname: key, valuename: valueName, type }));
        expect(dump.entries.map(({ keyname, valuename, type }) => ({ keyname, valuename, type })), `${gpo.name} ${side.folder}`).toEqual(expected);
        expect(Buffer.from(onDc).equals(Buffer.from(emitRegistryPol(side.plan.actions))), `${gpo.name} ${side.folder}: bytes`).toBe(true);
        expect(readFileSync(names, 'utf8')).toBe(extensionNames(side.plan, side.tool));
      }
    }
  }, 120_000);

  it('leaves one GPO per name when run again: an error without --replace, a replacement with it', (ctx) => {
    if (skip !== undefined || !dc) return ctx.skip(skip);
    const target = deployed.find((d) => d.gpo.sourcePath.endsWith('gpo-all-kinds.yaml'));
    if (!target) throw new Error('the all-kinds fixture GPO is missing');
    const [first] = guidsNamed(target.gpo.name);
    const again = deploy(target);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('--replace');
    expect(guidsNamed(target.gpo.name)).toEqual([first]);
    const replaced = deploy(target, '--replace');
    expect(replaced.status, replaced.stderr).toBe(0);
    const guid = replaced.stdout.trim();
    expect(guid).not.toBe(first);
    expect(guidsNamed(target.gpo.name)).toEqual([guid]);
  }, 60_000);

  it('takes the password from a prompt on stdin when PASSWD is unset, never from the command line', (ctx) => {
    if (skip !== undefined || !dc) return ctx.skip(skip);
    const target = deployed[0];
    if (!target) throw new Error('nothing deployed');
    const { PASSWD: password, ...env } = dc.clientEnv;
    const result = run('sh', [target.script, '--replace', DC_URL, DC_USER], env, 120_000, `${password}\n`);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toContain(`Password for ${DC_USER}: `);
    expect(guidsNamed(target.gpo.name)).toEqual([result.stdout.trim()]);
  }, 60_000);

  it('stops the DC by its process group and leaves nothing behind', async (ctx) => {
    if (skip !== undefined || !dc) return ctx.skip(skip);
    const { pid, dir } = dc;
    await dc.stop();
    dc = undefined;
    expect(groupMembers(pid)).toEqual([]);
    expect(existsSync(dir)).toBe(false);
    expect(snapshot(SYSTEM_DIRS)).toEqual(before);
  }, 30_000);
});
