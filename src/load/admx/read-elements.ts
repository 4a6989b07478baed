/**
 * A policy's `<elements>` (FORMATS.md c.8) → model elements, in document order, with the XSD
 * defaults filled in. Attributes the model has no field for (`list/@valueName`,
 * `boolean/@required`, `text/@minValue`, `maxvalue`…) mean nothing to Windows either: they are
 * kept as written (asWritten) and lint reports them.
 */
import type { EnumItem, PolicyElement } from '../../model/types.js';
import type { AdmlResolver } from './adml-resolver.js';
import { asWritten, booleanAttribute, report, requiredAttribute, uint32Attribute, uint64Attribute, type Source } from './read-attributes.js';
import { optionalRegValue, optionalValueList, readRegValue, readValueList } from './read-values.js';
import { attribute, childNamed } from './xml-query.js';
import { tagSpan, type XmlElement } from './xml-tree.js';
import { StringIds } from '../../model/string-ids.js';

export interface ElementContext {
  readonly source: Source;
  readonly resolver: AdmlResolver;
}

/** Unknown element kinds are reported (GPF1214) and skipped. */
export function readElements(ctx: ElementContext, elements: XmlElement): PolicyElement[] {
  const read: PolicyElement[] = [];
  for (const element of elements.children) {
    const model = readElement(ctx, element);
    if (model) read.push(model);
    else report(ctx.source, 'GPF1214', tagSpan(element), element.name, elements.name);
  }
  return read;
}

/** The attributes gpforge reads, per element kind (FORMATS.md c.8); the rest are kept verbatim. */
const COMMON = ['id', 'key', 'valueName', 'clientExtension'];
const NUMBER = [...COMMON, 'required', 'minValue', 'maxValue', 'storeAsText', 'soft'];
const INTERPRETED: Readonly<Record<string, readonly string[]>> = {
  boolean: COMMON,
  decimal: NUMBER,
  longDecimal: NUMBER,
  text: [...COMMON, 'required', 'maxLength', 'expandable', 'soft'],
  multiText: [...COMMON, 'required', 'maxLength', 'maxStrings', 'soft'],
  enum: [...COMMON, 'required'],
  list: ['id', 'key', 'clientExtension', 'valuePrefix', 'additive', 'expandable', 'explicitValue'],
};

function readElement(ctx: ElementContext, e: XmlElement): PolicyElement | undefined {
  const read = readElementValues(ctx, e);
  return read && { ...read, ...asWritten(e, INTERPRETED[e.name] ?? []) };
}

function readElementValues(ctx: ElementContext, e: XmlElement): PolicyElement | undefined {
  const { source } = ctx;
  switch (e.name) {
    case 'boolean':
      return {
        ...base(source, e, true),
        type: 'boolean',
        ...optionalRegValue(source, e, 'trueValue'),
        ...optionalRegValue(source, e, 'falseValue'),
        ...optionalValueList(source, e, 'trueList'),
        ...optionalValueList(source, e, 'falseList'),
      };
    case 'decimal':
    case 'longDecimal':
      return readNumber(source, e, e.name);
    case 'text':
    case 'multiText':
      return readText(source, e, e.name);
    case 'enum':
      return { ...base(source, e, true), type: 'enum', required: booleanAttribute(source, e, 'required', false), items: readEnumItems(ctx, e) };
    case 'list':
      return readList(source, e);
    default:
      return undefined;
  }
}

/** id, key, clientExtension and (except on list) valueName. */
function base(source: Source, e: XmlElement, withValueName: boolean) {
  const key = attribute(e, 'key');
  const valueName = withValueName ? attribute(e, 'valueName') : undefined;
  const clientExtension = attribute(e, 'clientExtension');
  return {
    id: requiredAttribute(source, e, 'id'),
    ...(key !== undefined && { key }),
    ...(valueName !== undefined && { valueName }),
    ...(clientExtension !== undefined && { clientExtension }),
  };
}

function readNumber(source: Source, e: XmlElement, type: 'decimal' | 'longDecimal'): PolicyElement {
  const flags = {
    required: booleanAttribute(source, e, 'required', false),
    storeAsText: booleanAttribute(source, e, 'storeAsText', false),
    soft: booleanAttribute(source, e, 'soft', false),
  };
  if (type === 'decimal') {
    return { ...base(source, e, true), type, ...flags, minValue: uint32Attribute(source, e, 'minValue', 0), maxValue: uint32Attribute(source, e, 'maxValue', 9999) };
  }
  return { ...base(source, e, true), type, ...flags, minValue: uint64Attribute(source, e, 'minValue', 0n), maxValue: uint64Attribute(source, e, 'maxValue', 9999n) };
}

function readText(source: Source, e: XmlElement, type: 'text' | 'multiText'): PolicyElement {
  const common = {
    ...base(source, e, true),
    required: booleanAttribute(source, e, 'required', false),
    maxLength: uint32Attribute(source, e, 'maxLength', 1023),
    soft: booleanAttribute(source, e, 'soft', false),
  };
  if (type === 'text') return { ...common, type, expandable: booleanAttribute(source, e, 'expandable', false) };
  return { ...common, type, maxStrings: uint32Attribute(source, e, 'maxStrings', 0) };
}

/** No valueName: the XSD has none on list, and what nca.admx means by one is unknown (FORMATS.md c.8): kept verbatim. */
function readList(source: Source, e: XmlElement): PolicyElement {
  const valuePrefix = attribute(e, 'valuePrefix');
  return {
    ...base(source, e, false),
    type: 'list',
    ...(valuePrefix !== undefined && { valuePrefix }),
    additive: booleanAttribute(source, e, 'additive', false),
    expandable: booleanAttribute(source, e, 'expandable', false),
    explicitValue: booleanAttribute(source, e, 'explicitValue', false),
  };
}

function readEnumItems(ctx: ElementContext, e: XmlElement): EnumItem[] {
  const items: EnumItem[] = [];
  const taken = new StringIds(/[^A-Za-z0-9_-]/g);
  for (const item of e.children) {
    if (item.name !== 'item') continue;
    const name = ctx.resolver.string(item, 'displayName');
    const holder = childNamed(item, 'value');
    const value = holder ? readRegValue(ctx.source, holder) : undefined;
    if (!holder) report(ctx.source, 'GPF1206', tagSpan(item), 'item', 'value');
    if (!value) continue;
    const valueList = childNamed(item, 'valueList');
    items.push({
      id: enumItemId(name.id, items.length, taken),
      stringId: name.id,
      name: name.text,
      value,
      ...(valueList && { valueList: readValueList(ctx.source, valueList) }),
      ...asWritten(item, ['displayName']),
    });
  }
  return items;
}

/**
 * ADMX items have no id of their own; GPO YAML needs one. It is the item's string id
 * (`$(string.AutoUpdateMode_Item2)` → `AutoUpdateMode_Item2`), other characters than
 * [A-Za-z0-9_-] as `_`, made unique in the enum (case-insensitively) with `_2`, `_3`…
 */
export function enumItemId(stringId: string, index: number, taken: StringIds): string {
  return taken.claim(stringId === '' ? `Item${index + 1}` : stringId);
}
