/**
 * The one-pass reader of plainly written XML (xml-plain-tree.ts) against fast-xml-parser's
 * validator and parser (xml-tree.ts's reference path): the same tree and the same diagnostics,
 * on every corpus and fixture file and on generated mutations of them (markup characters inserted,
 * deleted and repeated), so that whatever the plain reader accepts, it reads as fast-xml-parser does.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeXml } from '../../../src/load/admx/decode-xml.js';
import { parsePlainXml } from '../../../src/load/admx/xml-plain-tree.js';
import { parseXml } from '../../../src/load/admx/xml-tree.js';
import { FIXTURES } from './support.js';

const CORPUS = '../shared/corpus/windows/PolicyDefinitions';

function xmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return xmlFiles(path);
    return /\.adm[lx]$/i.test(name) ? [path] : [];
  });
}

const decoded = (path: string) => decodeXml(new Uint8Array(readFileSync(path)), path).text;

function expectSameAsReference(text: string): void {
  expect(parseXml('f.admx', text, true)).toEqual(parseXml('f.admx', text, false));
}

describe('plain XML reader', () => {
  it('reads every corpus and fixture file as fast-xml-parser does', () => {
    const files = [...xmlFiles(FIXTURES), ...xmlFiles(CORPUS)];
    let plain = 0;
    for (const path of files) {
      const text = decoded(path);
      if (parsePlainXml(text) !== undefined) plain++;
      expectSameAsReference(text);
    }
    // The fast path is taken for (nearly) every real file.
    expect(plain).toBeGreaterThan(files.length * 0.95);
  });

  it.each([
    ['CRLF, lone CR, tabs and entities in text and attributes', '<?xml version="1.0"?>\r\n<a x="1\r\n2\t3\r4 &amp;&#x41;&#66;&bogus;">t\r\nu\rv &lt;&#10;<b/>w</a>\r\n'],
    ['comments split text, CDATA keeps order', '<a>x\r<!-- c -->\ny<![CDATA[ &amp; \r\n]]>z<!--d--></a>'],
    ['prefixes and xmlns', '<p:root xmlns:p="u" xml:space="preserve"><p:x p:y="1"/><:z/></p:root>'],
    ['spaces around = and before >', "<a  x = 'it\"s'  y=\"a>b\"  ><b / ></a >"],
    ['text before, after and between roots', ' x<a/>', '<a/> x', '<a/><b/>', '<a/><!-- c -->\n'],
    ['bad references', '<a>&</a>', '<a>&;</a>', '<a>&#;</a>', '<a>&#X41;</a>', '<a>&abcdefghijklmnopqrstu;</a>', '<a>& b</a>'],
    ['unclosed and mismatched', '<a>', '<a></b>', '<a><b></a></b>', '</a>', '<a><!-- x</a>', '<a><![CDATA[x</a>'],
    ['names', '<1a/>', '<a.b-c_d/>', '<é/>', '<__proto__/>', '<a toString="1"/>', '<a constructor="1"/>', '<a x="1" x="2"/>'],
    ['declarations and PIs', '<?xml version="1.0" encoding="utf-8"?><a/>', ' <?xml version="1.0"?><a/>', '<?xml version="?>"?><a/>', '<a><?pi x?></a>', '<?xml-stylesheet x?><a/>'],
  ])('%s', (_name, ...texts) => {
    for (const text of texts) expectSameAsReference(text);
  });

  it('reads mutated files as fast-xml-parser does (or leaves them to it)', () => {
    const sources = ['contoso/Contoso.admx', 'contoso/en-US/Contoso.adml', 'as-written/AsWritten.admx', 'quirks/inetres.admx'].map((p) => decoded(`${FIXTURES}/${p}`));
    const pieces = ['<', '>', '/', '&', ';', '"', "'", '=', ' ', '\r', '\n', '\t', '!', '?', '-', '[', ']', '<!--', '-->', '<![CDATA[', ']]>', '&amp;', '&#', 'x', ':', '<a>', '</a>', '<b/>'];
    const mutation = fc.record({
      source: fc.integer({ min: 0, max: sources.length - 1 }),
      edits: fc.array(fc.record({ at: fc.nat(), cut: fc.integer({ min: 0, max: 3 }), insert: fc.constantFrom(...pieces) }), { minLength: 1, maxLength: 3 }),
    });
    fc.assert(
      fc.property(mutation, ({ source, edits }) => {
        let text = sources[source] ?? '';
        for (const { at, cut, insert } of edits) {
          const i = at % (text.length + 1);
          text = text.slice(0, i) + insert + text.slice(i + cut);
        }
        expectSameAsReference(text);
      }),
      { numRuns: 3000 },
    );
  });
});
