/**
 * The definitions YAML text written directly: keys, `- `, indentation and flow collections
 * placed as yaml's Document.toString places them (stringifyDocument, stringifyCollection,
 * stringifyPair), every scalar still escaped and quoted by the yaml package's own stringifyString
 * and stringifyNumber, with the styles of definitions-yaml-style.ts. Building, styling and printing
 * a Document was about a fifth of an import's time (issue 11).
 *
 * What this writer does not handle (an object met twice, which createNode writes as an alias; a
 * key over 1024 characters; an empty block collection; a comment with line breaks; anything that
 * is no View) goes through the Document, which stays the reference:
 * test/emit/definitions-yaml-style.test.ts compares the two on generated views.
 */
import { Document, type Scalar } from 'yaml';
import { stringifyNumber, stringifyString, type StringifyContext } from 'yaml/util';
import { BLOCK_MAPS, FLOW_MAX_CHARS, stringifyViewWithDocument, textStyle, TO_STRING_OPTIONS } from './definitions-yaml-style.js';
import type { View, ViewMap } from './definitions-yaml-view.js';

/** The YAML text of `view`, with `comment` (if any) as the first line. */
export function stringifyView(view: View, comment: string | undefined): string {
  return writeViewDirectly(view, comment) ?? stringifyViewWithDocument(view, comment);
}

/** The direct writer alone: undefined where it leaves `view` to the Document. */
export function writeViewDirectly(view: View, comment: string | undefined): string | undefined {
  try {
    return writeDocument(view, comment);
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
}

/** Something the direct writer leaves to the Document. */
class Unsupported extends Error {}

/** What yaml's stringify context holds that its scalar stringifiers read. */
interface Place {
  readonly indent: string;
  readonly inFlow: boolean | null;
}

const SCHEMA_DOC = new Document();
/** yaml's createStringifyContext defaults with TO_STRING_OPTIONS: the options part of every context. */
const OPTIONS = {
  blockQuote: true,
  commentString: (text: string) => text.replace(/^(?!$)(?: $)?/gm, '#'),
  defaultKeyType: null,
  defaultStringType: 'PLAIN',
  directives: null,
  doubleQuotedAsJSON: false,
  falseStr: 'false',
  flowCollectionPadding: true,
  indentSeq: true,
  nullStr: 'null',
  simpleKeys: false,
  singleQuote: null,
  trailingComma: false,
  trueStr: 'true',
  verifyAliasOrder: true,
  ...SCHEMA_DOC.schema.toStringOptions,
  ...TO_STRING_OPTIONS,
};
const INDENT_STEP = '  ';

/** BLOCK_MAPS as a tree the writer walks along (a key, or '*' for a sequence index); undefined off it. */
interface PathNode {
  block: boolean;
  readonly next: Map<string, PathNode>;
}
const BLOCK_TREE: PathNode = { block: false, next: new Map() };
for (const pattern of BLOCK_MAPS) {
  let node = BLOCK_TREE;
  for (const step of pattern) {
    const child = node.next.get(step) ?? { block: false, next: new Map() };
    node.next.set(step, child);
    node = child;
  }
  node.block = true;
}

function writeDocument(view: View, comment: string | undefined): string {
  if (!isViewMap(view)) throw new Unsupported();
  // yaml's commentString turns a lone space into '#' and prefixes every line: left to the Document.
  if (comment !== undefined && (comment === '' || /[\n\r\u2028\u2029]/.test(comment))) throw new Unsupported();
  const lines = mapLines(view, BLOCK_TREE, '', null, new Set());
  if (lines.length === 0) throw new Unsupported();
  if (comment !== undefined) lines.unshift(`# ${comment}`);
  return `${lines.join('\n')}\n`;
}

function isViewMap(value: View): value is ViewMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value at `place`: what yaml's stringify gives for the node createNode makes of it. */
function writeValue(value: View, at: PathNode | undefined, place: Place, seen: Set<object>, indentAtStart?: number): string {
  switch (typeof value) {
    case 'string':
      return writeString(value, place, false, indentAtStart);
    case 'number':
    case 'bigint':
      if (typeof value === 'number' && !Number.isInteger(value)) throw new Unsupported();
      return stringifyNumber({ value } as Scalar);
    case 'boolean':
      return value ? 'true' : 'false';
  }
  // createNode writes an object met twice as an anchor and an alias.
  if (typeof value !== 'object' || value === null || seen.has(value)) throw new Unsupported();
  seen.add(value);
  if (Array.isArray(value)) return writeSeq(value as readonly View[], at, place, seen);
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (prototype !== Object.prototype && prototype !== null) throw new Unsupported();
  const map = value as ViewMap;
  // Never the root here (writeDocument writes it), so path.length > 0 holds.
  const flow = place.inFlow ?? (at?.block !== true && fitsFlow(map));
  if (flow) return flowCollection(mapEntries(map).map(([key, item]) => flowPair(key, item, place, seen)), '{', '}');
  const lines = mapLines(map, at, place.indent, place.inFlow, seen);
  if (lines.length === 0) throw new Unsupported();
  return lines.join(`\n${place.indent}`);
}

function writeSeq(items: readonly View[], at: PathNode | undefined, place: Place, seen: Set<object>): string {
  const itemPath = at?.next.get('*');
  const flow = place.inFlow ?? (items.every((item) => typeof item !== 'object') && fitsFlow(items));
  const itemIndent = place.indent + INDENT_STEP;
  if (flow) return flowCollection(items.map((item) => writeValue(item, itemPath, { indent: itemIndent + INDENT_STEP, inFlow: true }, seen)), '[', ']');
  if (items.length === 0) throw new Unsupported();
  const itemPlace: Place = { indent: itemIndent, inFlow: place.inFlow };
  return items.map((item) => `- ${writeValue(item, itemPath, itemPlace, seen)}`).join(`\n${place.indent}`);
}

/** The pairs of a block map whose items sit at `indent` (stringifyBlockCollection + stringifyPair). */
function mapLines(map: ViewMap, at: PathNode | undefined, indent: string, inFlow: boolean | null, seen: Set<object>): string[] {
  const valuePlace: Place = { indent: indent + INDENT_STEP, inFlow };
  return mapEntries(map).map(([key, value]) => {
    const keyText = writeKey(key, valuePlace);
    const valuePath = at?.next.get(key);
    if (typeof value !== 'object') {
      const text = writeValue(value, valuePath, valuePlace, seen, keyText.length + 2);
      return `${keyText}:${text === '' || text[0] === '\n' ? '' : ' '}${text}`;
    }
    const text = writeValue(value, valuePath, valuePlace, seen);
    // A block collection never starts with '{' or '[' (a key starting so is quoted), nor is it empty.
    const flow = text[0] === '{' || text[0] === '[';
    return `${keyText}:${text.includes('\n') || !flow ? `\n${valuePlace.indent}` : ' '}${text}`;
  });
}

/** One `key: value` of a flow map whose items sit at `place.indent` + a step. */
function flowPair(key: string, value: View, place: Place, seen: Set<object>): string {
  const pairPlace: Place = { indent: place.indent + INDENT_STEP + INDENT_STEP, inFlow: true };
  const keyText = writeKey(key, pairPlace);
  // In flow, every collection below is flow: the block-map paths no longer matter.
  const text = writeValue(value, undefined, pairPlace, seen, keyText.length + 2);
  return `${keyText}:${text === '' || text[0] === '\n' ? '' : ' '}${text}`;
}

/** isShortAndSingleLine(value), without writing the JSON of long values. */
function fitsFlow(value: View): boolean {
  return jsonLength(value, FLOW_MAX_CHARS) <= FLOW_MAX_CHARS;
}

/**
 * JSON.stringify(value).length (bigints as numbers), exact while at most `budget`, else some
 * length over it; Infinity when a value (not a key) holds a line break.
 */
function jsonLength(value: unknown, budget: number): number {
  switch (typeof value) {
    case 'string':
      if (value.includes('\n') || value.includes('\r')) return Infinity;
      return value.length + 2 > budget ? value.length + 2 : JSON.stringify(value).length;
    case 'number':
      return JSON.stringify(value).length;
    case 'bigint':
      return JSON.stringify(Number(value)).length;
    case 'boolean':
      return value ? 4 : 5;
    case 'object':
      break;
    default:
      return 4; // undefined in an array: null
  }
  if (value === null) return 4;
  let length = 1;
  if (Array.isArray(value)) {
    for (const item of value as unknown[]) {
      length += (length > 1 ? 1 : 0) + jsonLength(item, budget - length);
      if (length > budget) return length;
    }
    return length + 1;
  }
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
    length += (length > 1 ? 1 : 0) + JSON.stringify(key).length + 1 + jsonLength(item, budget - length);
    if (length > budget) return length;
  }
  return length + 1;
}

