/**
 * LGPO text reader for `gpforge import` (FORMATS.md e.9, the `LGPO.exe /parse` format): entries
 * of four lines — configuration (`Computer` or `User`), key, value name, action — separated by
 * blank or `;` lines. Reads exactly what src/emit/lgpo.ts writes (its escaping, its `**`
 * directive names for what LGPO has no action for); UTF-16LE with BOM, else UTF-8, else
 * windows-1252. Any problem is an error at its line, and then no action is returned.
 */
import { diagnostic, type Span } from '../../diagnostics/diagnostic.js';
import { LGPO_CONFIGURATION, LGPO_DEFAULT_NAME, LGPO_RECORD_NOTE } from '../../emit/lgpo.js';
import { POL_DIRECTIVE, POL_LIST_SEPARATOR } from '../../emit/pol.js';
import { encodeUtf16le } from '../../emit/utf16le.js';
import type { RegistryAction } from '../../model/registry-types.js';
import { bomEncoding, decodeText } from '../decode-text.js';
import { exactValueAction } from './read-pol.js';
import { splitLines, type ImportedRegistry, type TextLine } from './imported.js';

/** Typed data actions: LGPO name → REG_* number. */
const DATA_ACTIONS: Readonly<Record<string, number>> = { SZ: 1, EXSZ: 2, BINARY: 3, DWORD: 4, MULTISZ: 7, QWORD: 11 };

type Parsed = RegistryAction | { readonly problem: string; readonly code: 'GPF1130' | 'GPF1133' };

export function readLgpoFile(bytes: Uint8Array, file: string): ImportedRegistry {
  const bom = bomEncoding(bytes);
  const body = bytes.subarray(bom?.skip ?? 0);
  const utf8 = decodeText(body, bom?.encoding ?? 'utf-8');
  const text = utf8.valid || bom ? utf8.text : decodeText(body, 'windows-1252').text;
  const out: ImportedRegistry = { file, text, machine: [], user: [], diagnostics: [] };
  let run: TextLine[] = [];
  const flush = () => {
    if (run.length > 0) readEntry(out, run);
    run = [];
  };
  // Entries are runs of lines; blank and `;` lines separate them (FORMATS.md e.9).
  for (const line of splitLines(text)) {
    if (line.text !== '' && !line.text.startsWith(';')) {
      run.push(line);
      continue;
    }
    flush();
    if (line.text.startsWith(LGPO_RECORD_NOTE)) readRecordNote(out, line);
  }
  flush();
  return out.diagnostics.some((d) => d.severity === 'error') ? { ...out, machine: [], user: [] } : out;
}

/** A record src/emit/lgpo.ts kept in a `;` line as JSON (no LGPO form). */
function readRecordNote(out: ImportedRegistry, line: TextLine): void {
  try {
    const { configuration, key, name, type, data } = JSON.parse(line.text.slice(LGPO_RECORD_NOTE.length)) as { configuration: string; key: string; name: string; type: number; data: string };
    const side = configuration === LGPO_CONFIGURATION.HKLM ? out.machine : out.user;
    side.push(exactValueAction(key, name, type, Uint8Array.from(Buffer.from(data, 'hex'))));
  } catch {
    out.diagnostics.push(diagnostic('GPF1133', out.file, line.span, 'a gpforge record line that is not valid JSON'));
  }
}

function readEntry(out: ImportedRegistry, lines: readonly TextLine[]): void {
  const [config, key, name, action] = lines;
  const whole: Span = { start: lines[0]!.span.start, end: lines[lines.length - 1]!.span.end };
  if (lines.length !== 4 || !config || !key || !name || !action) {
    return void out.diagnostics.push(diagnostic('GPF1132', out.file, whole, lines.length));
  }
  const side = config.text.toLowerCase() === LGPO_CONFIGURATION.HKLM.toLowerCase() ? out.machine
    : config.text.toLowerCase() === LGPO_CONFIGURATION.HKCU.toLowerCase() ? out.user : undefined;
  if (!side) return void out.diagnostics.push(diagnostic('GPF1131', out.file, config.span, config.text));
  const parsed = parseAction(key.text, name.text, action.text);
  if ('problem' in parsed) return void out.diagnostics.push(diagnostic(parsed.code, out.file, action.span, parsed.problem));
  side.push(parsed);
}

