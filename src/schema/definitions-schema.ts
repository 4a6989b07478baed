/**
 * The definitions YAML format (DESIGN.md §1.1) as one TypeBox schema: the single source of truth
 * for the TypeScript types of validated input, the structural validation (ajv) and the JSON
 * Schema that admins' editors use (src/schema/gpforge.schema.json, generated from this file).
 * Semantic rules that JSON Schema cannot say (references, duplicates, ranges between fields)
 * live in src/validate/.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import {
  AdmxId,
  BoolFlag,
  ClientExtension,
  DwordNumber,
  LocaleId,
  Localized,
  Reference,
  RegistryKey,
  RegValueSchema,
  StringEnum,
  U64Number,
  ValueListSchema,
  ValueName,
} from './common-schema.js';

const strictObject = <T extends Record<string, TSchema>>(properties: T, description: string) =>
  Type.Object(properties, { additionalProperties: false, description });

/**
 * Attributes kept verbatim for an exact rebuild of an imported template (issue 9): names and
 * values as written, meaning nothing to gpforge or Windows (SecGuide's `Area`, CEIPEnable's
 * misspelt `maxvalue`, Office's `defaultValue=""`). `gpforge import` writes them; authors need not.
 */
const XmlAttributes = (where: string) =>
  Type.Optional(
    Type.Record(Type.String({ pattern: '^[A-Za-z_][A-Za-z0-9_.:-]*$' }), Type.String(), {
      description: `Extra XML attributes written verbatim on ${where} (from gpforge import).`,
    }),
  );

/** An ADML string id, where an imported template's differs from the one gpforge derives. */
const StringId = (of: string) =>
  Type.Optional(Type.String({ minLength: 1, description: `ADML string id of the ${of} (default: derived from the id).` }));

const elementCommon = {
  id: Type.String({ minLength: 1, description: 'Element id; the presentation control refers to it (refId).' }),
  key: Type.Optional(RegistryKey),
  valueName: Type.Optional(ValueName),
  clientExtension: Type.Optional(ClientExtension),
  label: Type.Optional(Localized),
  xmlAttributes: XmlAttributes('the ADMX element'),
  controlAttributes: XmlAttributes('the ADML presentation control'),
};

const BooleanElement = strictObject(
  {
    type: Type.Literal('boolean'),
    ...elementCommon,
    trueValue: Type.Optional(RegValueSchema),
    falseValue: Type.Optional(RegValueSchema),
    trueList: Type.Optional(ValueListSchema),
    falseList: Type.Optional(ValueListSchema),
    defaultChecked: BoolFlag('Check box ticked when the dialog opens.'),
  },
  'A check box (ADMX boolean).',
);

const numberHints = {
  required: BoolFlag('A value must be entered.'),
  storeAsText: BoolFlag('Store the number as REG_SZ instead of REG_DWORD/REG_QWORD.'),
  soft: BoolFlag('Write the value only when it does not already exist.'),
  spin: Type.Optional(Type.Boolean({ description: 'Show a spin control (default true).' })),
  spinStep: Type.Optional(Type.Integer({ minimum: 0, maximum: 4294967295, description: 'Spin increment (default 1; 0, as in excel16.admx, is allowed by the ADMX schema).' })),
};

const DecimalElement = strictObject(
  {
    type: Type.Literal('decimal'),
    ...elementCommon,
    ...numberHints,
    min: Type.Optional(DwordNumber('Smallest accepted value (default 0).')),
    max: Type.Optional(DwordNumber('Largest accepted value (default 9999).')),
    default: Type.Optional(DwordNumber('Value shown when the dialog opens.')),
  },
  'A number stored as REG_DWORD (ADMX decimal).',
);

const LongDecimalElement = strictObject(
  {
    type: Type.Literal('longDecimal'),
    ...elementCommon,
    ...numberHints,
    min: Type.Optional(U64Number('Smallest accepted value (default 0).')),
    max: Type.Optional(U64Number('Largest accepted value (default 9999).')),
    default: Type.Optional(DwordNumber('Value shown when the dialog opens (the ADMX schema limits it to 32 bits).')),
  },
  'A number stored as REG_QWORD (ADMX longDecimal).',
);

const EnumItemSchema = strictObject(
  {
    id: AdmxId,
    name: Localized,
    value: RegValueSchema,
    valueList: Type.Optional(ValueListSchema),
    nameId: StringId('item name'),
    xmlAttributes: XmlAttributes('the <item>'),
  },
  'One choice of a drop-down list.',
);

const EnumElement = strictObject(
  {
    type: Type.Literal('enum'),
    ...elementCommon,
    required: BoolFlag('A choice must be made.'),
    items: Type.Array(EnumItemSchema, { minItems: 1 }),
    default: Type.Optional(Type.String({ description: 'Id of the item selected when the dialog opens.' })),
    noSort: BoolFlag('Keep the items in file order instead of sorting them.'),
  },
  'A drop-down list (ADMX enum).',
);

