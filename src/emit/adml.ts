/**
 * ADML emitter: one DefinitionsFile and locale -> PolicyDefinitions/<locale>/<fileName>.adml
 * (FORMATS.md c.1, c.9, c.10).
 *
 * Encoding: UTF-8 without BOM, declaration `<?xml version="1.0" encoding="utf-8"?>` (in the
 * template). Line endings: CRLF everywhere, one final CRLF (encodeXmlUtf8Crlf), including the
 * line breaks inside string texts: a "\n" of the model is written as CRLF and an XML parser reads
 * it back as "\n"; a "\r" is written as `&#13;` (xml-escape.ts), so the parsed text always equals
 * the model's. Texts are placed by adml.hbs itself, never by a partial, because Handlebars
 * indents every line a partial renders.
 *
 * The string table holds exactly one `<string>` per id the ADMX references, in ADMX document
 * order (supportedOn products, definitions, categories, policies with their enum items); when
 * two objects share a string id the first text wins. Presentations: one per policy with a
 * non-empty `presentation`, id = policy id (c.7). Attribute rule for controls (c.10): refId
 * always; defaultChecked, noSort, showAsDialog only when true; spin only when false; spinStep
 * only when not 1; defaultHeight only when not 3; defaultValue, defaultItem only when set.
 */
import type { DefinitionsFile, Localized, PresentationControl } from '../model/types.js';
import { POLICY_DEFINITIONS_NAMESPACE, SCHEMA_VERSION } from './admx.js';
import type { OutputFile } from './output-file.js';
import type { Templates } from './templates.js';
import { encodeXmlUtf8Crlf, escapeXmlAttribute, escapeXmlText, onlyIfTrue, xmlAttrs, type XmlAttr } from './xml-escape.js';

export interface AdmlView {
  readonly xmlns: string;
  readonly revision: string;
  readonly schemaVersion: string;
  readonly displayName: string;
  readonly description: string;
  readonly strings: readonly StringView[];
  readonly presentations: readonly PresentationView[];
}
export interface StringView {
  readonly id: string;
  readonly text: string;
}
export interface PresentationView {
  readonly id: string;
  readonly controls: readonly ControlView[];
}
/** A control (c.10): simple ones carry `text`; textBox and comboBox carry `children` instead. */
export interface ControlView {
  readonly tag: PresentationControl['kind'];
  readonly attrs: readonly XmlAttr[];
  readonly text: string;
  readonly children: readonly ControlChildView[];
}
export interface ControlChildView {
  readonly tag: 'label' | 'defaultValue' | 'default' | 'suggestion';
  readonly text: string;
}

/** A string of the ADML string table, not yet localized. */
export interface StringEntry {
  readonly id: string;
  readonly text: Localized;
}

/** Renders the ADML of one definitions file for one of its locales (FORMATS.md c.9). */
export function emitAdml(file: DefinitionsFile, locale: string, templates: Templates): OutputFile {
  const text = templates.adml(buildAdmlView(file, locale));
  return { path: `PolicyDefinitions/${locale}/${file.fileName}.adml`, bytes: encodeXmlUtf8Crlf(text) };
}

/** The ADML view for `locale`: every string escaped (FORMATS.md c.9, c.10). */
export function buildAdmlView(file: DefinitionsFile, locale: string): AdmlView {
  const pick = (text: Localized): string => localize(text, locale, file.sourcePath);
  return {
    xmlns: escapeXmlAttribute(POLICY_DEFINITIONS_NAMESPACE),
    revision: escapeXmlAttribute(file.revision),
    schemaVersion: escapeXmlAttribute(SCHEMA_VERSION),
    displayName: escapeXmlText(pick(file.displayName)),
    description: escapeXmlText(pick(file.description)),
    strings: collectStrings(file).map((s) => ({ id: escapeXmlAttribute(s.id), text: escapeXmlText(pick(s.text)) })),
    presentations: file.policies
      .filter((policy) => policy.presentation.length > 0)
      .map((policy) => ({
        id: escapeXmlAttribute(policy.id),
        controls: policy.presentation.map((control) => buildControl(control, pick)),
      })),
  };
}

