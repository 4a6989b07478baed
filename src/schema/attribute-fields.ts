/**
 * Which YAML field of a definitions element writes which ADMX/ADML attribute (FORMATS.md c.8,
 * c.10), for the fields behind attributes that have an XSD default. The YAML builder uses it to
 * tell which defaults a file states (AsWritten.explicit), validation to find extra attributes
 * that clash with written ones.
 */

/** ADMX element attributes with an XSD default: YAML field → attribute. */
export const ELEMENT_DEFAULTED_FIELDS: Readonly<Record<string, string>> = {
  required: 'required',
  min: 'minValue',
  max: 'maxValue',
  storeAsText: 'storeAsText',
  soft: 'soft',
  maxLength: 'maxLength',
  maxStrings: 'maxStrings',
  expandable: 'expandable',
  additive: 'additive',
  explicitValue: 'explicitValue',
};

/** ADML control attributes with an XSD default: YAML field → attribute. */
export const CONTROL_DEFAULTED_FIELDS: Readonly<Record<string, string>> = {
  defaultChecked: 'defaultChecked',
  spin: 'spin',
  spinStep: 'spinStep',
  noSort: 'noSort',
  showAsDialog: 'showAsDialog',
  height: 'defaultHeight',
};
