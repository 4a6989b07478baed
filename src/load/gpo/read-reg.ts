/**
 * .reg reader for `gpforge import` (FORMATS.md §b): Registry Editor 5.00 (UTF-16LE with BOM, or
 * UTF-8) and REGEDIT4 (windows-1252) → registry actions per hive. HKEY_LOCAL_MACHINE is the
 * computer side, HKEY_CURRENT_USER the user side; other hives are refused.
 *
 * Read like Wine's regedit (b.2–b.4): the key runs to the last `]`; `[-key]` deletes a subtree
 * (an `**DeleteKeys` of its parent); hex lists continue after a trailing `\` on lines whose
 * leading blanks are skipped; `;` lines are comments, except the exact notes src/emit/reg.ts
 * writes for what .reg cannot say (REG_NOTE), which are read back so gpforge's apply.reg
 * rebuilds the same Registry.pol. A `[key]` block with no values creates the key.
 * Positions in diagnostics are offsets into the decoded text.
 */
import { diagnostic, type Span } from '../../diagnostics/diagnostic.js';
import { REG_NOTE } from '../../emit/reg.js';
import { encodeUtf16le } from '../../emit/utf16le.js';
import type { Hive, RegistryAction } from '../../model/registry-types.js';
import { bomEncoding, decodeText } from '../decode-text.js';
import { exactValueAction } from './read-pol.js';
import { splitLines, type ImportedRegistry, type TextLine } from './imported.js';

const HEADER_V5 = 'Windows Registry Editor Version 5.00';
const HEADER_V4 = 'REGEDIT4';
const HIVES: Readonly<Record<string, Hive>> = { HKEY_LOCAL_MACHINE: 'HKLM', HKEY_CURRENT_USER: 'HKCU' };
const DELETE_VALUES_NOTE = /^; The PReg deletes the next (\d+) values in one record \(\*\*DeleteValues\)\.$/;
const SECURE_KEY_NOTE = /^; The PReg sets this key's permissions here \(\*\*SecureKey = ([01])\);/;
const DELETE_KEYS_NOTE = /^; The PReg deletes the next (\d+) subkeys in one record \(\*\*DeleteKeys\)\.$/;
const RECORD_NOTE = '; The PReg has a record here that a .reg cannot hold: ';

interface State {
  readonly file: string;
  readonly ansi: boolean;
  readonly out: ImportedRegistry;
  block?: { hive: Hive; key: string; produced: boolean };
  /** The deleteKeys just read: a note after its `[-...]` line may say more blocks belong to it. */
  lastDeleteKeys?: { kind: 'deleteKeys'; key: string; subkeys: string[] };
  soft: boolean;
  /** Inside a block of a hive that was refused: its values are not reported again. */
  refused?: boolean;
  /** The deleteKeys action that the next `[-...]` blocks add their subkeys to, and how many. */
  pendingKeys?: { action: { kind: 'deleteKeys'; key: string; subkeys: string[] }; left: number };
  /** Remaining `"Name"=-` lines that belong to one deleteValues action. */
  pendingDeletes?: { action: { kind: 'deleteValues'; key: string; valueNames: string[] }; left: number };
}

/** Decodes and parses a .reg file; on any error the result holds no actions. */
export function readRegFile(bytes: Uint8Array, file: string): ImportedRegistry {
  const bom = bomEncoding(bytes);
  const utf16 = bom?.encoding === 'utf-16le';
  const body = bytes.subarray(bom?.skip ?? 0);
  let text = decodeText(body, utf16 ? 'utf-16le' : 'utf-8').text;
  const ansi = !utf16 && text.trimStart().startsWith(HEADER_V4);
  if (ansi) text = decodeText(body, 'windows-1252').text;
  const out: ImportedRegistry = { file, text, machine: [], user: [], diagnostics: [] };
  const lines = splitLines(text);
  const header = lines[0]?.text.trim() ?? '';
  if (header !== HEADER_V5 && header !== HEADER_V4) {
    out.diagnostics.push(diagnostic('GPF1120', file, lines[0]?.span ?? { start: 0, end: 0 }, header.slice(0, 60)));
    return out;
  }
  const state: State = { file, ansi, out, soft: false };
  for (const line of joinContinuations(lines.slice(1), out)) readLine(state, line);
  closeBlock(state);
  if (out.diagnostics.some((d) => d.severity === 'error')) return { ...out, machine: [], user: [] };
  return out;
}

