/**
 * One element value from a GPO file, checked against its element (FORMATS.md c.8) and turned
 * into a typed ElementValue; a problem is reported at the value and yields undefined.
 */
import type { DataPath } from '../../load/yaml-source.js';
import type { ElementValue } from '../../model/registry-types.js';
import type { EnumElement, ListElement, PolicyElement, RegValue } from '../../model/types.js';
import type { Reporter } from '../reporter.js';
import { checkRegString } from './registry-data.js';
import { QWORD_MAX } from '../../model/limits.js';


export function checkElementValue(r: Reporter, element: PolicyElement, raw: unknown, path: DataPath): ElementValue | undefined {
  const wrong = (expected: string) => void r.report('GPF2205', path, element.id, `a ${element.type}`, expected);
  switch (element.type) {
    case 'boolean':
      if (typeof raw === 'boolean') return { type: 'boolean', value: raw };
      return wrong('true or false');
    case 'decimal':
    case 'longDecimal': {
      const value = exactNumber(r, raw, path, element.type === 'longDecimal');
      if (value === undefined) return wrong(element.type === 'decimal' ? 'a whole number' : 'a whole number (digits in quotes beyond 2^53)');
      const [min, max] = [BigInt(element.minValue), BigInt(element.maxValue)];
      if (value < min || value > max) return void r.report('GPF2207', path, value.toString(), min.toString(), max.toString());
      return element.type === 'decimal' ? { type: 'decimal', value: Number(value) } : { type: 'longDecimal', value };
    }
    case 'text':
      if (typeof raw !== 'string') return wrong('a text (quote numbers)');
      if (raw.length > element.maxLength) return void r.report('GPF2208', path, raw.length, element.maxLength);
      return checkRegString(r, raw, path, `element '${element.id}'`) ? { type: 'text', value: raw } : undefined;
    case 'multiText':
      return checkMultiText(r, element.id, element.maxStrings, element.maxLength, raw, path);
    case 'enum':
      return checkEnum(r, element, raw, path);
    case 'list':
      return checkList(r, element, raw, path);
  }
}

/** A YAML integer (exact, even beyond 2^53) or, where allowed, a string of digits. */
function exactNumber(r: Reporter, raw: unknown, path: DataPath, digitsAllowed: boolean): bigint | undefined {
  // A safe integer is exactly what the YAML says; only larger ones need the source text.
  if (typeof raw === 'number' && Number.isSafeInteger(raw) && raw >= 0) return BigInt(raw);
  if (typeof raw === 'number' && Number.isInteger(raw) && raw >= 0) return r.doc.exactInteger(path) ?? BigInt(raw);
  if (digitsAllowed && typeof raw === 'string' && /^[0-9]{1,20}$/.test(raw) && BigInt(raw) <= QWORD_MAX) return BigInt(raw);
  return undefined;
}

function checkMultiText(r: Reporter, id: string, maxStrings: number, maxLength: number, raw: unknown, path: DataPath): ElementValue | undefined {
  if (!Array.isArray(raw) || !raw.every((s) => typeof s === 'string')) {
    return void r.report('GPF2205', path, id, 'a multiText', 'a list of texts');
  }
  if (maxStrings > 0 && raw.length > maxStrings) return void r.report('GPF2209', path, raw.length, maxStrings);
  let ok = true;
  for (const [i, s] of (raw as string[]).entries()) {
    if (s.length > maxLength) {
      r.report('GPF2208', [...path, i], s.length, maxLength);
      ok = false;
    } else if (s === '') {
      r.report('GPF2215', [...path, i], 'a string');
      ok = false;
    } else ok = checkRegString(r, s, [...path, i], 'a string') && ok;
  }
  return ok ? { type: 'multiText', value: raw as string[] } : undefined;
}

function regValueMatches(value: RegValue, raw: unknown): boolean {
  if (value.kind === 'decimal') return raw === value.value;
  if (value.kind === 'longDecimal') return (typeof raw === 'number' || typeof raw === 'string') && String(raw) === value.value.toString();
  if (value.kind === 'string') return raw === value.value;
  return false;
}

/** An item id, or an item's value (DESIGN.md §1.2); ids win when both match. */
function checkEnum(r: Reporter, element: EnumElement, raw: unknown, path: DataPath): ElementValue | undefined {
  let index = element.items.findIndex((item) => item.id === raw);
  if (index < 0) index = element.items.findIndex((item) => regValueMatches(item.value, raw));
  if (index >= 0) return { type: 'enum', itemIndex: index };
  const items = element.items.map((item) => (item.value.kind === 'delete' ? item.id : `${item.id} (${String(item.value.value)})`));
  return void r.report('GPF2206', path, String(raw), items);
}

/** explicitValue lists take a map of value name → data, the others a list of texts (FORMATS.md c.8). */
function checkList(r: Reporter, element: ListElement, raw: unknown, path: DataPath): ElementValue | undefined {
  const isMap = raw !== null && typeof raw === 'object' && !Array.isArray(raw);
  if (element.explicitValue !== isMap || (!isMap && !(Array.isArray(raw) && raw.every((s) => typeof s === 'string')))) {
    const expected = element.explicitValue ? 'a map of value name to data' : 'a list of texts';
    return void r.report('GPF2205', path, element.id, 'a list', expected);
  }
  const entries: { name?: string; value: string }[] = isMap
    ? Object.entries(raw as Record<string, string>).map(([name, value]) => ({ name, value }))
    : (raw as string[]).map((value) => ({ value }));
  let ok = true;
  for (const entry of entries) {
    const at = entry.name === undefined ? [...path, entries.indexOf(entry)] : [...path, entry.name];
    ok = checkRegString(r, entry.value, at, 'list data') && ok;
    if (entry.name !== undefined) ok = checkRegString(r, entry.name, at, 'a value name') && ok;
    if (entry.name?.startsWith('**')) {
      r.report('GPF2217', at, entry.name);
      ok = false;
    }
  }
  return ok ? { type: 'list', entries } : undefined;
}
