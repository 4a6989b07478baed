/**
 * Registry.pol in the XML form of Samba's `samba.gp_parse.gp_pol.GPPolParser` (python3-samba,
 * Samba 4.17): what `samba-tool gpo backup` writes as `Registry.pol.xml` and what
 * `samba-tool gpo restore` turns back into the binary file on the domain controller
 * (`load_xml` then `write_binary`, an NDR pack of librpc/idl/preg.idl).
 *
 *   <?xml version="1.0" encoding="utf-8"?>          UTF-8, no BOM, LF (Samba reads it as text)
 *   <PolFile num_entries="N" signature="PReg" version="1">
 *     <Entry type="4" type_name="REG_DWORD"><Key>…</Key><ValueName>…</ValueName><Value>…</Value></Entry>
 *
 * `Value` by type, as load_xml reads it: REG_SZ/REG_EXPAND_SZ the text without its NUL (Samba
 * adds one); REG_DWORD, REG_DWORD_BIG_ENDIAN, REG_QWORD the decimal number; REG_MULTI_SZ one
 * `Value` per string (Samba joins them with NUL and adds two); REG_NONE none; every other type
 * the data bytes in base64. Texts escaped with escapeXmlText (CR as `&#13;`: Samba opens the file
 * in text mode, which would turn a literal CR into LF).
 *
 * Some records have no such form, because load_xml cannot give back their exact bytes: an empty
 * REG_MULTI_SZ (Samba always writes at least two NULs), an empty string inside one, a string
 * without its NUL or with one inside, REG_NONE with data, numbers of the wrong size, any other type
 * without data (an empty `<Value>` reads as None), texts XML cannot hold. A file holding one is written as `<UnknownFile/>`, the document Samba's backup
 * writes for files it has no XML form for: restore's load_xml rejects it and Samba copies the
 * exact binary beside it (`Registry.pol.SAMBABACKUP`) instead, saying "Falling back to simple
 * copy-restore".
 */
import type { RegistryAction } from '../model/registry-types.js';
import { polRecordFields, POL_VERSION, type PolRecordFields } from './pol.js';
import type { Templates } from './templates.js';
import { encodeUtf16le } from './utf16le.js';
import { encodeUtf8 } from './utf8.js';
import { escapeXmlText, isXmlRepresentable } from './xml-escape.js';

/**
 * One `<Entry>`: every text already escaped. `valueLines` is the entry's `<Value>` elements as
 * complete lines (two tabs, the element, LF), one per string: one string rather than a list,
 * since a nested list per entry made rendering a 35,000-record file several times slower.
 */
export interface SambaPolEntryView {
  readonly type: string;
  readonly typeName: string;
  readonly key: string;
  readonly valueName: string;
  readonly valueLines: string;
}

/** What templates/samba/Registry.pol.xml.hbs lays out. */
export interface SambaPolXmlView {
  readonly numEntries: string;
  readonly signature: string;
  readonly version: string;
  readonly entries: readonly SambaPolEntryView[];
}

/** The document Samba's backup writes for a file without an XML form; restore copies the binary. */
export const SAMBA_UNKNOWN_FILE = '<?xml version="1.0" encoding="utf-8"?><UnknownFile/>';

/** GPPolParser.reg_type: the names Samba writes in `type_name` (it reads only `type`). */
const TYPE_NAMES: Readonly<Record<number, string>> = {
  0: 'REG_NONE',
  1: 'REG_SZ',
  2: 'REG_EXPAND_SZ',
  3: 'REG_BINARY',
  4: 'REG_DWORD',
  5: 'REG_DWORD_BIG_ENDIAN',
  7: 'REG_MULTI_SZ',
  11: 'REG_QWORD',
};

/**
 * `Registry.pol.xml` for `actions` (rendered exactly as emitRegistryPol renders them), or
 * SAMBA_UNKNOWN_FILE when a record has no exact XML form (see the module comment).
 */
export function emitSambaPolXml(actions: readonly RegistryAction[], templates: Templates): Uint8Array {
  const entries: SambaPolEntryView[] = [];
  for (const action of actions) {
    const entry = entryView(polRecordFields(action));
    if (entry === undefined) return new TextEncoder().encode(`${SAMBA_UNKNOWN_FILE}\n`);
    entries.push(entry);
  }
  const view = { numEntries: String(entries.length), signature: 'PReg', version: String(POL_VERSION), entries };
  const text = templates['samba/Registry.pol.xml'](view);
  return encodeUtf8(text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text);
}

/** The `<Entry>` that load_xml packs back to exactly this record, if there is one. */
function entryView(record: PolRecordFields): SambaPolEntryView | undefined {
  const values = valueTexts(record.type, record.data);
  if (values === undefined || record.key === '' || !xmlText(record.key) || !xmlText(record.valueName) || !values.every(xmlText)) return undefined;
  let valueLines = '';
  for (const value of values) valueLines += `\t\t<Value>${escapeText(value)}</Value>\n`;
  return {
    type: String(record.type),
    typeName: TYPE_NAMES[record.type] ?? 'REG_UNKNOWN',
    key: escapeText(record.key),
    valueName: escapeText(record.valueName),
    valueLines,
  };
}

/** XML 1.0 can hold the text; the plain BMP check settles nearly every text without a `u`-mode scan. */
function xmlText(text: string): boolean {
  return !BEYOND_XML_BMP.test(text) || isXmlRepresentable(text);
}

/** escapeXmlText, skipped for the usual text with nothing to escape (already known representable). */
function escapeText(text: string): string {
  return NEEDS_ESCAPE.test(text) ? escapeXmlText(text) : text;
}

const BEYOND_XML_BMP = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD]/;
const NEEDS_ESCAPE = /[&<>\r]/;

/** The unescaped `<Value>` texts of a record's data, or undefined when load_xml cannot rebuild it. */
function valueTexts(type: number, data: Uint8Array | string): string[] | undefined {
  switch (type) {
    case 0:
      return dataLength(data) === 0 ? [] : undefined;
    case 1:
    case 2: {
      const units = codeUnits(data);
      const text = units?.endsWith('\0') ? units.slice(0, -1) : undefined;
      return text === undefined || text.includes('\0') ? undefined : [text];
    }
    case 4:
    case 5:
    case 11:
      return numberText(type, bytesOf(data));
    case 7: {
      const units = codeUnits(data);
      const strings = units?.endsWith('\0\0') ? units.slice(0, -2).split('\0') : undefined;
      return strings === undefined || strings.some((s) => s === '') ? undefined : strings;
    }
    default: {
      // No bytes: an empty <Value> reads as None, which base64 cannot decode.
      const bytes = bytesOf(data);
      return bytes.length === 0 ? undefined : [Buffer.from(bytes).toString('base64')];
    }
  }
}

/** DWORD (little-endian), DWORD_BIG_ENDIAN or QWORD as decimal, when the size is right. */
function numberText(type: number, bytes: Uint8Array): string[] | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (type === 11) return bytes.length === 8 ? [view.getBigUint64(0, true).toString()] : undefined;
  return bytes.length === 4 ? [String(view.getUint32(0, type === 4))] : undefined;
}

/** Data as UTF-16 code units; undefined for an odd byte count. */
function codeUnits(data: Uint8Array | string): string | undefined {
  if (typeof data === 'string') return data;
  return data.length % 2 === 0 ? Buffer.from(data).toString('utf16le') : undefined;
}

function bytesOf(data: Uint8Array | string): Uint8Array {
  return typeof data === 'string' ? encodeUtf16le(data) : data;
}

function dataLength(data: Uint8Array | string): number {
  return typeof data === 'string' ? data.length * 2 : data.length;
}