/** Hex lists continued with a trailing `\` become one logical line (FORMATS.md b.4). */
function joinContinuations(lines: readonly TextLine[], out: ImportedRegistry): TextLine[] {
  const joined: TextLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    const first = lines[i]!;
    let text = first.text;
    let end = first.span.end;
    while (text.trimEnd().endsWith('\\') && /^\s*("|@)|^\s*hex/i.test(first.text)) {
      const next = lines[i + 1];
      if (next === undefined || !/^\s*[0-9a-fA-F]{2}(,|\\|\s*$)/.test(next.text)) {
        out.diagnostics.push(diagnostic('GPF1121', out.file, { start: first.span.start, end }));
        text = '';
        break;
      }
      text = text.trimEnd().slice(0, -1) + next.text.trimStart();
      end = next.span.end;
      i++;
    }
    joined.push({ text, span: { start: first.span.start, end } });
  }
  return joined;
}

function readLine(state: State, line: TextLine): void {
  const text = line.text.trimStart();
  if (text === '') return;
  if (text.startsWith(';')) return readNote(state, text, line.span);
  if (text.startsWith('[')) return openBlock(state, text, line.span);
  if (state.refused) return;
  if (!state.block) return void state.out.diagnostics.push(diagnostic('GPF1124', state.file, line.span));
  readValueLine(state, text, line.span);
}

function readNote(state: State, text: string, span: Span): void {
  const block = state.block;
  const last = state.lastDeleteKeys;
  if (text === REG_NOTE.soft) state.soft = true;
  else if (last && DELETE_KEYS_NOTE.test(text)) state.pendingKeys = { action: last, left: Number(DELETE_KEYS_NOTE.exec(text)?.[1]) - 1 };
  else if (text.startsWith(RECORD_NOTE) && block) readRecordNote(state, text.slice(RECORD_NOTE.length), span);
  else if (!block) return;
  else if (text === REG_NOTE.deleteAllValues) push(state, { kind: 'deleteAllValues', key: block.key });
  else if (text === REG_NOTE.createKey) push(state, { kind: 'createKey', key: block.key });
  else if (SECURE_KEY_NOTE.test(text)) push(state, { kind: 'secureKey', key: block.key, secure: SECURE_KEY_NOTE.exec(text)?.[1] === '1' });
  else if (DELETE_VALUES_NOTE.test(text)) {
    const action = { kind: 'deleteValues' as const, key: block.key, valueNames: [] as string[] };
    push(state, action);
    state.pendingDeletes = { action, left: Number(DELETE_VALUES_NOTE.exec(text)?.[1]) };
  }
}

/** `{"name", "type", "data"}` (src/emit/reg.ts REG_NOTE.record): a record kept verbatim. */
function readRecordNote(state: State, json: string, span: Span): void {
  try {
    const { name, type, data } = JSON.parse(json) as { name: string; type: number; data: string };
    push(state, { kind: 'record', key: state.block!.key, valueName: name, type, data: Uint8Array.from(Buffer.from(data, 'hex')) });
  } catch {
    state.out.diagnostics.push(diagnostic('GPF1125', state.file, span, 'a Registry.pol record noted in a comment'));
  }
}

function openBlock(state: State, text: string, span: Span): void {
  closeBlock(state);
  state.lastDeleteKeys = undefined;
  const close = text.lastIndexOf(']');
  if (close < 0) return void state.out.diagnostics.push(diagnostic('GPF1123', state.file, span, "a key line without ']'"));
  const remove = text.startsWith('[-');
  const path = text.slice(remove ? 2 : 1, close);
  const slash = path.indexOf('\\');
  const hiveName = slash < 0 ? path : path.slice(0, slash);
  const hive = HIVES[hiveName.toUpperCase()];
  if (!hive) {
    state.refused = true;
    return void state.out.diagnostics.push(diagnostic('GPF1122', state.file, span, hiveName));
  }
  state.refused = false;
  const key = slash < 0 ? '' : path.slice(slash + 1);
  if (!remove) {
    state.block = { hive, key, produced: false };
    return;
  }
  const parent = key.lastIndexOf('\\');
  const pending = state.pendingKeys;
  if (pending && pending.left > 0) {
    pending.action.subkeys.push(key.slice(parent + 1));
    pending.left--;
    return;
  }
  const action = { kind: 'deleteKeys' as const, key: key.slice(0, Math.max(parent, 0)), subkeys: [key.slice(parent + 1)] };
  state.block = { hive, key: action.key, produced: true };
  push(state, action);
  state.block = undefined;
  state.lastDeleteKeys = action;
}

