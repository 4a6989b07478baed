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
 * two objects share a string id the first text wins; then the file's unused strings, kept from
 * an imported ADML. Presentations: one per policy with controls or a presentation id, id =
 * presentationId, else the policy id (c.7). Attribute rule for controls (c.10, as-written.ts):
 * refId always; defaultChecked, noSort, showAsDialog, spin, spinStep, defaultHeight where they
 * differ from the XSD default or the source stated them; defaultValue, defaultItem when set;
 * then the control's (and its `<label>`'s) extra attributes verbatim.
 */
import type { DefinitionsFile, Localized, PresentationControl } from '../model/types.js';
import { hasPresentation, POLICY_DEFINITIONS_NAMESPACE, SCHEMA_VERSION } from './admx.js';
import { extraAttrs, writtenAttrs } from './as-written.js';
import type { OutputFile } from './output-file.js';
import type { Templates } from './templates.js';
import { encodeXmlUtf8Crlf, escapeXmlAttribute, escapeXmlText, type XmlAttrs } from './xml-escape.js';

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
  readonly attrs: XmlAttrs;
  readonly text: string;
  readonly children: readonly ControlChildView[];
}
export interface ControlChildView {
  readonly tag: 'label' | 'defaultValue' | 'default' | 'suggestion';
  readonly attrs: XmlAttrs;
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
    revision: escapeXmlAttribute(file.admlRevision ?? file.revision),
    schemaVersion: escapeXmlAttribute(SCHEMA_VERSION),
    displayName: escapeXmlText(pick(file.displayName)),
    description: escapeXmlText(pick(file.description)),
    strings: collectStrings(file).map((s) => ({ id: escapeXmlAttribute(s.id), text: escapeXmlText(pick(s.text)) })),
    presentations: uniquePresentations(file)
      .map((policy) => ({
        id: escapeXmlAttribute(policy.presentationId ?? policy.id),
        controls: policy.presentation.map((control) => buildControl(control, pick)),
      })),
  };
}

/** Policies that have a presentation, the first of those sharing a presentation id only. */
function uniquePresentations(file: DefinitionsFile) {
  const seen = new Set<string>();
  return file.policies.filter((policy) => {
    const id = policy.presentationId ?? policy.id;
    if (!hasPresentation(policy) || seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/**
 * Every string the ADMX references, once each, in ADMX document order (FORMATS.md c.9), then the
 * unused ones; `unique: false` keeps every reference (to find ids that several objects share).
 */
export function collectStrings(file: DefinitionsFile, options: { readonly unique: boolean } = { unique: true }): readonly StringEntry[] {
  if (!options.unique) return referencedStrings(file);
  let unique = uniqueStrings.get(file);
  if (unique === undefined) {
    const firstById = new Map<string, StringEntry>();
    for (const entry of referencedStrings(file)) if (!firstById.has(entry.id)) firstById.set(entry.id, entry);
    unique = [...firstById.values()];
    uniqueStrings.set(file, unique);
  }
  return unique;
}

/** The string table of each file, shared by its ADML and .adm of every locale (the model is immutable). */
const uniqueStrings = new WeakMap<DefinitionsFile, readonly StringEntry[]>();

function referencedStrings(file: DefinitionsFile): StringEntry[] {
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
    if (policy.explainStringId !== '') add(policy.explainStringId, policy.explain);
    for (const element of policy.elements) {
      if (element.type === 'enum') for (const item of element.items) add(item.stringId, item.name);
    }
  }
  entries.push(...(file.unusedStrings ?? []));
  return entries;
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
    const children: ControlChildView[] = [{ tag: 'label', attrs: extraAttrs(control.labelAttributes), text: escaped(control.label) }];
    const defaultTag = control.kind === 'textBox' ? 'defaultValue' : 'default';
    if (control.defaultValue !== undefined) children.push({ tag: defaultTag, attrs: '', text: escaped(control.defaultValue) });
    if (control.kind === 'comboBox') {
      children.push(...control.suggestions.map((text) => ({ tag: 'suggestion' as const, attrs: '', text: escaped(text) })));
    }
    const noSort = control.kind === 'comboBox' ? control.noSort : undefined;
    return { tag: control.kind, attrs: writtenAttrs(control, { refId: control.refId, noSort }), text: '', children };
  }
  const text = control.kind === 'text' ? control.text : control.label;
  return { tag: control.kind, attrs: simpleControlAttrs(control), text: escaped(text), children: [] };
}


function simpleControlAttrs(control: SimpleControl): XmlAttrs {
  const attrs = (entries: Parameters<typeof writtenAttrs>[1]) => writtenAttrs(control, entries);
  switch (control.kind) {
    case 'text':
      return attrs({});
    case 'checkBox':
      return attrs({ refId: control.refId, defaultChecked: control.defaultChecked });
    case 'decimalTextBox':
    case 'longDecimalTextBox':
      return attrs({ refId: control.refId, defaultValue: control.defaultValue, spin: control.spin, spinStep: control.spinStep });
    case 'dropdownList':
      return attrs({ refId: control.refId, noSort: control.noSort, defaultItem: control.defaultItem });
    case 'listBox':
      return attrs({ refId: control.refId });
    case 'multiTextBox':
      return attrs({ refId: control.refId, showAsDialog: control.showAsDialog, defaultHeight: control.defaultHeight });
    default:
      return assertNever(control);
  }
}

function assertNever(control: never): never {
  throw new Error(`gpforge bug: unhandled control ${String((control as { kind?: string }).kind)}`);
}
