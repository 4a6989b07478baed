/**
 * Registry actions as the rows the docs show (key, value name, type, data). The static tables
 * and the live dialog's client script (templates/docs/explorer.js.hbs) use this one shape; the
 * actions themselves come only from model/registry-plan.ts.
 */
import { describeEffect } from '../model/describe-registry.js';
import type { RegistryAction, RegistryData } from '../model/registry-types.js';

export interface RegistryRow {
  readonly key: string;
  /** '' for the key's default value; '*' for an action on the whole key. */
  readonly name: string;
  /** REG_SZ, REG_DWORD, …, or what happens instead: "delete", "delete all values", … */
  readonly type: string;
  /** The data as text: numbers in decimal, REG_MULTI_SZ strings one per line, bytes in hex. */
  readonly data: string;
}

/** The row of one action; `soft` sets say so in their type ("REG_SZ (soft)"). */
export function registryRow(action: RegistryAction): RegistryRow {
  const name = 'valueName' in action ? action.valueName : '*';
  if (action.kind === 'set') {
    return { key: action.key, name, type: `${action.data.type}${action.soft === true ? ' (soft)' : ''}`, data: dataText(action.data) };
  }
  return { key: action.key, name, type: describeEffect(action), data: '' };
}

/** Registry data as the docs print it (the client script formats typed-in values the same way). */
export function dataText(data: RegistryData): string {
  switch (data.type) {
    case 'REG_NONE':
      return '';
    case 'REG_BINARY':
      return Buffer.from(data.value).toString('hex');
    case 'REG_MULTI_SZ':
      return data.value.join('\n');
    case 'REG_DWORD':
    case 'REG_QWORD':
      return data.value.toString();
    default:
      return data.value;
  }
}
