/**
 * The fast path of xml-tree.ts: the element tree of a plainly written, well-formed file, read in
 * one pass over the text (fast-xml-parser's validator and parser are two passes and an
 * intermediate tree, most of an import's reading time; issue 11).
 *
 * "Plain" is a subset that XMLValidator accepts: an optional `<?xml ...?>` at offset 0, comments,
 * one root element, ASCII names, quoted attribute values without `<`, no repeated attribute,
 * `</name>` end tags, CDATA, and `&` only in complete references. Anything else (other PIs or
 * `<!` markup, names fast-xml-parser renames or refuses, deep nesting, and every error) is
 * undefined here, so that the validator and parser decide and report exactly as before.
 * The tree equals what fast-xml-parser + convertElement build (offsets into the text as given,
 * text with "\n" line ends, entities decoded the same way): test/load/admx/xml-plain-tree.test.ts
 * compares both on the corpus and on mutated files.
 */
import { decodeEntities, NO_ATTRIBUTES, type XmlElement } from './xml-tree.js';

/** Far below fast-xml-parser's maxNestedTags (100); ADMX nests about 6 deep. */
const MAX_DEPTH = 64;
/** Names fast-xml-parser refuses or renames (its criticalProperties and DANGEROUS_PROPERTY_NAMES). */
const RESERVED = new Set(['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', 'valueOf', '__defineGetter__', '__defineSetter__', '__lookupGetter__', '__lookupSetter__']);
/** A reference as the validator accepts it (validateAmpersand), a little stricter. */
const REFERENCE = /&(?:#[0-9]+|#x[0-9a-fA-F]+|[A-Za-z0-9_]{1,20});/y;

interface OpenElement {
  readonly tag: string;
  readonly start: number;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: XmlElement[];
  text: string;
}

/** The root element, or undefined when the text is not plain (see the module comment). */
export function parsePlainXml(text: string): XmlElement | undefined {
  let i = skipDeclaration(text);
  if (i < 0) return undefined;
  const stack: OpenElement[] = [];
  let root: XmlElement | undefined;
  /** Character data since the last tag or CDATA, line ends normalised; comments do not split it. */
  let pending = '';
  for (;;) {
    const lt = text.indexOf('<', i);
    const segment = text.slice(i, lt < 0 ? text.length : lt);
    const open = stack[stack.length - 1];
    if (open === undefined) {
      if (!isBlank(segment)) return undefined;
    } else if (segment.length > 0) {
      if (!referencesComplete(segment)) return undefined;
      pending += normaliseLineEnds(segment);
    }
    if (lt < 0) return stack.length === 0 ? root : undefined;
    if (text.startsWith('<!--', lt)) {
      const close = text.indexOf('-->', lt + 4);
      if (close < 0) return undefined;
      i = close + 3;
      continue;
    }
    if (open !== undefined && pending !== '') open.text += decodeEntities(pending);
    pending = '';
    const next = text.charCodeAt(lt + 1);
    if (next === 0x2f /* / */) {
      if (open === undefined || !text.startsWith(open.tag, lt + 2) || text.charCodeAt(lt + 2 + open.tag.length) !== 0x3e) return undefined;
      i = lt + 3 + open.tag.length;
      stack.pop();
      const element = closeElement(open, i);
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push(element);
      else root = element;
    } else if (text.startsWith('<![CDATA[', lt)) {
      const close = text.indexOf(']]>', lt + 9);
      if (open === undefined || close < 0) return undefined;
      open.text += normaliseLineEnds(text.slice(lt + 9, close));
      i = close + 3;
    } else {
      if (root !== undefined || stack.length >= MAX_DEPTH) return undefined;
      const tag = readStartTag(text, lt);
      if (tag === undefined) return undefined;
      i = tag.end;
      const opened: OpenElement = { tag: tag.name, start: lt, attributes: tag.attributes, children: [], text: '' };
      if (!tag.selfClosing) stack.push(opened);
      else if (open) open.children.push(closeElement(opened, i));
      else root = closeElement(opened, i);
    }
  }
}

function closeElement(open: OpenElement, end: number): XmlElement {
  const colon = open.tag.indexOf(':');
  return { name: colon < 0 ? open.tag : open.tag.slice(colon + 1), attributes: open.attributes, children: open.children, text: open.text, start: open.start, end };
}

/** Offset after an `<?xml ...?>` at offset 0 (0 when there is none), or -1 when the two readers could end it differently. */
function skipDeclaration(text: string): number {
  if (!text.startsWith('<?')) return 0;
  if (!text.startsWith('<?xml ')) return -1;
  const end = text.indexOf('?>', 6);
  // fast-xml-parser skips quoted values while looking for `?>`, the validator does not.
  return end < 0 || !quotesBalanced(text.slice(6, end)) ? -1 : end + 2;
}

function quotesBalanced(s: string): boolean {
  let quote = '';
  for (const c of s) {
    if (quote === '' && (c === '"' || c === "'")) quote = c;
    else if (c === quote) quote = '';
  }
  return quote === '';
}

interface StartTag {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly selfClosing: boolean;
  /** Offset just past `>`. */
  readonly end: number;
}

/** `<name attr="value" ...>` or `.../>` at `lt`, or undefined when not plain. */
function readStartTag(text: string, lt: number): StartTag | undefined {
  let i = nameEnd(text, lt + 1);
  const name = text.slice(lt + 1, i);
  if (i === lt + 1 || RESERVED.has(name)) return undefined;
  let attributes: Record<string, string> | undefined;
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === 0x3e /* > */) return { name, attributes: attributes ?? NO_ATTRIBUTES, selfClosing: false, end: i + 1 };
    if (c === 0x2f /* / */) return text.charCodeAt(i + 1) === 0x3e ? { name, attributes: attributes ?? NO_ATTRIBUTES, selfClosing: true, end: i + 2 } : undefined;
    if (!isSpace(c)) return undefined;
    while (isSpace(text.charCodeAt(i))) i++;
    if (text.charCodeAt(i) === 0x3e || text.charCodeAt(i) === 0x2f) continue;
    const nameStart = i;
    i = nameEnd(text, i);
    const attribute = text.slice(nameStart, i);
    if (i === nameStart || RESERVED.has(attribute) || (attributes !== undefined && Object.hasOwn(attributes, attribute))) return undefined;
    while (isSpace(text.charCodeAt(i))) i++;
    if (text.charCodeAt(i) !== 0x3d /* = */) return undefined;
    i++;
    while (isSpace(text.charCodeAt(i))) i++;
    const quote = text[i];
    if (quote !== '"' && quote !== "'") return undefined;
    const close = text.indexOf(quote, i + 1);
    if (close < 0) return undefined;
    const raw = text.slice(i + 1, close);
    if (raw.includes('<')) return undefined;
    // Null prototype, as xml-tree.ts's decodeAttributes; line ends, then tab/CR/LF, become spaces (XML 1.0 §3.3.3).
    attributes ??= Object.create(null) as Record<string, string>;
    attributes[attribute] = decodeEntities(hasControlBlank(raw) ? normaliseLineEnds(raw).replace(/[\t\n]/g, ' ') : raw);
    i = close + 1;
  }
}

