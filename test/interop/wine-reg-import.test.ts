/**
 * We read what regedit writes (issue 10): Wine's regedit and reg.exe (which mirror Windows'
 * own, FORMATS.md [IMPL:WINE]) import gpforge's apply.reg, export the policy tree again in their
 * own layout (UTF-16LE, wrapped hex, their key order), and gpforge's .reg reader turns that export
 * into the very values the plan set. Also: Wine accepts the apply.reg of every raw record form
 * (`[-key]` blocks, `hex(5)`, notes).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRegFile } from '../../src/load/gpo/read-reg.js';
import { planGpoSide } from '../../src/model/registry-plan.js';
import type { RegistryAction } from '../../src/model/registry-types.js';
import { compileFiles } from '../support/compile-files.js';
import { createWinePrefix, IMPORTERS, WINE, WINE_SKIP_NOTE, type WinePrefix } from '../support/wine.js';

const built = compileFiles(['test/fixtures/valid/all-elements.yaml', 'test/fixtures/valid/gpo-all-kinds.yaml', 'test/fixtures/valid/gpo-raw-records.yaml']);
const file = (path: string) => built.files.find((f) => f.path === path)!.bytes;
const gpo = (slug: string) => built.model!.gpos.find((g) => g.slug === slug)!;

/** What a registry holds after the actions: the last data set per value (soft or not), deletes applied. */
function finalValues(actions: readonly RegistryAction[]): string[] {
  const values = new Map<string, string>();
  for (const action of actions) {
    const id = 'valueName' in action ? `${action.key.toLowerCase()}\\${action.valueName.toLowerCase()}` : '';
    if (action.kind === 'set') values.set(id, JSON.stringify([action.key, action.valueName, action.data], (_, v: unknown) => (typeof v === 'bigint' ? String(v) : v instanceof Uint8Array ? [...v] : v)));
    else if (action.kind === 'deleteValue') values.delete(id);
  }
  return [...values.values()].sort();
}

describe.skipIf(!WINE)('gpforge reads .reg files exported by Wine', () => {
  let prefix: WinePrefix;
  beforeAll(() => {
    prefix = createWinePrefix('gpforge-reg-import-');
  });
  afterAll(async () => {
    await prefix?.dispose();
  });

  it.each(IMPORTERS.map((importer) => [importer.name, importer] as const))('%s: export of the imported all-kinds apply.reg reads back as the planned values', async (_name, importer) => {
    const all = gpo('all-kinds-quoted-tagged-e');
    writeFileSync(join(prefix.dir, 'apply.reg'), file(`gpo/${all.slug}/apply.reg`));
    await prefix.wine(...importer.importArgs('apply.reg'));
    await prefix.wine(...importer.exportArgs('HKEY_LOCAL_MACHINE\\Software\\Policies\\Contoso', 'export.reg'));
    const read = readRegFile(readFileSync(join(prefix.dir, 'export.reg')), 'export.reg');
    expect(read.diagnostics).toEqual([]);
    const planned = planGpoSide(all.computer, 'HKLM').actions.filter((a) => a.key.startsWith('Software\\Policies\\Contoso'));
    expect(finalValues(read.machine)).toEqual(finalValues(planned));
    expect(finalValues(planned).length).toBeGreaterThan(10);
  }, 120_000);

  it('Wine imports the apply.reg of every raw record form', async () => {
    const raw = gpo('raw-records-every-form');
    writeFileSync(join(prefix.dir, 'raw.reg'), file(`gpo/${raw.slug}/apply.reg`));
    await prefix.wine('reg', 'import', 'raw.reg');
    await prefix.wine('reg', 'export', 'HKEY_LOCAL_MACHINE\\Software\\Policies\\Gpforge\\Records', 'raw-export.reg', '/y');
    const read = readRegFile(readFileSync(join(prefix.dir, 'raw-export.reg')), 'raw-export.reg');
    expect(read.diagnostics).toEqual([]);
    const names = read.machine.flatMap((a) => ('valueName' in a ? [a.valueName] : []));
    expect(names).toEqual(expect.arrayContaining(['Soft', 'SoftQ', 'Marker', 'Big endian', 'Unterminated']));
  }, 120_000);
});

if (!WINE) describe('gpforge reads .reg files exported by Wine', () => it.skip(WINE_SKIP_NOTE, () => {}));
