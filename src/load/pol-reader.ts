/**
 * Registry.pol (PReg) reader (FORMATS.md §a), for importing existing GPOs and for round-trip
 * tests of src/emit/pol.ts, whose header comment states the byte layout this reads.
 * Parses field by field — NUL-terminated strings, two DWORDs, then exactly `size` bytes — never
 * by searching for delimiters (FORMATS.md a.8). Never throws: problems are diagnostics whose
 * span holds byte offsets.
 */
import { diagnostic, type Diagnostic, type Span } from '../diagnostics/diagnostic.js';
import type { RegistryAction, RegistryData } from '../model/registry-types.js';
import {
  POL_CHAR,
  POL_DIRECTIVE,
  POL_DIRECTIVE_MARK,
  POL_HEADER_SIZE,
  POL_SIGNATURE,
  POL_VERSION,
  REG_TYPE_CODE,
} from '../emit/pol.js';

/** One record as stored; `offset` is the byte offset of its `[`. */
export interface PolRecord {
  readonly key: string;
  readonly valueName: string;
  readonly type: number;
  readonly data: Uint8Array;
  readonly offset: number;
}

/** On a structural problem: no records and exactly one diagnostic (the file is rejected). */
export interface PolParseResult {
  readonly records: PolRecord[];
  readonly diagnostics: Diagnostic[];
}

/** `unsupported`: records with no RegistryAction equivalent (see recordToActions). */
export interface PolActions {
  readonly actions: RegistryAction[];
  readonly unsupported: PolRecord[];
}

interface Source {
  readonly bytes: Uint8Array;
  readonly view: DataView;
  readonly file: string;
}

type Step<T> = { readonly value: T; readonly end: number } | { readonly failure: Diagnostic };

/** The `size` DWORD as read: its value and the offset just past it. */
interface SizeField {
  readonly value: number;
  readonly end: number;
}

/** Types whose `size` is checked against the type before the data is read (FORMATS.md a.8). */
const DWORD_TYPES: ReadonlyMap<number, string> = new Map([
  [REG_TYPE_CODE.REG_DWORD, 'REG_DWORD'],
  [5, 'REG_DWORD_BIG_ENDIAN'],
]);
const STRING_TYPES: ReadonlyMap<number, string> = new Map([
  [REG_TYPE_CODE.REG_SZ, 'REG_SZ'],
  [REG_TYPE_CODE.REG_EXPAND_SZ, 'REG_EXPAND_SZ'],
  [REG_TYPE_CODE.REG_MULTI_SZ, 'REG_MULTI_SZ'],
]);

/**
 * Parses a Registry.pol file (FORMATS.md a.1–a.3): checks the `PReg` + version 1 header, then
 * reads records back to back until EOF. Stops at the first structural problem.
 */
export function parsePolFile(bytes: Uint8Array, file: string): PolParseResult {
  const src: Source = { bytes, view: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), file };
  const headerProblem = checkHeader(src);
  if (headerProblem) return { records: [], diagnostics: [headerProblem] };
  const records: PolRecord[] = [];
  for (let pos = POL_HEADER_SIZE; pos < bytes.length; ) {
    const step = readRecord(src, pos);
    if ('failure' in step) return { records: [], diagnostics: [step.failure] };
    records.push(step.value);
    pos = step.end;
  }
  return { records, diagnostics: [] };
}

function checkHeader(src: Source): Diagnostic | undefined {
  const { bytes, view, file } = src;
  if (bytes.length < POL_HEADER_SIZE) return diagnostic('GPF1100', file, { start: 0, end: bytes.length }, bytes.length);
  if (POL_SIGNATURE.some((byte, i) => bytes[i] !== byte)) {
    return diagnostic('GPF1101', file, { start: 0, end: 4 }, hex(bytes.subarray(0, 4)));
  }
  const version = view.getUint32(4, true);
  if (version !== POL_VERSION) return diagnostic('GPF1102', file, { start: 4, end: 8 }, version);
  return undefined;
}

