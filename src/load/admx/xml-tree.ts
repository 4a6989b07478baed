/**
 * Decoded ADMX/ADML text → a small element tree that keeps document order and the offset of
 * every start tag (fast-xml-parser's `captureMetaData`; offsets are into the text as given,
 * CRLF included). The only module that imports fast-xml-parser.
 *
 * Lenient where Windows is (FORMATS.md c.2): the namespace URI and any prefix on element names
 * are ignored. Strict where safety needs it: well-formedness is checked first (XMLValidator,
 * which reports line:col; xml-plain-tree.ts reads plainly written files in one pass and leaves
 * everything else to it), and entities are never expanded by the parser — DOCTYPE-declared
 * entities stay literal text (no XXE, no "billion laughs"); the five predefined entities and
 * character references are decoded here.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { diagnostic, type Diagnostic, type Span } from '../../diagnostics/diagnostic.js';
import { parsePlainXml } from './xml-plain-tree.js';

export interface XmlElement {
  /** Local name: any `prefix:` is dropped. */
  readonly name: string;
  /** As written (`xml:space`, `xmlns:xsd` keep their prefix); values entity-decoded. */
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
  /** Direct character data and CDATA, in order, entity-decoded; line ends are "\n". */
  readonly text: string;
  /** Offset of the `<` of the start tag. */
  readonly start: number;
  /** Offset just past the end tag (or `/>`). */
  readonly end: number;
}

export interface XmlDocument {
  readonly file: string;
  readonly text: string;
  /** Absent when the file is not well-formed (then `diagnostics` says why). */
  readonly root?: XmlElement;
  readonly diagnostics: Diagnostic[];
}

/** One parser for all files; a parse holds no state between calls. */
const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: false,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  cdataPropName: '#cdata',
  captureMetaData: true,
  // No callbacks need the path as a string; building it for every tag costs ~10% of a parse.
  jPath: false,
});
const META = XMLParser.getMetaDataSymbol() as unknown as string;

type RawNode = Record<string, unknown>;

/** Parses one file; never throws. A DOCTYPE is reported (GPF1203) and not parsed. */
export function parseXmlDocument(file: string, text: string): XmlDocument {
  return parseXml(file, text, true);
}

/**
 * parseXmlDocument with `plainFirst: false`: always fast-xml-parser's validator and parser (the
 * reference that test/load/admx/xml-plain-tree.test.ts holds the plain reader to).
 */
export function parseXml(file: string, text: string, plainFirst: boolean): XmlDocument {
  const diagnostics: Diagnostic[] = [];
  const doctypeAt = findDoctype(text);
  if (doctypeAt !== undefined) diagnostics.push(diagnostic('GPF1203', file, { start: doctypeAt, end: doctypeAt + 9 }));
  // The parser never sees a DOCTYPE: blanked out (offsets kept), its entities stay literal text.
  const xml = doctypeAt === undefined ? text : blankDoctype(text, doctypeAt);
  const plain = plainFirst ? parsePlainXml(xml) : undefined;
  if (plain !== undefined) return { file, text, diagnostics, root: plain };
  const invalid = XMLValidator.validate(xml);
  if (invalid !== true) {
    diagnostics.push(diagnostic('GPF1202', file, spanAtLineColumn(text, invalid.err.line, invalid.err.col), invalid.err.msg));
    return { file, text, diagnostics };
  }
  let roots: XmlElement[];
  try {
    roots = convertNodes(parser.parse(xml) as RawNode[], text.length);
  } catch (error) {
    diagnostics.push(diagnostic('GPF1202', file, undefined, error instanceof Error ? error.message : String(error)));
    return { file, text, diagnostics };
  }
  const [root, second] = roots;
  if (second) diagnostics.push(diagnostic('GPF1202', file, tagSpan(second), 'a document has exactly one root element'));
  if (!root) diagnostics.push(diagnostic('GPF1202', file, undefined, 'no root element'));
  return { file, text, diagnostics, ...(root && { root }) };
}

function convertNodes(nodes: readonly RawNode[], parentEnd: number): XmlElement[] {
  const elements: XmlElement[] = [];
  for (const node of nodes) {
    const tag = tagOf(node);
    if (tag === undefined || tag === '#text' || tag === '#cdata') continue;
    elements.push(convertElement(node, tag, parentEnd));
  }
  return elements;
}