/** A `[key]` block that said nothing creates its key (FORMATS.md b.2). */
function closeBlock(state: State): void {
  const block = state.block;
  if (block && !block.produced) push(state, { kind: 'createKey', key: block.key });
  state.block = undefined;
}

function push(state: State, action: RegistryAction): void {
  const block = state.block;
  if (!block) return;
  block.produced = true;
  (block.hive === 'HKLM' ? state.out.machine : state.out.user).push(action);
}

/** `"Name"=data` or `@=data` (FORMATS.md b.3). */
function readValueLine(state: State, text: string, span: Span): void {
  const name = readName(text);
  if (!name) return void state.out.diagnostics.push(diagnostic('GPF1123', state.file, span, 'expected "Name"=data or @=data'));
  const data = text.slice(name.end).replace(/^\s*=\s*/, '');
  const key = state.block!.key;
  if (data === '-') return deleteValue(state, key, name.value);
  const raw = parseData(data, state.ansi);
  if (typeof raw === 'string') return void state.out.diagnostics.push(diagnostic('GPF1123', state.file, span, raw));
  const valueName = state.soft ? `**soft.${name.value}` : name.value;
  state.soft = false;
  push(state, exactValueAction(key, valueName, raw.type, raw.bytes));
}

function deleteValue(state: State, key: string, valueName: string): void {
  const pending = state.pendingDeletes;
  if (pending && pending.left > 0) {
    pending.action.valueNames.push(valueName);
    pending.left--;
    return;
  }
  push(state, { kind: 'deleteValue', key, valueName });
}

function readName(text: string): { value: string; end: number } | undefined {
  if (text.startsWith('@')) return { value: '', end: 1 };
  const quoted = readQuoted(text, 0);
  return quoted && /^\s*=/.test(text.slice(quoted.end)) ? quoted : undefined;
}

/** `"..."` with `\\` and `\"` escapes (FORMATS.md b.3), starting at `start`. */
function readQuoted(text: string, start: number): { value: string; end: number } | undefined {
  if (text[start] !== '"') return undefined;
  let value = '';
  for (let i = start + 1; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"') return { value, end: i + 1 };
    if (ch === '\\' && i + 1 < text.length) value += text[++i];
    else value += ch;
  }
  return undefined;
}

/** The data after `=`: type number and raw bytes, or what is wrong with it. */
function parseData(data: string, ansi: boolean): { type: number; bytes: Uint8Array } | string {
  if (data.startsWith('"')) {
    const quoted = readQuoted(data, 0);
    if (!quoted || !/^\s*(;.*)?$/.test(data.slice(quoted.end))) return 'a string value must be one "..." on its line';
    return { type: 1, bytes: encodeUtf16le(`${quoted.value}\0`) };
  }
  const dword = /^dword:([0-9a-fA-F]{1,8})$/i.exec(data);
  if (dword) return { type: 4, bytes: littleEndian(parseInt(dword[1]!, 16)) };
  const hex = /^hex(?:\(([0-9a-fA-F]{1,8})\))?:\s*([0-9a-fA-F]{2}(?:\s*,\s*[0-9a-fA-F]{2})*)?\s*,?\s*$/i.exec(data);
  if (!hex) return `unknown data '${data.slice(0, 40)}' (expected "text", dword:, hex:, hex(N): or -)`;
  const type = hex[1] === undefined ? 3 : parseInt(hex[1], 16);
  const bytes = Uint8Array.from((hex[2] ?? '').split(',').filter((b) => b.trim() !== ''), (b) => parseInt(b.trim(), 16));
  return { type, bytes: ansi && (type === 1 || type === 2 || type === 7) ? ansiToUtf16(bytes) : bytes };
}

function littleEndian(value: number): Uint8Array {
  const bytes = new Uint8Array(4);
  new DataView(bytes.buffer).setUint32(0, value, true);
  return bytes;
}

/** REGEDIT4 string bytes are ANSI, one NUL each; Windows stores UTF-16 (FORMATS.md b.3, [IMPL:WINE]). */
function ansiToUtf16(bytes: Uint8Array): Uint8Array {
  return encodeUtf16le(decodeText(bytes, 'windows-1252').text);
}
