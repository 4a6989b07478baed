/**
 * Attribute lists that say what the source said (issue 9): an attribute with an XSD default is
 * written where its value differs from the default or where the source stated it
 * (AsWritten.explicit); the node's extra attributes follow verbatim. Used by the ADMX and ADML
 * emitters alike, so both follow one rule.
 */
import type { AsWritten } from '../model/types.js';
import { xsdDefault } from '../model/xsd-defaults.js';
import { xmlAttr, xmlAttrs, type AttrValue, type XmlAttrs } from './xml-escape.js';

/** `entries` in order (undefined = absent); those with an XSD default (xsd-defaults.ts) follow the rule above. */
export function writtenAttrs(node: AsWritten, entries: Readonly<Record<string, AttrValue>>): XmlAttrs {
  let attrs = '';
  for (const name of Object.keys(entries)) {
    const value = entries[name];
    if (value === undefined) continue;
    const fallback = xsdDefault(name);
    if (fallback === undefined || String(value) !== String(fallback) || node.explicit?.includes(name)) attrs += xmlAttr(name, value);
  }
  return node.extraAttributes ? attrs + xmlAttrs(node.extraAttributes) : attrs;
}

/** Attributes kept verbatim (names are XML names already; values are escaped here). */
export function extraAttrs(extra: Readonly<Record<string, string>> | undefined): XmlAttrs {
  return extra ? xmlAttrs(extra) : '';
}
