import { it } from 'vitest';
import { emitAdm } from '../../../src/emit/adm.js';
import { readAdm } from '../../../src/load/adm/read-adm.js';
import type { DefinitionsFile } from '../../../src/model/types.js';
import { allElementsModel } from '../../fixtures/all-elements.model.js';
import { compileFiles } from '../../support/compile-files.js';
import { compareDefinitions } from '../../support/model-compare.js';
import { builtInTemplates } from '../../support/templates.js';

function onlyLocale<T>(value: T, locales: readonly string[], locale: string): T {
  const walk = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(walk);
    if (typeof x === 'object' && x !== null) {
      const keys = Object.keys(x);
      if (keys.length > 0 && keys.every((k) => locales.includes(k)) && Object.values(x).every((v) => typeof v === 'string')) return { [locale]: (x as Record<string, string>)[locale] };
      return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, k === 'locales' ? [locale] : walk(v)]));
    }
    return x;
  };
  return walk(value) as T;
}
it('scratch', () => {
  const compiled = compileFiles(['test/fixtures/valid/all-elements.yaml']);
  const yamlModel = compiled.model!.definitions[0]!;
  for (const [name, model, files] of [
    ['yaml', yamlModel, compiled.files],
    ['model', allElementsModel, allElementsModel.locales.map((l) => emitAdm(allElementsModel, l, builtInTemplates).file)],
  ] as const) {
    for (const locale of model.locales) {
      const out = files.find((f) => f.path === `adm/${locale}/AllElements.adm`)!;
      const read = readAdm({ path: out.path, bytes: out.bytes }, { locale });
      console.log(name, locale, read.diagnostics.map((d) => d.code + ' ' + d.message));
      console.log(compareDefinitions(onlyLocale(model as DefinitionsFile, model.locales, locale), read.definitions!).join('\n'));
    }
  }
});
