/** Duplicate ids (FORMATS.md c.11: names are unique within their kind in a namespace). */
import type { DataPath } from '../../load/yaml-source.js';
import type { CheckContext } from './context.js';
import { policies, typedElements } from './walk.js';

type Entry = { readonly id: string; readonly path: DataPath };

/** Reports each repeated id at the repeat, naming the line of the first. */
function reportDuplicates(ctx: CheckContext, what: string, entries: Iterable<Entry>, caseInsensitive = false): void {
  const first = new Map<string, DataPath>();
  for (const { id, path } of entries) {
    const norm = caseInsensitive ? id.toLowerCase() : id;
    const earlier = first.get(norm);
    if (earlier) ctx.report('GPF2101', path, what, id, ctx.lineOf(earlier));
    else first.set(norm, path);
  }
}

/** Products, their versions and supportedOn definitions share one name space: supportedOn refs. */
function* supportedIds(ctx: CheckContext): Generator<Entry> {
  for (const [i, product] of (ctx.input.products ?? []).entries()) {
    yield { id: product.id, path: ['products', i, 'id'] };
    for (const [j, major] of (product.versions ?? []).entries()) {
      yield { id: major.id, path: ['products', i, 'versions', j, 'id'] };
      for (const [k, minor] of (major.minorVersions ?? []).entries()) {
        yield { id: minor.id, path: ['products', i, 'versions', j, 'minorVersions', k, 'id'] };
      }
    }
  }
  for (const [i, s] of (ctx.input.supportedOn ?? []).entries()) yield { id: s.id, path: ['supportedOn', i, 'id'] };
}

/** Hyphens: tolerated for compatibility with real templates, but outside the XSD (GPF2120). */
function warnHyphens(ctx: CheckContext, what: string, entries: Iterable<Entry>): void {
  for (const { id, path } of entries) if (id.includes('-')) ctx.report('GPF2120', path, what, id);
}

export function checkIds(ctx: CheckContext): void {
  const { input } = ctx;
  warnHyphens(ctx, 'prefix', [{ id: input.prefix, path: ['prefix'] }]);
  warnHyphens(ctx, 'id', supportedIds(ctx));
  warnHyphens(ctx, 'category id', (input.categories ?? []).map((c, i) => ({ id: c.id, path: ['categories', i, 'id'] })));
  warnHyphens(ctx, 'policy id', [...policies(ctx)].map((p) => ({ id: p.value.id, path: [...p.path, 'id'] })));
  reportDuplicates(ctx, 'locale', ctx.locales.map((id, i) => ({ id, path: ['locales', i] })), true);
  reportDuplicates(ctx, 'product or supportedOn id', supportedIds(ctx));
  reportDuplicates(ctx, 'category id', (input.categories ?? []).map((c, i) => ({ id: c.id, path: ['categories', i, 'id'] })));
  reportDuplicates(ctx, 'policy id', [...policies(ctx)].map((p) => ({ id: p.value.id, path: [...p.path, 'id'] })));
  for (const policy of policies(ctx)) {
    const elements = [...typedElements(policy)];
    reportDuplicates(ctx, 'element id', elements.map((e) => ({ id: e.value.id, path: [...e.path, 'id'] })));
    for (const element of elements) {
      if (element.value.type !== 'enum') continue;
      const items = element.value.items.map((item, i) => ({ id: item.id, path: [...element.path, 'items', i, 'id'] }));
      reportDuplicates(ctx, 'enum item id', items);
    }
  }
}
