/**
 * The XSD defaults of ADMX element and ADML control attributes (FORMATS.md c.8, c.10), in one
 * table for the reader (which records where a source states one, AsWritten.explicit), the YAML
 * builder (the same for YAML fields) and the ADMX/ADML emitters (which leave them out otherwise).
 */
export const XSD_DEFAULTS = {
  required: false,
  minValue: 0,
  maxValue: 9999,
  storeAsText: false,
  soft: false,
  maxLength: 1023,
  maxStrings: 0,
  expandable: false,
  additive: false,
  explicitValue: false,
  defaultChecked: false,
  spin: true,
  spinStep: 1,
  noSort: false,
  showAsDialog: false,
  defaultHeight: 3,
} as const satisfies Readonly<Record<string, boolean | number>>;

/** The default of `name`, if it has one. */
export function xsdDefault(name: string): boolean | number | undefined {
  return Object.hasOwn(XSD_DEFAULTS, name) ? XSD_DEFAULTS[name as keyof typeof XSD_DEFAULTS] : undefined;
}
