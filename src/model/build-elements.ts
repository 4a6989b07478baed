/** YAML elements → model elements and presentation controls (FORMATS.md c.8, c.10). */
import type { DataPath, SourceDoc } from '../load/yaml-source.js';
import type { ElementInput } from '../schema/definitions-schema.js';
import { buildRegValue, buildValueList, exactBigInt } from './build-values.js';
import { localize } from './localize.js';
import { controlAsWritten, elementAsWritten, extraOf } from './build-as-written.js';
import type { StringIds } from './string-ids.js';
import type { BooleanElement, PolicyElement, PresentationControl } from './types.js';

export interface ElementContext {
  readonly doc: SourceDoc;
  readonly locales: readonly string[];
  readonly stringIds: StringIds;
  readonly policyId: string;
}

type Typed = Exclude<ElementInput, { note: unknown }>;
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** The fields every element kind has, in the model's order (plain assignments: this runs for every element). */
function commonFields(e: Typed): ElementCommon {
  const common: Mutable<ElementCommon> = { id: e.id };
  if (e.key !== undefined) common.key = e.key;
  if ('valueName' in e && e.valueName !== undefined) common.valueName = e.valueName;
  if (e.clientExtension !== undefined) common.clientExtension = e.clientExtension;
  const { explicit, extraAttributes } = elementAsWritten(e);
  if (explicit !== undefined) common.explicit = explicit;
  if (extraAttributes !== undefined) common.extraAttributes = extraAttributes;
  return common;
}

type ElementCommon = Pick<PolicyElement, 'id' | 'key' | 'valueName' | 'clientExtension' | 'explicit' | 'extraAttributes'>;

/**
 * The registry side of an element; XSD defaults filled in so emitters never guess. The kind's
 * fields are assigned onto the common ones (Object.assign, not spreads of objects of many shapes,
 * which cost several times more in a cold run: this runs for every element).
 */
export function buildElement(ctx: ElementContext, e: Typed, path: DataPath): PolicyElement {
  const common = commonFields(e);
  switch (e.type) {
    case 'boolean': {
      const element: Mutable<BooleanElement> = Object.assign(common, { type: 'boolean' as const });
      if (e.trueValue !== undefined) element.trueValue = buildRegValue(ctx.doc, e.trueValue, [...path, 'trueValue']);
      if (e.falseValue !== undefined) element.falseValue = buildRegValue(ctx.doc, e.falseValue, [...path, 'falseValue']);
      if (e.trueList !== undefined) element.trueList = buildValueList(ctx.doc, e.trueList, [...path, 'trueList']);
      if (e.falseList !== undefined) element.falseList = buildValueList(ctx.doc, e.falseList, [...path, 'falseList']);
      return element;
    }
    case 'decimal':
      return Object.assign(common, { type: 'decimal' as const, required: !!e.required, minValue: e.min ?? 0, maxValue: e.max ?? 9999, storeAsText: !!e.storeAsText, soft: !!e.soft });
    case 'longDecimal':
      return Object.assign(common, {
        type: 'longDecimal' as const,
        required: !!e.required,
        minValue: exactBigInt(ctx.doc, e.min, [...path, 'min'], 0n),
        maxValue: exactBigInt(ctx.doc, e.max, [...path, 'max'], 9999n),
        storeAsText: !!e.storeAsText,
        soft: !!e.soft,
      });
    case 'enum':
      return Object.assign(common, { type: 'enum' as const, required: !!e.required, items: e.items.map((item, i) => buildEnumItem(ctx, e.id, item, [...path, 'items', i])) });
    case 'text':
      return Object.assign(common, { type: 'text' as const, required: !!e.required, maxLength: e.maxLength ?? 1023, expandable: !!e.expandable, soft: !!e.soft });
    case 'multiText':
      return Object.assign(common, { type: 'multiText' as const, required: !!e.required, maxLength: e.maxLength ?? 1023, maxStrings: e.maxStrings ?? 0, soft: !!e.soft });
    case 'list':
      return Object.assign(common, {
        type: 'list' as const,
        ...(e.valuePrefix !== undefined && { valuePrefix: e.valuePrefix }),
        additive: !!e.additive,
        expandable: !!e.expandable,
        explicitValue: !!e.explicitValue,
      });
  }
}

function buildEnumItem(ctx: ElementContext, elementId: string, item: Extract<Typed, { type: 'enum' }>['items'][number], path: DataPath) {
  return {
    id: item.id,
    stringId: item.nameId ?? ctx.stringIds.claim(`${ctx.policyId}_${elementId}_${item.id}`),
    name: localize(item.name, ctx.locales),
    value: buildRegValue(ctx.doc, item.value, [...path, 'value']),
    ...(item.valueList !== undefined && { valueList: buildValueList(ctx.doc, item.valueList, [...path, 'valueList']) }),
    ...extraOf(item.xmlAttributes),
  };
}

/** Elements in `elementOrder` (ids, validated to name each element once), else as given. */
export function orderElements(elements: readonly PolicyElement[], order: readonly string[] | undefined): PolicyElement[] {
  if (order === undefined) return [...elements];
  const byId = new Map(elements.map((e) => [e.id, e]));
  return order.flatMap((id) => byId.get(id) ?? []);
}

/** The dialog control for an element, or the static text of a note, with how it was written. */
export function buildControl(ctx: ElementContext, e: ElementInput): PresentationControl {
  return Object.assign(buildControlKind(ctx, e), controlAsWritten(e));
}

function buildControlKind(ctx: ElementContext, e: ElementInput): PresentationControl {
  if ('note' in e) return { kind: 'text', text: localize(e.note, ctx.locales) };
  const base = { refId: e.id, label: localize(e.label ?? e.id, ctx.locales) };
  switch (e.type) {
    case 'boolean':
      return { kind: 'checkBox', ...base, defaultChecked: !!e.defaultChecked };
    case 'decimal':
    case 'longDecimal':
      return {
        kind: e.type === 'decimal' ? 'decimalTextBox' : 'longDecimalTextBox',
        ...base,
        ...(e.default !== undefined && { defaultValue: BigInt(e.default) }),
        spin: e.spin ?? true,
        spinStep: e.spinStep ?? 1,
      };
    case 'enum': {
      const index = e.default === undefined ? -1 : e.items.findIndex((item) => item.id === e.default);
      return { kind: 'dropdownList', ...base, noSort: !!e.noSort, ...(index >= 0 && { defaultItem: index }) };
    }
    case 'text': {
      const defaultValue = e.default === undefined ? {} : { defaultValue: localize(e.default, ctx.locales) };
      const label = e.labelAttributes === undefined ? {} : { labelAttributes: e.labelAttributes };
      if (e.suggestions === undefined) return { kind: 'textBox', ...base, ...defaultValue, ...label };
      const suggestions = e.suggestions.map((s) => localize(s, ctx.locales));
      return { kind: 'comboBox', ...base, ...defaultValue, suggestions, noSort: !!e.noSort, ...label };
    }
    case 'multiText':
      return { kind: 'multiTextBox', ...base, showAsDialog: !!e.showAsDialog, defaultHeight: e.height ?? 3 };
    case 'list':
      return { kind: 'listBox', ...base };
  }
}
