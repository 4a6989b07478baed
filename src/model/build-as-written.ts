/**
 * The YAML side of AsWritten (model/types.ts, issue 9): which XML attributes a definitions file
 * states, and the string ids it fixes. A field present in the YAML is an attribute the ADMX/ADML
 * writes, even when it holds the XSD default; an absent one is left to the default.
 */
import { CONTROL_DEFAULTED_FIELDS, ELEMENT_DEFAULTED_FIELDS } from '../schema/attribute-fields.js';
import type { DefinitionsInput, ElementInput } from '../schema/definitions-schema.js';
import { xsdDefault } from './xsd-defaults.js';
import type { StringIds } from './string-ids.js';
import type { AsWritten } from './types.js';

/** `{ extraAttributes }` when the YAML gives any. */
export function extraOf(attributes: Readonly<Record<string, string>> | undefined): AsWritten {
  return attributes !== undefined && hasKeys(attributes) ? { extraAttributes: attributes } : {};
}

function hasKeys(record: object): boolean {
  for (const key in record) if (Object.hasOwn(record, key)) return true;
  return false;
}

/** [YAML field, XML attribute, the attribute's XSD default as text]: computed once, read for every element. */
type DefaultedField = readonly [field: string, xmlName: string, defaultText: string];
const withDefaults = (fields: Readonly<Record<string, string>>): readonly DefaultedField[] =>
  Object.entries(fields).map(([field, xmlName]) => [field, xmlName, String(xsdDefault(xmlName))]);
const ELEMENT_FIELDS = withDefaults(ELEMENT_DEFAULTED_FIELDS);
const CONTROL_FIELDS = withDefaults(CONTROL_DEFAULTED_FIELDS);

/** The attributes the YAML states with their XSD default's value (others are written anyway). */
function stated(input: object, fields: readonly DefaultedField[], attributes: Readonly<Record<string, string>> | undefined): AsWritten {
  let explicit: string[] | undefined;
  for (const [field, xmlName, defaultText] of fields) {
    const value = (input as Record<string, unknown>)[field];
    if (value !== undefined && String(value) === defaultText) (explicit ??= []).push(xmlName);
  }
  return explicit ? { explicit: explicit.sort(), ...extraOf(attributes) } : extraOf(attributes);
}

/** The ADMX element's AsWritten. */
export function elementAsWritten(e: Exclude<ElementInput, { note: unknown }>): AsWritten {
  return stated(e, ELEMENT_FIELDS, e.xmlAttributes);
}

/** The ADML control's AsWritten (notes have only extra attributes). */
export function controlAsWritten(e: ElementInput): AsWritten {
  return 'note' in e ? extraOf(e.controlAttributes) : stated(e, CONTROL_FIELDS, e.controlAttributes);
}

/**
 * Reserves every string id the file fixes (nameId, explainId, textId, unusedStrings) before any
 * is derived, so a derived id never takes one that a later object names.
 */
export function reserveExplicitStringIds(input: DefinitionsInput, ids: StringIds): StringIds {
  const reserve = (id: string | undefined) => id !== undefined && ids.reserve(id);
  for (const id of Object.keys(input.unusedStrings ?? {})) reserve(id);
  for (const product of input.products ?? []) {
    reserve(product.nameId);
    for (const major of product.versions ?? []) {
      reserve(major.nameId);
      for (const minor of major.minorVersions ?? []) reserve(minor.nameId);
    }
  }
  for (const s of input.supportedOn ?? []) reserve(s.textId);
  for (const c of input.categories ?? []) [c.nameId, c.explainId].forEach(reserve);
  for (const p of input.policies ?? []) {
    [p.nameId, p.explainId].forEach(reserve);
    for (const e of p.elements ?? []) if ('type' in e && e.type === 'enum') for (const item of e.items) reserve(item.nameId);
  }
  return ids;
}
