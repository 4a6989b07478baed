/**
 * Positions of single-line scalars in fast-path YAML (plain-yaml.ts) without the `yaml`
 * package's Document, which costs ~0.7 s per MiB: a build's warnings (e.g. GPF3101 at each
 * policy's id) only need scalars, and js-yaml with a listener reads a file several times faster.
 *
 * js-yaml reports each node's open and close, in source order; nesting gives the tree. Its
 * positions are not `yaml`'s ranges, so every answer is checked: the text between the derived
 * start and end must be one line that, read alone, gives the same scalar (and each key on the
 * way must read as the path's step). Anything else — collections, nulls, multi-line or block
 * scalars, tags, a tree that does not match the data — answers undefined, and the caller asks
 * the `yaml` package as before. Exactness is proved against it in test/load/scalar-spans.test.ts.
 */
import { load, type State } from 'js-yaml';
import type { Span } from '../diagnostics/diagnostic.js';
import { CORE_SCHEMA } from './core-schema.js';

/** A node as js-yaml read it: where its composeNode() started and ended, and what it made. */
export interface ReadNode {
  readonly open: number;
  readonly close: number;
  readonly kind: string | null;
  readonly result: unknown;
  readonly children: readonly ReadNode[];
}

/** A node while it is read: made at its open, completed at its close. */
interface OpenNode {
  open: number;
  close: number;
  kind: string | null;
  result: unknown;
  children: ReadNode[];
}

/** Shared by every node without children (most are scalars), so they make no array. */
const NO_CHILDREN: ReadNode[] = [];

export type ScalarSpans = (path: readonly (string | number)[], part: 'key' | 'value') => Span | undefined;

/** Reads `text` once more with a listener; undefined where js-yaml does not read it (the caller then never got here). */
export function scalarSpans(text: string): ScalarSpans | undefined {
  return text.charCodeAt(0) === 0xfeff ? undefined : spansOf(text, readTree(text)?.root);
}

/** The spans of a tree readTree() made of `text`. */
export function spansOf(text: string, root: ReadNode | undefined): ScalarSpans | undefined {
  if (!root || text.charCodeAt(0) === 0xfeff) return undefined; // js-yaml drops a BOM, which would shift every position
  return (path, part) => spanAt(text, root, path, part);
}

/** js-yaml's reading of `text` with its tree of nodes; undefined where js-yaml throws. */
export function readTree(text: string): { root: ReadNode; data: unknown } | undefined {
  const top: OpenNode = { open: 0, close: 0, kind: null, result: undefined, children: [] };
  const stack: OpenNode[] = [top];
  const listener = (event: 'open' | 'close', state: State): void => {
    if (event === 'open') {
      stack.push({ open: state.position, close: -1, kind: null, result: undefined, children: NO_CHILDREN });
      return;
    }
    const node = stack.pop();
    const parent = stack[stack.length - 1];
    if (!node || !parent) return;
    node.close = state.position;
    node.kind = (state as State & { kind: string | null }).kind;
    node.result = (state as State & { result: unknown }).result;
    const child = sameNode(node, node.children[0]) ? (node.children[0] as ReadNode) : node;
    if (parent.children === NO_CHILDREN) parent.children = [child];
    else parent.children.push(child);
  };
  let data: unknown;
  try {
    data = load(text, { schema: CORE_SCHEMA, listener });
  } catch {
    return undefined;
  }
  const [root, ...more] = top.children;
  return root && more.length === 0 ? { root, data } : undefined;
}

/**
 * Whether every key in the tree is a scalar, with one node per key and value and per item. A
 * flow collection as a key (`[a, b]: c`) is a string to js-yaml but not to `yaml`.
 */
