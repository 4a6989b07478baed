/** Duplicate ids (FORMATS.md c.11: names are unique within their kind in a namespace). */
import type { DataPath } from '../../load/yaml-source.js';
import type { CheckContext } from './context.js';
import { policies, supportedIds, typedElements } from './walk.js';

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

/** Hyphens: tolerated for compatibility with real templates, but outside the XSD (GPF2120). */
function warnHyphens(ctx: CheckContext, what: string, entries: Iterable<Entry>): void {
  for (const { id, path } of entries) if (id.includes('-')) ctx.report('GPF2120', path, what, id);
}

export function checkIds(ctx: CheckContext): void {
  const { input } = ctx;
  warnHyphens(ctx, 'prefix', [{ id: input.prefix, path: ['prefix'] }]);
  const supported = [...supportedIds(input)].map(({ value, path }) => ({ id: value, path }));
  warnHyphens(ctx, 'id', supported);
  const categories = (input.categories ?? []).map((c, i) => ({ id: c.id, path: ['categories', i, 'id'] }));
  const policyIds = [...policies(ctx)].map((p) => ({ id: p.value.id, path: [...p.path, 'id'] }));
  warnHyphens(ctx, 'category id', categories);
  warnHyphens(ctx, 'policy id', policyIds);
  reportDuplicates(ctx, 'locale', ctx.locales.map((id, i) => ({ id, path: ['locales', i] })), true);
  reportDuplicates(ctx, 'product or supportedOn id', supported);
  reportDuplicates(ctx, 'category id', categories);
  reportDuplicates(ctx, 'policy id', policyIds);
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
