/**
 * A policy's `<elements>` (FORMATS.md c.8) → model elements, in document order, with the XSD
 * defaults filled in. Attributes the model has no field for (`list/@valueName`,
 * `boolean/@required`, `text/@minValue`…) are not read; lint reports them.
 */
import type { EnumItem, PolicyElement } from '../../model/types.js';
import type { AdmlResolver } from './adml-resolver.js';
import { booleanAttribute, report, requiredAttribute, uint32Attribute, uint64Attribute, type Source } from './read-attributes.js';
import { optionalRegValue, optionalValueList, readRegValue, readValueList } from './read-values.js';
import { attribute, childNamed } from './xml-query.js';
import { tagSpan, type XmlElement } from './xml-tree.js';

export interface ElementContext {
  readonly source: Source;
  readonly resolver: AdmlResolver;
}

export function readElements(ctx: ElementContext, elements: XmlElement): PolicyElement[] {
  const read: PolicyElement[] = [];
  for (const element of elements.children) {
    const model = readElement(ctx, element);
    if (model) read.push(model);
    else report(ctx.source, 'GPF1214', tagSpan(element), element.name, elements.name);
  }
  return read;
}

function readElement(ctx: ElementContext, e: XmlElement): PolicyElement | undefined {
  const { source } = ctx;
  const flag = (name: string, fallback = false) => booleanAttribute(source, e, name, fallback);
  const common = () => {
    const key = attribute(e, 'key');
    const clientExtension = attribute(e, 'clientExtension');
    return {
      id: requiredAttribute(source, e, 'id'),
      ...(key !== undefined && { key }),
      ...(clientExtension !== undefined && { clientExtension }),
    };
  };
  const withValueName = () => {
    const valueName = attribute(e, 'valueName');
    return { ...common(), ...(valueName !== undefined && { valueName }) };
  };
  switch (e.name) {
    case 'boolean':
      return {
        ...withValueName(),
        type: 'boolean',
        ...optionalRegValue(source, e, 'trueValue'),
        ...optionalRegValue(source, e, 'falseValue'),
        ...optionalValueList(source, e, 'trueList'),
        ...optionalValueList(source, e, 'falseList'),
      };
    case 'decimal':
      return {
        ...withValueName(),
        type: 'decimal',
        required: flag('required'),
        minValue: uint32Attribute(source, e, 'minValue', 0),
        maxValue: uint32Attribute(source, e, 'maxValue', 9999),
        storeAsText: flag('storeAsText'),
        soft: flag('soft'),
      };
    case 'longDecimal':
      return {
        ...withValueName(),
        type: 'longDecimal',
        required: flag('required'),
        minValue: uint64Attribute(source, e, 'minValue', 0n),
        maxValue: uint64Attribute(source, e, 'maxValue', 9999n),
        storeAsText: flag('storeAsText'),
        soft: flag('soft'),
      };
    case 'text':
      return { ...withValueName(), type: 'text', required: flag('required'), maxLength: uint32Attribute(source, e, 'maxLength', 1023), expandable: flag('expandable'), soft: flag('soft') };
    case 'multiText':
      return {
        ...withValueName(),
        type: 'multiText',
        required: flag('required'),
        maxLength: uint32Attribute(source, e, 'maxLength', 1023),
        maxStrings: uint32Attribute(source, e, 'maxStrings', 0),
        soft: flag('soft'),
      };
    case 'enum':
      return { ...withValueName(), type: 'enum', required: flag('required'), items: readEnumItems(ctx, e) };
    case 'list': {
      const valuePrefix = attribute(e, 'valuePrefix');
      return {
        ...common(),
        type: 'list',
        ...(valuePrefix !== undefined && { valuePrefix }),
        additive: flag('additive'),
        expandable: flag('expandable'),
        explicitValue: flag('explicitValue'),
      };
    }
    default:
      return undefined;
  }
}

function readEnumItems(ctx: ElementContext, e: XmlElement): EnumItem[] {
  const items: EnumItem[] = [];
  const taken = new Set<string>();
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
    });
  }
  return items;
}

/**
 * ADMX items have no id of their own; GPO YAML needs one. It is the item's string id
 * (`$(string.AutoUpdateMode_Item2)` → `AutoUpdateMode_Item2`), other characters than
 * [A-Za-z0-9_-] as `_`, made unique in the enum (case-insensitively) with `_2`, `_3`…
 */
export function enumItemId(stringId: string, index: number, taken: Set<string>): string {
  const base = stringId.replace(/[^A-Za-z0-9_-]/g, '_') || `Item${index + 1}`;
  let id = base;
  for (let n = 2; taken.has(id.toLowerCase()); n++) id = `${base}_${n}`;
  taken.add(id.toLowerCase());
  return id;
}
