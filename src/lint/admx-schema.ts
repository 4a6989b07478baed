/**
 * The ADMX/ADML schema (../shared/admx-schema/PolicyDefinitions.xsd, PolicyDefinitionFiles.xsd,
 * FORMATS.md c.3–c.10) as one table lint walks: for each element type, its attributes, its
 * child elements (name → type), the children it requires, and whether it holds text.
 * `xmlns`, `xmlns:*` and `xsi:*` attributes are allowed everywhere; nothing else is.
 */

export interface NodeType {
  readonly attributes: readonly string[];
  readonly children?: Readonly<Record<string, string>>;
  /** Required children the reader does not already report (GPF1206 covers policyNamespaces, target, value). */
  readonly required?: readonly string[];
  /** Character content allowed (simple or mixed content). */
  readonly text?: boolean;
  /** Content not checked at all (annotation: xs:any, mixed). */
  readonly any?: boolean;
  /** Unknown children are the reader's errors already (GPF1214): not reported again. */
  readonly readerChecksChildren?: boolean;
  /** Valid, but import has no place for it in the model (GPF1265). */
  readonly notImported?: boolean;
}

const ELEMENT_COMMON = ['id', 'clientExtension', 'key', 'valueName'];
const DESCRIPTIVE_CHILDREN = { annotation: 'annotation', parentCategory: 'reference', seeAlso: 'ignoredText', keywords: 'ignoredText' };
const LABEL: NodeType = { attributes: ['refId'], text: true };

