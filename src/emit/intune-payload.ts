/**
 * The Policy CSP payload of one configured ADMX-backed policy: the `<Data>` of its SyncML
 * Replace, and the value of an Intune OMA-URI setting of data type String (README "Deploying
 * with Intune", after Microsoft's "Understanding ADMX policies" and "Win32 and Desktop Bridge
 * app ADMX policy ingestion").
 *
 * Form: `<disabled/>`, or `<enabled/>` followed by one `<data id="ElementId" value="…"/>` per
 * element, in the policy's element (ADMX) order, ids exactly the element ids. Values:
 * decimal/longDecimal as decimal digits; boolean `true`/`false` (a boolean without a value is
 * unticked, as the registry plan writes it); enum the selected item's registry value; text as
 * given; multiText the strings joined by U+F000; list the name/value pairs the registry plan
 * writes (planListValues), every name and value joined by U+F000. Other elements without a
 * value get no `<data>`.
 *
 * Escaping: values are XML attribute values (escapeXmlAttribute, shared with every XML output);
 * the separator is written `&#xF000;`, as in Microsoft's examples. A value the payload cannot
 * carry (a list item holding U+F000 itself, a character XML 1.0 cannot hold, an enum item that
 * deletes its value) is reported instead of guessed.
 */
import { planListValues } from '../model/registry-plan.js';
import type { ConfiguredPolicy, ElementValue } from '../model/registry-types.js';
import type { PolicyElement, RegValue } from '../model/types.js';
import { escapeXmlAttribute, isXmlRepresentable } from './xml-escape.js';

/** Separates multiText strings and list names/values inside one `value` (Policy CSP). */
export const CSP_LIST_SEPARATOR = '\uF000';
const SEPARATOR_REFERENCE = '&#xF000;';

export type PayloadResult = { readonly ok: true; readonly payload: string } | { readonly ok: false; readonly problem: string };

/** `<enabled/><data …/>…` or `<disabled/>` for a configured policy. */
export function intunePayload(configured: ConfiguredPolicy): PayloadResult {
  if (configured.state === 'disabled') return { ok: true, payload: '<disabled/>' };
  let payload = '<enabled/>';
  for (const element of configured.policy.elements) {
    const parts = elementParts(element, configured.values.get(element.id));
    if (parts === undefined) continue;
    if (typeof parts === 'string') return { ok: false, problem: `element '${element.id}': ${parts}` };
    payload += `<data id="${attribute(element.id)}" value="${parts.map(attribute).join(SEPARATOR_REFERENCE)}"/>`;
  }
  return { ok: true, payload };
}

/** The value's parts (joined by the separator), undefined for no `<data>`, or a problem. */
function elementParts(element: PolicyElement, value: ElementValue | undefined): string[] | string | undefined {
  if (value === undefined) return element.type === 'boolean' ? ['false'] : undefined;
  const parts = partsOf(element, value);
  if (typeof parts === 'string') return parts;
  const joined = value.type === 'multiText' || value.type === 'list';
  if (joined && parts.some((part) => part.includes(CSP_LIST_SEPARATOR))) {
    return 'a value holds U+F000, the Policy CSP\'s list separator';
  }
  if (!parts.every(xmlText)) return 'a value holds a character XML 1.0 cannot carry';
  return parts;
}

/** Characters outside XML's plain BMP range: most values have none, and skip the `u`-mode check. */
const BEYOND_XML_BMP = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD]/;
const ATTRIBUTE_SPECIALS = /[&<>"\r\n\t]/;

function xmlText(text: string): boolean {
  return !BEYOND_XML_BMP.test(text) || isXmlRepresentable(text);
}

/** escapeXmlAttribute, skipped for the usual value with nothing to escape or refuse. */
function attribute(text: string): string {
  return ATTRIBUTE_SPECIALS.test(text) || BEYOND_XML_BMP.test(text) ? escapeXmlAttribute(text) : text;
}

function partsOf(element: PolicyElement, value: ElementValue): string[] | string {
  switch (value.type) {
    case 'boolean':
      return [value.value ? 'true' : 'false'];
    case 'decimal':
      return [String(value.value)];
    case 'longDecimal':
      return [value.value.toString()];
    case 'text':
      return [value.value];
    case 'multiText':
      return value.value.length === 0 ? [''] : [...value.value];
    case 'enum':
      return enumParts(element, value.itemIndex);
    case 'list':
      if (element.type !== 'list') throw new Error(`gpforge bug: ${element.type} element '${element.id}' got a list value`);
      return value.entries.length === 0 ? [''] : planListValues(element, value.entries).flatMap(({ valueName, value: data }) => [valueName, data]);
    default:
      return assertNever(value);
  }
}

function enumParts(element: PolicyElement, itemIndex: number): string[] | string {
  const item = element.type === 'enum' ? element.items[itemIndex] : undefined;
  if (item === undefined) throw new Error(`gpforge bug: enum '${element.id}' has no item ${itemIndex}`);
  const written = regValueText(item.value);
  return written === undefined ? `item '${item.id}' deletes its value, and the Policy CSP selects an item by its value` : [written];
}

/** An ADMX value as the Policy CSP names it: digits or the string; a delete has no text. */
function regValueText(value: RegValue): string | undefined {
  switch (value.kind) {
    case 'decimal':
      return String(value.value);
    case 'longDecimal':
      return value.value.toString();
    case 'string':
      return value.value;
    case 'delete':
      return undefined;
    default:
      return assertNever(value);
  }
}

function assertNever(value: never): never {
  throw new Error(`Intune payload: unexpected ${JSON.stringify(value)}`);
}