function convertElement(node: RawNode, tag: string, parentEnd: number): XmlElement {
  const content = node[tag] as RawNode[];
  const meta = node[META] as { startIndex?: number; endIndex?: number } | undefined;
  const start = meta?.startIndex ?? 0;
  const end = meta?.endIndex ?? parentEnd;
  const children: XmlElement[] = [];
  let text = '';
  for (const child of content) {
    const childTag = tagOf(child);
    if (childTag === '#text') text += decodeEntities(child['#text'] as string);
    else if (childTag === '#cdata') text += ((child['#cdata'] as RawNode[])[0]?.['#text'] as string | undefined) ?? '';
    else if (childTag !== undefined) children.push(convertElement(child, childTag, end));
  }
  const colon = tag.indexOf(':');
  return { name: colon < 0 ? tag : tag.slice(colon + 1), attributes: decodeAttributes(node[':@'] as Record<string, string> | undefined), children, text, start, end };
}

function tagOf(node: RawNode): string | undefined {
  for (const key in node) if (key !== ':@') return key;
  return undefined;
}

export const NO_ATTRIBUTES: Readonly<Record<string, string>> = Object.freeze(Object.create(null) as Record<string, string>);

function decodeAttributes(raw: Record<string, string> | undefined): Readonly<Record<string, string>> {
  if (!raw) return NO_ATTRIBUTES;
  // Null prototype: a lookup of `constructor` or `__proto__` finds only what the file wrote.
  const attributes = Object.create(null) as Record<string, string>;
  for (const name of Object.keys(raw)) {
    const value = raw[name] as string;
    // XML attribute-value normalisation: literal tab/CR/LF become spaces (XML 1.0 §3.3.3).
    const normalised = /[\t\n\r]/.test(value) ? value.replace(/[\t\n\r]/g, ' ') : value;
    attributes[name] = decodeEntities(normalised);
  }
  return attributes;
}

const ENTITY = /&(?:#x([0-9A-Fa-f]{1,6})|#([0-9]{1,7})|(amp|lt|gt|quot|apos));/g;
const PREDEFINED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The predefined entities and character references; anything else (a DTD entity) stays as written. */
export function decodeEntities(value: string): string {
  if (value.indexOf('&') < 0) return value;
  return value.replace(ENTITY, (whole, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
    if (name !== undefined) return PREDEFINED[name] ?? whole;
    const code = hex !== undefined ? parseInt(hex, 16) : Number(dec);
    return code <= 0x10ffff && code > 0 ? String.fromCodePoint(code) : whole;
  });
}

/** A `<!DOCTYPE` before the root element: only the prolog (declaration, comments, PIs) is scanned. */
function findDoctype(text: string): number | undefined {
  for (let i = text.indexOf('<'); i >= 0; i = text.indexOf('<', i + 1)) {
    if (text.startsWith('<!DOCTYPE', i)) return i;
    if (text.startsWith('<!--', i)) i = text.indexOf('-->', i);
    else if (text.startsWith('<?', i)) i = text.indexOf('?>', i);
    else return undefined;
    if (i < 0) return undefined;
  }
  return undefined;
}

/** The DOCTYPE at `start` (internal subset, quoted literals and comments included) as spaces; line breaks kept. */
function blankDoctype(text: string, start: number): string {
  let depth = 0;
  let quote: string | undefined;
  let end = text.length;
  for (let i = start + 2; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (text.startsWith('<!--', i)) {
      i = text.indexOf('-->', i);
      if (i < 0) break;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[') depth++;
    else if (c === ']') depth--;
    else if (c === '>' && depth <= 0) {
      end = i + 1;
      break;
    }
  }
  return text.slice(0, start) + text.slice(start, end).replace(/[^\r\n]/g, ' ') + text.slice(end);
}

function spanAtLineColumn(text: string, line: number, column: number): Span {
  let offset = 0;
  for (let l = 1; l < line && offset >= 0; l++) offset = text.indexOf('\n', offset) + 1;
  const start = Math.min(Math.max(0, offset) + Math.max(0, column - 1), text.length);
  return { start, end: Math.min(start + 1, text.length) };
}

/** `<name` of an element's start tag. */
export function tagSpan(element: XmlElement): Span {
  return { start: element.start, end: element.start + 1 + element.name.length };
}