export function scalarKeysOnly(node: ReadNode): boolean {
  const { kind, result, children } = node;
  if (kind === 'mapping') {
    if (!isRecord(result) || children.length !== 2 * Object.keys(result).length) return false;
    for (let i = 0; i < children.length; i += 2) if ((children[i] as ReadNode).kind !== 'scalar') return false;
  } else if (kind === 'sequence') {
    if (!Array.isArray(result) || children.length !== result.length) return false;
  } else if (children.length > 0) {
    return false;
  }
  return children.every(scalarKeysOnly);
}

/**
 * js-yaml reports a flow collection that is an item of a block sequence twice, one open and close
 * inside the other around the very same collection: the inner one stands for both.
 */
function sameNode(outer: ReadNode, inner: ReadNode | undefined): boolean {
  return inner !== undefined && outer.children.length === 1 && typeof outer.result === 'object' && outer.result !== null && inner.result === outer.result && inner.kind === outer.kind;
}

/** The span of the scalar at `path` (or its key), as `yaml` gives it; undefined when not sure. */
function spanAt(text: string, root: ReadNode, path: readonly (string | number)[], part: 'key' | 'value'): Span | undefined {
  let node = root;
  for (const [index, step] of path.entries()) {
    const children = node.children;
    if (node.kind === 'sequence' && Array.isArray(node.result)) {
      if (typeof step !== 'number' || children.length !== node.result.length) return undefined;
      const item = children[step];
      if (!item) return undefined;
      node = item;
    } else if (node.kind === 'mapping' && isRecord(node.result) && children.length === 2 * Object.keys(node.result).length) {
      const pair = findPair(text, children, String(step));
      if (!pair) return undefined;
      if (index === path.length - 1 && part === 'key') return scalarSpan(text, pair.key);
      node = pair.value;
    } else {
      return undefined; // the path goes past a scalar: `yaml` answers with an ancestor
    }
  }
  return scalarSpan(text, node);
}

/** The first key (in source order, as `yaml` looks) that reads as `step`; undefined at a key not checked. */
function findPair(text: string, children: readonly ReadNode[], step: string): { key: ReadNode; value: ReadNode } | undefined {
  for (let i = 0; i < children.length; i += 2) {
    const key = children[i];
    const value = children[i + 1];
    if (!key || !value || !scalarSpan(text, key)) return undefined;
    if (String(key.result) === step) return { key, value };
  }
  return undefined;
}

/**
 * The span of a single-line scalar: from the first character after js-yaml's open position that is
 * not space or comment, to its close position less trailing blanks (a plain scalar stops before
 * ` #` or `: `). Checked by reading the text alone: it must give the very same value.
 */
function scalarSpan(text: string, node: ReadNode): Span | undefined {
  if (node.kind !== 'scalar' || node.result === null || typeof node.result === 'object') return undefined;
  const start = skipBlanksAndComments(text, node.open);
  let end = node.close;
  while (end > start && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  if (end <= start) return undefined;
  const source = text.slice(start, end);
  if (/[\r\n]/.test(source) || '|>!&*'.includes(source[0] ?? '|')) return undefined;
  if (source === node.result && PLAIN_WORD.test(source)) return { start, end }; // reads as itself: no need to read it
  let alone: unknown;
  try {
    alone = load(source, { schema: CORE_SCHEMA });
  } catch {
    return undefined;
  }
  return Object.is(alone, node.result) ? { start, end } : undefined;
}

/**
 * A plain scalar that the core schema reads as the very same string: a letter or `_`, then
 * letters, digits, `_`, `.` or `-`, and none of the null or boolean words (numbers start with a
 * digit, a sign or `.`). Most ids and names are such words.
 */
export const PLAIN_WORD = /^(?!(?:[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE)$)[A-Za-z_][\w.-]*$/;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function skipBlanksAndComments(text: string, from: number): number {
  let at = from;
  for (;;) {
    const ch = text[at];
    if (ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n') at++;
    else if (ch === '#' && (at === 0 || /\s/.test(text[at - 1] ?? ''))) at = lineEnd(text, at);
    else return at;
  }
}

function lineEnd(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end < 0 ? text.length : end;
}
