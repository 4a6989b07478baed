/**
 * ADMX emitter: one DefinitionsFile -> PolicyDefinitions/<fileName>.admx (FORMATS.md c.1-c.8).
 *
 * Encoding: UTF-8 without BOM, declaration `<?xml version="1.0" encoding="utf-8"?>` (in the
 * template). Line endings: CRLF everywhere, one final CRLF (encodeXmlUtf8Crlf).
 * Escaping (xml-escape.ts): attributes with escapeXmlAttribute; `<string>` Values with
 * escapeXmlTextSingleLine (a line feed becomes `&#10;`), because the value partial is indented
 * by Handlebars and a literal line break would gain that indentation. ADMX has no other text.
 *
 * Attribute rule: an attribute whose model field is optional is written only when set (so
 * `valuePrefix=""` is written); required/minValue/maxValue/maxLength/maxStrings always; boolean
 * flags whose schema default is false (storeAsText, soft, expandable, additive, explicitValue)
 * only when true. `policy/@clientExtension` is written when the model has it although the XSD
 * rejects it (Windows files use it; such output will not validate, FORMATS.md c.7).
 */
import type { Category, DefinitionsFile, MinorVersion, Policy, PolicyElement, Product } from '../model/types.js';
import type { RegValue, SupportedCondition, SupportedDefinition, ValueList } from '../model/types.js';
import type { OutputFile } from './output-file.js';
import type { Templates } from './templates.js';
import { encodeXmlUtf8Crlf, escapeXmlAttribute as attr, escapeXmlTextSingleLine, onlyIfTrue } from './xml-escape.js';
import { xmlAttrs, type XmlAttr } from './xml-escape.js';

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
  readonly resources: { readonly minRequiredRevision: string; readonly fallbackCulture: string };
  readonly supportedOn: SupportedOnView | null;
  readonly categories: readonly CategoryView[];
  readonly policies: readonly PolicyView[];
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
  readonly attrs: readonly XmlAttr[];
}
export interface CategoryView {
  readonly attrs: readonly XmlAttr[];
  readonly parentCategory: string | null;
}
export interface PolicyView {
  readonly attrs: readonly XmlAttr[];
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
  readonly attrs: readonly XmlAttr[];
  readonly items: readonly { readonly attrs: readonly XmlAttr[]; readonly value: ValueView }[];
}
/** A policy element (c.8); boolean fills values/lists, enum fills items, others have no children. */
export interface ElementView {
  readonly tag: PolicyElement['type'];
  readonly attrs: readonly XmlAttr[];
  readonly hasChildren: boolean;
  readonly values: readonly ValueBlockView[];
  readonly lists: readonly ValueListView[];
  readonly items: readonly EnumItemView[];
}
export interface EnumItemView {
  readonly attrs: readonly XmlAttr[];
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
    resources: { minRequiredRevision: attr(file.revision), fallbackCulture: attr(defaultLocale(file)) },
    supportedOn: buildSupportedOn(file),
    categories: file.categories.map(buildCategory),
    policies: file.policies.map(buildPolicy),
  };
}

/** References to an ADML string and presentation (c.9). */
const stringRef = (id: string): string => `$(string.${id})`;
const presentationRef = (id: string): string => `$(presentation.${id})`;

function defaultLocale(file: DefinitionsFile): string {
  const first = file.locales[0];
  if (first === undefined) throw new Error(`gpforge bug: ${file.sourcePath} has no locale`);
  return first;
}

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
  if (condition.kind === 'reference') return { tag: 'reference', attrs: xmlAttrs({ ref: condition.ref }) };
  const { ref, minVersionIndex, maxVersionIndex } = condition;
  return { tag: 'range', attrs: xmlAttrs({ ref, minVersionIndex, maxVersionIndex }) };
}

