/**
 * The JSON Schema of one element's value in a GPO file (issue 16), the same rules
 * src/validate/gpo/element-values.ts applies, where JSON Schema can say them (FORMATS.md c.8).
 */
import type { EnumElement, PolicyElement, RegValue } from '../model/types.js';

export type JsonSchema = Record<string, unknown>;

/** Names and labels in the chosen locale: the element's dialog label, an enum item's name. */
export interface Texts {
  readonly label?: string;
  readonly itemName: (item: EnumElement['items'][number]) => string;
}

/** Beyond 2^53 a JSON number is inexact; the schema then gives the nearest double. */
const asNumber = (value: number | bigint) => Number(value);

/** An item's value as a GPO file may write it (a number, or for longDecimal also its digits). */
function itemValues(value: RegValue): (string | number)[] {
  if (value.kind === 'decimal') return [value.value];
  if (value.kind === 'string') return [value.value];
  if (value.kind === 'longDecimal') {
    const digits = value.value.toString();
    return value.value <= BigInt(Number.MAX_SAFE_INTEGER) ? [Number(value.value), digits] : [digits];
  }
  return [];
}

/** Item ids first (they win), then item values; each with the item's display name. */
function enumSchema(element: EnumElement, texts: Texts): JsonSchema {
  const byId = element.items.map((item) => ({ const: item.id, description: texts.itemName(item) }));
  const seen = new Set<unknown>(element.items.map((item) => item.id));
  const byValue = element.items.flatMap((item) =>
    itemValues(item.value)
      .filter((v) => !seen.has(v) && (seen.add(v), true))
      .map((v) => ({ const: v, description: `${texts.itemName(item)} (item ${item.id})` })),
  );
  return { anyOf: [...byId, ...byValue] };
}

/** The value shape of one element, without title or description. */
function valueShape(element: PolicyElement, texts: Texts): JsonSchema {
  switch (element.type) {
    case 'boolean':
      return { type: 'boolean' };
    case 'decimal':
      return { type: 'integer', minimum: element.minValue, maximum: element.maxValue };
    case 'longDecimal':
      // Digits in quotes are allowed beyond 2^53; their range is gpforge's to check.
      return {
        anyOf: [
          { type: 'integer', minimum: asNumber(element.minValue), maximum: asNumber(element.maxValue) },
          { type: 'string', pattern: '^[0-9]{1,20}$' },
        ],
      };
    case 'text':
      return { type: 'string', maxLength: element.maxLength };
    case 'multiText':
      return {
        type: 'array',
        items: { type: 'string', minLength: 1, maxLength: element.maxLength },
        ...(element.maxStrings > 0 && { maxItems: element.maxStrings }),
      };
    case 'enum':
      return enumSchema(element, texts);
    case 'list':
      return element.explicitValue
        ? { type: 'object', additionalProperties: { type: 'string' } }
        : { type: 'array', items: { type: 'string' } };
  }
}

const KIND_HELP: Readonly<Record<PolicyElement['type'], string>> = {
  boolean: 'true or false',
  decimal: 'a whole number',
  longDecimal: 'a whole number (digits in quotes beyond 2^53)',
  text: 'a text',
  multiText: 'a list of texts',
  enum: 'an item id or value',
  list: 'a list of texts',
};

function rangeHelp(element: PolicyElement): string {
  if (element.type === 'decimal' || element.type === 'longDecimal') return ` ${element.minValue}..${element.maxValue}`;
  if (element.type === 'text') return `, at most ${element.maxLength} characters`;
  if (element.type === 'list' && element.explicitValue) return ' (value name: data)';
  return '';
}

/** The element's value schema with its dialog label as title and what it takes as description. */
export function elementValueSchema(element: PolicyElement, texts: Texts): JsonSchema {
  const label = texts.label?.trim();
  const what = `${element.type}: ${KIND_HELP[element.type]}${rangeHelp(element)}`;
  return { ...(label && { title: label }), description: label ? `${label}\n\n${what}` : what, ...valueShape(element, texts) };
}
