/** Schema pieces shared by definitions and GPO files (see definitions-schema.ts). */
import { Type, type TUnsafe } from '@sinclair/typebox';

/**
 * Ids ADMX can carry: itemName of the XSD is letters, digits and _ (FORMATS.md c.11). Hyphens
 * are accepted too, with a warning (GPF2120): real Windows and vendor templates use them,
 * Windows loads them, and imported templates must keep their names.
 */
export const AdmxId = Type.String({
  pattern: '^[A-Za-z0-9_-]+$',
  description: 'Letters, digits and _ (ADMX itemName); - is tolerated with a warning.',
});

/** "id" in this file's namespace or "prefix:id" through `using`. */
export const Reference = Type.String({
  pattern: '^([A-Za-z0-9_.-]+:)?[A-Za-z0-9_-]+$',
  description: 'An id, or prefix:id for another namespace.',
});

export const LocaleId = Type.String({ pattern: '^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$', description: 'A culture name such as en-US.' });

/** A plain string (the default locale) or one text per locale. */
export const Localized = Type.Union([
  Type.String(),
  Type.Record(Type.String({ pattern: '^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$' }), Type.String(), {
    additionalProperties: false,
    minProperties: 1,
  }),
]);

/** A key path below the hive; checked further by validate/ (no hive, no edge backslash). */
export const RegistryKey = Type.String({ minLength: 1, description: 'Registry key without hive, e.g. Software\\Policies\\Contoso.' });

export const ValueName = Type.String({ description: 'Registry value name.' });

export const ClientExtension = Type.String({
  pattern: '^\\{[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\\}$',
  description: 'Client-side extension GUID in braces.',
});

export const DwordNumber = (description: string) => Type.Integer({ minimum: 0, maximum: 4294967295, description });

/** 0..2^64-1; big values may be written as digit strings to keep them exact. */
export const U64Number = (description: string) =>
  Type.Union([Type.Integer({ minimum: 0 }), Type.String({ pattern: '^[0-9]{1,20}$' })], { description });

export const BoolFlag = (description: string) => Type.Optional(Type.Boolean({ description }));

/**
 * ADMX Value (FORMATS.md c.7): integer → decimal (REG_DWORD), string → REG_SZ,
 * { qword: n } → longDecimal (REG_QWORD), { delete: true } → delete the value; { dword: "000000" }
 * is a REG_DWORD whose ADMX spelling is kept (imported templates; a digit-string qword likewise).
 */
export const RegValueSchema = Type.Union([
  Type.Integer({ minimum: 0, maximum: 4294967295 }),
  Type.String({ maxLength: 255 }),
  Type.Object({ qword: U64Number('REG_QWORD value.') }, { additionalProperties: false }),
  Type.Object(
    { dword: Type.String({ pattern: '^\\s*[0-9]+\\s*$', description: 'REG_DWORD value spelt as in an imported template (e.g. "000000").' }) },
    { additionalProperties: false },
  ),
  Type.Object({ delete: Type.Literal(true) }, { additionalProperties: false }),
]);

const ValueListItemSchema = Type.Object(
  { key: Type.Optional(RegistryKey), valueName: ValueName, value: RegValueSchema },
  { additionalProperties: false },
);

/** A list of registry values set together: either a plain list of items or { defaultKey, items }. */
export const ValueListSchema = Type.Union([
  Type.Array(ValueListItemSchema, { minItems: 1 }),
  Type.Object(
    { defaultKey: Type.Optional(RegistryKey), items: Type.Array(ValueListItemSchema, { minItems: 1 }) },
    { additionalProperties: false },
  ),
]);

/**
 * One of fixed strings, as a JSON Schema `enum` (not a union of consts): one clear "expected one
 * of" error, and the editor offers the values.
 */
export const StringEnum = <const T extends string>(values: readonly T[], description: string): TUnsafe<T> =>
  Type.Unsafe<T>({ type: 'string', enum: [...values], description });
