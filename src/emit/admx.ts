/**
 * ADMX emitter: one DefinitionsFile -> PolicyDefinitions/<fileName>.admx (FORMATS.md c.1-c.8).
 *
 * Encoding: UTF-8 without BOM, declaration `<?xml version="1.0" encoding="utf-8"?>` (in the
 * template). Line endings: CRLF everywhere, one final CRLF (encodeXmlUtf8Crlf).
 * Escaping (xml-escape.ts): attributes with escapeXmlAttribute; `<string>` Values with
 * escapeXmlTextSingleLine (a line feed becomes `&#10;`), because the value partial is indented
 * by Handlebars and a literal line break would gain that indentation. ADMX has no other text.
 *
 * Attribute rule (as-written.ts): an attribute whose model field is optional is written only when
 * set (so `valuePrefix=""` is written); one with an XSD default (required false, minValue 0,
 * maxValue 9999, maxLength 1023, maxStrings 0, the flags false) only when it differs from the
 * default or the source stated it; then the node's extra attributes, verbatim.
 * `policy/@clientExtension` is written when the model has it although the XSD rejects it
 * (Windows files use it; such output will not validate, FORMATS.md c.7).
 */
import type { Category, DefinitionsFile, MinorVersion, Policy, PolicyElement, Product } from '../model/types.js';
import type { RegValue, SupportedCondition, SupportedDefinition, ValueList } from '../model/types.js';
import type { OutputFile } from './output-file.js';
import type { Templates } from './templates.js';
import { writtenAttrs } from './as-written.js';
import { encodeXmlUtf8Crlf, escapeXmlAttribute as attr, escapeXmlTextSingleLine } from './xml-escape.js';
import { xmlAttr, xmlAttrs, type AttrValue, type XmlAttrs } from './xml-escape.js';

/** Root namespace of ADMX and ADML (FORMATS.md c.2). */
export const POLICY_DEFINITIONS_NAMESPACE = 'http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions';
/** schemaVersion of every Windows file examined (FORMATS.md c.3). */
export const SCHEMA_VERSION = '1.0';

export interface AdmxView {
  readonly xmlns: string;
  readonly revision: string;
  readonly schemaVersion: string;
  readonly target: NamespaceView;
  readonly using: readonly NamespaceView[];
  readonly supersededAdm: readonly { readonly fileName: string }[];
  readonly resources: XmlAttrs;
  readonly supportedOn: SupportedOnView | null;
  readonly categories: readonly CategoryView[];
  readonly policies: readonly PolicyView[];
  /** Sections written although empty, because the source had them so (nca.admx). */
  readonly emptySupportedOn: boolean;
  readonly emptyCategories: boolean;
  readonly emptyPolicies: boolean;
}
export interface NamespaceView {
  readonly prefix: string;
  readonly namespace: string;
}
export interface SupportedOnView {
  readonly products: readonly ProductView[];
  readonly definitions: readonly DefinitionView[];
}
/** `name` and `displayName` ($(string.X)): products, versions, supportedOn definitions (c.5). */
export interface NamedView {
  readonly name: string;
  readonly displayName: string;
}
export interface ProductView extends NamedView {
  readonly majorVersions: readonly MajorVersionView[];
}
export interface MinorVersionView extends NamedView {
  readonly versionIndex: string;
}
export interface MajorVersionView extends MinorVersionView {
  readonly minorVersions: readonly MinorVersionView[];
}
export interface DefinitionView extends NamedView {
  readonly logic: { readonly tag: 'and' | 'or'; readonly conditions: readonly ConditionView[] } | null;
}
export interface ConditionView {
  readonly tag: SupportedCondition['kind'];
  readonly attrs: XmlAttrs;
}
export interface CategoryView {
  readonly attrs: XmlAttrs;
  readonly parentCategory: string | null;
}
export interface PolicyView {
  readonly attrs: XmlAttrs;
  readonly parentCategory: string;
  readonly supportedOn: string;
  /** enabledValue, disabledValue. */
  readonly values: readonly ValueBlockView[];
  /** enabledList, disabledList. */
  readonly lists: readonly ValueListView[];
  readonly elements: readonly ElementView[];
}
/** One Value (c.7): exactly one field is set. */
export interface ValueView {
  readonly delete: boolean;
  readonly decimal: { readonly value: string } | null;
  readonly longDecimal: { readonly value: string } | null;
  readonly string: { readonly text: string } | null;
}
export interface ValueBlockView {
  readonly tag: 'enabledValue' | 'disabledValue' | 'trueValue' | 'falseValue';
  readonly value: ValueView;
}
export interface ValueListView {
  readonly tag: 'enabledList' | 'disabledList' | 'trueList' | 'falseList' | 'valueList';
  readonly attrs: XmlAttrs;
  readonly items: readonly { readonly attrs: XmlAttrs; readonly value: ValueView }[];
}
/** A policy element (c.8); boolean fills values/lists, enum fills items, others have no children. */
export interface ElementView {
  readonly tag: PolicyElement['type'];
  readonly attrs: XmlAttrs;
  readonly hasChildren: boolean;
  readonly values: readonly ValueBlockView[];
  readonly lists: readonly ValueListView[];
  readonly items: readonly EnumItemView[];
}
export interface EnumItemView {
  readonly attrs: XmlAttrs;
  readonly value: ValueView;
  readonly valueList: ValueListView | null;
}

