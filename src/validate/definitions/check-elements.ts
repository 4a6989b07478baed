/** Element rules JSON Schema cannot state: ranges between fields, unique enum values (FORMATS.md c.8). */
import type { DataPath } from '../../load/yaml-source.js';
import type { CheckContext } from './context.js';
import { policies, typedElements, type Located, type TypedElementInput } from './walk.js';
import { DWORD_MAX, QWORD_MAX } from '../../model/limits.js';


/** min ≤ default ≤ max, with exact integers (longDecimal reaches 2^64-1). */
function checkNumberRange(ctx: CheckContext, path: DataPath, defaultMax: bigint, limit: bigint): void {
  const read = (field: string) => ctx.doc.exactInteger([...path, field]);
  for (const field of ['min', 'max']) {
    const value = read(field);
    if (value !== undefined && value > limit) ctx.report('GPF2006', [...path, field], value.toString(), '0', limit.toString());
  }
  const min = read('min') ?? 0n;
  const max = read('max') ?? defaultMax;
  if (min > max) ctx.report('GPF2108', [...path, 'min'], min.toString(), max.toString());
  const def = read('default');
  if (def !== undefined && (def < min || def > max)) {
    ctx.report('GPF2107', [...path, 'default'], 'default', def.toString(), min.toString(), max.toString());
  }
}

function valueKey(value: unknown): string {
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : `${typeof value}:${String(value)}`;
}

function checkEnum(ctx: CheckContext, element: Located<TypedElementInput & { type: 'enum' }>): void {
  const seen = new Map<string, string>();
  for (const [i, item] of element.value.items.entries()) {
    const key = valueKey(item.value);
    const other = seen.get(key);
    if (other !== undefined) ctx.report('GPF2109', [...element.path, 'items', i, 'value'], JSON.stringify(item.value), other);
    else seen.set(key, item.id);
  }
  const def = element.value.default;
  const ids = element.value.items.map((item) => item.id);
  if (def !== undefined && !ids.includes(def)) ctx.report('GPF2115', [...element.path, 'default'], def, ids);
}

export function checkElements(ctx: CheckContext): void {
  for (const policy of policies(ctx)) {
    for (const element of typedElements(policy)) {
      const e = element.value;
      if (e.type === 'decimal') checkNumberRange(ctx, element.path, 9999n, DWORD_MAX);
      else if (e.type === 'longDecimal') checkNumberRange(ctx, element.path, 9999n, QWORD_MAX);
      else if (e.type === 'enum') checkEnum(ctx, element as Located<TypedElementInput & { type: 'enum' }>);
      else if (e.type === 'list' && e.explicitValue && e.valuePrefix !== undefined) {
        ctx.report('GPF2112', { key: [...element.path, 'valuePrefix'] });
      }
    }
  }
  for (const policy of policies(ctx)) checkQwordValues(ctx, policy.value, [...policy.path]);
}

/**
 * { qword: n } values anywhere: exact range check on the digits as written. `path` is one stack,
 * pushed and popped, copied only where an integer is looked up: this visits every node of each policy.
 */
function checkQwordValues(ctx: CheckContext, data: unknown, path: (string | number)[]): void {
  if (Array.isArray(data)) {
    for (let i = 0; i < data.length; i++) {
      const item: unknown = data[i];
      if (item === null || typeof item !== 'object') continue;
      path.push(i);
      checkQwordValues(ctx, item, path);
      path.pop();
    }
  } else if (data !== null && typeof data === 'object') {
    for (const k of Object.keys(data)) {
      const v = (data as Record<string, unknown>)[k];
      if (k === 'qword' || k === 'dword') {
        const exact = typeof v === 'string' && /^\s*[0-9]+\s*$/.test(v) ? BigInt(v.trim()) : ctx.doc.exactInteger([...path, k]);
        const max = k === 'qword' ? QWORD_MAX : DWORD_MAX;
        if (exact !== undefined && exact > max) ctx.report('GPF2006', [...path, k], exact.toString(), '0', max.toString());
      } else if (v !== null && typeof v === 'object') {
        path.push(k);
        checkQwordValues(ctx, v, path);
        path.pop();
      }
    }
  }
}
