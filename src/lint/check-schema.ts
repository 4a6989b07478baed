/**
 * What the ADMX schema does not allow but Windows' own files do (admx-schema README,
 * "Deviations"): unknown attributes (GPF1257) or their wrong letter case (GPF1258), unknown
 * child elements (GPF1259), text inside element-only content (GPF1260), missing required
 * children (GPF1264). All warnings: Windows loads such files; strict validators do not.
 * Also what is valid but has no place in the model, so import drops it (GPF1265).
 */
import type { Diagnostic, Span } from '../diagnostics/diagnostic.js';
import { diagnostic } from '../diagnostics/diagnostic.js';
import { attributeNameSpan } from '../load/admx/xml-query.js';
import { tagSpan, type XmlDocument, type XmlElement } from '../load/admx/xml-tree.js';
import { closestName } from '../validate/closest-name.js';
import { SCHEMA, type NodeType } from './admx-schema.js';

const ALWAYS_ALLOWED = /^(xmlns(:.*)?|xsi:.*)$/;

/** Checks a parsed ADMX or ADML against the schema table, from its root down. */
export function checkSchema(document: XmlDocument, out: Diagnostic[]): void {
  const root = document.root;
  if (root && Object.hasOwn(SCHEMA, root.name)) walk(document, root, SCHEMA[root.name] as NodeType, out);
}

function walk(document: XmlDocument, element: XmlElement, type: NodeType, out: Diagnostic[]): void {
  if (type.notImported) out.push(diagnostic('GPF1265', document.file, tagSpan(element), element.name));
  if (type.any) return;
  checkAttributes(document, element, type, out);
  const children = type.children ?? {};
  for (const child of element.children) {
    const childType = Object.hasOwn(children, child.name) ? SCHEMA[children[child.name] as string] : undefined;
    if (childType) walk(document, child, childType, out);
    else if (!type.readerChecksChildren) out.push(diagnostic('GPF1259', document.file, tagSpan(child), child.name, element.name));
  }
  for (const required of type.required ?? []) {
    if (!element.children.some((c) => c.name === required)) out.push(diagnostic('GPF1264', document.file, tagSpan(element), element.name, required));
  }
  if (!type.text && element.text.trim() !== '') {
    const span = strayTextSpan(document.text, element);
    const snippet = document.text.slice(span.start, span.end);
    out.push(diagnostic('GPF1260', document.file, span, snippet, element.name));
  }
}

function checkAttributes(document: XmlDocument, element: XmlElement, type: NodeType, out: Diagnostic[]): void {
  for (const name of Object.keys(element.attributes)) {
    if (type.attributes.includes(name) || ALWAYS_ALLOWED.test(name)) continue;
    const span = attributeNameSpan(document.text, element, name);
    const sameButCase = type.attributes.find((known) => known.toLowerCase() === name.toLowerCase());
    if (sameButCase !== undefined) out.push(diagnostic('GPF1258', document.file, span, name, sameButCase));
    else out.push(diagnostic('GPF1257', document.file, span, name, element.name, closestName(name, type.attributes)));
  }
}

/** The first run of non-blank characters between the element's children (comments skipped). */
function strayTextSpan(text: string, element: XmlElement): Span {
  let from = startTagEnd(text, element.start);
  for (const child of element.children) {
    const found = firstNonBlank(text, from, child.start);
    if (found) return found;
    from = child.end;
  }
  return firstNonBlank(text, from, element.end) ?? tagSpan(element);
}

function firstNonBlank(text: string, from: number, to: number): Span | undefined {
  for (let i = from; i < to; i++) {
    if (text.startsWith('<!--', i)) {
      i = text.indexOf('-->', i) + 2;
      if (i < 2) return undefined;
      continue;
    }
    if (text[i] === '<') return undefined;
    if (!/\s/.test(text[i] as string)) {
      let end = i;
      while (end < to && text[end] !== '<' && !/\s/.test(text[end] as string)) end++;
      return { start: i, end: Math.min(end, i + 40) };
    }
  }
  return undefined;
}

/** Offset just past the `>` of the start tag at `start` (quoted values may hold '>'). */
function startTagEnd(text: string, start: number): number {
  let quote: string | undefined;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i + 1;
  }
  return text.length;
}