/** Renders the ADMX of one definitions file (FORMATS.md c.3). */
export function emitAdmx(file: DefinitionsFile, templates: Templates): OutputFile {
  return { path: `PolicyDefinitions/${file.fileName}.admx`, bytes: encodeXmlUtf8Crlf(templates.admx(buildAdmxView(file))) };
}

/** The ADMX view: every string escaped, elements in schema order (FORMATS.md c.3-c.8). */
export function buildAdmxView(file: DefinitionsFile): AdmxView {
  return {
    xmlns: attr(POLICY_DEFINITIONS_NAMESPACE),
    revision: attr(file.revision),
    schemaVersion: attr(SCHEMA_VERSION),
    target: { prefix: attr(file.prefix), namespace: attr(file.namespace) },
    using: file.using.map((u) => ({ prefix: attr(u.prefix), namespace: attr(u.namespace) })),
    supersededAdm: file.supersededAdm.map((fileName) => ({ fileName: attr(fileName) })),
    resources: xmlAttrs({ minRequiredRevision: file.minRequiredRevision ?? file.revision, fallbackCulture: file.fallbackCulture }),
    supportedOn: buildSupportedOn(file),
    categories: file.categories.map(buildCategory),
    policies: file.policies.map(buildPolicy),
    emptySupportedOn: file.products.length === 0 && file.supportedOn.length === 0 && emptySection(file, 'supportedOn'),
    emptyCategories: file.categories.length === 0 && emptySection(file, 'categories'),
    emptyPolicies: file.policies.length === 0 && emptySection(file, 'policies'),
  };
}

function emptySection(file: DefinitionsFile, name: 'supportedOn' | 'categories' | 'policies'): boolean {
  return file.emptySections?.includes(name) ?? false;
}

/** References to an ADML string and presentation (c.9). */
const stringRef = (id: string): string => `$(string.${id})`;
const presentationRef = (id: string): string => `$(presentation.${id})`;

function buildSupportedOn(file: DefinitionsFile): SupportedOnView | null {
  if (file.products.length === 0 && file.supportedOn.length === 0) return null;
  return { products: file.products.map(buildProduct), definitions: file.supportedOn.map(buildDefinition) };
}

function named(id: string, stringId: string): NamedView {
  return { name: attr(id), displayName: attr(stringRef(stringId)) };
}

function buildProduct(product: Product): ProductView {
  const majorVersions = product.majorVersions.map((major) => ({
    ...buildVersion(major),
    minorVersions: major.minorVersions.map(buildVersion),
  }));
  return { ...named(product.id, product.nameStringId), majorVersions };
}

function buildVersion(version: MinorVersion): MinorVersionView {
  return { ...named(version.id, version.nameStringId), versionIndex: attr(String(version.versionIndex)) };
}

function buildDefinition(definition: SupportedDefinition): DefinitionView {
  const logic = definition.logic;
  const view = logic ? { tag: logic.kind, conditions: logic.conditions.map(buildCondition) } : null;
  return { ...named(definition.id, definition.textStringId), logic: view };
}

function buildCondition(condition: SupportedCondition): ConditionView {
  if (condition.kind === 'reference') return { tag: 'reference', attrs: writtenAttrs(condition, { ref: condition.ref }) };
  const { ref, minVersionIndex, maxVersionIndex } = condition;
  return { tag: 'range', attrs: writtenAttrs(condition, { ref, minVersionIndex, maxVersionIndex }) };
}

function buildCategory(category: Category): CategoryView {
  return {
    attrs: writtenAttrs(category, {
      name: category.id,
      displayName: stringRef(category.nameStringId),
      explainText: category.explainStringId && category.explain ? stringRef(category.explainStringId) : undefined,
    }),
    parentCategory: category.parent === undefined ? null : attr(category.parent),
  };
}

const POLICY_CLASS = { machine: 'Machine', user: 'User', both: 'Both' } as const;

function buildPolicy(policy: Policy): PolicyView {
  return {
    attrs: writtenAttrs(policy, {
      name: policy.id,
      class: POLICY_CLASS[policy.class],
      displayName: stringRef(policy.nameStringId),
      explainText: policy.explainStringId === '' ? undefined : stringRef(policy.explainStringId),
      presentation: hasPresentation(policy) ? presentationRef(policy.presentationId ?? policy.id) : undefined,
      key: policy.key,
      valueName: policy.valueName,
      clientExtension: policy.clientExtension,
    }),
    parentCategory: attr(policy.category),
    supportedOn: attr(policy.supportedOn),
    values: valueBlocks({ enabledValue: policy.enabledValue, disabledValue: policy.disabledValue }),
    lists: valueLists({ enabledList: policy.enabledList, disabledList: policy.disabledList }),
    elements: policy.elements.map(buildElement),
  };
}

