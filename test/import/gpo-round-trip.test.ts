/**
 * Round trip on gpforge's own outputs (issue 10): for every GPO fixture and the shipped Windows
 * Update GPOs, importing the built backup, each Registry.pol, apply.reg and lgpo.txt gives YAML
 * whose build writes byte-identical Registry.pol files; the YAML from the backup means the same
 * as the original (same policies, states, values, raw values, name, id, comment).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GpoInputKind } from '../../src/cli/run-import-gpo.js';
import type { ConfiguredPolicy } from '../../src/model/registry-types.js';
import type { Gpo } from '../../src/model/types.js';
import { planGpoSide, planPolicy } from '../../src/model/registry-plan.js';
import { compileFiles } from '../support/compile-files.js';
import { buildWith, importGpo, writeBundle } from '../support/gpo-import.js';

const PROJECTS = [
  { definitions: ['test/fixtures/valid/all-elements.yaml'], gpos: ['test/fixtures/valid/gpo-all-kinds.yaml', 'test/fixtures/valid/gpo-raw-records.yaml'] },
  { definitions: ['policies/windows-update.yaml'], gpos: readdirSync('policies').filter((f) => f.startsWith('gpo-')).map((f) => `policies/${f}`) },
];

/** registry-plan.ts: an absent checkbox value is an unticked one, so `false` and absent mean the same. */
const explicitValues = (c: ConfiguredPolicy) => Object.fromEntries([...c.values].filter(([, v]) => !(v.type === 'boolean' && !v.value)));
const settingOf = (c: ConfiguredPolicy) => ({ id: c.policy.id, state: c.state, values: explicitValues(c), actions: planPolicy(c) });
const meaningOf = (gpo: Gpo) => ({
  name: gpo.name,
  id: gpo.id,
  comment: gpo.comment,
  environment: gpo.environment,
  computer: { policies: gpo.computer.policies.map(settingOf), plan: planGpoSide(gpo.computer, 'HKLM') },
  user: { policies: gpo.user.policies.map(settingOf), plan: planGpoSide(gpo.user, 'HKCU') },
});

for (const project of PROJECTS) {
  const built = compileFiles([...project.definitions, ...project.gpos]);
  const dir = writeBundle(built.files);
  const pol = (path: string) => built.files.find((f) => f.path === path)?.bytes;

  describe(`import of built ${project.gpos.join(', ')}`, () => {
    it('builds', () => expect(built.diagnostics.filter((d) => d.severity === 'error')).toEqual([]));

    for (const gpo of built.model?.gpos ?? []) {
      const inputs: [string, GpoInputKind, ('Machine' | 'User')[]][] = [
        [`backups/${gpo.backupId}`, 'backup', ['Machine', 'User']],
        [`gpo/${gpo.slug}/Machine/Registry.pol`, 'pol', ['Machine']],
        [`gpo/${gpo.slug}/User/Registry.pol`, 'pol', ['User']],
        [`gpo/${gpo.slug}/apply.reg`, 'reg', ['Machine', 'User']],
        [`gpo/${gpo.slug}/lgpo.txt`, 'lgpo', ['Machine', 'User']],
      ];
      it.each(inputs)(`${gpo.slug}: %s rebuilds byte-identical Registry.pol`, (path, kind, sides) => {
        const imported = importGpo({ path: join(dir, path), kind, src: project.definitions });
        // Only the keepOrder side of the raw-records fixture may say it is not in canonical order.
        expect(imported.outcome.diagnostics.filter((d) => !d.message.startsWith('the records are not in canonical order'))).toEqual([]);
        expect(imported.yaml.size).toBe(1);
        const rebuilt = buildWith(project.definitions, imported.yaml);
        expect(rebuilt.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        const slug = rebuilt.model?.gpos[0]?.slug;
        for (const side of sides) {
          expect(Buffer.from(rebuilt.files.find((f) => f.path === `gpo/${slug}/${side}/Registry.pol`)!.bytes), side).toEqual(Buffer.from(pol(`gpo/${gpo.slug}/${side}/Registry.pol`)!));
        }
      });

      it(`${gpo.slug}: the YAML from the backup means what the original says`, () => {
        const imported = importGpo({ path: join(dir, `backups/${gpo.backupId}`), kind: 'backup', src: project.definitions });
        const rebuilt = buildWith(project.definitions, imported.yaml);
        const again = rebuilt.model!.gpos[0]!;
        const sortPolicies = (m: ReturnType<typeof meaningOf>) => {
          for (const side of [m.computer, m.user]) side.policies.sort((a, b) => (a.id < b.id ? -1 : 1));
          return m;
        };
        expect(sortPolicies(meaningOf(again))).toEqual(sortPolicies(meaningOf(gpo)));
      });
    }
  });
}