/** End of an ASCII XML name starting at `i` (`i` itself when none starts there). */
function nameEnd(text: string, i: number): number {
  const first = text.charCodeAt(i);
  if (!(isLetter(first) || first === 0x5f /* _ */ || first === 0x3a /* : */)) return i;
  let j = i + 1;
  for (let c = text.charCodeAt(j); isLetter(c) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === 0x3a || c === 0x2e || c === 0x2d; c = text.charCodeAt(++j));
  return j;
}

function isLetter(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/** A tab, CR or LF (attribute values are short: a loop beats a regular expression here). */
function hasControlBlank(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 0x09 || c === 0x0a || c === 0x0d) return true;
  }
  return false;
}

function isBlank(segment: string): boolean {
  for (let i = 0; i < segment.length; i++) if (!isSpace(segment.charCodeAt(i))) return false;
  return true;
}

/** Every `&` starts a reference the validator accepts. */
function referencesComplete(segment: string): boolean {
  for (let at = segment.indexOf('&'); at >= 0; at = segment.indexOf('&', at + 1)) {
    REFERENCE.lastIndex = at;
    if (!REFERENCE.test(segment)) return false;
  }
  return true;
}

/** CRLF and lone CR as LF, as fast-xml-parser reads the text. */
function normaliseLineEnds(s: string): string {
  return s.includes('\r') ? s.replace(/\r\n?/g, '\n') : s;
}
