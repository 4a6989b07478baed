/**
 * Raw registry values of a GPO file (DESIGN.md §1.2 `registry:`) → RegistryAction, checking that
 * the data fits its type (FORMATS.md a.3) and what Registry.pol can carry (a.2: size ≤ 65535).
 */
import type { DataPath } from '../../load/yaml-source.js';
import type { RegistryAction, RegistryData } from '../../model/registry-types.js';
import type { RawRegistryInput } from '../../schema/gpo-schema.js';
import { checkKey } from '../definitions/check-registry.js';
import { isRegLiteral } from '../../text/reg-literal.js';
import type { Reporter } from '../reporter.js';
import { DWORD_MAX, QWORD_MAX, POL_DATA_MAX_BYTES } from '../../model/limits.js';


/** A string stored as REG_SZ: no NUL, and its UTF-16 bytes with terminator fit a PReg record. */
export function checkRegString(r: Reporter, value: string, path: DataPath, what: string): boolean {
  if (value.includes('\0')) {
    r.report('GPF2214', path, what);
    return false;
  }
  const size = (value.length + 1) * 2;
  if (size > POL_DATA_MAX_BYTES) {
    r.report('GPF2216', path, size);
    return false;
  }
  return true;
}

export function checkRawRegistry(r: Reporter, entry: RawRegistryInput, path: DataPath): RegistryAction | undefined {
  checkKey(r, entry.key, [...path, 'key']);
  const { key } = entry;
  const writable = [checkWritable(r, key, [...path, 'key'], true), 'name' in entry && !('rawType' in entry) ? checkWritable(r, entry.name, [...path, 'name'], false) : true];
  if (writable.includes(false)) return undefined;
  if ('createKey' in entry) return { kind: 'createKey', key };
  if ('deleteAllValues' in entry) return { kind: 'deleteAllValues', key };
  if ('secureKey' in entry) return { kind: 'secureKey', key, secure: entry.secureKey };
  if ('deleteKeys' in entry) {
    return checkNameList(r, entry.deleteKeys, [...path, 'deleteKeys']) ? { kind: 'deleteKeys', key, subkeys: entry.deleteKeys } : undefined;
  }
  if ('deleteValues' in entry) {
    return checkNameList(r, entry.deleteValues, [...path, 'deleteValues']) ? { kind: 'deleteValues', key, valueNames: entry.deleteValues } : undefined;
  }
  if ('rawType' in entry) return checkRecord(r, entry, path);
  // `**del.**x` is a fine PReg record; only a set named `**...` would read back as a directive.
  if ('delete' in entry) return checkRegString(r, entry.name, [...path, 'name'], 'a value name') ? { kind: 'deleteValue', key, valueName: entry.name } : undefined;
  if (entry.soft !== true && !checkValueName(r, entry.name, [...path, 'name'])) return undefined;
  if (entry.soft === true && !checkRegString(r, entry.name, [...path, 'name'], 'a value name')) return undefined;
  const data = checkData(r, entry.type as RegistryData['type'], entry.value, [...path, 'value']);
  if (data?.type === 'REG_NONE' && entry.name === '' && entry.soft !== true) return void r.report('GPF2220', [...path, 'type']);
  if (!data) return undefined;
  return entry.soft === true ? { kind: 'set', key, valueName: entry.name, data, soft: true } : { kind: 'set', key, valueName: entry.name, data };
}

/**
 * Every registry output must be able to name it: .reg has no escape for control characters
 * (FORMATS.md b.5) and reads a key up to its last `]` (b.2).
 */
function checkWritable(r: Reporter, name: string, path: DataPath, isKey: boolean): boolean {
  if (isRegLiteral(name) && !(isKey && name.endsWith(']'))) return true;
  r.report('GPF2222', path, name);
  return false;
}

/** `**DeleteKeys` / `**DeleteValues` names: joined by `;` in one REG_SZ (FORMATS.md a.4). */
function checkNameList(r: Reporter, names: readonly string[], path: DataPath): boolean {
  let ok = true;
  for (const [i, name] of names.entries()) {
    if (!checkWritable(r, name, [...path, i], true)) ok = false;
    else if (name.includes(';')) {
      r.report('GPF2221', [...path, i], name);
      ok = false;
    } else ok = checkRegString(r, name, [...path, i], 'a name') && ok;
  }
  return ok && checkRegString(r, names.join(';'), path, 'the names');
}

