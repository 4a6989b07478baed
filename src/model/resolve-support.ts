/** Small helpers of resolve-policies.ts: policy references, exact action comparison, note texts. */
import { describeData } from './infer-values.js';
import type { ConfiguredPolicy, ElementValue, RegistryAction } from './registry-types.js';
import type { DefinitionsFile } from './types.js';

/**
 * `prefix:id`, as GPO files name policies (DESIGN.md §1.2), unless another file with the same
 * prefix (ignoring case) also defines `id`: then `namespace:id`, which the catalogue resolves.
 */
export function candidateRef(sources: readonly { readonly file: DefinitionsFile }[], file: DefinitionsFile, id: string): string {
  const prefix = file.prefix.toLowerCase();
  const clash = sources.some(({ file: other }) => other !== file && other.prefix.toLowerCase() === prefix && other.policies.some((p) => p.id === id));
  return `${clash ? file.namespace : file.prefix}:${id}`;
}

/** Exactly the same record: kind, key and name as spelled, same data. */
export function sameAction(a: RegistryAction, b: RegistryAction): boolean {
  return exactText(a) === exactText(b);
}

export function sameActions(a: readonly RegistryAction[], b: readonly RegistryAction[]): boolean {
  return a.length === b.length && a.every((action, i) => sameAction(action, b[i]!));
}

/** Canonical JSON: object keys sorted, bigint and bytes spelled out. */
function exactText(action: RegistryAction): string {
  return JSON.stringify(action, (_, v: unknown) => {
    if (typeof v === 'bigint') return `${v}n`;
    if (v instanceof Uint8Array) return [...v];
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) return Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)));
    return v;
  });
}

/** For notes: `set Key\Name = REG_DWORD 1`, `delete Key\Name`, ... */
export function describeAction(action: RegistryAction): string {
  const name = 'valueName' in action ? `${action.key}\\${action.valueName || '(default)'}` : action.key;
  switch (action.kind) {
    case 'set':
      return `${action.soft ? 'soft ' : ''}${name} = ${describeData(action.data)}`;
    case 'deleteValue':
      return `delete ${name}`;
    case 'deleteAllValues':
      return `delete all values of ${name}`;
    default:
      return `${action.kind} ${name}`;
  }
}

/** `ref (enabled: Mode=Fast)` for warnings. */
export function describeSetting(ref: string, configured: ConfiguredPolicy): string {
  const values = [...configured.values].map(([id, value]) => `${id}=${describeValue(value)}`).join(', ');
  return `${ref} (${configured.state}${values ? `: ${values}` : ''})`;
}

function describeValue(value: ElementValue): string {
  switch (value.type) {
    case 'enum':
      return `item ${value.itemIndex + 1}`;
    case 'list':
      return `${value.entries.length} entries`;
    case 'longDecimal':
      return value.value.toString();
    default:
      return JSON.stringify(value.value);
  }
}
