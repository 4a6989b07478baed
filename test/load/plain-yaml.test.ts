/**
 * The YAML fast path (src/load/plain-yaml.ts, js-yaml) must read every input exactly as the
 * `yaml` package does (src/load/yaml-source.ts loadYamlDocument), or decline: same data (key
 * order included), same exact integers at every path, same diagnostics. Checked on every YAML
 * file the tests use and on snippets where YAML 1.1 and 1.2 or the two libraries differ.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { paths, yamlFiles } from '../support/yaml-paths.js';
import { readPlainYaml } from '../../src/load/plain-yaml.js';
import { loadYaml, loadYamlDocument, type DataPath, type LoadResult } from '../../src/load/yaml-source.js';


const SNIPPETS: Record<string, string> = {
  'YAML 1.1 booleans are strings': 'a: yes\nb: no\nc: on\nd: off\ne: y\nf: True\ng: FALSE\n',
  'nulls': 'a: ~\nb: null\nc: Null\nd:\ne: NULL\nf: nil\n',
  'integers': 'a: 0777\nb: 0o17\nc: 0x1F\nd: 1_000\ne: 0b101\nf: +12\ng: -0\nh: 18446744073709551615\ni: -9007199254740993\nj: 0X1F\nk: -0x1F\n',
  'floats': 'a: 1.0\nb: .5\nc: 1e3\nd: -1.5E-3\ne: .inf\nf: -.Inf\ng: .NaN\nh: 1.\ni: 1_0.5\nj: +.5\nk: 12e\n',
  'timestamps stay text': 'a: 2001-12-14\nb: 2001-12-14t21:59:43.10-05:00\n',
  'merge keys are plain keys in 1.2': 'base: &b { x: 1 }\nm:\n  <<: *b\n  y: 2\n',
  'a << key without aliases': 'm:\n  <<: { x: 1 }\n  y: 2\n',
  'duplicate keys': 'a: 1\na: 2\n',
  'keys equal as text only': 'a:\n  1: x\n  "1": y\n',
  'null keys': '~: a\nb: 1\n',
  'empty key': ': a\n',
  'number and bool keys': '1: a\n0x10: b\n1.50: c\ntrue: d\n',
  'complex keys': '? [a, b]\n: c\n',
  'explicit keys in flow and sequences': 'a: { ? b : c }\nd:\n  - ? e\n    : f\ng: [ ? h : i ]\n',
  'question marks in text': 'a: "Why? Because"\nb: what ? now\n',
  'flow keys': '[a, b]: c\n',
  'flow keys in a sequence': '- [a, b]: c\n',
  'flow keys in flow maps': 'x: { [d]: e }\n',
  'flow keys in flow sequences': 'y: [ [f]: g ]\n',
  'flow maps as keys': 'z: { {h: i}: j }\n',
  'block maps after a flow key': 'k: [1]\n{a: b}: c\n',
  'flow-key-like text': 'a: "Enter [0-3]: "\nb: [x]\nc: {d: e}\nd: "{x}: y"\ne:\n  - [1, 2]\n  - {f: [3]}\n',
  'tags': 'a: !!str 1\nb: !!int "3"\nc: !custom x\nd: !!float 1\n',
  'directive': '%YAML 1.1\n---\na: yes\n',
  'anchors and aliases': 'a: &x 1\nb: *x\n',
  'aliases in flow and block places': 'a: &x 1\nb: [*x, 2]\nc: {k: *x}\nd:\n  - *x\ne: {"j":*x}\nf:\n  *x\n',
  'anchors without aliases': 'a: &x 1\nb: !!str &y two\n',
  'an alias after a tag is an error': 'a: &x 1\nb: !!str *x\n',
  'aliases as keys': 'a: &k key\n*k : v\n',
  'anchors in flow places': 'a: [&x 1, *x]\nb: {k: &y 2, l: *y}\nc: [1,&z 3,*z]\nd: {"m":&w 4, n: *w}\n',
  'an alias without its anchor': 'a: b\nc: *x\n',
  'prose lines starting with *': 'a: "first\n  *second line\n  * third"\nb: |\n  * item\n  *bold*\nc: [x, "*y"]\nd: R&D & Q&A\n',
  'text with & and *': 'a: "x & y"\nb: x*y\nc: "*not an alias"\nd: R&D\ne: files of *.example.com\n  or *.txt\n',
  'empty': '',
  'comments only': '# nothing\n',
  'two documents': 'a: 1\n---\nb: 2\n',
  'document markers': '---\na: 1\n...\n',
  'tab indentation': 'a:\n\tb: 1\n',
  'a 1100-character key': `${'k'.repeat(1100)}: 1\n`,
  'escapes in keys': '"a\\u0041": 1\n',
  'block scalars': 'a: |-\n  x\n  y\nb: >+\n  folded\n  text\n\nc: |2\n   indented\n',
  'quoted escapes': 'a: "tab\\tnew\\nline\\x41\\u00e9\\U0001F680\\N\\_"\nb: \'it\'\'s\'\n',
  'multi-line plain': 'a: one\n  two\n\n  three\n',
  'flow collections': 'a: [1, "2", {b: c, d: [e]}]\nb: {}\nc: []\n',
  '__proto__ key': '__proto__: { polluted: true }\na: 1\n',
  'comment without space': 'a: b#c\nd: e # f\n',
  'colon in plain text': 'a: http://x:80/y\nb: a: b\n',
  'unclosed flow': 'a: [b\n',
  'bad indentation': 'a:\n  b: 1\n c: 2\n',
  'non-printable': 'a: "\u0001"\nb: \u0007\n',
  'CRLF': 'a: 1\r\nb:\r\n  - c\r\n',
  'long plain key near the limit': `${'k'.repeat(99)}: 1\n`,
};


function expectSameReading(name: string, text: string): void {
  const slow: LoadResult = loadYamlDocument(name, text);
  const fast: LoadResult = loadYaml(name, text);
  expect(fast.diagnostics).toEqual(slow.diagnostics);
  expect(fast.ok).toBe(slow.ok);
  if (!fast.ok || !slow.ok) return;
  expect(JSON.stringify(fast.doc.data)).toBe(JSON.stringify(slow.doc.data));
  expect(fast.doc.data).toEqual(slow.doc.data);
  for (const path of paths(slow.doc.data)) expect(fast.doc.exactInteger(path), JSON.stringify(path)).toBe(slow.doc.exactInteger(path));
  for (const path of paths(slow.doc.data).slice(0, 200)) expect(fast.doc.locate(path)).toEqual(slow.doc.locate(path));
}

describe('the YAML fast path reads as the yaml package does, or declines', () => {
  const files = [...yamlFiles('test/fixtures'), ...yamlFiles('policies'), ...yamlFiles('templates/init')];

  it('has files to compare', () => expect(files.length).toBeGreaterThan(15));

  it.each(files)('%s', (file) => expectSameReading(file, readFileSync(file, 'utf8').replace(/^\uFEFF/, '')));

  it.each(Object.entries(SNIPPETS))('%s', (name, text) => expectSameReading(`${name}.yaml`, text));

  it('takes the fast path for the shipped example and the fixtures that are plain data', () => {
    for (const file of yamlFiles('policies')) expect(readPlainYaml(readFileSync(file, 'utf8')), file).toBeDefined();
    expect(readPlainYaml(readFileSync('test/fixtures/valid/all-elements.yaml', 'utf8'))).toBeDefined();
    // Explain texts with lines starting with `*` (inetres.admx's, imported) and no anchor anywhere.
    expect(readPlainYaml(SNIPPETS['prose lines starting with *'] ?? '')).toBeDefined();
    // "]: " inside quoted text (OfflineFiles.admx's, imported): read with the listener, which shows no flow key.
    expect(readPlainYaml(SNIPPETS['flow-key-like text'] ?? '')?.spans).toBeDefined();
  });

  it('declines deep nesting; yaml reports it (where its stack ran out, so the column depends on the stack)', () => {
    const text = 'x: ' + '['.repeat(5000) + ']'.repeat(5000);
    expect(readPlainYaml(text)).toBeUndefined();
    const [found] = loadYaml('deep.yaml', text).diagnostics;
    expect([found?.code, found?.message]).toEqual(['GPF1002', 'YAML syntax error: Maximum call stack size exceeded']);
  });

  it('declines what only the yaml package may decide', () => {
    for (const name of ['anchors and aliases', 'aliases in flow and block places', 'anchors in flow places', 'an alias without its anchor', 'aliases as keys', 'directive', 'duplicate keys', 'null keys',  'complex keys', 'explicit keys in flow and sequences', 'flow keys', 'flow keys in a sequence', 'flow keys in flow maps', 'flow keys in flow sequences', 'flow maps as keys', 'block maps after a flow key', 'a 1100-character key', 'unclosed flow']) {
      expect(readPlainYaml(SNIPPETS[name] ?? ''), name).toBeUndefined();
    }
  });
});
