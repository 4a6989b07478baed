/**
 * .reg emitter, Registry Editor 5.00 (FORMATS.md §b, §f).
 *
 * Encoding: UTF-16LE with BOM FF FE; lines end with CRLF; first line
 * `Windows Registry Editor Version 5.00`, then a blank line, then `;` comment lines (title,
 * notes); a blank line before every `[key]` line; the file ends with a blank line (b.1).
 * Escaping: inside `"..."` (value names and REG_SZ data) `\` → `\\` and `"` → `\"`; nothing
 * else is escaped (b.3). Key names are never escaped: they run to the last `]` (b.2).
 *
 * Text that cannot be written literally: C0 controls except TAB (so CR, LF, NUL), DEL and
 * unpaired surrogates. REG_SZ data holding one is written as `hex(1):` (b.5); a key or value
 * name holding one cannot be written at all and makes the emitter throw. So do a key with an
 * empty segment, a leading or trailing `\`, or a trailing `]` (Wine reads to the last `]`, Windows
 * is unverified). These throws mean validation let bad input through: a bug in gpforge.
 *
 * What .reg cannot say (b.5):
 * - `soft` (PReg `**soft.`, "only if absent"): the value is written anyway, preceded by a `;`
 *   line saying so.
 * - deleteAllValues (PReg `**delvals.`): no equivalent. `[-key]` would also delete subkeys, so it
 *   is never written; the key is opened (which creates it if missing) and gets a `;` line
 *   saying no value is deleted and that the values set right after in this file replace theirs.
 * - createKey: the `[key]` line (opening a key creates it) and a `;` line saying so, so that a
 *   reader can tell it from a key merely opened to set values.
 * - deleteKeys (PReg `**DeleteKeys`): one `[-key\subkey]` block per subkey (deletes the subtree).
 * - deleteValues (PReg `**DeleteValues`): one `"Name"=-` per name, after a `;` line counting them.
 * - secureKey (PReg `**SecureKey`): permissions cannot be set in .reg; a `;` line says so.
 * - record (a PReg record kept verbatim): `hex(N):` with its type number, unless its name is a
 *   PReg directive (`**...`) or not literal: then a `;` line holds it as ASCII JSON.
 * - deleteKeys of several subkeys: a `;` line in the first `[-...]` block counts them.
 * The `;` lines above are exact texts (REG_NOTE) that src/load/gpo/read-reg.ts reads back.
 */
import type { Hive, RegistryAction, RegistryData, RegistryPlan } from '../model/registry-types.js';
import type { Templates } from './templates.js';
import { encodeUtf16le } from './utf16le.js';
import { isRegLiteral } from '../text/reg-literal.js';

export { isRegLiteral };

const CRLF = '\r\n';
const HIVE_NAMES: Readonly<Record<Hive, string>> = { HKLM: 'HKEY_LOCAL_MACHINE', HKCU: 'HKEY_CURRENT_USER' };
/** b.4: after a `xx,`, a line this long or longer is continued. */
const WRAP_AT = 77;
const CONTINUATION_INDENT = '  ';

/** The `;` lines that stand for what .reg cannot say; read back by src/load/gpo/read-reg.ts. */
export const REG_NOTE = {
  soft: '; The next value is "soft" in the PReg (set only if absent); .reg has no "only if absent": it is always written.',
  deleteAllValues:
    '; The PReg deletes all values of this key here (**delvals.). A .reg cannot do that without deleting the ' +
    'subkeys too, so no value is deleted: the values set right after in this file replace theirs, others stay.',
  createKey: '; The PReg creates this key here (a key-only record).',
  deleteValues: (count: number) => `; The PReg deletes the next ${count} values in one record (**DeleteValues).`,
  secureKey: (secure: boolean) =>
    `; The PReg sets this key's permissions here (**SecureKey = ${secure ? 1 : 0}); a .reg cannot change permissions.`,
  deleteKeys: (count: number) => `; The PReg deletes the next ${count} subkeys in one record (**DeleteKeys).`,
  record: (name: string, type: number, data: Uint8Array) =>
    `; The PReg has a record here that a .reg cannot hold: ${asciiJson({ name, type, data: Buffer.from(data).toString('hex') })}`,
} as const;

