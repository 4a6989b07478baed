/**
 * Reads one YAML file into a SourceDoc: plain data for validation plus a way back from a data
 * path to the characters it came from (STYLE.md: positions captured once, at load).
 * The only module that imports `yaml`. Plain data takes a fast path (plain-yaml.ts) and the
 * `yaml` Document is made only when a position is asked for, i.e. for a diagnostic.
 */
import { isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import { diagnostic, type Diagnostic, type Span } from '../diagnostics/diagnostic.js';
import { intPathKey, readPlainYaml, type PlainYaml } from './plain-yaml.js';
import { scalarSpans, type ScalarSpans } from './scalar-spans.js';

/**
 * Larger files are refused before parsing: parsing costs about 1.5 s and 130 MB per MiB of YAML
 * (measured), and no hand-written policy file comes near this size.
 */
export const MAX_YAML_BYTES = 4 * 1024 * 1024;
/** Aliases allowed per document; yaml's guard against "billion laughs" expansion. */
const MAX_ALIAS_COUNT = 100;

export type DataPath = readonly (string | number)[];

export interface SourceDoc {
  readonly file: string;
  readonly text: string;
  /** The document as plain JSON-like data; integers beyond 2^53 are approximated here. */
  readonly data: unknown;
  /** Span of the value at `path`, or of its key when `part` is 'key'; nearest ancestor if absent. */
  locate(path: DataPath, part?: 'key' | 'value'): Span;
  /** The exact integer written at `path` (YAML ints are read as bigint), if it is one. */
  exactInteger(path: DataPath): bigint | undefined;
}

export type LoadResult = { ok: true; doc: SourceDoc; diagnostics: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] };

/** Parses YAML text; never throws. Syntax errors come back as GPF1002 at their position. */
export function loadYaml(file: string, text: string): LoadResult {
  if (text.length > MAX_YAML_BYTES) return { ok: false, diagnostics: [diagnostic('GPF1005', file, undefined, MAX_YAML_BYTES)] };
  const plain = readPlainYaml(text);
  if (plain) return { ok: true, doc: plainSourceDoc(file, text, plain), diagnostics: [] };
  return loadYamlDocument(file, text);
}

function parseYamlDocument(text: string): Document {
  return parseDocument(text, { intAsBigInt: true, uniqueKeys: true, prettyErrors: false });
}

/**
 * The Documents kept for positions: the last few asked for. A Document takes tens of times its
 * text in memory, and a file's positions are asked for in runs (its validation, then its
 * omission warnings), so a build with many such files keeps only these and parses again when an
 * older file is asked once more (the same text gives the same positions).
 */
const KEPT_DOCUMENTS = 2;
const keptDocuments: { owner: object; document: Document }[] = [];

/** `owner`'s Document (`parsed` when given, else parsed from `text`), moved to the front of the kept ones. */
function keptDocument(owner: object, text: string, parsed?: Document): Document {
  const index = keptDocuments.findIndex((kept) => kept.owner === owner);
  const [kept] = index >= 0 ? keptDocuments.splice(index, 1) : [];
  const document = kept?.document ?? parsed ?? parseYamlDocument(text);
  keptDocuments.unshift({ owner, document });
  keptDocuments.length = Math.min(keptDocuments.length, KEPT_DOCUMENTS);
  return document;
}

/** The `yaml` package's reading, which the fast path must equal; exported for the tests that say so. */
export function loadYamlDocument(file: string, text: string): LoadResult {
  const document = parseYamlDocument(text);
  const diagnostics = document.errors.map((e) => diagnostic('GPF1002', file, spanOf(e.pos), e.message.split('\n')[0] ?? ''));
  if (diagnostics.length > 0) return { ok: false, diagnostics };
  let data: unknown;
  try {
    // JSON Schema validators know numbers, not bigints: convert, keeping the exact value in the Document.
    data = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT, reviver: (_key, value) => (typeof value === 'bigint' ? Number(value) : value) });
  } catch (error) {
    return { ok: false, diagnostics: [diagnostic('GPF1003', file, undefined, error instanceof Error ? error.message : String(error))] };
  }
  const owner = {};
  keptDocument(owner, text, document);
  return { ok: true, doc: sourceDoc(file, text, () => keptDocument(owner, text), data), diagnostics: [] };
}

function spanOf(pos: [number, number]): Span {
  return { start: pos[0], end: Math.max(pos[1], pos[0] + 1) };
}

