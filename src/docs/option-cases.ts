/**
 * Per element of a policy, the registry rows it writes by what is chosen (each check box state,
 * each item, a value entered, each list entry), from dialog-data.ts: the "registry values by
 * state" part of a policy page, in HTML and Markdown alike. Texts are not escaped here.
 */
import { dialogData, type DialogData, type ElementRows, type TemplateRow } from './dialog-data.js';
import type { PolicyDoc } from './docs-model.js';
import { elementLabels } from './element-labels.js';
import { textIn } from './localized-text.js';

export interface OptionCases {
  readonly label: string;
  readonly cases: readonly { readonly when: string; readonly rows: readonly TemplateRow[] }[];
}

export function optionCases(doc: PolicyDoc, locale: string, data: DialogData = dialogData(doc.policy)): OptionCases[] {
  const labels = new Map(elementLabels(doc.policy, doc.file, locale).map(({ element, label }) => [element.id, label]));
  return data.elements.map((rows) => ({ label: labels.get(rows.id) ?? rows.id, cases: casesOf(rows, doc, locale) }));
}

function casesOf(rows: ElementRows, doc: PolicyDoc, locale: string): OptionCases['cases'] {
  switch (rows.kind) {
    case 'choice': {
      const element = doc.policy.elements.find((e) => e.id === rows.id);
      const name = (key: string) => {
        if (element?.type !== 'enum') return key === 'true' ? 'Checked' : 'Not checked';
        const item = element.items[Number(key)];
        return item === undefined ? key : textIn(item.name, locale, doc.file) || item.id;
      };
      return Object.entries(rows.rows).map(([key, list]) => ({ when: name(key), rows: list }));
    }
    case 'scalar':
      return [{ when: 'A value entered', rows: rows.rows }];
    case 'list': {
      const { naming } = rows.entry;
      const name = naming === 'name' ? '(the value name entered)' : naming === 'value' ? '(the entry itself)' : `${naming.prefix}1, ${naming.prefix}2, …`;
      return [{ when: 'Each entry of the list', rows: [...rows.clear, { key: rows.entry.key, name, type: rows.entry.type, data: null }] }];
    }
  }
}
