/**
 * The GPO YAML that enables a policy with its dialog's defaults (DESIGN.md §1.2), for the
 * Markdown pages; the HTML dialog's script writes the same form for any choice. Scalars are
 * plain where YAML cannot read them as anything else, else double-quoted (JSON strings are valid
 * YAML double-quoted scalars).
 */
import type { PresentationControl } from '../model/types.js';
import { SCOPES, type PolicyDoc } from './docs-model.js';
import { textIn } from './localized-text.js';

const RESERVED = /^(true|false|null|yes|no|on|off|y|n|~)$/i;

export function yamlScalar(s: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.-]*$/.test(s) && !RESERVED.test(s) ? s : JSON.stringify(s);
}

export function defaultSnippet(doc: PolicyDoc, locale: string): string {
  const { policy } = doc;
  const { side } = SCOPES[policy.class];
  const fields = ['state: enabled'];
  const given = new Set<string>();
  for (const control of policy.presentation) {
    const value = control.kind === 'text' ? undefined : defaultValue(control, doc, locale);
    if (value === undefined || control.kind === 'text') continue;
    given.add(control.refId);
    fields.push(`${yamlScalar(control.refId)}: ${value}`);
  }
  const missing = policy.elements.filter((e) => 'required' in e && e.required && !given.has(e.id)).map((e) => e.id);
  const note = missing.length === 0 ? '' : `\n# also required: ${missing.join(', ')}`;
  return `${side}:\n  policies:\n    ${doc.ref}: { ${fields.join(', ')} }${note}`;
}

/** The control's default as a YAML value; undefined where the ADML gives none. */
function defaultValue(control: Exclude<PresentationControl, { kind: 'text' }>, doc: PolicyDoc, locale: string): string | undefined {
  const element = doc.policy.elements.find((e) => e.id === control.refId);
  switch (control.kind) {
    case 'checkBox':
      return String(control.defaultChecked);
    case 'decimalTextBox':
    case 'longDecimalTextBox':
      return (control.defaultValue ?? 1n).toString();
    case 'textBox':
    case 'comboBox': {
      const text = control.defaultValue === undefined ? '' : textIn(control.defaultValue, locale, doc.file);
      return text === '' ? undefined : yamlScalar(text);
    }
    case 'dropdownList': {
      const item = element?.type === 'enum' && control.defaultItem !== undefined ? element.items[control.defaultItem] : undefined;
      return item === undefined ? undefined : yamlScalar(item.id);
    }
    case 'listBox':
    case 'multiTextBox':
      return undefined;
  }
}
