/**
 * XML escaping and encoding shared by every XML output (ADMX, ADML, later Backup.xml):
 * FORMATS.md c.2, c.9 and f. Views hold strings escaped here; templates never escape.
 *
 * Rules (the parsed value always equals the original string):
 * - text content: & < > as entities; CR as `&#13;` (a parser turns a literal CR or CRLF into LF);
 *   LF stays a literal line break (written as CRLF in the file, read back as LF).
 * - single-line text content: as text, and LF as `&#10;` too, so the text stays on one physical
 *   line (used where a template partial indents what it renders).
 * - attribute values (always in double quotes): as text, plus `&quot;`, and LF/TAB as `&#10;`
 *   `&#9;` (a parser would turn literal ones into spaces).
 * - characters XML 1.0 cannot carry at all (C0 controls other than TAB/LF/CR, U+FFFE, U+FFFF,
 *   lone surrogates): isXmlRepresentable() is false; validation must reject them first, so the
 *   escape functions throw (a gpforge bug by then).
 */

/** XML 1.0 `Char` production; in `u` mode a lone surrogate is its own code point and fails. */
const XML_CHARS = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
/** Anything but XML characters of the BMP: most texts have none, and then need no `u`-mode scan. */
const BEYOND_XML_BMP = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD]/;

const TEXT_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' };
const SINGLE_LINE_ESCAPES: Readonly<Record<string, string>> = { ...TEXT_ESCAPES, '\n': '&#10;' };
const ATTRIBUTE_ESCAPES: Readonly<Record<string, string>> = {
  ...SINGLE_LINE_ESCAPES,
  '"': '&quot;',
  '\t': '&#9;',
};

/** True when every character of `s` can appear in an XML 1.0 document (FORMATS.md c.9). */
export function isXmlRepresentable(s: string): boolean {
  return XML_CHARS.test(s);
}

/** Escapes element text content; line feeds stay literal (FORMATS.md c.9). */
export function escapeXmlText(s: string): string {
  return TEXT_ATTENTION.test(s) ? escapeWith(s, /[&<>\r]/g, TEXT_ESCAPES) : s;
}

/** Escapes element text content that must stay on one physical line (LF as `&#10;`). */
export function escapeXmlTextSingleLine(s: string): string {
  return TEXT_ATTENTION.test(s) ? escapeWith(s, /[&<>\r\n]/g, SINGLE_LINE_ESCAPES) : s;
}

/** Escapes a double-quoted attribute value, keeping CR, LF and TAB through parsing. */
export function escapeXmlAttribute(s: string): string {
  return ATTRIBUTE_ATTENTION.test(s) ? escapeWith(s, /[&<>"\r\n\t]/g, ATTRIBUTE_ESCAPES) : s;
}

/**
 * Most strings need no escape at all: one scan for a character that is escaped or checked
 * (anything outside U+0020-U+D7FF and U+E000-U+FFFD: controls, surrogates, U+FFFE/FFFF) decides.
 */
const TEXT_ATTENTION = /[&<>]|[^\u0020-\uD7FF\uE000-\uFFFD]/;
const ATTRIBUTE_ATTENTION = /[&<>"]|[^\u0020-\uD7FF\uE000-\uFFFD]/;

function escapeWith(s: string, pattern: RegExp, table: Readonly<Record<string, string>>): string {
  const bad = BEYOND_XML_BMP.test(s) ? NOT_XML_CHAR.exec(s) : null;
  if (bad) {
    const codePoint = (bad[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
    throw new Error(
      `gpforge bug: U+${codePoint} at index ${bad.index} of ${JSON.stringify(s)} cannot be written in XML 1.0; ` +
        'validation should have rejected it',
    );
  }
  return s.replace(pattern, (c) => table[c] ?? c);
}

/**
 * Attributes as templates place them: ` name="value"` each, values escaped, so a template writes
 * `<tag{{attrs}}>` (one lookup, where a list would need a loop or partial per element).
 */
export type XmlAttrs = string;

/** What an attribute builder accepts; `undefined` means "leave the attribute out". */
export type AttrValue = string | number | bigint | boolean | undefined;

/**
 * Builds an escaped attribute list in the order given (object key order), leaving out
 * `undefined` entries. Booleans become "true"/"false" (xs:boolean), numbers their decimal form.
 */
export function xmlAttrs(entries: Readonly<Record<string, AttrValue>>): XmlAttrs {
  let attrs = '';
  for (const name of Object.keys(entries)) {
    const value = entries[name];
    if (value !== undefined) attrs += xmlAttr(name, value);
  }
  return attrs;
}

/** One attribute, ` name="value"`, the value escaped. */
export function xmlAttr(name: string, value: string | number | bigint | boolean): XmlAttrs {
  return ` ${name}="${escapeXmlAttribute(String(value))}"`;
}

/** `true` or absent: for xs:boolean attributes whose schema default is false. */
export function onlyIfTrue(flag: boolean): true | undefined {
  return flag ? true : undefined;
}

/**
 * Encodes a rendered XML document as written to disk (FORMATS.md c.2, f): UTF-8 without BOM,
 * every line break CRLF (template files may use LF or CRLF), exactly one final CRLF.
 */
export function encodeXmlUtf8Crlf(text: string): Uint8Array {
  // The trailing line breaks become one CRLF: any trailing run of CR and LF is dropped first.
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let end = text.length;
  while (end > start && isLineBreak(text.charCodeAt(end - 1))) end--;
  const body = text.slice(start, end);
  // Templates and texts (CR is escaped as &#13;) rarely hold a CR: then only LF needs replacing.
  const crlf = body.includes('\r') ? body.replace(/\r\n|\r|\n/g, '\r\n') : body.replaceAll('\n', '\r\n');
  const bytes = Buffer.from(`${crlf}\r\n`, 'utf8');
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function isLineBreak(code: number): boolean {
  return code === 10 || code === 13;
}
