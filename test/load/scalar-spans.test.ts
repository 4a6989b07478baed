/**
 * scalar-spans.ts answers a scalar's position without the `yaml` Document, or declines: every
 * answer must equal the `yaml` package's (loadYamlDocument's locate), for values and keys, at
 * every path of every YAML file the tests use, of the synthetic bench inputs, and of snippets
 * with comments, blanks, quotes, flow collections and CRLF.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { paths, yamlFiles } from '../support/yaml-paths.js';
import { readPlainYaml } from '../../src/load/plain-yaml.js';
import { PLAIN_WORD, scalarSpans } from '../../src/load/scalar-spans.js';
import { loadYaml, loadYamlDocument } from '../../src/load/yaml-source.js';
import { allElementsFile, syntheticProject } from '../bench/projects.js';


const SNIPPETS: Record<string, string> = {
  comments: 'a: b   # c\n# d\ne:   # f\n  g   # h\ni: "j" # k\nl:\n  # m\n  - n #o\n',
  'blanks and tabs': 'a:    b\t\nc:\t d  \n"e"  : f\n',
  quotes: `'a''b': "c\\"d"\ne: 'f g'\n"h": "i # j"\n`,
  'flow collections': 'a: [b, "c", d ,e]\nf: {g: h, "i": j , k : l}\nm: [ {n: o}, [p, q] ]\n',
  'flow keys without values': 'a: {b, c: d}\ne: [f: g]\n',
  'values on the next line': 'a:\n  b\nc:\n\n  "d"\n',
  'empty values and items': 'a:\nb: ~\nc:\n  -\n  - d\n  - null\n',
  numbers: 'a: 0x1F\nb: 1.50\nc: -.inf\nd: +12\ne: 1e3\nf: .nan\ng: 007\n',
  'number and bool keys': '1: a\n0x10: b\n1.50: c\ntrue: d\n',
  'multi-line plain and block scalars': 'a: one\n  two\nb: |\n  x\nc: >-\n  y\n  z\nd: last\n',
  'tags and anchors': 'a: !!str 1\nb: &x c\nc: !!int "3"\n',
  CRLF: 'a: b\r\nc:\r\n  - d\r\n  - "e"\r\n',
  'no final newline': 'a: b\nc: d',
  'document marker': '---\na: b\n...\n',
  'compact nested sequences': 'a:\n- - b\n  - c\n- d: e\n  f: g\n',
  'indented top level': '  a: b\n  c: d\n',
  'colons and hashes in text': 'a: http://x:80/#y\nb: c#d\n',
  'flow collections as block items': 'c:\n  - { id: A, parent: w:W }\n  - {id: B, parent: X}\n  - [d, e]\n  -   { f: [g, {h: i}] }\n',
};


/** How many answers the fast path gave: each equal to the `yaml` package's. */
function expectSameSpans(name: string, text: string): number {
  const slow = loadYamlDocument(name, text);
  const spans = scalarSpans(text);
  if (!slow.ok || !spans || !readPlainYaml(text)) return 0;
  let answered = 0;
  for (const path of paths(slow.doc.data)) {
    for (const part of ['value', 'key'] as const) {
      const fast = spans(path, part);
      if (fast === undefined) continue;
      answered++;
      expect(fast, `${JSON.stringify(path)} ${part}`).toEqual(slow.doc.locate(path, part));
    }
  }
  return answered;
}

describe('scalar positions without the yaml Document', () => {
  const files = [...yamlFiles('test/fixtures'), ...yamlFiles('policies'), ...yamlFiles('templates/init')];

  it.each(files)('%s', (file) => {
    expectSameSpans(file, readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  });

  it.each(Object.entries(SNIPPETS))('%s', (name, text) => {
    expectSameSpans(name, text);
  });

  it('answers inside flow mappings that are block sequence items (how import writes categories)', () => {
    expect(expectSameSpans('flow.yaml', SNIPPETS['flow collections as block items'] ?? '')).toBe(22);
  });

  it('takes a PLAIN_WORD as itself only where the yaml package reads it as that string', () => {
    const words = fc.oneof(
      fc.stringMatching(/^[A-Za-z_][\w.-]{0,6}$/),
      fc.constantFrom('null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'FALSE', 'nan', 'inf', 'yes', 'No', 'on', 'e1', 'x1.5', '_', 'a-1', 'a.'),
    );
    let tested = 0;
    fc.assert(
      fc.property(words, (word) => {
        if (!PLAIN_WORD.test(word)) return;
        tested++;
        expect(parse(`k: ${word}\n`, { intAsBigInt: true })).toEqual({ k: word });
      }),
      { numRuns: 500 },
    );
    expect(tested).toBeGreaterThan(100);
    for (const word of ['null', 'True', 'FALSE', '1', '.inf', '-a', '']) expect(PLAIN_WORD.test(word), word).toBe(false);
  });

  it('answers for every scalar of the bench inputs, as yaml does', () => {
    const texts = [allElementsFile(40).text, ...syntheticProject(30).map((f) => f.text)];
    for (const text of texts) expect(expectSameSpans('bench.yaml', text)).toBeGreaterThan(100);
  });

  it("answers each policy id, as the build's omission warnings ask", () => {
    const text = readFileSync('test/fixtures/valid/all-elements.yaml', 'utf8');
    const slow = loadYamlDocument('a.yaml', text);
    const spans = scalarSpans(text);
    if (!slow.ok) throw new Error('fixture does not load');
    const policies = (slow.doc.data as { policies: unknown[] }).policies;
    for (const [index] of policies.entries()) {
      const fast = spans?.(['policies', index, 'id'], 'value');
      expect(fast).toBeDefined();
      expect(fast).toEqual(slow.doc.locate(['policies', index, 'id']));
    }
  });

  it('declines a BOM, which js-yaml drops', () => {
    expect(scalarSpans('\uFEFFa: b\n')).toBeUndefined();
  });

  it('locate() of fast-path files equals the yaml package at every path', () => {
    const text = allElementsFile(12).text;
    const fast = loadYaml('f.yaml', text);
    const slow = loadYamlDocument('f.yaml', text);
    if (!fast.ok || !slow.ok) throw new Error('does not load');
    for (const path of paths(slow.doc.data)) {
      for (const part of ['value', 'key'] as const) expect(fast.doc.locate(path, part)).toEqual(slow.doc.locate(path, part));
    }
  });
});
