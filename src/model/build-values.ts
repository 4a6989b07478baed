/** YAML registry values and value lists → model RegValue / ValueList (FORMATS.md c.7). */
import type { DataPath, SourceDoc } from '../load/yaml-source.js';
import type { RegValue, ValueList } from './types.js';

export type RegValueInput = number | string | { readonly qword: number | string } | { readonly dword: string } | { readonly delete: true };
type ItemInput = { readonly key?: string; readonly valueName: string; readonly value: RegValueInput };
export type ValueListInput = readonly ItemInput[] | { readonly defaultKey?: string; readonly items: readonly ItemInput[] };

/**
 * Integer → decimal, string → string, { qword } → longDecimal (exact, from the YAML source),
 * { dword: "digits" } → decimal, { delete } → delete. A digit string that is not the plain
 * decimal form (`000000`) is kept as `written`, so the ADMX says it the same way.
 */
export function buildRegValue(doc: SourceDoc, value: RegValueInput, path: DataPath): RegValue {
  if (typeof value === 'number') return { kind: 'decimal', value };
  if (typeof value === 'string') return { kind: 'string', value };
  if ('dword' in value) {
    const exact = BigInt(value.dword.trim());
    return { kind: 'decimal', value: Number(exact), ...writtenUnlessPlain(value.dword, exact) };
  }
  if ('qword' in value) {
    const exact = typeof value.qword === 'string' ? BigInt(value.qword.trim()) : doc.exactInteger([...path, 'qword']);
    const written = typeof value.qword === 'string' && exact !== undefined ? writtenUnlessPlain(value.qword, exact) : {};
    return { kind: 'longDecimal', value: exact ?? BigInt(value.qword), ...written };
  }
  return { kind: 'delete' };
}

function writtenUnlessPlain(text: string, value: bigint): { written?: string } {
  return text === value.toString() ? {} : { written: text };
}

export function buildValueList(doc: SourceDoc, list: ValueListInput, path: DataPath): ValueList {
  const isArray = Array.isArray(list);
  const items = isArray ? (list as readonly ItemInput[]) : (list as { items: readonly ItemInput[] }).items;
  const itemsPath = isArray ? path : [...path, 'items'];
  const defaultKey = isArray ? undefined : (list as { defaultKey?: string }).defaultKey;
  return {
    ...(defaultKey !== undefined && { defaultKey }),
    items: items.map((item, i) => ({
      ...(item.key !== undefined && { key: item.key }),
      valueName: item.valueName,
      value: buildRegValue(doc, item.value, [...itemsPath, i, 'value']),
    })),
  };
}

/** A number written in YAML, exactly (longDecimal limits reach 2^64-1). */
export function exactBigInt(doc: SourceDoc, value: number | string | undefined, path: DataPath, fallback: bigint): bigint {
  if (value === undefined) return fallback;
  if (typeof value === 'string') return BigInt(value);
  return doc.exactInteger(path) ?? BigInt(value);
}