const TextElement = strictObject(
  {
    type: Type.Literal('text'),
    ...elementCommon,
    required: BoolFlag('Text must be entered.'),
    maxLength: Type.Optional(Type.Integer({ minimum: 1, maximum: 4294967295, description: 'Default 1023.' })),
    expandable: BoolFlag('Store as REG_EXPAND_SZ.'),
    soft: BoolFlag('Write the value only when it does not already exist.'),
    default: Type.Optional(Localized),
    suggestions: Type.Optional(Type.Array(Localized, { description: 'Offer these texts in a combo box.' })),
    noSort: BoolFlag('Keep suggestions in file order.'),
    labelAttributes: XmlAttributes('the control\'s <label>'),
  },
  'A text box, or a combo box when suggestions are given (ADMX text).',
);

const MultiTextElement = strictObject(
  {
    type: Type.Literal('multiText'),
    ...elementCommon,
    required: BoolFlag('Text must be entered.'),
    maxLength: Type.Optional(Type.Integer({ minimum: 1, maximum: 4294967295, description: 'Default 1023.' })),
    maxStrings: Type.Optional(Type.Integer({ minimum: 0, maximum: 4294967295, description: '0 = unlimited.' })),
    soft: BoolFlag('Write the value only when it does not already exist.'),
    height: Type.Optional(Type.Integer({ minimum: 1, maximum: 4294967295, description: 'Lines shown (default 3).' })),
    showAsDialog: BoolFlag('Edit the text in a separate dialog.'),
  },
  'A multi-line text stored as REG_MULTI_SZ (ADMX multiText).',
);

const ListElement = strictObject(
  {
    type: Type.Literal('list'),
    id: elementCommon.id,
    key: elementCommon.key,
    clientExtension: elementCommon.clientExtension,
    label: elementCommon.label,
    xmlAttributes: elementCommon.xmlAttributes,
    controlAttributes: elementCommon.controlAttributes,
    valuePrefix: Type.Optional(Type.String({ description: 'Values are named <prefix>1, <prefix>2, ...' })),
    additive: BoolFlag('Keep values already in the key instead of deleting them first.'),
    explicitValue: BoolFlag('The user enters each value name as well as its data.'),
    expandable: BoolFlag('Store values as REG_EXPAND_SZ.'),
  },
  'A list of values under a key (ADMX list).',
);

const NoteSchema = strictObject(
  { note: Localized, controlAttributes: XmlAttributes('the ADML <text>') },
  'A line of text in the dialog, not stored anywhere.',
);

export const ElementSchema = Type.Union([
  BooleanElement,
  DecimalElement,
  LongDecimalElement,
  EnumElement,
  TextElement,
  MultiTextElement,
  ListElement,
  NoteSchema,
]);

export const PolicySchema = strictObject(
  {
    id: AdmxId,
    class: StringEnum(['machine', 'user', 'both'], 'machine: Computer Configuration (HKLM); user: User Configuration (HKCU); both.'),
    category: Reference,
    supportedOn: Reference,
    name: Localized,
    explain: Localized,
    key: RegistryKey,
    valueName: Type.Optional(ValueName),
    enabledValue: Type.Optional(RegValueSchema),
    disabledValue: Type.Optional(RegValueSchema),
    enabledList: Type.Optional(ValueListSchema),
    disabledList: Type.Optional(ValueListSchema),
    clientExtension: Type.Optional(ClientExtension),
    elements: Type.Optional(Type.Array(ElementSchema)),
    elementOrder: Type.Optional(
      Type.Array(Type.String({ minLength: 1 }), {
        description: 'Element ids in ADMX order, where it differs from the dialog order of `elements` (imported templates).',
      }),
    ),
    presentationId: Type.Optional(Type.String({ minLength: 1, description: 'ADML presentation id (default: the policy id).' })),
    nameId: StringId('policy name'),
    explainId: Type.Optional(
      Type.String({ description: 'ADML string id of the explain text (default: derived from the id); "" writes no explainText, as in imported templates without one.' }),
    ),
    xmlAttributes: XmlAttributes('the <policy>'),
  },
  'One policy setting.',
);

const CategorySchema = strictObject(
  {
    id: AdmxId,
    name: Localized,
    explain: Type.Optional(Localized),
    parent: Type.Optional(Reference),
    nameId: StringId('category name'),
    explainId: StringId('category explain text'),
    xmlAttributes: XmlAttributes('the <category>'),
  },
  'A folder in the editor tree.',
);

