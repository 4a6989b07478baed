/** YAML elements → model elements and presentation controls (FORMATS.md c.8, c.10). */
import type { DataPath, SourceDoc } from '../load/yaml-source.js';
import type { ElementInput } from '../schema/definitions-schema.js';
import { buildRegValue, buildValueList, exactBigInt } from './build-values.js';
import { localize } from './localize.js';
import { controlAsWritten, elementAsWritten, extraOf } from './build-as-written.js';
import type { StringIds } from './string-ids.js';
import type { PolicyElement, PresentationControl } from './types.js';

export interface ElementContext {
  readonly doc: SourceDoc;
  readonly locales: readonly string[];
  readonly stringIds: StringIds;
  readonly policyId: string;
}

type Typed = Exclude<ElementInput, { note: unknown }>;

/** The registry side of an element; XSD defaults filled in so emitters never guess. */
export function buildElement(ctx: ElementContext, e: Typed, path: DataPath): PolicyElement {
  const common = {
    id: e.id,
    ...(e.key !== undefined && { key: e.key }),
    ...('valueName' in e && e.valueName !== undefined && { valueName: e.valueName }),
    ...(e.clientExtension !== undefined && { clientExtension: e.clientExtension }),
    ...elementAsWritten(e),
  };
  const optionalList = (field: 'trueList' | 'falseList') =>
    e.type === 'boolean' && e[field] !== undefined ? { [field]: buildValueList(ctx.doc, e[field], [...path, field]) } : {};
  const optionalValue = (field: 'trueValue' | 'falseValue') =>
    e.type === 'boolean' && e[field] !== undefined ? { [field]: buildRegValue(ctx.doc, e[field], [...path, field]) } : {};
  switch (e.type) {
    case 'boolean':
      return { ...common, type: 'boolean', ...optionalValue('trueValue'), ...optionalValue('falseValue'), ...optionalList('trueList'), ...optionalList('falseList') };
    case 'decimal':
      return { ...common, type: 'decimal', required: !!e.required, minValue: e.min ?? 0, maxValue: e.max ?? 9999, storeAsText: !!e.storeAsText, soft: !!e.soft };
    case 'longDecimal':
      return {
        ...common,
        type: 'longDecimal',
        required: !!e.required,
        minValue: exactBigInt(ctx.doc, e.min, [...path, 'min'], 0n),
        maxValue: exactBigInt(ctx.doc, e.max, [...path, 'max'], 9999n),
        storeAsText: !!e.storeAsText,
        soft: !!e.soft,
      };
    case 'enum':
      return { ...common, type: 'enum', required: !!e.required, items: e.items.map((item, i) => buildEnumItem(ctx, e.id, item, [...path, 'items', i])) };
    case 'text':
      return { ...common, type: 'text', required: !!e.required, maxLength: e.maxLength ?? 1023, expandable: !!e.expandable, soft: !!e.soft };
    case 'multiText':
      return { ...common, type: 'multiText', required: !!e.required, maxLength: e.maxLength ?? 1023, maxStrings: e.maxStrings ?? 0, soft: !!e.soft };
    case 'list':
      return {
        ...common,
        type: 'list',
        ...(e.valuePrefix !== undefined && { valuePrefix: e.valuePrefix }),
        additive: !!e.additive,
        expandable: !!e.expandable,
        explicitValue: !!e.explicitValue,
      };
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
  return { ...buildControlKind(ctx, e), ...controlAsWritten(e) } as PresentationControl;
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