function flowCollection(items: readonly string[], start: string, end: string): string {
  if (items.length === 0) return start + end;
  if (items.some((item) => item.includes('\n'))) throw new Unsupported();
  return `${start} ${items.join(', ')} ${end}`;
}

/** The entries createNode keeps: undefined values are left out. */
function mapEntries(map: ViewMap): [string, View][] {
  const entries: [string, View][] = [];
  for (const key of Object.keys(map)) {
    const value = map[key];
    if (value === undefined) continue;
    if (value === null || typeof value === 'function' || typeof value === 'symbol') throw new Unsupported();
    entries.push([key, value]);
  }
  return entries;
}

function writeKey(key: string, place: Place): string {
  const text = writeString(key, place, true);
  if (text.length > 1024) throw new Unsupported();
  return text;
}

function writeString(value: string, place: Place, implicitKey: boolean, indentAtStart?: number): string {
  const cache = cacheable(value) ? SHORT_STRINGS[implicitKey ? 1 : 0][place.inFlow ? 1 : 0] : undefined;
  const cached = cache?.get(value);
  if (cached !== undefined) return cached;
  const type = !implicitKey && value.includes('\n') ? textStyle(value) : undefined;
  const ctx = { doc: SCHEMA_DOC, indent: place.indent, indentStep: INDENT_STEP, inFlow: place.inFlow, implicitKey, indentAtStart, forceBlockIndent: false, actualString: true, options: OPTIONS };
  const text = stringifyString({ value, type }, ctx as unknown as StringifyContext);
  if (cache !== undefined && cache.size < CACHE_MAX) cache.set(value, text);
  return text;
}

/**
 * yaml's text of a short one-line string, by [implicitKey][inFlow]: keys, locale names, classes and
 * registry keys repeat thousands of times in an import.
 */
const SHORT_STRINGS = [
  [new Map<string, string>(), new Map<string, string>()],
  [new Map<string, string>(), new Map<string, string>()],
] as const;
const CACHE_MAX = 100_000;

/**
 * Without line breaks (which yaml's `^`-anchored checks and its line folding see) and not starting
 * like a document marker, a string's text depends on nothing but implicitKey and inFlow (no folding:
 * lineWidth 0); the indentation matters only for the rest.
 */
function cacheable(value: string): boolean {
  return value.length <= 256 && !/[\n\r\u2028\u2029]|^(?:%|---|\.\.\.)/.test(value);
}
