/**
 * How the definitions YAML writer lays text out. The yaml package escapes and quotes every
 * scalar (its stringifyString and stringifyNumber); this file only picks scalar and collection
 * styles and places keys, `- ` and indentation as yaml's Document.toString does.
 *
 * Texts: a single-line string is left to the yaml package (plain when that reads back as the
 * same string, else quoted). A multi-line string is a literal block scalar (`|`, `|-`, `|+`,
 * with an indentation indicator when the first line starts with a space), except when it holds
 * a CR (a YAML parser turns CR and CRLF in a block into LF) or a line ending in a space or tab
 * (editors strip trailing blanks on save): those are double-quoted, with `\r`, `\n`, `\t` escapes.
 * Collections: flow style (`{ a: 1 }`, `[ a, b ]`) when short and free of multi-line text.
 *
 * The layout is written here directly, not through a yaml Document (building, styling and
 * printing a Document was about a fifth of an import's time, issue 11). What this writer does
 * not handle (a key over 1024 characters, a comment with line breaks, values that are no View)
 * goes through the Document (stringifyViewWithDocument), which stays the reference:
 * test/emit/definitions-yaml-style.test.ts compares the two on generated views.
 */
import { Document, isMap, isPair, isScalar, isSeq, Scalar, type Node } from 'yaml';
import { stringifyNumber, stringifyString, type StringifyContext } from 'yaml/util';
import type { View, ViewMap } from './definitions-yaml-view.js';

/** A flow collection is used only when its JSON form is at most this long. */
const FLOW_MAX_CHARS = 100;

/** Paths (keys and `*` for any sequence index) whose maps stay in block style however short. */
const BLOCK_MAPS = [['policies', '*'], ['policies', '*', 'elements', '*'], ['products', '*']];

const TRAILING_BLANK = /[ \t](\n|$)/;

/** Document.toString options: no folding, double quotes never broken over lines. */
const TO_STRING_OPTIONS = { lineWidth: 0, minContentWidth: 0, doubleQuotedMinMultiLineLength: Number.MAX_SAFE_INTEGER };

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

/** The same through the yaml package's Document: the reference the direct writer is held to. */
export function stringifyViewWithDocument(view: View, comment: string | undefined): string {
  const doc = new Document();
  const root = doc.createNode(view);
  styleNode(root, []);
  doc.contents = root;
  const first = isMap(root) ? root.items[0] : undefined;
  if (comment !== undefined && isPair(first) && isScalar(first.key)) first.key.commentBefore = ` ${comment}`;
  return doc.toString(TO_STRING_OPTIONS);
}

function styleNode(node: unknown, path: readonly string[]): void {
  if (isScalar(node)) {
    if (typeof node.value === 'string' && node.value.includes('\n')) node.type = textStyle(node.value);
  } else if (isMap(node)) {
    node.flow = path.length > 0 && !isBlockMap(path) && isShortAndSingleLine(node.toJSON());
    for (const pair of node.items) styleNode(pair.value, [...path, isScalar(pair.key) ? String(pair.key.value) : '?']);
  } else if (isSeq(node)) {
    node.flow = node.items.every(isScalar) && isShortAndSingleLine(node.toJSON());
    for (const item of node.items) styleNode(item, [...path, '*']);
  }
}

function textStyle(text: string): Scalar.Type {
  return text.includes('\r') || TRAILING_BLANK.test(text) ? Scalar.QUOTE_DOUBLE : Scalar.BLOCK_LITERAL;
}

function isBlockMap(path: readonly string[]): boolean {
  return BLOCK_MAPS.some((pattern) => pattern.length === path.length && pattern.every((p, i) => p === path[i]));
}

/** `data` as the yaml package's toJSON gives it (integers beyond 2^53 as numbers). */
function isShortAndSingleLine(data: unknown): boolean {
  return JSON.stringify(data, (_k, v: unknown) => (typeof v === 'bigint' ? Number(v) : v)).length <= FLOW_MAX_CHARS && !hasLineBreak(data);
}

function hasLineBreak(data: unknown): boolean {
  if (typeof data === 'string') return /[\r\n]/.test(data);
  return typeof data === 'object' && data !== null && Object.values(data).some(hasLineBreak);
}

// ---- The direct writer: yaml's stringifyDocument, stringifyCollection and stringifyPair, for Views only.

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

function writeDocument(view: View, comment: string | undefined): string {
  if (!isViewMap(view)) throw new Unsupported();
  // yaml's commentString turns a lone space into '#' and prefixes every line: left to the Document.
  if (comment !== undefined && (comment === '' || /[\n\r\u2028\u2029]/.test(comment))) throw new Unsupported();
  const lines = mapLines(view, [], '', null, new Set());
  if (lines.length === 0) throw new Unsupported();
  if (comment !== undefined) lines.unshift(`# ${comment}`);
  return `${lines.join('\n')}\n`;
}

function isViewMap(value: View): value is ViewMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value at `place`: what yaml's stringify gives for the node createNode makes of it. */
function writeValue(value: View, path: readonly string[], place: Place, seen: Set<object>, indentAtStart?: number): string {
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
  if (value === null || seen.has(value)) throw new Unsupported();
  seen.add(value);
  if (Array.isArray(value)) return writeSeq(value as readonly View[], path, place, seen);
  if (!isViewMap(value)) throw new Unsupported();
  const flow = place.inFlow ?? (path.length > 0 && !isBlockMap(path) && isShortAndSingleLine(value));
  if (flow) return flowCollection(mapEntries(value).map(([key, item]) => flowPair(key, item, path, place, seen)), '{', '}');
  const lines = mapLines(value, path, place.indent, place.inFlow, seen);
  if (lines.length === 0) throw new Unsupported();
  return lines.join(`\n${place.indent}`);
}

function writeSeq(items: readonly View[], path: readonly string[], place: Place, seen: Set<object>): string {
  const itemPath = [...path, '*'];
  const flow = place.inFlow ?? (items.every((item) => typeof item !== 'object') && isShortAndSingleLine(items));
  const itemIndent = place.indent + INDENT_STEP;
  if (flow) return flowCollection(items.map((item) => writeValue(item, itemPath, { indent: itemIndent + INDENT_STEP, inFlow: true }, seen)), '[', ']');
  if (items.length === 0) throw new Unsupported();
  const itemPlace: Place = { indent: itemIndent, inFlow: place.inFlow };
  return items.map((item) => `- ${writeValue(item, itemPath, itemPlace, seen)}`).join(`\n${place.indent}`);
}

/** The pairs of a block map whose items sit at `indent` (stringifyBlockCollection + stringifyPair). */
function mapLines(map: ViewMap, path: readonly string[], indent: string, inFlow: boolean | null, seen: Set<object>): string[] {
  const valuePlace: Place = { indent: indent + INDENT_STEP, inFlow };
  return mapEntries(map).map(([key, value]) => {
    const keyText = writeKey(key, valuePlace);
    const valuePath = [...path, key];
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
function flowPair(key: string, value: View, path: readonly string[], place: Place, seen: Set<object>): string {
  const pairPlace: Place = { indent: place.indent + INDENT_STEP + INDENT_STEP, inFlow: true };
  const keyText = writeKey(key, pairPlace);
  const text = writeValue(value, [...path, key], pairPlace, seen, keyText.length + 2);
  return `${keyText}:${text === '' || text[0] === '\n' ? '' : ' '}${text}`;
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
