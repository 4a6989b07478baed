/** Element values as short text for the diff ("Scheduled (4)", "\"wsus\"", "[a, b]"). */
import type { ElementValue } from '../model/registry-types.js';
import type { Policy, RegValue } from '../model/types.js';

function describeRegValue(value: RegValue): string {
  return value.kind === 'delete' ? 'delete' : value.kind === 'string' ? JSON.stringify(value.value) : value.value.toString();
}

/** One element's value as the GPO YAML would say it; enum items by id with their value. */
export function describeElementValue(policy: Policy, elementId: string, value: ElementValue): string {
  switch (value.type) {
    case 'boolean':
    case 'decimal':
    case 'longDecimal':
      return value.value.toString();
    case 'text':
      return JSON.stringify(value.value);
    case 'multiText':
      return `[${value.value.map((s) => JSON.stringify(s)).join(', ')}]`;
    case 'enum': {
      const element = policy.elements.find((e) => e.id === elementId);
      const item = element?.type === 'enum' ? element.items[value.itemIndex] : undefined;
      return item === undefined ? `item ${value.itemIndex}` : `${item.id} (${describeRegValue(item.value)})`;
    }
    case 'list':
      return `[${value.entries.map((e) => (e.name === undefined ? JSON.stringify(e.value) : `${JSON.stringify(e.name)}=${JSON.stringify(e.value)}`)).join(', ')}]`;
  }
}
