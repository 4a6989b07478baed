/**
 * An ADML `presentation` (FORMATS.md c.10) → model controls in document order. The default
 * locale's presentation gives the controls and their attributes; every locale gives its own
 * labels, matched by `refId` (or, for `text`, by position among the texts). A control whose
 * `refId` names no element of the policy is dropped (GPF1211); an element without a control is
 * kept (lint reports it).
 */
import type { Localized, PolicyElement, PresentationControl } from '../../model/types.js';
import type { AdmlResolver, ResolvedPresentation } from './adml-resolver.js';
import { allAttributes, asWritten, booleanAttribute, report, requiredAttribute, uint32Attribute, uint64Attribute, type Source } from './read-attributes.js';
import { attribute, childNamed, childrenNamed } from './xml-query.js';
import { tagSpan, type XmlElement } from './xml-tree.js';

export const CONTROL_KINDS = new Set([
  'text',
  'checkBox',
  'textBox',
  'decimalTextBox',
  'longDecimalTextBox',
  'comboBox',
  'dropdownList',
  'listBox',
  'multiTextBox',
]);

/** The attributes gpforge reads, per control kind (FORMATS.md c.10); the rest are kept verbatim. */
const CONTROL_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  checkBox: ['refId', 'defaultChecked'],
  textBox: ['refId'],
  decimalTextBox: ['refId', 'defaultValue', 'spin', 'spinStep'],
  longDecimalTextBox: ['refId', 'defaultValue', 'spin', 'spinStep'],
  comboBox: ['refId', 'noSort'],
  dropdownList: ['refId', 'noSort', 'defaultItem'],
  listBox: ['refId'],
  multiTextBox: ['refId', 'showAsDialog', 'defaultHeight'],
};

interface PresentationContext {
  readonly resolver: AdmlResolver;
  readonly presentation: ResolvedPresentation;
}

/** The controls of `policy`'s presentation that name one of its `elements` (or are static text). */
export function readPresentation(resolver: AdmlResolver, policy: string, presentation: ResolvedPresentation, elements: readonly PolicyElement[]): PresentationControl[] {
  const ctx: PresentationContext = { resolver, presentation };
  const source = resolver.admlSource(0);
  const controls: PresentationControl[] = [];
  const ids = new Set(elements.map((e) => e.id));
  let textIndex = 0;
  for (const control of presentation.perLocale[0]?.children ?? []) {
    if (!CONTROL_KINDS.has(control.name)) {
      report(source, 'GPF1214', tagSpan(control), control.name, 'presentation');
      continue;
    }
    if (control.name === 'text') {
      const index = textIndex++;
      controls.push({ kind: 'text', text: localize(ctx, control, (p) => childrenNamed(p, 'text')[index], (c) => c.text), ...asWritten(control, []) });
      continue;
    }
    const refId = requiredAttribute(source, control, 'refId');
    if (!ids.has(refId)) report(source, 'GPF1211', tagSpan(control), control.name, refId, policy);
    else controls.push({ ...readControl(ctx, source, control, refId), ...asWritten(control, CONTROL_ATTRIBUTES[control.name] ?? []) });
  }
  return controls;
}

