/**
 * Registry.pol (PReg) writer: renders registry actions as the binary file the Registry CSE reads
 * (FORMATS.md §a). The whole byte layout, stated once; src/load/pol-reader.ts reads the same
 * constants.
 *
 *   file    = header record*                       (no BOM, no count, no padding, no trailer)
 *   header  = 50 52 65 67 ("PReg")  01 00 00 00    (signature, then DWORD version 1)
 *   record  = "[" key NUL ";" valueName NUL ";" type ";" size ";" data "]"
 *
 * Every character, including the delimiters and the NUL terminators, is one UTF-16LE code unit
 * (2 bytes). `type` and `size` are DWORDs, little-endian. `data` is exactly `size` raw bytes
 * (FORMATS.md a.3): REG_SZ/REG_EXPAND_SZ = UTF-16LE + 00 00; REG_MULTI_SZ = each string + 00 00,
 * then one more 00 00 (empty list = just 00 00); REG_DWORD 4 bytes LE; REG_QWORD 8 bytes LE;
 * REG_BINARY raw; REG_NONE nothing.
 *
 * Directives live in the value name (FORMATS.md a.4), written exactly as GPEdit does:
 *   `**del.<name>` and `**delvals.` as REG_SZ, size 4, data 20 00 00 00 (" " + NUL);
 *   `**soft.<name>` with the value's own type and data; key only: empty name, REG_NONE, size 0;
 *   `**DeleteKeys` / `**DeleteValues` as REG_SZ, the names joined by `;` + NUL;
 *   `**SecureKey` as REG_DWORD 1 or 0 (the type is UNVERIFIED, FORMATS.md a.4).
 * A `record` action is written exactly as it was read (imports that must round-trip).
 */
import type { RegistryAction, RegistryData, RegistryType } from '../model/registry-types.js';

/** "PReg" + DWORD 1 (FORMATS.md a.1). */
export const POL_SIGNATURE = Uint8Array.of(0x50, 0x52, 0x65, 0x67);
export const POL_VERSION = 1;
export const POL_HEADER_SIZE = 8;

/** The four delimiter code units of a record (FORMATS.md a.2). */
export const POL_CHAR = { open: 0x5b, separator: 0x3b, close: 0x5d, nul: 0x00 } as const;

/** Largest `size` the PReg grammar allows (FORMATS.md a.2); the validator keeps data below it. */
export const POL_MAX_DATA_SIZE = 0xffff;

/** REG_* numbers (FORMATS.md a.2), for the types RegistryData can hold. */
export const REG_TYPE_CODE: Readonly<Record<RegistryType, number>> = {
  REG_NONE: 0,
  REG_SZ: 1,
  REG_EXPAND_SZ: 2,
  REG_BINARY: 3,
  REG_DWORD: 4,
  REG_MULTI_SZ: 7,
  REG_QWORD: 11,
};

/** Value-name prefixes written by this emitter (FORMATS.md a.4); readers match them ignoring case. */
export const POL_DIRECTIVE = {
  deleteValue: '**del.',
  deleteAllValues: '**delvals.',
  soft: '**soft.',
  deleteKeys: '**DeleteKeys',
  deleteValues: '**DeleteValues',
  secureKey: '**SecureKey',
} as const;

/** Separates the names in `**DeleteKeys` and `**DeleteValues` data (FORMATS.md a.4). */
export const POL_LIST_SEPARATOR = ';';

/** Names starting with this are directives, never plain value names (FORMATS.md a.8). */
export const POL_DIRECTIVE_MARK = '**';

/** Data of the delete markers, as GPEdit writes it: " " + NUL (FORMATS.md a.4). */
const DELETE_MARKER_DATA = ' \0';

/**
 * One record's fields. `data` as a string stands for its UTF-16LE code units (terminators
 * included; a DWORD or QWORD as the code units of its little-endian bytes): strings are written
 * straight into the file buffer, never encoded twice, and need no typed array per record.
 */
export interface PolRecordFields {
  readonly key: string;
  readonly valueName: string;
  readonly type: number;
  readonly data: Uint8Array | string;
}

