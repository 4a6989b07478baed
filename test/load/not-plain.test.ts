/**
 * The fast path's text checks (src/load/not-plain.ts) answer exactly as the regular expressions
 * they replace, on every YAML file the tests use and on generated texts made of the characters
 * the patterns look at.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { yamlFiles } from '../support/yaml-paths.js';
import { hasAliasLike, hasAnchorLike, hasDirectiveOrExplicitKey, hasFlowKeyLike } from '../../src/load/not-plain.js';

const CHECKS: [string, (text: string) => boolean, RegExp][] = [
  ['directive or explicit key', hasDirectiveOrExplicitKey, /^%|(?:^[ \t]*|[-?[{,][ \t]*)\?(?:\s|$)/m],
  ['flow key', hasFlowKeyLike, /[\]}]\s*:(?:\s|$)/m],
  ['alias', hasAliasLike, /(?:^[ \t]*|[-:?[{,][ \t]*)\*[^\s,[\]{}]/m],
  ['anchor', hasAnchorLike, /(?:^|[\s[{,:\uFEFF])&[^\s,[\]{}]/],
];

/** A deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALPHABET = ['%', '?', '*', '&', ':', '-', '[', ']', '{', '}', ',', ' ', '\t', '\n', '\r', '\u2028', '\u00a0', '\uFEFF', 'a', 'b', '#', '"'];

describe('the fast path text checks', () => {
  const files = [...yamlFiles('test/fixtures'), ...yamlFiles('policies'), ...yamlFiles('templates/init')];

  it.each(CHECKS)('%s: as its pattern on the test YAML files', (_name, check, pattern) => {
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      expect(check(text), file).toBe(pattern.test(text));
    }
  });

  it.each(CHECKS)('%s: as its pattern on generated texts', (_name, check, pattern) => {
    const next = random(11);
    for (let n = 0; n < 20000; n++) {
      const length = 1 + Math.floor(next() * 8);
      let text = '';
      for (let i = 0; i < length; i++) text += ALPHABET[Math.floor(next() * ALPHABET.length)];
      expect(check(text), JSON.stringify(text)).toBe(pattern.test(text));
    }
  });
});