function buildCategory(category: Category): CategoryView {
  return {
    attrs: xmlAttrs({
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
    attrs: xmlAttrs({
      name: policy.id,
      class: POLICY_CLASS[policy.class],
      displayName: stringRef(policy.nameStringId),
      explainText: stringRef(policy.explainStringId),
      presentation: policy.presentation.length > 0 ? presentationRef(policy.id) : undefined,
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

function buildElement(element: PolicyElement): ElementView {
  const { id, clientExtension, key, valueName } = element;
  const common = { id, clientExtension, key, valueName };
  switch (element.type) {
    case 'boolean': {
      const { trueValue, falseValue, trueList, falseList } = element;
      return elementView('boolean', xmlAttrs(common), {
        values: valueBlocks({ trueValue, falseValue }),
        lists: valueLists({ trueList, falseList }),
      });
    }
    case 'decimal':
    case 'longDecimal': {
      const { required, minValue, maxValue } = element;
      const flags = { storeAsText: onlyIfTrue(element.storeAsText), soft: onlyIfTrue(element.soft) };
      return elementView(element.type, xmlAttrs({ ...common, required, minValue, maxValue, ...flags }));
    }
    case 'text': {
      const { required, maxLength } = element;
      const flags = { expandable: onlyIfTrue(element.expandable), soft: onlyIfTrue(element.soft) };
      return elementView('text', xmlAttrs({ ...common, required, maxLength, ...flags }));
    }
    case 'multiText': {
      const { required, maxLength, maxStrings } = element;
      return elementView('multiText', xmlAttrs({ ...common, required, maxLength, maxStrings, soft: onlyIfTrue(element.soft) }));
    }
    case 'enum':
      return elementView('enum', xmlAttrs({ ...common, required: element.required }), { items: element.items.map(buildEnumItem) });
    case 'list':
      return elementView('list', listAttrs(element));
    default:
      return assertNever(element);
  }
}

/** `list` has no valueName in the XSD (c.8): the model's, if any, is not written. */
function listAttrs(list: Extract<PolicyElement, { type: 'list' }>): XmlAttr[] {
  return xmlAttrs({
    id: list.id,
    clientExtension: list.clientExtension,
    key: list.key,
    valuePrefix: list.valuePrefix,
    additive: onlyIfTrue(list.additive),
    expandable: onlyIfTrue(list.expandable),
    explicitValue: onlyIfTrue(list.explicitValue),
  });
}

type ElementChildren = Partial<Pick<ElementView, 'values' | 'lists' | 'items'>>;

function elementView(tag: PolicyElement['type'], attrs: readonly XmlAttr[], children: ElementChildren = {}): ElementView {
  const { values = [], lists = [], items = [] } = children;
  const hasChildren = values.length + lists.length + items.length > 0;
  return { tag, attrs, hasChildren, values, lists, items };
}

function buildEnumItem(item: Extract<PolicyElement, { type: 'enum' }>['items'][number]): EnumItemView {
  return {
    attrs: xmlAttrs({ displayName: stringRef(item.stringId) }),
    value: buildValue(item.value),
    valueList: item.valueList ? buildValueList('valueList', item.valueList) : null,
  };
}

function valueBlocks(blocks: Partial<Record<ValueBlockView['tag'], RegValue>>): ValueBlockView[] {
  return (Object.entries(blocks) as [ValueBlockView['tag'], RegValue | undefined][]).flatMap(([tag, value]) =>
    value === undefined ? [] : [{ tag, value: buildValue(value) }],
  );
}

function valueLists(lists: Partial<Record<ValueListView['tag'], ValueList>>): ValueListView[] {
  return (Object.entries(lists) as [ValueListView['tag'], ValueList | undefined][]).flatMap(([tag, list]) =>
    list === undefined ? [] : [buildValueList(tag, list)],
  );
}

function buildValueList(tag: ValueListView['tag'], list: ValueList): ValueListView {
  return {
    tag,
    attrs: xmlAttrs({ defaultKey: list.defaultKey }),
    items: list.items.map((item) => ({
      attrs: xmlAttrs({ key: item.key, valueName: item.valueName }),
      value: buildValue(item.value),
    })),
  };
}

function buildValue(value: RegValue): ValueView {
  const none: ValueView = { delete: false, decimal: null, longDecimal: null, string: null };
  switch (value.kind) {
    case 'delete':
      return { ...none, delete: true };
    case 'decimal':
      return { ...none, decimal: { value: attr(String(value.value)) } };
    case 'longDecimal':
      return { ...none, longDecimal: { value: attr(value.value.toString()) } };
    case 'string':
      return { ...none, string: { text: escapeXmlTextSingleLine(value.value) } };
    default:
      return assertNever(value);
  }
}

function assertNever(value: never): never {
  const variant = value as { type?: string; kind?: string };
  throw new Error(`gpforge bug: unhandled model variant ${variant.type ?? variant.kind}`);
}
