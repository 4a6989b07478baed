/** References between definitions: categories, supportedOn, `using` prefixes (FORMATS.md c.4–c.7). */
import type { DataPath } from '../../load/yaml-source.js';
import type { CheckContext } from './context.js';
import { policies, supportedIds } from './walk.js';

interface Scope {
  readonly what: string;
  readonly known: ReadonlySet<string>;
}

/**
 * Checks one reference: "id" must exist in this file; "ownPrefix:id" likewise; "other:id" needs
 * `other` declared under `using` (its ids live in another file and are not checked here).
 */
function checkReference(ctx: CheckContext, ref: string, path: DataPath, scope: Scope): void {
  const colon = ref.indexOf(':');
  const prefix = colon < 0 ? undefined : ref.slice(0, colon);
  const id = colon < 0 ? ref : ref.slice(colon + 1);
  if (prefix !== undefined && prefix !== ctx.input.prefix) {
    if (!Object.hasOwn(ctx.input.using ?? {}, prefix)) ctx.report('GPF2103', path, prefix);
    return;
  }
  if (!scope.known.has(id)) ctx.report('GPF2102', path, scope.what, ref, [...scope.known].sort());
}

function supportedScope(ctx: CheckContext): Scope {
  return { what: 'supportedOn or product', known: new Set([...supportedIds(ctx.input)].map((entry) => entry.value)) };
}

export function checkReferences(ctx: CheckContext): void {
  const { input } = ctx;
  for (const prefix of Object.keys(input.using ?? {})) {
    if (prefix === input.prefix) ctx.report('GPF2117', { key: ['using', prefix] }, prefix);
  }
  const categories: Scope = { what: 'category', known: new Set((input.categories ?? []).map((c) => c.id)) };
  const supported = supportedScope(ctx);
  for (const [i, category] of (input.categories ?? []).entries()) {
    if (category.parent !== undefined) checkReference(ctx, category.parent, ['categories', i, 'parent'], categories);
  }
  for (const { value: policy, path } of policies(ctx)) {
    checkReference(ctx, policy.category, [...path, 'category'], categories);
    checkReference(ctx, policy.supportedOn, [...path, 'supportedOn'], supported);
  }
  for (const [i, definition] of (input.supportedOn ?? []).entries()) {
    for (const logic of ['or', 'and'] as const) {
      for (const [j, condition] of (definition[logic] ?? []).entries()) {
        const ref = 'reference' in condition ? condition.reference : condition.range;
        const field = 'reference' in condition ? 'reference' : 'range';
        checkReference(ctx, ref, ['supportedOn', i, logic, j, field], supported);
      }
    }
  }
}