function parseAction(key: string, nameLine: string, action: string): Parsed {
  const valueName = nameLine === LGPO_DEFAULT_NAME ? '' : nameLine;
  switch (action.toUpperCase()) {
    case 'DELETE':
      return { kind: 'deleteValue', key, valueName };
    case 'DELETEALLVALUES':
      return { kind: 'deleteAllValues', key };
    case 'CREATEKEY':
      return { kind: 'createKey', key };
    case 'DELETEKEYS':
      return { kind: 'deleteKeys', key, subkeys: nameLine.split(POL_LIST_SEPARATOR) };
  }
  const colon = action.indexOf(':');
  const type = DATA_ACTIONS[action.slice(0, colon).toUpperCase()];
  if (colon < 0 || type === undefined) return { problem: action.slice(0, 40), code: 'GPF1130' };
  const data = encodeData(type, action.slice(colon + 1));
  if (typeof data === 'string') return { problem: data, code: 'GPF1133' };
  if (nameLine === POL_DIRECTIVE.deleteValues && type === 1) {
    return { kind: 'deleteValues', key, valueNames: unescape(action.slice(colon + 1)).split(POL_LIST_SEPARATOR) };
  }
  if (nameLine === POL_DIRECTIVE.secureKey && type === 4 && data[0]! <= 1 && data[1] === 0 && data[2] === 0 && data[3] === 0) {
    return { kind: 'secureKey', key, secure: data[0] === 1 };
  }
  return exactValueAction(key, valueName, type, data);
}

/** The PReg data bytes of an LGPO typed action (FORMATS.md a.3), or what is wrong. */
function encodeData(type: number, text: string): Uint8Array | string {
  switch (type) {
    case 1:
    case 2:
      return encodeUtf16le(`${unescape(text)}\0`);
    case 7: {
      const strings = text === '' ? [] : splitMulti(text);
      return encodeUtf16le(strings.length === 0 ? '\0' : `${strings.join('\0')}\0\0`);
    }
    case 3:
      return /^([0-9a-f]{2}(,[0-9a-f]{2})*)?$/i.test(text) ? Uint8Array.from(text === '' ? [] : text.split(','), (b) => parseInt(b, 16)) : `'${text.slice(0, 40)}' is not hex bytes like 00,ff`;
    case 4:
      return number(text, 0xffffffffn, 4);
    default:
      return number(text, (1n << 64n) - 1n, 8);
  }
}

function number(text: string, max: bigint, size: 4 | 8): Uint8Array | string {
  if (!/^(0x[0-9a-f]{1,16}|[0-9]{1,20})$/i.test(text) || BigInt(text) > max) return `'${text.slice(0, 40)}' is not a number 0..${max}`;
  const bytes = new Uint8Array(8);
  new DataView(bytes.buffer).setBigUint64(0, BigInt(text), true);
  return bytes.subarray(0, size);
}

/** MULTISZ strings: split at `\0` escapes (not at an escaped backslash followed by 0). */
function splitMulti(text: string): string[] {
  const strings: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\' && text[i + 1] === '0') {
      strings.push(unescape(current));
      current = '';
      i++;
    } else if (text[i] === '\\' && i + 1 < text.length) {
      current += text.slice(i, i + 2);
      i++;
    } else current += text[i];
  }
  strings.push(unescape(current));
  return strings;
}

/** `\\`, `\r`, `\n` (and `\0` → NUL); any other backslash stays (see src/emit/lgpo.ts). */
function unescape(text: string): string {
  const escapes: Record<string, string> = { '\\': '\\', r: '\r', n: '\n', '0': '\0' };
  return text.replace(/\\([\\rn0])/g, (_, ch: string) => escapes[ch] ?? ch);
}
