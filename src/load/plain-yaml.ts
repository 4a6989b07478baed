/**
 * The fast path of yaml-source.ts: YAML that is plain data, read with js-yaml (several times
 * faster than the `yaml` package's Document model, which gpforge needs only for positions).
 * js-yaml gets a schema that resolves plain scalars exactly as `yaml`'s YAML 1.2 core schema
 * (same patterns, same order, integers exact as bigint). The answer is undefined, so that the
 * `yaml` package decides, wherever the two could differ: aliases (and so alias bombs),
 * directives, complex or null keys, keys near `yaml`'s 1024-character limit, and
 * anything js-yaml rejects (syntax errors, duplicate keys, unknown tags, deep nesting).
 */
import { load } from 'js-yaml';
import { CORE_SCHEMA, NULL } from './core-schema.js';
import { hasAliasLike, hasAnchorLike, hasDirectiveOrExplicitKey, hasFlowKeyLike } from './not-plain.js';
import { readTree, scalarKeysOnly, spansOf, type ScalarSpans } from './scalar-spans.js';

export interface PlainYaml {
  /** As yaml-source.ts's `data`: integers as numbers. */
  readonly data: unknown;
  /**
   * The exact value of every integer scalar beyond 2^53, by data path (intPathKey); a number
   * elsewhere in `data` is an integer written so, and exact, unless its path is in `floats`.
   * (Only these rare paths are made: a large file has an integer in every other line.)
   */
  readonly integers: ReadonlyMap<string, bigint>;
  /** The paths of float scalars (intPathKey). */
  readonly floats: ReadonlySet<string>;
  /** Positions, when the text was read with js-yaml's listener already (see FLOW_KEY_LIKE). */
  readonly spans?: ScalarSpans;
}

/** The key of a data path in PlainYaml.integers. */
export const intPathKey = (path: readonly (string | number)[]): string => path.map(String).join('\u0000');

/** What js-yaml makes of a key that is a map (or NULL). */
const OBJECT_KEY = '[object Object]';
/** Keys longer than this could be over `yaml`'s 1024-character limit in the source (escapes). */
const MAX_KEY_LENGTH = 100;

/**
 * Directives and explicit (`?`) keys. Text inside scalars rarely matches, and when it does the
 * `yaml` package reads the file, which is merely slower.
 */
const NOT_PLAIN = hasDirectiveOrExplicitKey;

/**
 * What could be a flow collection as a key (`[a, b]: c`), which js-yaml turns into the text
 * "a,b". Quoted text such as "Enter [0-3]: " matches too (a corpus template has it), so such a
 * file is read with js-yaml's listener (scalar-spans.ts), whose tree shows every key's kind;
 * that tree then answers the file's positions too.
 */
const FLOW_KEY_LIKE = hasFlowKeyLike;

/**
 * Aliases must never reach js-yaml, which would share the node (and so let an alias bomb through
 * `yaml`'s alias limit). An alias is a whole node, so it follows indentation, `-`, `:`, `?`, `[`,
 * `{` or `,`; and it needs an anchor (`&name`), a node property, so one that follows a line start,
 * white space, a flow indicator or `:` (js-yaml refuses an alias without its anchor, and then the
 * `yaml` package reads the file). Only a text that looks as if it had both is left to `yaml`:
 * a `*` starting a line of prose is common in explain texts, an anchor-like `&` is not.
 * (Anchors without aliases read the same in both.)
 */
const ALIAS_LIKE = hasAliasLike;
const ANCHOR_LIKE = hasAnchorLike;

class NotPlain extends Error {}

export function readPlainYaml(text: string): PlainYaml | undefined {
  if (NOT_PLAIN(text) || (ALIAS_LIKE(text) && ANCHOR_LIKE(text))) return undefined;
  try {
    let loaded: unknown;
    let spans: ScalarSpans | undefined;
    if (FLOW_KEY_LIKE(text)) {
      const tree = readTree(text);
      if (!tree || !scalarKeysOnly(tree.root)) return undefined;
      loaded = tree.data;
      spans = spansOf(text, tree.root);
    } else {
      loaded = load(text, { schema: CORE_SCHEMA });
    }
    if (loaded === undefined) return undefined;
    const numbers: Numbers = { integers: new Map(), floats: new Set() };
    const data = normalise(loaded, [], numbers);
    return { data, ...numbers, ...(spans && { spans }) };
  } catch {
    return undefined; // a syntax error, a duplicate key, too deep: the `yaml` package reports it
  }
}

type Numbers = Pick<PlainYaml, 'integers' | 'floats'> & { integers: Map<string, bigint>; floats: Set<string> };

/**
 * Integers to numbers (recording the exact value of those beyond 2^53), NULL to null, in place,
 * recording where floats are; throws NotPlain where `yaml` could differ. `path` is the path of
 * `value`, pushed and popped as it goes (only down to containers and numbers: other scalars need no path).
 */
function normalise(value: unknown, path: (string | number)[], numbers: Numbers): unknown {
  if (typeof value === 'bigint') {
    const approximate = Number(value);
    if (!Number.isSafeInteger(approximate)) numbers.integers.set(intPathKey(path), value);
    return approximate;
  }
  if (typeof value === 'number') {
    numbers.floats.add(intPathKey(path)); // js-yaml makes numbers of floats only (integers are bigint)
    return value;
  }
  if (value === NULL) return null;
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (typeof item === 'object' ? item !== null : typeof item === 'bigint' || typeof item === 'number') {
        path.push(i);
        value[i] = normalise(item, path, numbers);
        path.pop();
      }
    }
    return value;
  }
  const container = value as Record<string, unknown>;
  for (const key of Object.keys(container)) {
    if (key === OBJECT_KEY || key === '__proto__' || key.length > MAX_KEY_LENGTH) throw new NotPlain(key);
    const item = container[key];
    if (typeof item === 'object' ? item !== null : typeof item === 'bigint' || typeof item === 'number') {
      path.push(key);
      container[key] = normalise(item, path, numbers);
      path.pop();
    }
  }
  return value;
}
