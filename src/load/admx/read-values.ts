/** ADMX Value and ValueList (FORMATS.md c.7) → model RegValue / ValueList. */
import type { RegValue, ValueList, ValueListItem } from '../../model/types.js';
import { registryNumber, report, requiredAttribute, type Source } from './read-attributes.js';
import { attribute, childNamed } from './xml-query.js';
import { tagSpan, type XmlElement } from './xml-tree.js';

const VALUE_KINDS = new Set(['decimal', 'longDecimal', 'string', 'delete']);

/** The one Value child of `holder` (enabledValue, trueValue, item/value, …). */
export function readRegValue(source: Source, holder: XmlElement): RegValue | undefined {
  const choices = holder.children.filter((c) => VALUE_KINDS.has(c.name));
  const [value] = choices;
  if (!value || choices.length > 1) report(source, 'GPF1215', tagSpan(holder), holder.name);
  if (!value) return undefined;
  switch (value.name) {
    case 'decimal':
      requiredAttribute(source, value, 'value');
      return numberValue('decimal', registryNumber(source, value, 'decimal'));
    case 'longDecimal':
      requiredAttribute(source, value, 'value');
      return numberValue('longDecimal', registryNumber(source, value, 'longDecimal'));
    case 'string':
      return { kind: 'string', value: value.text };
    default:
      return { kind: 'delete' };
  }
}

/** enabledList, disabledList, trueList, falseList, enum item valueList. */
export function readValueList(source: Source, list: XmlElement): ValueList {
  const defaultKey = attribute(list, 'defaultKey');
  const items: ValueListItem[] = [];
  for (const item of list.children) {
    if (item.name !== 'item') continue;
    const valueName = requiredAttribute(source, item, 'valueName');
    const holder = childNamed(item, 'value');
    if (!holder) {
      report(source, 'GPF1206', tagSpan(item), 'item', 'value');
      continue;
    }
    const value = readRegValue(source, holder);
    const key = attribute(item, 'key');
    if (value) items.push({ ...(key !== undefined && { key }), valueName, value });
  }
  return { ...(defaultKey !== undefined && { defaultKey }), items };
}

/** An optional Value child named `name` of `parent`. */
export function optionalRegValue<K extends string>(source: Source, parent: XmlElement, name: K): Partial<Record<K, RegValue>> {
  const holder = childNamed(parent, name);
  const value = holder && readRegValue(source, holder);
  return (value ? { [name]: value } : {}) as Partial<Record<K, RegValue>>;
}

/** An optional ValueList child named `name` of `parent`. */
export function optionalValueList<K extends string>(source: Source, parent: XmlElement, name: K): Partial<Record<K, ValueList>> {
  const list = childNamed(parent, name);
  return (list ? { [name]: readValueList(source, list) } : {}) as Partial<Record<K, ValueList>>;
}

function numberValue(kind: 'decimal' | 'longDecimal', read: { value: bigint; written?: string }): RegValue {
  const written = read.written === undefined ? {} : { written: read.written };
  return kind === 'decimal' ? { kind, value: Number(read.value), ...written } : { kind, value: read.value, ...written };
}