/** Bytes of the fixed parts of a record: `[`, two NULs, four `;`, two DWORDs, `]` (FORMATS.md a.2). */
const RECORD_OVERHEAD = 2 + 2 + 2 + 2 + 2 + 4 + 2 + 4 + 2 + 2;

/**
 * Renders `actions` as a Registry.pol file, records in exactly the given order (the registry
 * planner decides the order, FORMATS.md a.6). No actions → the 8-byte header alone (a.1).
 * Throws only on input the validator must already have rejected (a gpforge bug): NUL in a key or
 * name, a non-soft `set` whose name starts with `**`, a `set` of the default value to REG_NONE
 * (it would read back as createKey), numbers out of range, data over 65535 bytes.
 */
export function emitRegistryPol(actions: readonly RegistryAction[]): Uint8Array {
  const records = actions.map(polRecordFields);
  let size = POL_HEADER_SIZE;
  for (const record of records) size += recordSize(record);
  const out = new PolWriter(size);
  out.bytes(POL_SIGNATURE);
  out.dword(POL_VERSION);
  for (const record of records) out.record(record);
  return out.buffer;
}

/** The fields of the record that writes `action` (FORMATS.md a.3, a.4). */
export function polRecordFields(action: RegistryAction): PolRecordFields {
  switch (action.kind) {
    case 'set':
      return setRecordFields(action.key, action.valueName, action.data, action.soft === true);
    case 'deleteValue':
      return { key: action.key, valueName: POL_DIRECTIVE.deleteValue + action.valueName, type: REG_TYPE_CODE.REG_SZ, data: DELETE_MARKER_DATA };
    case 'deleteAllValues':
      return { key: action.key, valueName: POL_DIRECTIVE.deleteAllValues, type: REG_TYPE_CODE.REG_SZ, data: DELETE_MARKER_DATA };
    case 'createKey':
      return { key: action.key, valueName: '', type: REG_TYPE_CODE.REG_NONE, data: '' };
    case 'deleteKeys':
      return { key: action.key, valueName: POL_DIRECTIVE.deleteKeys, type: REG_TYPE_CODE.REG_SZ, data: `${action.subkeys.join(POL_LIST_SEPARATOR)}\0` };
    case 'deleteValues':
      return { key: action.key, valueName: POL_DIRECTIVE.deleteValues, type: REG_TYPE_CODE.REG_SZ, data: `${action.valueNames.join(POL_LIST_SEPARATOR)}\0` };
    case 'secureKey':
      return { key: action.key, valueName: POL_DIRECTIVE.secureKey, type: REG_TYPE_CODE.REG_DWORD, data: dword(action.secure ? 1 : 0) };
    case 'record':
      return { key: action.key, valueName: action.valueName, type: action.type, data: action.data };
    default:
      return assertNever(action);
  }
}

function setRecordFields(key: string, valueName: string, data: RegistryData, soft: boolean): PolRecordFields {
  if (!soft && valueName.startsWith(POL_DIRECTIVE_MARK)) {
    throw new Error(`gpforge bug: value name "${valueName}" starts with "**" and would read as a PReg directive`);
  }
  if (!soft && valueName === '' && data.type === 'REG_NONE') {
    throw new Error(`gpforge bug: REG_NONE default value of "${key}" is indistinguishable from a key-only record`);
  }
  const name = soft ? POL_DIRECTIVE.soft + valueName : valueName;
  return { key, valueName: name, type: REG_TYPE_CODE[data.type], data: dataPayload(data) };
}

/** The raw value bytes of `data` (FORMATS.md a.3), as a string of UTF-16 code units where it is text. */
function dataPayload(data: RegistryData): Uint8Array | string {
  switch (data.type) {
    case 'REG_SZ':
    case 'REG_EXPAND_SZ':
      return `${data.value}\0`;
    case 'REG_MULTI_SZ':
      return multiStringPayload(data.value);
    case 'REG_DWORD':
      return dword(data.value);
    case 'REG_QWORD':
      return qword(data.value);
    case 'REG_BINARY':
      return data.value;
    case 'REG_NONE':
      return '';
    default:
      return assertNever(data);
  }
}

