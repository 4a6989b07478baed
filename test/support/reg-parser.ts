/**
 * A small, strict Registry Editor 5.00 parser for tests (FORMATS.md §b): UTF-16LE + BOM, CRLF
 * only, the exact header, `[key]` lines each after a blank line, `;` comments, `"name"=` / `@=`
 * with `"..."`, `dword:` (8 lowercase digits), `hex:` / `hex(N):` (lowercase, `\` continuations
 * right after a comma, continuation lines indented by two spaces) and `=-`. Anything else throws.
 * A `[key]` block without value lines reads as createKey; comments are dropped.
 */
import type { Hive, RegistryAction, RegistryData } from '../../src/model/registry-types.js';

const HEADER = 'Windows Registry Editor Version 5.00';
const HIVES: Readonly<Record<string, Hive>> = { HKEY_LOCAL_MACHINE: 'HKLM', HKEY_CURRENT_USER: 'HKCU' };

export interface ParsedReg {
  /** The first hive; undefined when the file has no `[key]` line. */
  readonly hive: Hive | undefined;
  /** All actions in file order, whatever their hive. */
  readonly actions: RegistryAction[];
  /** The actions per hive, in file order (a file may hold HKLM then HKCU). */
  readonly byHive: Readonly<Record<Hive, RegistryAction[]>>;
}

export interface ParseOptions {
  /** Accept `\r`, `\n`, `\0` inside `"..."`: Wine's reg/regedit export writes them (not Windows, b.5). */
  readonly wineEscapes?: boolean;
}

interface Line {
  readonly number: number;
  readonly text: string;
}

/** Parses a .reg file; throws `line N: ...` on anything that is not well-formed. */
export function parseRegFile(bytes: Uint8Array, options: ParseOptions = {}): ParsedReg {
  const lines = splitLines(decodeUtf16le(bytes));
  if (lines[0]?.text !== HEADER) throw new Error(`line 1: expected the header ${JSON.stringify(HEADER)}`);
  if (lines.at(-1)?.text !== '') throw new Error('the file must end with a blank line');
  const state: { hive: Hive | undefined; key: string | undefined; values: number; actions: RegistryAction[] } = {
    hive: undefined, key: undefined, values: 0, actions: [],
  };
  let firstHive: Hive | undefined;
  const byHive: Record<Hive, RegistryAction[]> = { HKLM: [], HKCU: [] };
  const push = (action: RegistryAction): void => {
    state.actions.push(action);
    if (state.hive) byHive[state.hive].push(action);
  };
  const closeBlock = (): void => {
    if (state.key !== undefined && state.values === 0) push({ kind: 'createKey', key: state.key });
  };
  for (const line of joinContinuations(lines.slice(1))) {
    const fail: (message: string) => never = (message) => {
      throw new Error(`line ${line.number}: ${message}: ${JSON.stringify(line.text)}`);
    };
    if (line.text === '' || line.text.startsWith(';')) continue;
    if (line.text.startsWith('[')) {
      if (lines[line.number - 2]?.text !== '') fail('a [key] line must follow a blank line');
      closeBlock();
      const { hive, key } = parseKeyLine(line.text, fail);
      firstHive ??= hive;
      Object.assign(state, { hive, key, values: 0 });
    } else if (line.text.startsWith('"') || line.text.startsWith('@')) {
      if (state.key === undefined) fail('a value before any [key] line');
      push(parseValueLine(state.key, line.text, options, fail));
      state.values += 1;
    } else {
      fail('unexpected line');
    }
  }
  closeBlock();
  return { hive: firstHive, actions: state.actions, byHive };
}

/** Checks the BOM and returns the UTF-16 code units as they are. */
function decodeUtf16le(bytes: Uint8Array): string {
  if (bytes[0] !== 0xff || bytes[1] !== 0xfe) throw new Error('missing the UTF-16LE BOM FF FE');
  if (bytes.length % 2 !== 0) throw new Error('odd byte count for UTF-16LE');
  let text = '';
  for (let i = 2; i < bytes.length; i += 2) text += String.fromCharCode(bytes[i]! | (bytes[i + 1]! << 8));
  return text;
}

function splitLines(text: string): Line[] {
  if (!text.endsWith('\r\n')) throw new Error('the last line must end with CRLF');
  return text.slice(0, -2).split('\r\n').map((line, i) => {
    if (/[\r\n]/.test(line)) throw new Error(`line ${i + 1}: a bare CR or LF (lines must end with CRLF)`);
    return { number: i + 1, text: line };
  });
}

/** Joins `xx,\` + `  yy` continuations of hex lists into one logical line. */
function joinContinuations(lines: readonly Line[]): Line[] {
  const out: Line[] = [];
  for (let i = 0; i < lines.length; i++) {
    const first = lines[i]!;
    let text = first.text;
    while (!text.startsWith(';') && text.endsWith('\\')) {
      const next = lines[++i];
      if (!/,\\$/.test(text) || !next || !/^ {2}[0-9a-f]{2}/.test(next.text)) {
        throw new Error(`line ${first.number}: a bad continuation`);
      }
      text = text.slice(0, -1) + next.text.slice(2);
    }
    out.push({ number: first.number, text });
  }
  return out;
}

