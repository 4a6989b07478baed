/**
 * Semantic comparison of two DefinitionsFiles, for round trips (model → definitions YAML → model,
 * ADMX → model → YAML → model). Differences come back as readable lines naming the place, e.g.
 * `policy AutoUpdateCfg: element AUOptions: maxValue 5 ≠ 7`; an empty list means equal.
 *
 * Compared: every field of the model, generically (so a field added to the model is compared
 * without touching this file). Lists of named things (products, versions, supportedOn,
 * categories, policies, elements) are matched by id, in any order; `using` and `supersededAdm`
 * are sets; every other list (enum items, presentation controls, value list items, conditions,
 * suggestions, locales) is compared in order. Ignored: ADML string ids, sourcePath, revision, and
 * the file's displayName and description.
 */
import type { DefinitionsFile } from '../../src/model/types.js';

/** Fields ignored wherever they occur. */
const IGNORED_FIELDS = new Set(['stringId', 'nameStringId', 'explainStringId', 'textStringId']);
/** Fields of the file itself that are ignored. */
const IGNORED_FILE_FIELDS = new Set(['sourcePath', 'revision', 'displayName', 'description']);

/** Lists matched by id, and what one entry is called in messages. */
const KEYED_LISTS: Readonly<Record<string, string>> = {
  products: 'product',
  majorVersions: 'version',
  minorVersions: 'minor version',
  supportedOn: 'supportedOn',
  categories: 'category',
  policies: 'policy',
  elements: 'element',
};

type Fields = Readonly<Record<string, unknown>>;

/** Every semantic difference between `expected` and `actual`; empty when they are equivalent. */
export function compareDefinitions(expected: DefinitionsFile, actual: DefinitionsFile): string[] {
  const out: string[] = [];
  const a = expected as unknown as Fields;
  const b = actual as unknown as Fields;
  for (const field of unionKeys(a, b)) {
    if (IGNORED_FILE_FIELDS.has(field)) continue;
    if (field === 'using') compareSets(out, 'using', usingSet(expected), usingSet(actual));
    else if (field === 'supersededAdm') compareSets(out, field, expected.supersededAdm, actual.supersededAdm);
    else compareValue(out, '', field, a[field], b[field]);
  }
  return out;
}

/** `where: text`, or just `text` at the top of the file. */
function at(where: string, text: string): string {
  return where === '' ? text : `${where}: ${text}`;
}

function usingSet(file: DefinitionsFile): string[] {
  return file.using.map((u) => `${u.prefix}=${u.namespace}`);
}

function compareSets(out: string[], field: string, expected: readonly string[], actual: readonly string[]): void {
  const missing = expected.filter((x) => !actual.includes(x));
  const extra = actual.filter((x) => !expected.includes(x));
  if (missing.length > 0) out.push(`${field}: missing ${missing.map((x) => JSON.stringify(x)).join(', ')}`);
  if (extra.length > 0) out.push(`${field}: unexpected ${extra.map((x) => JSON.stringify(x)).join(', ')}`);
}

/** `where` names the thing (e.g. `policy X: element Y`), `field` the path inside it (e.g. `items[1].name.de-DE`). */
function compareValue(out: string[], where: string, field: string, a: unknown, b: unknown): void {
  if (Array.isArray(a) && Array.isArray(b)) {
    const last = field.split('.').at(-1) ?? field;
    if (Object.hasOwn(KEYED_LISTS, last)) compareKeyed(out, where, KEYED_LISTS[last] ?? last, a, b);
    else comparePositional(out, where, field, a, b);
  } else if (isRecord(a) && isRecord(b)) {
    for (const key of unionKeys(a, b)) {
      if (!IGNORED_FIELDS.has(key)) compareValue(out, where, field === '' ? key : `${field}.${key}`, a[key], b[key]);
    }
  } else if (a !== b) {
    out.push(at(where, `${field} ${show(a, b)} ≠ ${show(b, a)}`));
  }
}

function compareKeyed(out: string[], where: string, label: string, a: readonly unknown[], b: readonly unknown[]): void {
  const byId = (list: readonly unknown[], side: string) => {
    const map = new Map<string, unknown>();
    for (const item of list) {
      const id = isRecord(item) ? String(item.id) : JSON.stringify(item);
      if (map.has(id)) out.push(at(where, `${label} ${id} appears twice in the ${side} model`));
      map.set(id, item);
    }
    return map;
  };
  const left = byId(a, 'expected');
  const right = byId(b, 'actual');
  for (const [id, item] of left) {
    const other = right.get(id);
    if (other === undefined) out.push(at(where, `${label} ${id} missing`));
    else compareValue(out, at(where, `${label} ${id}`), '', item, other);
  }
  for (const id of right.keys()) if (!left.has(id)) out.push(at(where, `${label} ${id} unexpected`));
}

function comparePositional(out: string[], where: string, field: string, a: readonly unknown[], b: readonly unknown[]): void {
  if (a.length !== b.length) out.push(at(where, `${field} has ${b.length} entries, expected ${a.length}`));
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const [x, y] = [a[i], b[i]];
    if (isRecord(x) && isRecord(y)) compareValue(out, at(where, `${field}[${i}]${describe(x)}`), '', x, y);
    else compareValue(out, where, `${field}[${i}]`, x, y);
  }
}

/** ` (checkBox Count)`, ` (High)`: what a positional entry is, to make messages findable. */
function describe(entry: Fields): string {
  const name = [entry.kind, entry.refId ?? entry.id].filter((x) => typeof x === 'string');
  return name.length > 0 ? ` (${name.join(' ')})` : '';
}

function unionKeys(a: Fields, b: Fields): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => a[k] !== undefined || b[k] !== undefined);
}

function isRecord(x: unknown): x is Fields {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** A value for a message; the type is added when two values only differ in type (5n vs 5). */
function show(x: unknown, other: unknown): string {
  if (x === undefined) return '(absent)';
  const text = typeof x === 'string' ? JSON.stringify(x) : typeof x === 'object' ? JSON.stringify(x, bigintReplacer) : String(x);
  const otherText = typeof other === 'string' ? JSON.stringify(other) : String(other);
  return text === otherText && typeof x !== typeof other ? `${text} (${typeof x})` : text;
}

function bigintReplacer(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? `${value}n` : value;
}
