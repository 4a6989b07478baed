/**
 * The gpedit-style dialog's controls (FORMATS.md c.10) as template views, in presentation order,
 * with labels and defaults as the ADML gives them; texts escaped here (html-escape.ts). Each
 * control's id is `gp-el-<index of its element>`, which is how the client script finds it.
 */
import type { DefinitionsFile, Policy, PresentationControl } from '../model/types.js';
import { compareCodeUnits } from '../text/compare.js';
import { escapeHtml } from './html-escape.js';
import { textIn } from './localized-text.js';

interface Labelled {
  readonly id: string;
  readonly label: string;
}

/** Exactly one field is set: the control's kind. */
export interface ControlView {
  readonly text?: { readonly text: string };
  readonly checkBox?: Labelled & { readonly checked: boolean };
  readonly textBox?: Labelled & { readonly value: string };
  readonly number?: Labelled & { readonly value: string; readonly min: string; readonly max: string; readonly step: string; readonly spin: boolean };
  readonly dropdown?: Labelled & { readonly options: readonly { readonly value: string; readonly label: string; readonly selected: boolean }[] };
  readonly comboBox?: Labelled & { readonly value: string; readonly listId: string; readonly suggestions: readonly string[] };
  readonly listBox?: Labelled & { readonly hint: string };
  readonly multiText?: Labelled & { readonly rows: number };
}

export function dialogControls(policy: Policy, file: DefinitionsFile, locale: string): ControlView[] {
  const t = (text: Parameters<typeof textIn>[0]) => escapeHtml(textIn(text, locale, file));
  return policy.presentation.flatMap((control): ControlView[] => {
    if (control.kind === 'text') return [{ text: { text: t(control.text) } }];
    const index = policy.elements.findIndex((e) => e.id === control.refId);
    if (index < 0) return [];
    return [controlView(control, policy, index, t)];
  });
}

function controlView(control: Exclude<PresentationControl, { kind: 'text' }>, policy: Policy, index: number, t: (text: Parameters<typeof textIn>[0]) => string): ControlView {
  const element = policy.elements[index];
  const base = { id: `gp-el-${index}`, label: t(control.label) };
  switch (control.kind) {
    case 'checkBox':
      return { checkBox: { ...base, checked: control.defaultChecked } };
    case 'textBox':
      return { textBox: { ...base, value: t(control.defaultValue) } };
    case 'decimalTextBox':
    case 'longDecimalTextBox': {
      const range = element?.type === 'decimal' || element?.type === 'longDecimal' ? element : undefined;
      // FORMATS.md c.10: an absent defaultValue is the XSD's default, 1.
      const value = (control.defaultValue ?? 1n).toString();
      return { number: { ...base, value, min: String(range?.minValue ?? 0), max: String(range?.maxValue ?? ''), step: String(control.spinStep), spin: control.spin } };
    }
    case 'dropdownList': {
      const items = element?.type === 'enum' ? element.items : [];
      const options = items.map((item, i) => ({ value: String(i), label: t(item.name), selected: i === control.defaultItem }));
      // The UI sorts the items by name unless noSort (FORMATS.md c.10); the values stay item indexes.
      if (!control.noSort) options.sort((a, b) => compareCodeUnits(a.label, b.label));
      // No (valid) defaultItem: the list starts blank, and a blank choice writes nothing.
      const blank = options.some((o) => o.selected) ? [] : [{ value: '', label: '', selected: true }];
      return { dropdown: { ...base, options: [...blank, ...options] } };
    }
    case 'comboBox':
      const suggestions = control.suggestions.map(t);
      if (!control.noSort) suggestions.sort(compareCodeUnits);
      return { comboBox: { ...base, value: t(control.defaultValue), listId: `${base.id}-suggestions`, suggestions } };
    case 'listBox': {
      const explicit = element?.type === 'list' && element.explicitValue;
      return { listBox: { ...base, hint: explicit ? 'One entry per line: value name=value data' : 'One entry per line' } };
    }
    case 'multiTextBox':
      return { multiText: { ...base, rows: control.defaultHeight } };
  }
}