/** JSON whose text is plain ASCII (so a `;` line holds it literally), for notes a reader parses back. */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Escapes a value name or REG_SZ for `"..."` (FORMATS.md b.3). */
export function escapeRegString(text: string): string {
  if (!text.includes('\\') && !text.includes('"')) return text;
  return text.replace(/[\\"]/g, (ch) => `\\${ch}`);
}


/** What the `;` lines after the header say (FORMATS.md b.3 comments): the title, e.g. the GPO name, and notes. */
export interface RegFileHeader {
  readonly title: string;
  /** Rendered as `;` lines after the title, e.g. the caveats of an undo file. */
  readonly notes?: readonly string[];
}

/**
 * What templates/reg.hbs lays out: comment lines, then one block per run of actions on a key.
 * A block's `text` is its lines, each ending in LF: one string rather than a list, since a
 * nested list per block made rendering a 35,000-action file several times slower.
 */
export interface RegView {
  readonly comments: readonly string[];
  readonly blocks: readonly { readonly keyLine: string; readonly text: string }[];
}

/**
 * Renders registry plans (one per hive; a file may hold both) as a Registry Editor 5.00 file
 * (FORMATS.md §b), actions in the given order; consecutive actions on the same key share one
 * `[key]` block. Lines are decided here; templates/reg.hbs only places them.
 */
export function emitRegFile(plans: RegistryPlan | readonly RegistryPlan[], header: RegFileHeader, templates: Templates): Uint8Array {
  const blocks: { keyLine: string; text: string }[] = [];
  const list: readonly RegistryPlan[] = Array.isArray(plans) ? plans : [plans as RegistryPlan];
  for (const plan of list) {
    let current: { keyLine: string; text: string } | undefined;
    // The key of `current`: consecutive actions on one key (the usual case) share its checked key line.
    let currentKey: string | undefined;
    for (const action of plan.actions) {
      if (action.kind === 'deleteKeys') {
        const path = `${HIVE_NAMES[plan.hive]}\\${checkKey(action.key)}`;
        const note = action.subkeys.length > 1 ? `${REG_NOTE.deleteKeys(action.subkeys.length)}\n` : '';
        blocks.push(...action.subkeys.map((subkey, i) => ({ keyLine: `[-${path}\\${checkKey(subkey)}]`, text: i === 0 ? note : '' })));
        current = currentKey = undefined;
        continue;
      }
      if (current === undefined || action.key !== currentKey) {
        blocks.push((current = { keyLine: `[${HIVE_NAMES[plan.hive]}\\${checkKey(action.key)}]`, text: '' }));
        currentKey = action.key;
      }
      current.text += actionText(action);
    }
  }
  const comments = [header.title, ...(header.notes ?? [])].map(commentLine);
  const text = templates.reg({ comments, blocks }).replace(/\r?\n/g, CRLF);
  return encodeUtf16le(text, { bom: true });
}

/** A `;` line that cannot break out: every character that is not literal becomes a space. */
function commentLine(text: string): string {
  const safe = Array.from(text, (ch) => (isRegLiteral(ch) ? ch : ' ')).join('');
  return `; ${safe}`;
}

function checkKey(key: string): string {
  const problem = !isRegLiteral(key)
    ? 'a control character (CR, LF, NUL, ...) or an unpaired surrogate'
    : key === '' || key.startsWith('\\') || key.endsWith('\\') || key.includes('\\\\')
      ? 'an empty segment (or a leading/trailing backslash)'
      : key.endsWith(']')
        ? 'a trailing "]"'
        : undefined;
  if (problem) throw new Error(`.reg emitter: key ${JSON.stringify(key)} contains ${problem}; it cannot be written to a .reg file`);
  return key;
}

/** The lines of `action`, each ending in LF (a set, by far the most common, without an array of its own). */
function actionText(action: RegistryAction): string {
  if (action.kind === 'set' && action.soft !== true) return `${valueLine(action.valueName, action.data)}\n`;
  let text = '';
  for (const line of actionLines(action)) text += `${line}\n`;
  return text;
}

function actionLines(action: RegistryAction): string[] {
  switch (action.kind) {
    case 'set':
      return action.soft
        ? [REG_NOTE.soft, valueLine(action.valueName, action.data)]
        : [valueLine(action.valueName, action.data)];
    case 'deleteValue':
      return [`${formatName(action.valueName)}=-`];
    case 'deleteAllValues':
      return [REG_NOTE.deleteAllValues];
    case 'createKey':
      return [REG_NOTE.createKey];
    case 'deleteValues':
      return [REG_NOTE.deleteValues(action.valueNames.length), ...action.valueNames.map((name) => `${formatName(name)}=-`)];
    case 'secureKey':
      return [REG_NOTE.secureKey(action.secure)];
    case 'record':
      return action.valueName.startsWith('**') || !isRegLiteral(action.valueName)
        ? [REG_NOTE.record(action.valueName, action.type, action.data)]
        : [hexLine(`${formatName(action.valueName)}=hex(${action.type.toString(16)}):`, action.data)];
    case 'deleteKeys':
      throw new Error('gpforge bug: deleteKeys is rendered as its own blocks');
    default:
      return assertNever(action);
  }
}

/** `@` for the default value, else the escaped, quoted name (b.3). */
function formatName(name: string): string {
  if (!isRegLiteral(name)) {
    throw new Error(`.reg emitter: value name ${JSON.stringify(name)} contains a control character or an unpaired surrogate`);
  }
  return name === '' ? '@' : `"${escapeRegString(name)}"`;
}

function valueLine(valueName: string, data: RegistryData): string {
  const name = `${formatName(valueName)}=`;
  switch (data.type) {
    case 'REG_SZ':
      return isRegLiteral(data.value)
        ? `${name}"${escapeRegString(data.value)}"`
        : hexLine(`${name}hex(1):`, utf16z(data.value));
    case 'REG_EXPAND_SZ':
      return hexLine(`${name}hex(2):`, utf16z(data.value));
    case 'REG_MULTI_SZ':
      return hexLine(`${name}hex(7):`, multiSz(data.value, valueName));
    case 'REG_DWORD':
      return `${name}dword:${dword(data.value, valueName)}`;
    case 'REG_QWORD':
      return hexLine(`${name}hex(b):`, qwordBytes(data.value, valueName));
    case 'REG_BINARY':
      return hexLine(`${name}hex:`, data.value);
    case 'REG_NONE':
      return hexLine(`${name}hex(0):`, new Uint8Array(0));
    default:
      return assertNever(data);
  }
}

/**
 * A hex list wrapped exactly like regedit export (FORMATS.md b.4): after each `xx,`, a line of
 * 77 or more UTF-16 code units is ended with `\` and continued on a line indented by two spaces.
 */
function hexLine(prefix: string, bytes: Uint8Array): string {
  let text = prefix;
  let lineLength = prefix.length;
  bytes.forEach((byte, index) => {
    text += byte.toString(16).padStart(2, '0');
    if (index === bytes.length - 1) return;
    text += ',';
    lineLength += 3;
    if (lineLength >= WRAP_AT) {
      text += `\\\n${CONTINUATION_INDENT}`;
      lineLength = CONTINUATION_INDENT.length;
    }
  });
  return text;
}

function dword(value: number, valueName: string): string {
  if (!Number.isInteger(value) || value < 0 || value > 0xffffffff) {
    throw new Error(`.reg emitter: REG_DWORD ${JSON.stringify(valueName)} = ${value} is not an integer in 0..4294967295`);
  }
  return value.toString(16).padStart(8, '0');
}

function qwordBytes(value: bigint, valueName: string): Uint8Array {
  if (value < 0n || value > 0xffffffffffffffffn) {
    throw new Error(`.reg emitter: REG_QWORD ${JSON.stringify(valueName)} = ${value} is not in 0..2^64-1`);
  }
  const bytes = new Uint8Array(8);
  new DataView(bytes.buffer).setBigUint64(0, value, true);
  return bytes;
}

/** REG_MULTI_SZ bytes: each string + NUL, then a final NUL; an empty list is one NUL (b.3). */
function multiSz(strings: readonly string[], valueName: string): Uint8Array {
  if (strings.some((s) => s === '' || s.includes('\0'))) {
    throw new Error(`.reg emitter: REG_MULTI_SZ ${JSON.stringify(valueName)} holds an empty string or a NUL, which ends the list early`);
  }
  return encodeUtf16le(strings.length === 0 ? '\0' : `${strings.join('\0')}\0\0`);
}

/** A string as UTF-16LE bytes including the NUL terminator (hex(1), hex(2)). */
function utf16z(text: string): Uint8Array {
  return encodeUtf16le(`${text}\0`);
}

function assertNever(value: never): never {
  throw new Error(`.reg emitter: unexpected ${JSON.stringify(value)}`);
}
