/**
 * The fast path of yaml-source.ts: YAML that is plain data, read with js-yaml (several times
 * faster than the `yaml` package's Document model, which gpforge needs only for positions).
 * js-yaml gets a schema that resolves plain scalars exactly as `yaml`'s YAML 1.2 core schema
 * (same patterns, same order, integers exact as bigint). The answer is undefined, so that the
 * `yaml` package decides, wherever the two could differ: aliases (and so alias bombs),
 * directives, complex or null keys, keys near `yaml`'s 1024-character limit, and
 * anything js-yaml rejects (syntax errors, duplicate keys, unknown tags, deep nesting).
 */
import { FAILSAFE_SCHEMA, load, Type } from 'js-yaml';

export interface PlainYaml {
  /** As yaml-source.ts's `data`: integers as numbers. */
  readonly data: unknown;
  /** The exact value of every integer scalar, by data path (intPathKey). */
  readonly integers: ReadonlyMap<string, bigint>;
}

/** The key of a data path in PlainYaml.integers. */
export const intPathKey = (path: readonly (string | number)[]): string => path.map(String).join('\u0000');

/**
 * `yaml`'s core schema (node_modules/yaml/dist/schema/core/): its patterns, in its order (js-yaml
 * keeps one type per tag, so a tag's patterns are joined). Integers as bigint, as `intAsBigInt`.
 */
const scalar = (tag: string, test: RegExp, construct: (source: string) => unknown) =>
  new Type(`tag:yaml.org,2002:${tag}`, { kind: 'scalar', resolve: (source: string) => test.test(source), construct });
const INFINITY_OR_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
export const CORE_SCHEMA = FAILSAFE_SCHEMA.extend({
  implicit: [
    scalar('null', /^(?:~|[Nn]ull|NULL)?$/, () => NULL),
    scalar('bool', /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/, (source) => source[0] === 't' || source[0] === 'T'),
    scalar('int', /^(?:0o[0-7]+|[-+]?[0-9]+|0x[0-9a-fA-F]+)$/, (source) => BigInt(source)),
    scalar('float', /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+|[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*))$/, (source) =>
      !INFINITY_OR_NAN.test(source) ? parseFloat(source) : source.slice(-3).toLowerCase() === 'nan' ? NaN : source[0] === '-' ? -Infinity : Infinity,
    ),
  ],
});

/** Stands for null while reading: js-yaml writes a null key as "null" where `yaml` writes "". */
const NULL = Object.freeze({ gpforgeNull: true });
/** What js-yaml makes of a key that is a map (or NULL). */
const OBJECT_KEY = '[object Object]';
/** Keys longer than this could be over `yaml`'s 1024-character limit in the source (escapes). */
const MAX_KEY_LENGTH = 100;

/**
 * Directives, explicit (`?`) and flow-collection keys. Text inside scalars rarely matches, and
 * when it does the `yaml` package reads the file, which is merely slower.
 */
const NOT_PLAIN = /^%|(?:^[ \t]*|[-?[{,][ \t]*)\?(?:\s|$)|[\]}]\s*:(?:\s|$)/m;

/**
 * Aliases must never reach js-yaml, which would share the node (and so let an alias bomb through
 * `yaml`'s alias limit). An alias is a whole node, so it follows indentation, `-`, `:`, `?`, `[`,
 * `{` or `,`; and it needs an anchor (`&name`), a node property, so one that follows a line start,
 * white space, a flow indicator or `:` (js-yaml refuses an alias without its anchor, and then the
 * `yaml` package reads the file). Only a text that looks as if it had both is left to `yaml`:
 * a `*` starting a line of prose is common in explain texts, an anchor-like `&` is not.
 * (Anchors without aliases read the same in both.)
 */
const ALIAS_LIKE = /(?:^[ \t]*|[-:?[{,][ \t]*)\*[^\s,[\]{}]/m;
const ANCHOR_LIKE = /(?:^|[\s[{,:\uFEFF])&[^\s,[\]{}]/;

class NotPlain extends Error {}

export function readPlainYaml(text: string): PlainYaml | undefined {
  if (NOT_PLAIN.test(text) || (ALIAS_LIKE.test(text) && ANCHOR_LIKE.test(text))) return undefined;
  try {
    const loaded: unknown = load(text, { schema: CORE_SCHEMA });
    if (loaded === undefined) return undefined;
    const integers = new Map<string, bigint>();
    return { data: normalise(loaded, [], integers), integers };
  } catch {
    return undefined; // a syntax error, a duplicate key, too deep: the `yaml` package reports it
  }
}

/**
 * Integers to numbers (recording their exact value), NULL to null, in place; throws NotPlain
 * where `yaml` could differ. `path` is the path of `value`, pushed and popped as it goes.
 */
function normalise(value: unknown, path: (string | number)[], integers: Map<string, bigint>): unknown {
  if (typeof value === 'bigint') {
    integers.set(intPathKey(path), value);
    return Number(value);
  }
  if (value === NULL) return null;
  if (typeof value !== 'object' || value === null) return value;
  const container = value as Record<string | number, unknown>;
  const keys: (string | number)[] = Array.isArray(value) ? value.map((_item, index) => index) : Object.keys(value);
  for (const key of keys) {
    if (key === OBJECT_KEY || key === '__proto__' || String(key).length > MAX_KEY_LENGTH) throw new NotPlain(String(key));
    path.push(key);
    container[key] = normalise(container[key], path, integers);
    path.pop();
  }
  return value;
}
