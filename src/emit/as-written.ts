/**
 * Attribute lists that say what the source said (issue 9): an attribute with an XSD default is
 * written where its value differs from the default or where the source stated it
 * (AsWritten.explicit); the node's extra attributes follow verbatim. Used by the ADMX and ADML
 * emitters alike, so both follow one rule.
 */
import type { AsWritten } from '../model/types.js';
import { xmlAttrs, type AttrValue, type XmlAttr } from './xml-escape.js';

/**
 * `entries` in order (undefined = absent); `defaults` names the entries that have an XSD default
 * and gives it (FORMATS.md c.8, c.10).
 */
export function writtenAttrs(node: AsWritten, entries: Readonly<Record<string, AttrValue>>, defaults: Readonly<Record<string, AttrValue>> = {}): XmlAttr[] {
  const kept: Record<string, AttrValue> = {};
  for (const [name, value] of Object.entries(entries)) {
    const isDefault = Object.hasOwn(defaults, name) && String(value) === String(defaults[name]);
    kept[name] = isDefault && !node.explicit?.includes(name) ? undefined : value;
  }
  return [...xmlAttrs(kept), ...extraAttrs(node.extraAttributes)];
}

/** Attributes kept verbatim (names are XML names already; values are escaped here). */
export function extraAttrs(extra: Readonly<Record<string, string>> | undefined): XmlAttr[] {
  return extra ? xmlAttrs(extra) : [];
}
