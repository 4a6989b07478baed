/**
 * LGPO text emitter (FORMATS.md e.9): what `LGPO.exe /parse` prints and `LGPO.exe /t` applies,
 * so reviewers can read a Registry.pol and non-domain machines can apply it.
 *
 * Encoding: UTF-16LE with BOM FF FE, CRLF (FORMATS.md f). Layout: `;` comment lines, then one
 * entry per registry action, each of four lines (configuration `Computer`/`User`, key, value
 * name, action) after a blank line. Value name `(Default)` is the default value; `*` is the dummy
 * name of CREATEKEY and DELETEALLVALUES; DELETEKEYS names its subkeys `;`-separated.
 * Escaping inside SZ/EXSZ/MULTISZ data: CR → `\r`, LF → `\n`, MULTISZ strings joined by `\0`,
 * and a backslash is doubled only where it would otherwise start one of those escapes
 * (`\\`, `\r`, `\n`, `\0`), so paths like `C:\Windows` stay as they are. LGPO's own treatment
 * of backslashes is UNVERIFIED; src/load/gpo/read-lgpo.ts reads exactly this.
 *
 * What LGPO text has no action for is written the way LGPO would print the raw record (value
 * name with its `**` directive, UNVERIFIED): `**soft.<name>` with the value's action,
 * `**DeleteValues` as SZ, `**SecureKey` as DWORD. REG_NONE values, verbatim records and names
 * holding a line break have no LGPO form at all: a `;` line (LGPO_RECORD_NOTE) holds each record
 * as ASCII JSON, which LGPO ignores and src/load/gpo/read-lgpo.ts reads back.
 */
import type { Hive, RegistryAction, RegistryData, RegistryPlan } from '../model/registry-types.js';
import { polRecordFields, POL_DIRECTIVE, POL_LIST_SEPARATOR } from './pol.js';
import { asciiJson } from './reg.js';
import type { Templates } from './templates.js';
import { encodeUtf16le } from './utf16le.js';

/** LGPO's configuration line per hive (FORMATS.md e.9). */
export const LGPO_CONFIGURATION: Readonly<Record<Hive, string>> = { HKLM: 'Computer', HKCU: 'User' };
export const LGPO_DEFAULT_NAME = '(Default)';
export const LGPO_DUMMY_NAME = '*';

/**
 * What templates/lgpo.hbs lays out: comment lines, then entries of four (or one `;`) lines,
 * each entry's lines already joined by LF in `text` (a file has one entry per registry action,
 * and a nested list per entry made rendering several times slower). An object, not the bare
 * string: an override written for the old `lines` list then fails loudly (strict templates)
 * instead of writing a file without entries.
 */
export interface LgpoView {
  readonly comments: readonly string[];
  readonly entries: readonly { readonly text: string }[];
}

/**
 * Escapes SZ data (see the module comment). `inList`: a MULTISZ string, where a trailing
 * backslash would run into the `\0` separator.
 */
export function escapeLgpoText(text: string, inList = false): string {
  // Nearly every value holds no backslash and no line break: nothing to escape.
  if (!text.includes('\\') && !hasLineBreak(text)) return text;
  const doubled = text.replace(inList ? /\\(?=[\\rn0\r\n]|$)/g : /\\(?=[\\rn0\r\n])/g, '\\\\');
  return doubled.replace(/\r/g, '\\r').replace(/\n/g, '\\n');
}

/** Renders the plans (one per hive) as LGPO text, actions in the given order. */
export function emitLgpoText(plans: readonly RegistryPlan[], title: string, templates: Templates): Uint8Array {
  const entries: { text: string }[] = [];
  for (const plan of plans) for (const action of plan.actions) entries.push({ text: entryText(plan.hive, action) });
  const comments = [`; ${oneLine(title)}`, '; LGPO text (LGPO.exe /t lgpo.txt applies it); written by gpforge from the same plan as Registry.pol.'];
  const text = templates.lgpo({ comments, entries }).replace(/\r?\n/g, '\r\n');
  return encodeUtf16le(text, { bom: true });
}

/** `; gpforge record: {...}`: a record LGPO text cannot hold, as ASCII JSON that gpforge reads back. */
export const LGPO_RECORD_NOTE = '; gpforge record (no LGPO text form): ';

/** An entry's lines joined by LF: four lines, or one `;` line when LGPO text has no form for it. */
function entryText(hive: Hive, action: RegistryAction): string {
  const body = entryBody(action);
  if (body === undefined || hasLineBreak(action.key) || hasLineBreak(body[0]) || hasLineBreak(body[1])) {
    const { key, valueName, type, data } = polRecordFields(action);
    const bytes = typeof data === 'string' ? encodeUtf16le(data) : data;
    return `${LGPO_RECORD_NOTE}${asciiJson({ configuration: LGPO_CONFIGURATION[hive], key, name: valueName, type, data: Buffer.from(bytes).toString('hex') })}`;
  }
  return `${LGPO_CONFIGURATION[hive]}\n${action.key}\n${body[0]}\n${body[1]}`;
}

function hasLineBreak(text: string): boolean {
  return text.includes('\n') || text.includes('\r');
}

/** [value name, action], or undefined when LGPO text has no form for it. */
function entryBody(action: RegistryAction): [string, string] | undefined {
  switch (action.kind) {
    case 'set': {
      const data = dataAction(action.data);
      const name = action.soft === true ? POL_DIRECTIVE.soft + action.valueName : nameLine(action.valueName);
      return data === undefined ? undefined : [name, data];
    }
    case 'deleteValue':
      return [nameLine(action.valueName), 'DELETE'];
    case 'deleteAllValues':
      return [LGPO_DUMMY_NAME, 'DELETEALLVALUES'];
    case 'createKey':
      return [LGPO_DUMMY_NAME, 'CREATEKEY'];
    case 'deleteKeys':
      return [action.subkeys.join(POL_LIST_SEPARATOR), 'DELETEKEYS'];
    case 'deleteValues':
      return [POL_DIRECTIVE.deleteValues, `SZ:${escapeLgpoText(action.valueNames.join(POL_LIST_SEPARATOR))}`];
    case 'secureKey':
      return [POL_DIRECTIVE.secureKey, `DWORD:${action.secure ? 1 : 0}`];
    case 'record':
      return undefined;
    default:
      return assertNever(action);
  }
}

function nameLine(valueName: string): string {
  return valueName === '' ? LGPO_DEFAULT_NAME : valueName;
}

function dataAction(data: RegistryData): string | undefined {
  switch (data.type) {
    case 'REG_SZ':
      return `SZ:${escapeLgpoText(data.value)}`;
    case 'REG_EXPAND_SZ':
      return `EXSZ:${escapeLgpoText(data.value)}`;
    case 'REG_MULTI_SZ':
      return `MULTISZ:${data.value.map((item) => escapeLgpoText(item, true)).join('\\0')}`;
    case 'REG_DWORD':
      return `DWORD:${data.value}`;
    case 'REG_QWORD':
      return `QWORD:${data.value.toString()}`;
    case 'REG_BINARY':
      return `BINARY:${Array.from(data.value, (b) => b.toString(16).padStart(2, '0')).join(',')}`;
    case 'REG_NONE':
      return undefined;
    default:
      return assertNever(data);
  }
}

function oneLine(text: string): string {
  return text.replace(/[\r\n]/g, ' ');
}

function assertNever(value: never): never {
  throw new Error(`LGPO emitter: unexpected ${JSON.stringify(value)}`);
}