export const SCHEMA: Readonly<Record<string, NodeType>> = {
  // ── ADMX ────────────────────────────────────────────────────────────────────────────────
  policyDefinitions: {
    attributes: ['revision', 'schemaVersion'],
    children: {
      policyNamespaces: 'policyNamespaces',
      supersededAdm: 'fileReference',
      annotation: 'annotation',
      resources: 'resourceReference',
      supportedOn: 'supportedOnTable',
      categories: 'categories',
      policies: 'policies',
    },
    required: ['resources'],
  },
  policyNamespaces: { attributes: [], children: { target: 'namespace', using: 'namespace' } },
  namespace: { attributes: ['prefix', 'namespace'] },
  fileReference: { attributes: ['fileName'] },
  annotation: { attributes: ['application'], any: true, notImported: true },
  ignoredText: { attributes: [], text: true, notImported: true },
  resourceReference: { attributes: ['minRequiredRevision', 'fallbackCulture'] },
  supportedOnTable: { attributes: [], children: { products: 'products', definitions: 'definitions' } },
  products: { attributes: [], children: { product: 'product' } },
  product: { attributes: ['name', 'displayName'], children: { majorVersion: 'majorVersion' } },
  majorVersion: { attributes: ['name', 'displayName', 'versionIndex'], children: { minorVersion: 'minorVersion' } },
  minorVersion: { attributes: ['name', 'displayName', 'versionIndex'] },
  definitions: { attributes: [], children: { definition: 'definition' } },
  definition: { attributes: ['name', 'displayName'], children: { or: 'condition', and: 'condition' } },
  condition: { attributes: [], children: { range: 'range', reference: 'reference' } },
  range: { attributes: ['ref', 'minVersionIndex', 'maxVersionIndex'] },
  reference: { attributes: ['ref'] },
  categories: { attributes: [], children: { category: 'category' } },
  category: { attributes: ['name', 'displayName', 'explainText'], children: DESCRIPTIVE_CHILDREN },
  policies: { attributes: [], children: { policy: 'policy' } },
  policy: {
    // No `clientExtension`: the XSD lacks it, though 17 Windows ADMX use it (FORMATS.md c.7).
    attributes: ['name', 'class', 'displayName', 'explainText', 'presentation', 'key', 'valueName'],
    children: {
      ...DESCRIPTIVE_CHILDREN,
      supportedOn: 'reference',
      enabledValue: 'value',
      disabledValue: 'value',
      enabledList: 'valueList',
      disabledList: 'valueList',
      elements: 'elements',
    },
    required: ['supportedOn'],
  },
  value: { attributes: [], children: { delete: 'empty', decimal: 'number', longDecimal: 'number', string: 'text' } },
  number: { attributes: ['value'] },
  empty: { attributes: [] },
  text: { attributes: [], text: true },
  valueList: { attributes: ['defaultKey'], children: { item: 'valueItem' } },
  valueItem: { attributes: ['key', 'valueName'], children: { value: 'value' } },
  elements: {
    attributes: [],
    readerChecksChildren: true,
    children: {
      boolean: 'booleanElement',
      decimal: 'decimalElement',
      longDecimal: 'decimalElement',
      text: 'textElement',
      enum: 'enumElement',
      list: 'listElement',
      multiText: 'multiTextElement',
    },
  },
  booleanElement: {
    attributes: ELEMENT_COMMON,
    children: { trueValue: 'value', falseValue: 'value', trueList: 'valueList', falseList: 'valueList' },
  },
  decimalElement: { attributes: [...ELEMENT_COMMON, 'required', 'minValue', 'maxValue', 'storeAsText', 'soft'] },
  textElement: { attributes: [...ELEMENT_COMMON, 'required', 'maxLength', 'expandable', 'soft'] },
  enumElement: { attributes: [...ELEMENT_COMMON, 'required'], children: { item: 'enumItem' } },
  enumItem: { attributes: ['displayName'], children: { value: 'value', valueList: 'valueList' } },
  listElement: { attributes: ['id', 'clientExtension', 'key', 'valuePrefix', 'additive', 'expandable', 'explicitValue'] },
  multiTextElement: { attributes: [...ELEMENT_COMMON, 'required', 'maxLength', 'maxStrings', 'soft'] },

  // ── ADML ────────────────────────────────────────────────────────────────────────────────
  policyDefinitionResources: {
    attributes: ['revision', 'schemaVersion'],
    children: { displayName: 'text', description: 'text', annotation: 'annotation', resources: 'localization' },
    required: ['displayName', 'description', 'resources'],
  },
  localization: { attributes: [], children: { stringTable: 'stringTable', presentationTable: 'presentationTable' } },
  stringTable: { attributes: [], children: { string: 'localizedString' } },
  localizedString: { attributes: ['id'], text: true },
  presentationTable: { attributes: [], children: { presentation: 'presentation' } },
  presentation: {
    attributes: ['id'],
    readerChecksChildren: true,
    children: {
      text: 'text',
      decimalTextBox: 'decimalTextBox',
      longDecimalTextBox: 'decimalTextBox',
      textBox: 'textBox',
      checkBox: 'checkBox',
      comboBox: 'comboBox',
      dropdownList: 'dropdownList',
      listBox: 'listBox',
      multiTextBox: 'multiTextBox',
    },
  },
  decimalTextBox: { attributes: ['refId', 'defaultValue', 'spin', 'spinStep'], text: true },
  textBox: { attributes: ['refId'], children: { label: 'text', defaultValue: 'text' }, required: ['label'] },
  multiTextBox: { attributes: ['refId', 'showAsDialog', 'defaultHeight'], text: true },
  checkBox: { attributes: ['refId', 'defaultChecked'], text: true },
  comboBox: { attributes: ['refId', 'noSort'], children: { label: 'text', default: 'text', suggestion: 'text' }, required: ['label'] },
  dropdownList: { attributes: ['refId', 'noSort', 'defaultItem'], text: true },
  listBox: LABEL,
};

/** Which presentation control each element type expects (FORMATS.md c.10). */
export const CONTROL_FOR: Readonly<Record<string, readonly string[]>> = {
  boolean: ['checkBox'],
  decimal: ['decimalTextBox'],
  longDecimal: ['longDecimalTextBox'],
  text: ['textBox', 'comboBox'],
  multiText: ['multiTextBox'],
  enum: ['dropdownList'],
  list: ['listBox'],
};