function multiStringPayload(strings: readonly string[]): string {
  for (const s of strings) {
    if (s === '' || s.includes('\0')) {
      throw new Error(`gpforge bug: REG_MULTI_SZ item ${JSON.stringify(s)} is empty or holds NUL`);
    }
  }
  return strings.length === 0 ? '\0' : `${strings.join('\0')}\0\0`;
}

function dataSize(data: Uint8Array | string): number {
  return typeof data === 'string' ? data.length * 2 : data.length;
}

/** The record's size in bytes; throws on what the validator must have rejected. */
function recordSize(record: PolRecordFields): number {
  const size = dataSize(record.data);
  if (size > POL_MAX_DATA_SIZE) throw new Error(`gpforge bug: ${size} data bytes for "${record.key}" exceed ${POL_MAX_DATA_SIZE}`);
  if (record.key.includes('\0') || record.valueName.includes('\0')) {
    const text = record.key.includes('\0') ? record.key : record.valueName;
    throw new Error(`gpforge bug: NUL inside PReg key or value name ${JSON.stringify(text)}`);
  }
  return RECORD_OVERHEAD + (record.key.length + record.valueName.length) * 2 + size;
}

/** Writes into one preallocated buffer: no per-field allocation (a 100,000-record file is common). */
class PolWriter {
  readonly buffer: Uint8Array;
  private readonly view: DataView;
  private at = 0;

  constructor(size: number) {
    this.buffer = new Uint8Array(size);
    this.view = new DataView(this.buffer.buffer);
  }

  record(fields: PolRecordFields): void {
    this.unit(POL_CHAR.open);
    this.text(fields.key);
    this.unit(POL_CHAR.nul);
    this.unit(POL_CHAR.separator);
    this.text(fields.valueName);
    this.unit(POL_CHAR.nul);
    this.unit(POL_CHAR.separator);
    this.dword(fields.type);
    this.unit(POL_CHAR.separator);
    this.dword(dataSize(fields.data));
    this.unit(POL_CHAR.separator);
    if (typeof fields.data === 'string') this.text(fields.data);
    else this.bytes(fields.data);
    this.unit(POL_CHAR.close);
  }

  bytes(bytes: Uint8Array): void {
    this.buffer.set(bytes, this.at);
    this.at += bytes.length;
  }

  dword(value: number): void {
    if (!Number.isInteger(value) || value < 0 || value > 0xffffffff) throw new Error(`gpforge bug: ${value} is not a DWORD`);
    this.view.setUint32(this.at, value, true);
    this.at += 4;
  }

  unit(unit: number): void {
    this.buffer[this.at++] = unit & 0xff;
    this.buffer[this.at++] = unit >>> 8;
  }

  /** UTF-16LE code units as they are (lone surrogates kept). */
  text(text: string): void {
    // Plain byte stores: faster than DataView.setUint16 per code unit in a cold single run.
    const buffer = this.buffer;
    let at = this.at;
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i);
      buffer[at++] = unit & 0xff;
      buffer[at++] = unit >>> 8;
    }
    this.at = at;
  }
}

/** A DWORD's 4 little-endian bytes as 2 UTF-16 code units (see PolRecordFields). */
function dword(value: number): string {
  if (!Number.isInteger(value) || value < 0 || value > 0xffffffff) {
    throw new Error(`gpforge bug: ${value} is not a DWORD`);
  }
  return String.fromCharCode(value & 0xffff, value >>> 16);
}

/** A QWORD's 8 little-endian bytes as 4 UTF-16 code units. */
function qword(value: bigint): string {
  if (value < 0n || value > 0xffffffffffffffffn) throw new Error(`gpforge bug: ${value} is not a QWORD`);
  return dword(Number(value & 0xffffffffn)) + dword(Number(value >> 32n));
}

function assertNever(_value: never): never {
  throw new Error('gpforge bug: unhandled registry action or data variant');
}
