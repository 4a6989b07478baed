/**
 * Real registry data (issue 10): a GPO configured on Windows' own templates (WindowsUpdate
 * AutoUpdateCfg option 4 / day 0 / 03:00, a device-ID list, enums) is built with --admx, its
 * Registry.pol is imported with --admx on the whole PolicyDefinitions folder, and every value
 * resolves to the policy and element values it came from; the YAML rebuilds the same bytes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/compile.js';
import { readPolicyDefinitions } from '../../src/load/admx/read-policy-definitions.js';
import { planPolicy } from '../../src/model/registry-plan.js';
import type { ConfiguredPolicy } from '../../src/model/registry-types.js';
import { CORPUS_DIR, corpusAvailable } from '../support/corpus.js';
import { buildWith, importGpo, writeBundle } from '../support/gpo-import.js';
import { builtInTemplates } from '../support/templates.js';

const FIXTURE = 'test/fixtures/corpus/gpo-windows-import.yaml';
const setting = (c: ConfiguredPolicy) => ({ policy: c.policy.id, state: c.state, actions: planPolicy(c) });

describe.skipIf(!corpusAvailable())('import against Windows PolicyDefinitions (--admx)', () => {
  const windows = readPolicyDefinitions(CORPUS_DIR);
  const built = compile([{ path: FIXTURE, text: readFileSync(FIXTURE, 'utf8') }], {
    templates: builtInTemplates, emit: true, backupTime: new Date(0), externalDefinitions: windows.definitions,
  });
  const gpo = built.model!.gpos[0]!;
  const dir = writeBundle(built.files);

  it.each(['Machine', 'User'] as const)('%s/Registry.pol: every value resolves to its policy', (side) => {
    const path = `gpo/${gpo.slug}/${side}/Registry.pol`;
    const imported = importGpo({ path: join(dir, path), kind: 'pol', admx: [CORPUS_DIR] });
    expect(imported.outcome.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const yaml = [...imported.yaml.values()][0]!;
    expect(yaml).not.toContain('registry:');
    const rebuilt = buildWith([], imported.yaml, windows.definitions);
    expect(rebuilt.diagnostics).toEqual([]);
    const again = rebuilt.model!.gpos[0]!;
    const original = side === 'Machine' ? gpo.computer : gpo.user;
    const resolved = side === 'Machine' ? again.computer : again.user;
    const byId = (a: { policy: string }, b: { policy: string }) => (a.policy < b.policy ? -1 : 1);
    expect(resolved.policies.map(setting).sort(byId)).toEqual(original.policies.map(setting).sort(byId));
    expect(resolved.registry).toEqual([]);
    const bytes = (files: typeof built.files, slug: string) => Buffer.from(files.find((f) => f.path === `gpo/${slug}/${side}/Registry.pol`)!.bytes);
    expect(bytes(rebuilt.files, again.slug)).toEqual(bytes(built.files, gpo.slug));
  });

  it('names AutoUpdateCfg with option 4, every day, 03:00 (Windows item ids)', () => {
    const imported = importGpo({ path: join(dir, `gpo/${gpo.slug}/Machine/Registry.pol`), kind: 'pol', admx: [CORPUS_DIR] });
    const yaml = [...imported.yaml.values()][0]!;
    expect(yaml).toContain('wuau:AutoUpdateCfg:\n      state: enabled\n      AutoUpdateMode: AutoUpdateModeAuto\n      AutoUpdateSchDay: AutoUpdateSchDay_Everyday\n      AutoUpdateSchTime: AutoUpdateSchTime3\n');
  });
});
