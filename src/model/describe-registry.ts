/**
 * Registry actions as short human text ("REG_DWORD 4", "delete"), for messages and `gpforge diff`.
 * Text only: the registry semantics themselves stay in registry-plan.ts.
 */
import type { RegistryAction, RegistryData } from './registry-types.js';

/** "REG_DWORD 4", "REG_SZ \"strict\"", "REG_MULTI_SZ [\"a\", \"b\"]", "REG_BINARY 0a0b". */
export function describeData(data: RegistryData): string {
  switch (data.type) {
    case 'REG_NONE':
      return data.type;
    case 'REG_BINARY':
      return `${data.type} ${Buffer.from(data.value).toString('hex')}`;
    case 'REG_DWORD':
    case 'REG_QWORD':
      return `${data.type} ${data.value.toString()}`;
    case 'REG_MULTI_SZ':
      return `${data.type} [${data.value.map((s) => JSON.stringify(s)).join(', ')}]`;
    default:
      return `${data.type} ${JSON.stringify(data.value)}`;
  }
}

/** What an action does to its value (or key): the data it sets, or the kind of delete. */
export function describeEffect(action: RegistryAction): string {
  switch (action.kind) {
    case 'set':
      return `${action.soft === true ? 'soft ' : ''}${describeData(action.data)}`;
    case 'deleteValue':
      return 'delete';
    case 'deleteAllValues':
      return 'delete all values';
    case 'createKey':
      return 'create key';
    case 'deleteKeys':
      return `delete subkeys ${action.subkeys.map((k) => JSON.stringify(k)).join(', ')}`;
    case 'deleteValues':
      return `delete values ${action.valueNames.map((n) => JSON.stringify(n)).join(', ')}`;
    case 'secureKey':
      return action.secure ? 'secure key' : 'unsecure key';
    case 'record':
      return `record type ${action.type}, ${action.data.length} bytes ${Buffer.from(action.data).toString('hex')}`;
  }
}

/**
 * Identity of the registry slot an action touches, ignoring case as Windows does: a value for
 * set/delete, the key itself for the key-wide actions.
 */
export function slotOf(hive: string, action: RegistryAction): string {
  const key = `${hive}\\${action.key}`.toUpperCase();
  return 'valueName' in action ? `${key}\\\\${action.valueName.toUpperCase()}` : `${key}\\\\**${action.kind}`;
}