/** A verbatim record: any name but NUL, any type number, hex data (FORMATS.md a.2). */
function checkRecord(r: Reporter, entry: Extract<RawRegistryInput, { rawType: number }>, path: DataPath): RegistryAction | undefined {
  if (!checkRegString(r, entry.name, [...path, 'name'], 'a value name')) return undefined;
  const bytes = hexBytes(r, entry.data, [...path, 'data'], 'rawType');
  return bytes && { kind: 'record', key: entry.key, valueName: entry.name, type: entry.rawType, data: bytes };
}

function checkValueName(r: Reporter, name: string, path: DataPath): boolean {
  if (name.startsWith('**')) r.report('GPF2217', path, name);
  else return checkRegString(r, name, path, 'a value name');
  return false;
}

type RawValue = string | number | readonly string[] | undefined;

function checkData(r: Reporter, type: RegistryData['type'], value: RawValue, path: DataPath): RegistryData | undefined {
  const misfit = (problem: string) => void r.report('GPF2211', path, type, problem);
  switch (type) {
    case 'REG_SZ':
    case 'REG_EXPAND_SZ':
      if (typeof value !== 'string') return misfit('expected a text (quote numbers)');
      return checkRegString(r, value, path, 'the data') ? { type, value } : undefined;
    case 'REG_DWORD': {
      const n = wholeNumber(r, value, path);
      if (n === undefined || n > DWORD_MAX) return misfit('a REG_DWORD holds a whole number 0..4294967295');
      return { type, value: Number(n) };
    }
    case 'REG_QWORD': {
      const n = wholeNumber(r, value, path);
      if (n === undefined || n > QWORD_MAX) return misfit('a REG_QWORD holds a whole number 0..18446744073709551615');
      return { type, value: n };
    }
    case 'REG_MULTI_SZ':
      return checkMultiString(r, value, path);
    case 'REG_BINARY':
      return checkBinary(r, value, path);
    case 'REG_NONE':
      return value === undefined || value === '' ? { type } : misfit('REG_NONE holds no data (leave value out)');
    default:
      return misfit('unknown type');
  }
}

function wholeNumber(r: Reporter, value: RawValue, path: DataPath): bigint | undefined {
  if (typeof value === 'number') return r.doc.exactInteger(path) ?? BigInt(value);
  if (typeof value === 'string' && /^[0-9]{1,20}$/.test(value)) return BigInt(value);
  if (typeof value === 'string' && /^0x[0-9a-f]{1,16}$/i.test(value)) return BigInt(value);
  return undefined;
}

function checkMultiString(r: Reporter, value: RawValue, path: DataPath): RegistryData | undefined {
  if (!Array.isArray(value)) return void r.report('GPF2211', path, 'REG_MULTI_SZ', 'expected a list of texts');
  const strings = value as readonly string[];
  let ok = true;
  for (const [i, s] of strings.entries()) {
    if (s === '') {
      r.report('GPF2215', [...path, i], 'a string');
      ok = false;
    } else ok = checkRegString(r, s, [...path, i], 'a string') && ok;
  }
  const size = strings.reduce((n, s) => n + (s.length + 1) * 2, 2);
  if (ok && size > POL_DATA_MAX_BYTES) r.report('GPF2216', path, size);
  return ok && size <= POL_DATA_MAX_BYTES ? { type: 'REG_MULTI_SZ', value: strings } : undefined;
}

/** Hex bytes, optionally separated by spaces, commas or colons: "01 ff", "01,ff", "01ff". */
function checkBinary(r: Reporter, value: RawValue, path: DataPath): RegistryData | undefined {
  const bytes = hexBytes(r, value, path, 'REG_BINARY');
  return bytes && { type: 'REG_BINARY', value: bytes };
}

function hexBytes(r: Reporter, value: RawValue, path: DataPath, what: string): Uint8Array | undefined {
  if (typeof value !== 'string') return void r.report('GPF2211', path, what, 'expected hex bytes in a text, like "01 ff 7a"');
  const hex = value.replace(/[\s,:]/g, '');
  if (!/^[0-9a-fA-F]*$/.test(hex)) return void r.report('GPF2211', path, what, 'only hex digits 0-9 a-f are allowed');
  if (hex.length % 2 !== 0) return void r.report('GPF2211', path, what, `odd number of hex digits (${hex.length})`);
  if (hex.length / 2 > POL_DATA_MAX_BYTES) return void r.report('GPF2216', path, hex.length / 2);
  return Uint8Array.from(hex.match(/../g) ?? [], (b) => parseInt(b, 16));
}