function parseKeyLine(text: string, fail: (message: string) => never): { hive: Hive; key: string } {
  if (!text.endsWith(']')) fail('a key line must end with "]"');
  if (text.startsWith('[-')) fail('key deletion [-key] is never expected');
  const path = text.slice(1, -1);
  const slash = path.indexOf('\\');
  const hive = HIVES[slash < 0 ? path : path.slice(0, slash)];
  if (!hive || slash < 0 || slash === path.length - 1) return fail('expected HKEY_LOCAL_MACHINE\\... or HKEY_CURRENT_USER\\...');
  return { hive, key: path.slice(slash + 1) };
}

function parseValueLine(key: string, text: string, options: ParseOptions, fail: (m: string) => never): RegistryAction {
  const name = text.startsWith('@') ? { text: '', end: 1 } : readQuoted(text, 1, options, fail);
  if (text[name.end] !== '=') fail('expected "=" right after the value name');
  const rest = text.slice(name.end + 1);
  if (rest === '-') return { kind: 'deleteValue', key, valueName: name.text };
  return { kind: 'set', key, valueName: name.text, data: parseData(rest, options, fail) };
}

/** Reads `"..."` content from `start` (just after the opening quote) to the closing quote. */
function readQuoted(text: string, start: number, options: ParseOptions, fail: (m: string) => never): { text: string; end: number } {
  const escapes: Record<string, string> = options.wineEscapes
    ? { '\\': '\\', '"': '"', n: '\n', r: '\r', '0': '\0' }
    : { '\\': '\\', '"': '"' };
  let out = '';
  for (let i = start; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"') return { text: out, end: i + 1 };
    if (ch !== '\\') {
      out += ch;
      continue;
    }
    const escaped = escapes[text[++i] ?? ''];
    if (escaped === undefined) fail(`an unknown escape \\${text[i] ?? ''}`);
    out += escaped;
  }
  return fail('an unterminated "..." string');
}

function parseData(data: string, options: ParseOptions, fail: (m: string) => never): RegistryData {
  if (data.startsWith('"')) {
    const quoted = readQuoted(data, 1, options, fail);
    if (quoted.end !== data.length) fail('text after the closing quote');
    return { type: 'REG_SZ', value: quoted.text };
  }
  const dword = /^dword:([0-9a-f]{8})$/.exec(data);
  if (dword) return { type: 'REG_DWORD', value: parseInt(dword[1]!, 16) };
  const hex = /^hex(?:\(([0-9a-f]+)\))?:((?:[0-9a-f]{2}(?:,[0-9a-f]{2})*)?)$/.exec(data);
  if (!hex) return fail('unrecognised data');
  const bytes = new Uint8Array(hex[2] ? hex[2].split(',').map((b) => parseInt(b, 16)) : []);
  return hexData(hex[1], bytes, fail);
}

function hexData(type: string | undefined, bytes: Uint8Array, fail: (m: string) => never): RegistryData {
  switch (type) {
    case undefined:
      return { type: 'REG_BINARY', value: bytes };
    case '0':
      return bytes.length === 0 ? { type: 'REG_NONE' } : fail('REG_NONE with data');
    case '1':
      return { type: 'REG_SZ', value: utf16z(bytes, fail) };
    case '2':
      return { type: 'REG_EXPAND_SZ', value: utf16z(bytes, fail) };
    case '7':
      return { type: 'REG_MULTI_SZ', value: multiSz(utf16z(bytes, fail), fail) };
    case 'b':
      if (bytes.length !== 8) fail('REG_QWORD needs exactly 8 bytes');
      return { type: 'REG_QWORD', value: new DataView(bytes.buffer).getBigUint64(0, true) };
    default:
      return fail(`unexpected hex(${type})`);
  }
}

/** UTF-16LE bytes that end with one NUL terminator, without it. */
function utf16z(bytes: Uint8Array, fail: (m: string) => never): string {
  if (bytes.length < 2 || bytes.length % 2 !== 0) fail('UTF-16LE data of odd or zero length');
  let text = '';
  for (let i = 0; i < bytes.length; i += 2) text += String.fromCharCode(bytes[i]! | (bytes[i + 1]! << 8));
  if (!text.endsWith('\0')) fail('a string without its NUL terminator');
  return text.slice(0, -1);
}

/** The strings of a REG_MULTI_SZ whose own terminator is already removed: `a\0b\0` or `` (empty list). */
function multiSz(text: string, fail: (m: string) => never): string[] {
  if (text === '') return [];
  if (!text.endsWith('\0')) fail('REG_MULTI_SZ without its final NUL');
  const strings = text.slice(0, -1).split('\0');
  if (strings.includes('')) fail('an empty string inside REG_MULTI_SZ');
  return strings;
}