function sourceDoc(file: string, text: string, document: () => Document, data: unknown): SourceDoc {
  const whole: Span = { start: 0, end: Math.max(1, text.length) };
  return {
    file,
    text,
    data,
    locate(path, part = 'value') {
      const found = findNode(document().contents, path, part);
      return found?.range ? { start: found.range[0], end: Math.max(found.range[1], found.range[0] + 1) } : whole;
    },
    exactInteger(path) {
      const node = findNode(document().contents, path, 'value');
      return isScalar(node) && typeof node.value === 'bigint' ? node.value : undefined;
    },
  };
}

/**
 * A SourceDoc of fast-path data. locate() answers a scalar's position from scalar-spans.ts where
 * it can (read on the first locate(), unless the fast path already read the file with its
 * listener); else, and for the rare exactInteger() the data cannot answer exactly as findNode()
 * would (at a null), the `yaml` Document is parsed.
 */
export function plainSourceDoc(file: string, text: string, plain: PlainYaml): SourceDoc {
  const owner = {};
  const slow = sourceDoc(file, text, () => keptDocument(owner, text), plain.data);
  let spans: ScalarSpans | undefined | null = plain.spans ?? null; // null: not read yet
  return {
    ...slow,
    locate(path, part = 'value') {
      if (spans === null) spans = scalarSpans(text);
      return spans?.(path, part) ?? slow.locate(path, part);
    },
    exactInteger(path) {
      // As findNode(): follow the path while it exists, then answer for the node reached.
      let value = plain.data;
      let depth = 0;
      for (const step of path) {
        if (Array.isArray(value)) {
          if (typeof step !== 'number' || !Number.isInteger(step) || step < 0 || step >= value.length) break;
          value = value[step];
        } else if (typeof value === 'object' && value !== null && Object.hasOwn(value, String(step))) {
          value = (value as Record<string, unknown>)[String(step)];
        } else {
          break;
        }
        depth++;
      }
      if (typeof value === 'number') {
        if (plain.floats.size === 0 && plain.integers.size === 0) return BigInt(value);
        const key = intPathKey(path.slice(0, depth));
        return plain.floats.has(key) ? undefined : (plain.integers.get(key) ?? BigInt(value));
      }
      return value === null ? slow.exactInteger(path) : undefined; // null: an empty value or ~, which the data cannot tell
    },
  };
}

/** Walks the YAML tree along `path`; returns the deepest node reached (an ancestor when the path runs out). */
function findNode(root: unknown, path: DataPath, part: 'key' | 'value'): Node | undefined {
  let node = root as Node | undefined;
  for (const [index, step] of path.entries()) {
    const last = index === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(step));
      if (!pair) return node;
      if (last && part === 'key') return pair.key as Node;
      node = (pair.value as Node | null) ?? (pair.key as Node);
    } else if (isSeq(node) && typeof step === 'number' && node.items[step]) {
      node = node.items[step] as Node;
    } else {
      return node;
    }
  }
  return node;
}

/**
 * A SourceDoc for data that was never text (an import checking what it is about to write):
 * every position is the whole file; integers are exact when given as bigint.
 */
export function dataSourceDoc(file: string, data: unknown): SourceDoc {
  const at = (path: DataPath): unknown => path.reduce<unknown>((node, step) => (node as Record<string | number, unknown> | undefined)?.[step], data);
  const plain = jsonCopy(data);
  return {
    file,
    text: '',
    data: plain,
    locate: () => ({ start: 0, end: 1 }),
    exactInteger(path) {
      const value = at(path);
      return typeof value === 'bigint' ? value : typeof value === 'number' && Number.isInteger(value) ? BigInt(value) : undefined;
    },
  };
}

/**
 * What JSON.parse(JSON.stringify(value)) gives, bigints as numbers, without the text in between
 * (an import checks every file it writes; the round trip through text was most of that check).
 * Views hold only plain objects, arrays and primitives; anything else goes the JSON way.
 */
function jsonCopy(value: unknown): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value + 0 : null;
    case 'bigint':
      return Number(value);
    case 'object':
      break;
    default:
      return undefined;
  }
  if (value === null) return null;
  if (Array.isArray(value)) return Array.from(value as unknown[], (item) => jsonCopy(item) ?? null);
  const prototype = Object.getPrototypeOf(value) as unknown;
  if ((prototype !== Object.prototype && prototype !== null) || 'toJSON' in value) {
    return JSON.parse(JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? Number(v) : v))) as unknown;
  }
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const item = jsonCopy((value as Record<string, unknown>)[key]);
    if (item === undefined) continue;
    // A key `__proto__` is an own property, as JSON.parse makes it.
    if (key === '__proto__') Object.defineProperty(copy, key, { value: item, writable: true, enumerable: true, configurable: true });
    else copy[key] = item;
  }
  return copy;
}
