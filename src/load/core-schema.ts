/**
 * The js-yaml schema of the fast path (plain-yaml.ts, scalar-spans.ts): plain scalars resolve
 * exactly as in the `yaml` package's YAML 1.2 core schema (node_modules/yaml/dist/schema/core/):
 * its patterns, in its order (null, bool, int, float), integers exact as bigint (`intAsBigInt`).
 *
 * js-yaml tries each implicit type's resolve() on every plain scalar, most of which are text; so
 * the four types are resolved by one that first looks at the first character (null and bool
 * start with ~ n N t T f F, or are empty; numbers with a digit, a sign or .), and only then runs
 * the pattern. The four types stay as they were for explicit tags (`!!int "3"`).
 */
import { FAILSAFE_SCHEMA, Type } from 'js-yaml';

/** Stands for null while reading: js-yaml writes a null key as "null" where `yaml` writes "". */
export const NULL = Object.freeze({ gpforgeNull: true });

const NULL_PATTERN = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL_PATTERN = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_PATTERN = /^(?:0o[0-7]+|[-+]?[0-9]+|0x[0-9a-fA-F]+)$/;
const FLOAT_PATTERN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+|[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*))$/;
const INFINITY_OR_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;

const constructNull = () => NULL;
const constructBool = (source: string) => source[0] === 't' || source[0] === 'T';
const constructInt = (source: string) => BigInt(source);
const constructFloat = (source: string) =>
  !INFINITY_OR_NAN.test(source) ? parseFloat(source) : source.slice(-3).toLowerCase() === 'nan' ? NaN : source[0] === '-' ? -Infinity : Infinity;

type Kind = 'null' | 'bool' | 'int' | 'float';
const CONSTRUCT: Record<Kind, (source: string) => unknown> = { null: constructNull, bool: constructBool, int: constructInt, float: constructFloat };

/** Which core type a plain scalar is, as the four patterns in order would say; undefined: a string. */
function coreKind(source: string): Kind | undefined {
  if (source.length === 0) return 'null';
  const first = source.charCodeAt(0);
  // ~ n N t T f F: only null and bool can match.
  if (first === 0x7e || first === 0x6e || first === 0x4e) return NULL_PATTERN.test(source) ? 'null' : undefined;
  if (first === 0x74 || first === 0x54 || first === 0x66 || first === 0x46) return BOOL_PATTERN.test(source) ? 'bool' : undefined;
  // A digit, + - or .: only int and float can match.
  if ((first >= 0x30 && first <= 0x39) || first === 0x2b || first === 0x2d || first === 0x2e) {
    return INT_PATTERN.test(source) ? 'int' : FLOAT_PATTERN.test(source) ? 'float' : undefined;
  }
  return undefined;
}

/**
 * The implicit type. Its tag is no YAML tag: written explicitly (`!<tag:gpforge,core>`) it
 * resolves nothing (resolve gets the tag then), so js-yaml throws and `yaml` reads the file.
 */
const implicitCore = new Type('tag:gpforge,core', {
  kind: 'scalar',
  resolve: (source: string, tag?: string) => tag === undefined && coreKind(source) !== undefined,
  construct: (source: string) => CONSTRUCT[coreKind(source) as Kind](source),
});

const explicit = (tag: string, test: RegExp, construct: (source: string) => unknown) =>
  new Type(`tag:yaml.org,2002:${tag}`, { kind: 'scalar', resolve: (source: string) => test.test(source), construct });

export const CORE_SCHEMA = FAILSAFE_SCHEMA.extend({
  implicit: [implicitCore],
  explicit: [
    explicit('null', NULL_PATTERN, constructNull),
    explicit('bool', BOOL_PATTERN, constructBool),
    explicit('int', INT_PATTERN, constructInt),
    explicit('float', FLOAT_PATTERN, constructFloat),
  ],
});
