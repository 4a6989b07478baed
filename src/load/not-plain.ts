/**
 * The text checks that send a file past the fast path (plain-yaml.ts says why each one). Each
 * answers as the regular expression in its comment (test/load/not-plain.test.ts compares them);
 * they find the rare character with indexOf and look around it, instead of trying a pattern
 * with alternatives at every position of a file of megabytes.
 */

/** /^%|(?:^[ \t]*|[-?[{,][ \t]*)\?(?:\s|$)/m: a directive or an explicit key (`? `). */
export function hasDirectiveOrExplicitKey(text: string): boolean {
  return someAt(text, '%', (at) => at === 0 || isLineBreak(text[at - 1])) || someAt(text, '?', (at) => (at + 1 === text.length || isSpace(text[at + 1])) && startsNode(text, at, '-?[{,'));
}

/** /[\]}]\s*:(?:\s|$)/m: a flow collection that could be a key. */
export function hasFlowKeyLike(text: string): boolean {
  const fits = (at: number): boolean => {
    let next = at + 1;
    while (next < text.length && isSpace(text[next])) next++;
    return text[next] === ':' && (next + 1 === text.length || isSpace(text[next + 1]));
  };
  return someAt(text, ']', fits) || someAt(text, '}', fits);
}

/** /(?:^[ \t]*|[-:?[{,][ \t]*)\*[^\s,[\]{}]/m: what could be an alias. */
export function hasAliasLike(text: string): boolean {
  return someAt(text, '*', (at) => startsName(text, at + 1) && startsNode(text, at, '-:?[{,'));
}

/** /(?:^|[\s[{,:\uFEFF])&[^\s,[\]{}]/: what could be an anchor. */
export function hasAnchorLike(text: string): boolean {
  return someAt(text, '&', (at) => startsName(text, at + 1) && (at === 0 || isSpace(text[at - 1]) || '[{,:\uFEFF'.includes(text[at - 1] as string)));
}

/** Whether `fits` accepts an index of `char` in `text`. */
function someAt(text: string, char: string, fits: (at: number) => boolean): boolean {
  for (let at = text.indexOf(char); at >= 0; at = text.indexOf(char, at + 1)) if (fits(at)) return true;
  return false;
}

/** `at` follows a line start or one of `indicators`, with only blanks and tabs between. */
function startsNode(text: string, at: number, indicators: string): boolean {
  let before = at - 1;
  while (before >= 0 && (text[before] === ' ' || text[before] === '\t')) before--;
  return before < 0 || isLineBreak(text[before]) || indicators.includes(text[before] as string);
}

/** [^\s,[\]{}] at `at`. */
function startsName(text: string, at: number): boolean {
  const ch = text[at];
  return ch !== undefined && !isSpace(ch) && !',[]{}'.includes(ch);
}

/** What `^` with the m flag follows. */
const isLineBreak = (ch: string | undefined): boolean => ch === '\n' || ch === '\r' || ch === '\u2028' || ch === '\u2029';

const SPACE = /\s/;
const isSpace = (ch: string | undefined): boolean => ch !== undefined && (ch === ' ' || ch === '\n' || SPACE.test(ch));
