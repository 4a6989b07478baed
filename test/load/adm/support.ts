/** Shared helpers for the .adm reader tests: the all-elements fixtures as .adm, read back. */
import { emitAdm, type AdmUnsupported } from '../../../src/emit/adm.js';
import { readAdm, type AdmReadResult } from '../../../src/load/adm/read-adm.js';
import type { DefinitionsFile } from '../../../src/model/types.js';
import { allElementsModel } from '../../fixtures/all-elements.model.js';
import { compileFiles } from '../../support/compile-files.js';
import { builtInTemplates } from '../../support/templates.js';

export const ADM_FIXTURES = 'test/fixtures/adm';

export interface AdmFixture {
  readonly name: string;
  readonly model: DefinitionsFile;
  /** The .adm bytes per locale. */
  readonly adm: ReadonlyMap<string, Uint8Array>;
  /** What the writer reported it left out (the same for every locale). */
  readonly unsupported: readonly AdmUnsupported[];
}

/** test/fixtures/valid/all-elements.yaml through the real pipeline (its adm/<locale>/AllElements.adm outputs). */
function yamlFixture(): AdmFixture {
  const compiled = compileFiles(['test/fixtures/valid/all-elements.yaml']);
  const model = compiled.model?.definitions[0];
  if (!model) throw new Error(`all-elements.yaml did not compile:\n${compiled.text}`);
  const adm = new Map(
    model.locales.map((locale) => {
      const file = compiled.files.find((f) => f.path === `adm/${locale}/AllElements.adm`);
      if (!file) throw new Error(`no adm/${locale}/AllElements.adm among the outputs`);
      return [locale, file.bytes] as const;
    }),
  );
  return { name: 'all-elements.yaml', model, adm, unsupported: emitAdm(model, model.locales[0] ?? 'en-US', builtInTemplates).unsupported };
}

/** test/fixtures/all-elements.model.ts through emitAdm. */
function modelFixture(): AdmFixture {
  const model = allElementsModel;
  const adm = new Map(model.locales.map((locale) => [locale, emitAdm(model, locale, builtInTemplates).file.bytes] as const));
  return { name: 'all-elements.model.ts', model, adm, unsupported: emitAdm(model, 'en-US', builtInTemplates).unsupported };
}

export const allElementsFixtures: readonly AdmFixture[] = [yamlFixture(), modelFixture()];

/** The fixture's .adm for `locale`, read back with that locale; fails the test when it has no model. */
export function readBack(fixture: AdmFixture, locale: string): AdmReadResult & { definitions: DefinitionsFile } {
  const bytes = fixture.adm.get(locale);
  if (bytes === undefined) throw new Error(`${fixture.name} has no ${locale} .adm`);
  const read = readAdm({ path: `adm/${locale}/AllElements.adm`, bytes }, { locale });
  if (read.definitions === undefined) throw new Error(`${fixture.name} (${locale}) read back to nothing`);
  return { ...read, definitions: read.definitions };
}

/** UTF-16LE with BOM, as gpforge and Chromium write .adm files. */
export function utf16le(text: string): Uint8Array {
  return Uint8Array.from([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]);
}
