/** Small read helpers over XmlElement: children by name, lenient attribute lookup, attribute spans. */
import type { Span } from '../../diagnostics/diagnostic.js';
import { tagSpan, type XmlElement } from './xml-tree.js';

export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((c) => c.name === name);
}

export function childNamed(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((c) => c.name === name);
}

/**
 * An attribute's value, by exact name: Windows' reader is case-sensitive, so `maxvalue` in
 * CEIPEnable.admx is not maxValue and leaves the default (issue 9). Such spellings are kept as
 * written (asWritten) and lint reports them (GPF1258).
 */
export function attribute(element: XmlElement, name: string): string | undefined {
  return Object.hasOwn(element.attributes, name) ? element.attributes[name] : undefined;
}

/** The attribute's value inside its quotes, else the element's `<name`. */
export function attributeSpan(text: string, element: XmlElement, name: string): Span {
  for (const a of scanStartTag(text, element)) {
    if (a.name === name) return { start: a.valueStart, end: Math.max(a.valueEnd, a.valueStart + 1) };
  }
  return tagSpan(element);
}

/** The attribute's name, for "unknown attribute" messages. */
export function attributeNameSpan(text: string, element: XmlElement, name: string): Span {
  const found = scanStartTag(text, element).find((a) => a.name === name);
  return found ? { start: found.nameStart, end: found.nameStart + name.length } : tagSpan(element);
}

interface ScannedAttribute {
  readonly name: string;
  readonly nameStart: number;
  readonly valueStart: number;
  readonly valueEnd: number;
}

/** Reads the attributes of a well-formed start tag (quotes respected: values may hold '>'). */
function scanStartTag(text: string, element: XmlElement): ScannedAttribute[] {
  const found: ScannedAttribute[] = [];
  let i = element.start + 1;
  while (i < text.length && !isSpace(text.charCodeAt(i)) && text[i] !== '>' && text[i] !== '/') i++;
  for (;;) {
    while (i < text.length && isSpace(text.charCodeAt(i))) i++;
    if (i >= text.length || text[i] === '>' || text[i] === '/') return found;
    const nameStart = i;
    while (i < text.length && text[i] !== '=' && !isSpace(text.charCodeAt(i))) i++;
    const name = text.slice(nameStart, i);
    while (i < text.length && text[i] !== '"' && text[i] !== "'") i++;
    const quote = text[i];
    const valueStart = i + 1;
    const valueEnd = quote === undefined ? text.length : text.indexOf(quote, valueStart);
    if (valueEnd < 0) return found;
    found.push({ name, nameStart, valueStart, valueEnd });
    i = valueEnd + 1;
  }
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}