/** `[key\0;name\0;type;size;data]`, one field after the other (FORMATS.md a.2). */
function readRecord(src: Source, start: number): Step<PolRecord> {
  const open = expectUnit(src, start, POL_CHAR.open, (span) => diagnostic('GPF1103', src.file, span));
  if ('failure' in open) return open;
  const key = readString(src, open.end, 'key');
  if ('failure' in key) return key;
  const sep1 = readSeparator(src, key.end, 'key');
  if ('failure' in sep1) return sep1;
  const name = readString(src, sep1.end, 'value name');
  if ('failure' in name) return name;
  const sep2 = readSeparator(src, name.end, 'value name');
  if ('failure' in sep2) return sep2;
  const type = readDword(src, sep2.end, 'type');
  if ('failure' in type) return type;
  const sep3 = readSeparator(src, type.end, 'type');
  if ('failure' in sep3) return sep3;
  const size = readDword(src, sep3.end, 'size');
  if ('failure' in size) return size;
  const sep4 = readSeparator(src, size.end, 'size');
  if ('failure' in sep4) return sep4;
  const data = readData(src, sep4.end, type.value, size);
  if ('failure' in data) return data;
  const close = expectUnit(src, data.end, POL_CHAR.close, (span) => diagnostic('GPF1106', src.file, span, size.value));
  if ('failure' in close) return close;
  const record = { key: key.value, valueName: name.value, type: type.value, data: data.value, offset: start };
  return { value: record, end: close.end };
}

/** One delimiter code unit at `pos`, or the diagnostic `problem` makes for its span. */
function expectUnit(src: Source, pos: number, unit: number, problem: (span: Span) => Diagnostic): Step<null> {
  const end = Math.min(pos + 2, src.bytes.length);
  if (end - pos === 2 && src.view.getUint16(pos, true) === unit) return { value: null, end };
  return { failure: problem({ start: pos, end }) };
}

function readSeparator(src: Source, pos: number, after: string): Step<null> {
  return expectUnit(src, pos, POL_CHAR.separator, (span) => diagnostic('GPF1105', src.file, span, after));
}

/** UTF-16LE code units up to the first 00 00 code unit; the terminator is consumed. */
function readString(src: Source, pos: number, field: string): Step<string> {
  for (let i = pos; i + 1 < src.bytes.length; i += 2) {
    if (src.view.getUint16(i, true) === POL_CHAR.nul) return { value: decodeUtf16(src.bytes, pos, i), end: i + 2 };
  }
  return { failure: diagnostic('GPF1104', src.file, { start: pos, end: src.bytes.length }, field) };
}

function readDword(src: Source, pos: number, field: string): Step<number> {
  const left = src.bytes.length - pos;
  if (left < 4) return { failure: diagnostic('GPF1107', src.file, { start: pos, end: src.bytes.length }, field, 4, left) };
  return { value: src.view.getUint32(pos, true), end: pos + 4 };
}

/** `size` checked against the type (FORMATS.md a.8), then exactly `size` raw bytes. */
function readData(src: Source, pos: number, type: number, size: SizeField): Step<Uint8Array> {
  const sizeSpan = { start: size.end - 4, end: size.end };
  const stringType = STRING_TYPES.get(type);
  if (stringType !== undefined && size.value % 2 !== 0) {
    return { failure: diagnostic('GPF1108', src.file, sizeSpan, stringType, size.value) };
  }
  const dwordType = DWORD_TYPES.get(type);
  if (dwordType !== undefined && size.value !== 4) {
    return { failure: diagnostic('GPF1109', src.file, sizeSpan, dwordType, size.value) };
  }
  if (type === REG_TYPE_CODE.REG_QWORD && size.value !== 8) {
    return { failure: diagnostic('GPF1110', src.file, sizeSpan, size.value) };
  }
  const left = src.bytes.length - pos;
  if (size.value > left) {
    return { failure: diagnostic('GPF1107', src.file, { start: pos, end: src.bytes.length }, 'data', size.value, left) };
  }
  return { value: new Uint8Array(src.bytes.subarray(pos, pos + size.value)), end: pos + size.value };
}

/**
 * Maps records back to registry actions (FORMATS.md a.4), in file order. Directive prefixes
 * match ignoring ASCII case; `**delvals` with or without the dot. `**DeleteValues` becomes one
 * deleteValue per listed name (same effect). `**DeleteKeys`, `**SecureKey`, any other `**` name,
 * and values whose type or data RegistryData cannot hold go to `unsupported`.
 */
export function polRecordsToActions(records: readonly PolRecord[]): PolActions {
  const actions: RegistryAction[] = [];
  const unsupported: PolRecord[] = [];
  for (const record of records) {
    const mapped = recordToActions(record);
    if (mapped) actions.push(...mapped);
    else unsupported.push(record);
  }
  return { actions, unsupported };
}

