/**
 * The GPO settings YAML format (DESIGN.md §1.2): one file = one GPO. Like definitions-schema.ts,
 * the single source for types, structural validation and the editors' JSON Schema. Whether a
 * policy, element or value exists is checked against the definitions in src/validate/gpo/.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { RegistryKey, StringEnum } from './common-schema.js';

const GUID = '^\\{[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\\}$';

const strictObject = <T extends Record<string, TSchema>>(properties: T, description: string) =>
  Type.Object(properties, { additionalProperties: false, description });

const State = StringEnum(['enabled', 'disabled'], 'enabled or disabled; leave the policy out for "not configured".');

/** A value for one element: checked against the element's kind by the GPO validator. */
const ElementValueSchema = Type.Union(
  [
    Type.Boolean(),
    Type.Integer({ minimum: 0 }),
    Type.String(),
    Type.Array(Type.String()),
    Type.Record(Type.String(), Type.String()),
  ],
  { description: 'boolean: true/false; decimal: a number; enum: item id or value; text: a text; multiText and list: a list of texts; list with explicitValue: a map of value name to data.' },
);

const PolicySetting = Type.Union([
  State,
  Type.Object({ state: State }, { additionalProperties: ElementValueSchema, description: 'The state, and a value per element id.' }),
]);

const RegistryType = StringEnum(
  ['REG_SZ', 'REG_EXPAND_SZ', 'REG_DWORD', 'REG_QWORD', 'REG_MULTI_SZ', 'REG_BINARY', 'REG_NONE'],
  'Registry value type.',
);

const valueName = Type.String({ description: 'Value name; "" is the default value (@ in .reg).' });

const NameList = (description: string) => Type.Array(Type.String(), { minItems: 1, description });

/** Raw registry entries for values no template covers; each form is one Registry.pol record (FORMATS.md a.4). */
export const RawRegistrySchema = Type.Union([
  strictObject(
    {
      key: RegistryKey,
      name: valueName,
      type: RegistryType,
      value: Type.Optional(
        Type.Union([Type.String(), Type.Integer({ minimum: 0 }), Type.Array(Type.String())], {
          description: 'REG_SZ/REG_EXPAND_SZ: text; REG_DWORD/REG_QWORD: number (QWORD may be a digit string); REG_MULTI_SZ: list of texts; REG_BINARY: hex bytes like "01 ff 7a"; REG_NONE: none.',
        }),
      ),
      soft: Type.Optional(Type.Literal(true, { description: 'Set only if the value does not exist yet (PReg **soft.).' })),
    },
    'Set a value.',
  ),
  strictObject({ key: RegistryKey, name: valueName, delete: Type.Literal(true) }, 'Delete a value.'),
  strictObject({ key: RegistryKey, deleteAllValues: Type.Literal(true) }, 'Delete every value of the key (not its subkeys).'),
  strictObject({ key: RegistryKey, createKey: Type.Literal(true) }, 'Create the key without values.'),
  strictObject({ key: RegistryKey, deleteKeys: NameList('Subkey names.') }, 'Delete these subkeys of the key, with everything below them (PReg **DeleteKeys).'),
  strictObject({ key: RegistryKey, deleteValues: NameList('Value names.') }, 'Delete these values in one record (PReg **DeleteValues).'),
  strictObject({ key: RegistryKey, secureKey: Type.Boolean() }, 'true: only administrators and SYSTEM may change the key; false: inherit permissions (PReg **SecureKey).'),
  strictObject(
    {
      key: RegistryKey,
      name: Type.String({ description: 'Value name exactly as stored, directives (**...) included.' }),
      rawType: Type.Integer({ minimum: 0, maximum: 4294967295, description: 'REG_* type number, e.g. 5 for REG_DWORD_BIG_ENDIAN.' }),
      data: Type.String({ description: 'The data bytes in hex, like "01 ff 7a" ("" for none).' }),
    },
    'One Registry.pol record written exactly as given (imported records no other form reproduces).',
  ),
]);

const SideSchema = strictObject(
  {
    policies: Type.Optional(
      Type.Record(Type.String({ pattern: '^[^:]+:[^:]+$' }), PolicySetting, {
        additionalProperties: false,
        description: 'prefix:policyId or namespace:policyId → setting.',
      }),
    ),
    registry: Type.Optional(Type.Array(RawRegistrySchema)),
    keepOrder: Type.Optional(
      Type.Literal(true, {
        description: 'Write the records exactly in the order given (policies, then registry), without regrouping by key or dropping repeats; for imported files whose order matters.',
      }),
    ),
  },
  'Settings of one side of the GPO.',
);

export const GpoSchema = strictObject(
  {
    kind: Type.Literal('gpo'),
    name: Type.String({ minLength: 1, maxLength: 255, description: 'GPO display name.' }),
    id: Type.Optional(Type.String({ pattern: GUID, description: 'GPO GUID in braces; default: a stable UUID derived from the name.' })),
    comment: Type.Optional(Type.String({ description: 'GPO description (GPO.cmt in the backup).' })),
    version: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 65535,
        description: 'Version of each side that has settings (gpt.ini, GPO backup, Samba); default 1. Windows re-applies a local GPO only when it grows: raise it with every change.',
      }),
    ),
    domain: Type.Optional(Type.String({ minLength: 1, description: 'Source domain written into the backup (default example.com).' })),
    domainController: Type.Optional(Type.String({ minLength: 1, description: 'Source domain controller written into the backup (default dc.<domain>).' })),
    computer: Type.Optional(SideSchema),
    user: Type.Optional(SideSchema),
  },
  'gpforge GPO settings: one GPO (DESIGN.md §1.2).',
);

export type GpoInput = Static<typeof GpoSchema>;
export type GpoSideInput = Static<typeof SideSchema>;
export type PolicySettingInput = Static<typeof PolicySetting>;
export type RawRegistryInput = Static<typeof RawRegistrySchema>;
export type ElementValueInput = Static<typeof ElementValueSchema>;