const VersionSchema = strictObject(
  { id: AdmxId, name: Localized, versionIndex: DwordNumber('Position of this version.'), nameId: StringId('version name') },
  'A minor version of a product.',
);

const MajorVersionSchema = strictObject(
  {
    id: AdmxId,
    name: Localized,
    versionIndex: DwordNumber('Position of this version.'),
    nameId: StringId('version name'),
    minorVersions: Type.Optional(Type.Array(VersionSchema)),
  },
  'A major version of a product.',
);

const ProductSchema = strictObject(
  {
    id: AdmxId,
    name: Localized,
    nameId: StringId('product name'),
    versions: Type.Optional(Type.Array(MajorVersionSchema)),
  },
  'A product that supportedOn definitions refer to.',
);

const ConditionSchema = Type.Union([
  strictObject({ reference: Reference, xmlAttributes: XmlAttributes('the <reference>') }, 'The named product or version.'),
  strictObject(
    {
      range: Reference,
      minVersionIndex: Type.Optional(DwordNumber('Lowest version index.')),
      maxVersionIndex: Type.Optional(DwordNumber('Highest version index.')),
      xmlAttributes: XmlAttributes('the <range>'),
    },
    'Versions of a product or major version between two indexes.',
  ),
]);

const SupportedOnSchema = strictObject(
  {
    id: AdmxId,
    text: Localized,
    textId: StringId('supportedOn text'),
    or: Type.Optional(Type.Array(ConditionSchema, { minItems: 1 })),
    and: Type.Optional(Type.Array(ConditionSchema, { minItems: 1 })),
  },
  'A "Supported on" text, optionally defined by products and versions.',
);

export const DefinitionsSchema = strictObject(
  {
    kind: Type.Literal('definitions'),
    namespace: Type.String({ pattern: '^[A-Za-z0-9_.-]+ *$', description: 'ADMX target namespace, unique in a store.' }),
    prefix: AdmxId,
    fileName: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_.-]+$', description: 'Base name of the .admx/.adml/.adm files.' })),
    intuneAppName: Type.Optional(
      Type.String({
        pattern: '^[A-Za-z0-9_]+$',
        description: 'Intune ADMX ingestion: the {AppName} of the ADMXInstall OMA-URI and of every policy area (default: fileName without characters other than letters, digits and _).',
      }),
    ),
    revision: Type.Optional(Type.String({ pattern: '^[0-9]{1,4}\\.[0-9]{1,5}$', description: 'ADMX revision as "major.minor", in quotes' })),
    minRequiredRevision: Type.Optional(
      Type.String({ pattern: '^[0-9]{1,4}\\.[0-9]{1,5}$', description: 'ADMX resources/@minRequiredRevision (default: revision).' }),
    ),
    admlRevision: Type.Optional(Type.String({ pattern: '^[0-9]{1,4}\\.[0-9]{1,5}$', description: 'Revision of the ADML files (default: revision).' })),
    fallbackCulture: Type.Optional(
      Type.String({ minLength: 1, description: 'ADMX resources/@fallbackCulture; not written when absent (Windows then uses en-US).' }),
    ),
    locales: Type.Optional(Type.Array(LocaleId, { minItems: 1, description: 'The first is the default locale.' })),
    fallback: BoolFlag('A locale without a text uses the default text (a warning instead of an error).'),
    lenient: BoolFlag(
      'For imported templates: reference problems Windows tolerates (unknown category or supportedOn, undeclared prefix, key ending in a backslash, enum items sharing a value, a list with valuePrefix and explicitValue) are warnings instead of errors.',
    ),
    displayName: Type.Optional(Localized),
    description: Type.Optional(Localized),
    using: Type.Optional(Type.Record(Type.String({ pattern: '^[A-Za-z0-9_.-]+$' }), Type.String({ minLength: 1 }), { additionalProperties: false })),
    supersededAdm: Type.Optional(Type.Array(Type.String({ pattern: '^[^\\\\/]*$', description: 'File name of an .adm this ADMX replaces.' }))),
    products: Type.Optional(Type.Array(ProductSchema)),
    supportedOn: Type.Optional(Type.Array(SupportedOnSchema)),
    categories: Type.Optional(Type.Array(CategorySchema)),
    policies: Type.Optional(Type.Array(PolicySchema)),
    unusedStrings: Type.Optional(
      Type.Record(Type.String({ minLength: 1 }), Localized, {
        description: 'ADML strings nothing refers to, kept by id so an imported ADML comes back whole.',
      }),
    ),
  },
  'gpforge definitions: one ADMX namespace (DESIGN.md §1.1).',
);

export type DefinitionsInput = Static<typeof DefinitionsSchema>;
export type PolicyInput = Static<typeof PolicySchema>;
export type ElementInput = Static<typeof ElementSchema>;