/** A policy has a `presentation` reference when it has controls or the source named one (an empty one, in FileSys.admx). */
export function hasPresentation(policy: Policy): boolean {
  return policy.presentation.length > 0 || policy.presentationId !== undefined;
}


function buildElement(element: PolicyElement): ElementView {
  const { id, clientExtension, key, valueName } = element;
  const common = { id, clientExtension, key, valueName };
  const attrs = (entries: Readonly<Record<string, AttrValue>>) => writtenAttrs(element, { ...common, ...entries });
  switch (element.type) {
    case 'boolean': {
      const { trueValue, falseValue, trueList, falseList } = element;
      return elementView('boolean', attrs({}), {
        values: valueBlocks({ trueValue, falseValue }),
        lists: valueLists({ trueList, falseList }),
      });
    }
    case 'decimal':
    case 'longDecimal': {
      const { required, minValue, maxValue, storeAsText, soft } = element;
      return elementView(element.type, attrs({ required, minValue, maxValue, storeAsText, soft }));
    }
    case 'text': {
      const { required, maxLength, expandable, soft } = element;
      return elementView('text', attrs({ required, maxLength, expandable, soft }));
    }
    case 'multiText': {
      const { required, maxLength, maxStrings, soft } = element;
      return elementView('multiText', attrs({ required, maxLength, maxStrings, soft }));
    }
    case 'enum':
      return elementView('enum', attrs({ required: element.required }), { items: element.items.map(buildEnumItem) });
    case 'list': {
      // No valueName: the XSD has none on list (c.8); a source's is an extra attribute.
      const { valuePrefix, additive, expandable, explicitValue } = element;
      return elementView('list', attrs({ valueName: undefined, valuePrefix, additive, expandable, explicitValue }));
    }
    default:
      return assertNever(element);
  }
}

type ElementChildren = Partial<Pick<ElementView, 'values' | 'lists' | 'items'>>;

/** Shared by every view without children of a kind (views are never mutated). */
const NONE: readonly never[] = [];

function elementView(tag: PolicyElement['type'], attrs: XmlAttrs, children: ElementChildren = {}): ElementView {
  const { values = NONE, lists = NONE, items = NONE } = children;
  const hasChildren = values.length + lists.length + items.length > 0;
  return { tag, attrs, hasChildren, values, lists, items };
}

function buildEnumItem(item: Extract<PolicyElement, { type: 'enum' }>['items'][number]): EnumItemView {
  return {
    attrs: writtenAttrs(item, { displayName: stringRef(item.stringId) }),
    value: buildValue(item.value),
    valueList: item.valueList ? buildValueList('valueList', item.valueList) : null,
  };
}

function valueBlocks(blocks: Partial<Record<ValueBlockView['tag'], RegValue>>): readonly ValueBlockView[] {
  let views: ValueBlockView[] | undefined;
  for (const tag of Object.keys(blocks) as ValueBlockView['tag'][]) {
    const value = blocks[tag];
    if (value !== undefined) (views ??= []).push({ tag, value: buildValue(value) });
  }
  return views ?? NONE;
}

function valueLists(lists: Partial<Record<ValueListView['tag'], ValueList>>): readonly ValueListView[] {
  let views: ValueListView[] | undefined;
  for (const tag of Object.keys(lists) as ValueListView['tag'][]) {
    const list = lists[tag];
    if (list !== undefined) (views ??= []).push(buildValueList(tag, list));
  }
  return views ?? NONE;
}

function buildValueList(tag: ValueListView['tag'], list: ValueList): ValueListView {
  return {
    tag,
    attrs: list.defaultKey === undefined ? '' : xmlAttr('defaultKey', list.defaultKey),
    items: list.items.map((item) => ({
      attrs: (item.key === undefined ? '' : xmlAttr('key', item.key)) + xmlAttr('valueName', item.valueName),
      value: buildValue(item.value),
    })),
  };
}

const DELETE_VALUE: ValueView = { delete: true, decimal: null, longDecimal: null, string: null };

function buildValue(value: RegValue): ValueView {
  switch (value.kind) {
    case 'delete':
      return DELETE_VALUE;
    case 'decimal':
      return { delete: false, decimal: { value: attr(value.written ?? String(value.value)) }, longDecimal: null, string: null };
    case 'longDecimal':
      return { delete: false, decimal: null, longDecimal: { value: attr(value.written ?? value.value.toString()) }, string: null };
    case 'string':
      return { delete: false, decimal: null, longDecimal: null, string: { text: escapeXmlTextSingleLine(value.value) } };
    default:
      return assertNever(value);
  }
}

function assertNever(value: never): never {
  const variant = value as { type?: string; kind?: string };
  throw new Error(`gpforge bug: unhandled model variant ${variant.type ?? variant.kind}`);
}
