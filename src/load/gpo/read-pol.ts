/**
 * Registry.pol → registry actions for `gpforge import` (FORMATS.md §a), exactly: every record
 * becomes the one action that writes the same bytes again (src/emit/pol.ts), so an imported
 * file rebuilds byte for byte. A record whose meaning would re-encode differently (a DWORD
 * delete marker, `**DelVals` without the dot, a REG_SZ without terminator, an unknown type or
 * directive) is kept as a verbatim `record` action instead of being normalised.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { encodeUtf16le } from '../../emit/utf16le.js';
import { polRecordFields, POL_DIRECTIVE, POL_LIST_SEPARATOR, REG_TYPE_CODE } from '../../emit/pol.js';
import type { RegistryAction } from '../../model/registry-types.js';
import { isRegLiteral } from '../../text/reg-literal.js';
import { decodeString, parsePolFile, recordToActions, type PolRecord } from '../pol-reader.js';

export interface PolImport {
  /** One action per record, in file order; empty when there is an error. */
  readonly actions: RegistryAction[];
  readonly diagnostics: Diagnostic[];
}

/** Parses `bytes` and maps each record to the action that re-encodes it exactly. */
export function readPolActions(bytes: Uint8Array, file: string): PolImport {
  const parsed = parsePolFile(bytes, file);
  return { actions: parsed.records.map(exactAction), diagnostics: parsed.diagnostics };
}

/**
 * The action for one value given as raw type and bytes (a .reg `hex(N):` line, LGPO data): the
 * typed one when it writes the very same PReg record, else a verbatim `record`.
 */
export function exactValueAction(key: string, valueName: string, type: number, data: Uint8Array): RegistryAction {
  return exactAction({ key, valueName, type, data, offset: 0 });
}

function exactAction(record: PolRecord): RegistryAction {
  const meaning = directiveAction(record) ?? singleAction(recordToActions(record));
  if (meaning !== undefined && namesWritable(meaning) && writesRecord(meaning, record)) return meaning;
  return { kind: 'record', key: record.key, valueName: record.valueName, type: record.type, data: record.data };
}

/**
 * Names every output can write (text/reg-literal.ts); a value named with a line break stays a
 * verbatim record, which the GPO validator accepts and .reg/LGPO text keep in a comment.
 */
function namesWritable(action: RegistryAction): boolean {
  const names = 'valueName' in action ? [action.valueName] : action.kind === 'deleteKeys' ? action.subkeys : action.kind === 'deleteValues' ? action.valueNames : [];
  return names.every(isRegLiteral);
}

/** True when the emitter writes `action` as exactly this record (FORMATS.md a.2). */
function writesRecord(action: RegistryAction, record: PolRecord): boolean {
  const fields = polRecordFields(action);
  if (fields.key !== record.key || fields.valueName !== record.valueName || fields.type !== record.type) return false;
  const { data } = fields;
  return sameBytes(typeof data === 'string' ? encodeUtf16le(data) : data, record.data);
}

/** `**DeleteKeys`, `**DeleteValues` (REG_SZ name lists) and `**SecureKey` (REG_DWORD 0/1), FORMATS.md a.4. */
function directiveAction(record: PolRecord): RegistryAction | undefined {
  const { key, valueName, type, data } = record;
  const names = () => decodeString(data).split(POL_LIST_SEPARATOR);
  if (valueName === POL_DIRECTIVE.deleteKeys && type === REG_TYPE_CODE.REG_SZ) return { kind: 'deleteKeys', key, subkeys: names() };
  if (valueName === POL_DIRECTIVE.deleteValues && type === REG_TYPE_CODE.REG_SZ) return { kind: 'deleteValues', key, valueNames: names() };
  if (valueName === POL_DIRECTIVE.secureKey && type === REG_TYPE_CODE.REG_DWORD && data.length === 4 && data[0]! <= 1) {
    return { kind: 'secureKey', key, secure: data[0] === 1 };
  }
  return undefined;
}

function singleAction(actions: RegistryAction[] | undefined): RegistryAction | undefined {
  return actions?.length === 1 ? actions[0] : undefined;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