/** What one record means as registry actions (see polRecordsToActions); undefined when nothing fits. */
export function recordToActions(record: PolRecord): RegistryAction[] | undefined {
  const { key, valueName } = record;
  if (valueName === '' && record.type === REG_TYPE_CODE.REG_NONE && record.data.length === 0) {
    return [{ kind: 'createKey', key }];
  }
  if (!valueName.startsWith(POL_DIRECTIVE_MARK)) return setActions(record, valueName, false);
  if (equalsIgnoreCase(valueName, '**delvals') || equalsIgnoreCase(valueName, POL_DIRECTIVE.deleteAllValues)) {
    return [{ kind: 'deleteAllValues', key }];
  }
  if (startsWithIgnoreCase(valueName, POL_DIRECTIVE.deleteValue)) {
    return [{ kind: 'deleteValue', key, valueName: valueName.slice(POL_DIRECTIVE.deleteValue.length) }];
  }
  if (startsWithIgnoreCase(valueName, POL_DIRECTIVE.soft)) {
    return setActions(record, valueName.slice(POL_DIRECTIVE.soft.length), true);
  }
  if (equalsIgnoreCase(valueName, '**DeleteValues')) {
    const names = decodeString(record.data).split(';').filter((name) => name !== '');
    return names.map((name) => ({ kind: 'deleteValue', key, valueName: name }));
  }
  return undefined;
}

function setActions(record: PolRecord, valueName: string, soft: boolean): RegistryAction[] | undefined {
  const data = decodeData(record.type, record.data);
  if (!data) return undefined;
  return [soft ? { kind: 'set', key: record.key, valueName, data, soft } : { kind: 'set', key: record.key, valueName, data }];
}

/** Raw value bytes → RegistryData (FORMATS.md a.3); undefined when RegistryData cannot hold it. */
function decodeData(type: number, data: Uint8Array): RegistryData | undefined {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  switch (type) {
    case REG_TYPE_CODE.REG_NONE:
      return data.length === 0 ? { type: 'REG_NONE' } : undefined;
    case REG_TYPE_CODE.REG_SZ:
      return { type: 'REG_SZ', value: decodeString(data) };
    case REG_TYPE_CODE.REG_EXPAND_SZ:
      return { type: 'REG_EXPAND_SZ', value: decodeString(data) };
    case REG_TYPE_CODE.REG_BINARY:
      return { type: 'REG_BINARY', value: new Uint8Array(data) };
    case REG_TYPE_CODE.REG_DWORD:
      return data.length === 4 ? { type: 'REG_DWORD', value: view.getUint32(0, true) } : undefined;
    case REG_TYPE_CODE.REG_QWORD:
      return data.length === 8 ? { type: 'REG_QWORD', value: view.getBigUint64(0, true) } : undefined;
    case REG_TYPE_CODE.REG_MULTI_SZ:
      return { type: 'REG_MULTI_SZ', value: decodeMultiString(data) };
    default:
      return undefined;
  }
}

/** REG_SZ text: exactly one trailing NUL dropped; a missing terminator is tolerated (a.8). */
export function decodeString(data: Uint8Array): string {
  const text = decodeUtf16(data, 0, data.length);
  return text.endsWith('\0') ? text.slice(0, -1) : text;
}

/** Strings up to the first empty one (the list terminator); tolerates missing terminators. */
function decodeMultiString(data: Uint8Array): string[] {
  const parts = decodeUtf16(data, 0, data.length).split('\0');
  const terminator = parts.indexOf('');
  return terminator === -1 ? parts : parts.slice(0, terminator);
}

/** Code units in [start, end) as a string, lone surrogates kept; an odd last byte is ignored. */
function decodeUtf16(bytes: Uint8Array, start: number, end: number): string {
  const chunk: number[] = [];
  let text = '';
  for (let i = start; i + 1 < end; i += 2) {
    chunk.push((bytes[i] ?? 0) | ((bytes[i + 1] ?? 0) << 8));
    if (chunk.length === 4096) text += String.fromCharCode(...chunk.splice(0));
  }
  return text + String.fromCharCode(...chunk);
}

function startsWithIgnoreCase(text: string, prefix: string): boolean {
  return equalsIgnoreCase(text.slice(0, prefix.length), prefix);
}

/** ASCII-only case folding: a Unicode lowercase mapping can change a string's length. */
function equalsIgnoreCase(a: string, b: string): boolean {
  const fold = (s: string) => s.replace(/[A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 32));
  return a.length === b.length && fold(a) === fold(b);
}

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(' ');
}
