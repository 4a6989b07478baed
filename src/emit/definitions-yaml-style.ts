/**
 * How the definitions YAML writer lays text out. The yaml package escapes and quotes every
 * scalar; this file only picks scalar and collection styles.
 *
 * Texts: a single-line string is left to the yaml package (plain when that reads back as the
 * same string, else quoted). A multi-line string is a literal block scalar (`|`, `|-`, `|+`,
 * with an indentation indicator when the first line starts with a space), except when it holds
 * a CR (a YAML parser turns CR and CRLF in a block into LF) or a line ending in a space or tab
 * (editors strip trailing blanks on save): those are double-quoted, with `\r`, `\n`, `\t` escapes.
 * Collections: flow style (`{ a: 1 }`, `[ a, b ]`) when short and free of multi-line text.
 *
 * These rules are applied here to a yaml Document (stringifyViewWithDocument), the reference;
 * definitions-yaml-write.ts writes the same text without building a Document.
 */
import { Document, isMap, isPair, isScalar, isSeq, Scalar } from 'yaml';
import type { View } from './definitions-yaml-view.js';

/** A flow collection is used only when its JSON form is at most this long. */
export const FLOW_MAX_CHARS = 100;

/** Paths (keys and `*` for any sequence index) whose maps stay in block style however short. */
export const BLOCK_MAPS = [['policies', '*'], ['policies', '*', 'elements', '*'], ['products', '*']];

const TRAILING_BLANK = /[ \t](\n|$)/;

/** Document.toString options: no folding, double quotes never broken over lines. */
export const TO_STRING_OPTIONS = { lineWidth: 0, minContentWidth: 0, doubleQuotedMinMultiLineLength: Number.MAX_SAFE_INTEGER };

/** The YAML text of `view`, with `comment` (if any) as the first line, through a yaml Document. */
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

export function textStyle(text: string): Scalar.Type {
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