function readControl(ctx: PresentationContext, source: Source, c: XmlElement, refId: string): PresentationControl {
  const counterpart = (p: XmlElement) =>
    p === ctx.presentation.perLocale[0] ? c : p.children.find((o) => o.name === c.name && attribute(o, 'refId') === refId);
  const labelOf = (o: XmlElement) => (c.name === 'textBox' || c.name === 'comboBox' ? (childNamed(o, 'label')?.text ?? '') : o.text);
  const base = { refId, label: localize(ctx, c, counterpart, labelOf) };
  const flag = (name: string, fallback: boolean) => booleanAttribute(source, c, name, fallback);
  switch (c.name) {
    case 'checkBox':
      return { kind: 'checkBox', ...base, defaultChecked: flag('defaultChecked', false) };
    case 'textBox':
      return { kind: 'textBox', ...base, ...optionalText(ctx, c, counterpart, 'defaultValue'), ...labelAttributes(c) };
    case 'decimalTextBox':
    case 'longDecimalTextBox': {
      const defaultValue = uint64Attribute(source, c, 'defaultValue');
      return { kind: c.name, ...base, ...(defaultValue !== undefined && { defaultValue }), spin: flag('spin', true), spinStep: uint32Attribute(source, c, 'spinStep', 1) };
    }
    case 'comboBox': {
      const suggestion = (p: XmlElement, i: number) => {
        const other = counterpart(p);
        return other && childrenNamed(other, 'suggestion')[i];
      };
      const suggestions = childrenNamed(c, 'suggestion').map((_, i) => localize(ctx, c, (p) => suggestion(p, i), (o) => o.text, ` <suggestion> ${i + 1}`));
      return { kind: 'comboBox', ...base, ...optionalText(ctx, c, counterpart, 'default', 'defaultValue'), suggestions, noSort: flag('noSort', false), ...labelAttributes(c) };
    }
    case 'dropdownList': {
      const defaultItem = uint32Attribute(source, c, 'defaultItem');
      return { kind: 'dropdownList', ...base, noSort: flag('noSort', false), ...(defaultItem !== undefined && { defaultItem }) };
    }
    case 'multiTextBox':
      return { kind: 'multiTextBox', ...base, showAsDialog: flag('showAsDialog', false), defaultHeight: uint32Attribute(source, c, 'defaultHeight', 3) };
    default:
      return { kind: 'listBox', ...base };
  }
}

/** The attributes of a textBox's or comboBox's `<label>` (xml:space="preserve" in appv.adml), as written. */
function labelAttributes(c: XmlElement): { labelAttributes?: Readonly<Record<string, string>> } {
  const label = childNamed(c, 'label');
  const attributes = label && allAttributes(label);
  return attributes ? { labelAttributes: attributes } : {};
}

/** `<defaultValue>` of a textBox, `<default>` of a comboBox: per locale, when the default locale has one. */
function optionalText(
  ctx: PresentationContext,
  c: XmlElement,
  counterpart: (p: XmlElement) => XmlElement | undefined,
  child: string,
  field = child,
): { defaultValue?: Localized } {
  if (!childNamed(c, child)) return {};
  const pick = (p: XmlElement) => {
    const other = counterpart(p);
    return other && childNamed(other, child);
  };
  const text = localize(ctx, c, pick, (o) => o.text, ` <${child}>`);
  return { [field]: text };
}

/**
 * One text per locale: `pick` finds, in a locale's presentation, the node that matches the
 * default locale's `control` (or a part of it); `read` takes its text. A locale whose
 * presentation lacks it gets the default text and a warning on its ADML (GPF1210).
 */
function localize(
  ctx: PresentationContext,
  control: XmlElement,
  pick: (presentation: XmlElement) => XmlElement | undefined,
  read: (node: XmlElement) => string,
  part = '',
): Localized {
  const [defaultPresentation] = ctx.presentation.perLocale;
  const defaultNode = defaultPresentation && pick(defaultPresentation);
  const fallback = defaultNode ? read(defaultNode) : '';
  const text: Record<string, string> = {};
  ctx.resolver.locales.forEach((locale, i) => {
    const presentation = ctx.presentation.perLocale[i];
    const found = i === 0 ? defaultNode : presentation && pick(presentation);
    if (presentation && !found && i > 0) {
      const refId = attribute(control, 'refId');
      const what = `<${control.name}${refId === undefined ? '' : ` refId="${refId}"`}>${part} of presentation '${ctx.presentation.id}'`;
      ctx.resolver.warnFallback(presentation, 'id', what, i, ctx.resolver.admlSource(i));
    }
    text[locale] = found ? read(found) : fallback;
  });
  return text;
}