/** Every string the ADMX references, once each, in ADMX document order (FORMATS.md c.9). */
export function collectStrings(file: DefinitionsFile): StringEntry[] {
  const entries: StringEntry[] = [];
  const add = (id: string, text: Localized): void => void entries.push({ id, text });
  for (const product of file.products) {
    add(product.nameStringId, product.name);
    for (const major of product.majorVersions) {
      add(major.nameStringId, major.name);
      for (const minor of major.minorVersions) add(minor.nameStringId, minor.name);
    }
  }
  for (const definition of file.supportedOn) add(definition.textStringId, definition.text);
  for (const category of file.categories) {
    add(category.nameStringId, category.name);
    if (category.explainStringId !== undefined && category.explain !== undefined) {
      add(category.explainStringId, category.explain);
    }
  }
  for (const policy of file.policies) {
    add(policy.nameStringId, policy.name);
    add(policy.explainStringId, policy.explain);
    for (const element of policy.elements) {
      if (element.type === 'enum') for (const item of element.items) add(item.stringId, item.name);
    }
  }
  const firstById = new Map<string, StringEntry>();
  for (const entry of entries) if (!firstById.has(entry.id)) firstById.set(entry.id, entry);
  return [...firstById.values()];
}

function localize(text: Localized, locale: string, sourcePath: string): string {
  const value = text[locale];
  if (value === undefined) throw new Error(`gpforge bug: ${sourcePath} has a text without locale ${locale}`);
  return value;
}

type SimpleControl = Exclude<PresentationControl, { kind: 'textBox' | 'comboBox' }>;

function buildControl(control: PresentationControl, pick: (text: Localized) => string): ControlView {
  const escaped = (text: Localized): string => escapeXmlText(pick(text));
  if (control.kind === 'textBox' || control.kind === 'comboBox') {
    const children: ControlChildView[] = [{ tag: 'label', text: escaped(control.label) }];
    const defaultTag = control.kind === 'textBox' ? 'defaultValue' : 'default';
    if (control.defaultValue !== undefined) children.push({ tag: defaultTag, text: escaped(control.defaultValue) });
    if (control.kind === 'comboBox') {
      children.push(...control.suggestions.map((text) => ({ tag: 'suggestion' as const, text: escaped(text) })));
    }
    const noSort = control.kind === 'comboBox' ? onlyIfTrue(control.noSort) : undefined;
    return { tag: control.kind, attrs: xmlAttrs({ refId: control.refId, noSort }), text: '', children };
  }
  const text = control.kind === 'text' ? control.text : control.label;
  return { tag: control.kind, attrs: simpleControlAttrs(control), text: escaped(text), children: [] };
}

function simpleControlAttrs(control: SimpleControl): XmlAttr[] {
  switch (control.kind) {
    case 'text':
      return [];
    case 'checkBox':
      return xmlAttrs({ refId: control.refId, defaultChecked: onlyIfTrue(control.defaultChecked) });
    case 'decimalTextBox':
    case 'longDecimalTextBox': {
      const spin = control.spin ? undefined : false;
      const spinStep = control.spinStep === 1 ? undefined : control.spinStep;
      return xmlAttrs({ refId: control.refId, defaultValue: control.defaultValue, spin, spinStep });
    }
    case 'dropdownList':
      return xmlAttrs({ refId: control.refId, noSort: onlyIfTrue(control.noSort), defaultItem: control.defaultItem });
    case 'listBox':
      return xmlAttrs({ refId: control.refId });
    case 'multiTextBox': {
      const defaultHeight = control.defaultHeight === 3 ? undefined : control.defaultHeight;
      return xmlAttrs({ refId: control.refId, showAsDialog: onlyIfTrue(control.showAsDialog), defaultHeight });
    }
    default:
      return assertNever(control);
  }
}

function assertNever(control: never): never {
  throw new Error(`gpforge bug: unhandled control ${String((control as { kind?: string }).kind)}`);
}
