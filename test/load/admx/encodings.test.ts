/**
 * Every encoding and root namespace seen in real files (FORMATS.md c.2, admx-schema README)
 * reads to the same model, and diagnostics keep their line:col whatever the bytes were.
 */
import { describe, expect, it } from 'vitest';
import { readAdmxWithAdml } from '../../../src/load/admx/read-admx-with-adml.js';
import { fixtureText, printed, utf16be, utf16le, utf8, where } from './support.js';

const ADMX = 'contoso/Contoso.admx';
const ADML = 'contoso/en-US/Contoso.adml';
const admxText = fixtureText(ADMX);
const admlText = fixtureText(ADML);

function read(admx: Uint8Array, adml: Uint8Array) {
  return readAdmxWithAdml({ path: 'Contoso.admx', bytes: admx }, [{ locale: 'en-US', path: 'en-US/Contoso.adml', bytes: adml }]);
}

const base = read(utf8(admxText), utf8(admlText));

const declare = (text: string, encoding: string) => text.replace('encoding="utf-8"', encoding);

describe('encodings', () => {
  it('the UTF-8 original reads cleanly', () => {
    expect(base.diagnostics).toEqual([]);
    expect(base.definitions?.policies).toHaveLength(3);
  });

  it.each([
    ['UTF-8 with BOM', (t: string) => utf8(t, true)],
    ['UTF-16LE with BOM, encoding="utf-16"', (t: string) => utf16le(declare(t, 'encoding="utf-16"'))],
    ["UTF-16LE with BOM, encoding='unicode' (Search.admx)", (t: string) => utf16le(declare(t, "encoding='unicode'"))],
    ['UTF-16LE without BOM', (t: string) => utf16le(declare(t, 'encoding="utf-16"'), false)],
    ['UTF-16BE with BOM', (t: string) => utf16be(declare(t, 'encoding="utf-16"'))],
    ['UTF-8 with CRLF line ends', (t: string) => utf8(t.replace(/\n/g, '\r\n'))],
    ['UTF-16LE with BOM and CRLF', (t: string) => utf16le(t.replace(/\n/g, '\r\n'))],
  ])('%s reads to the same model', (_name, encode) => {
    const result = read(encode(admxText), encode(admlText));
    expect(result.diagnostics).toEqual([]);
    expect(result.definitions).toEqual(base.definitions);
  });

  it('decodes a declared 8-bit encoding (windows-1252)', () => {
    const admlLatin = declare(admlText, 'encoding="windows-1252"').replace('>Contoso Agent<', '>Contoso Agent für Zürich<');
    const bytes = Uint8Array.from([...admlLatin].map((c) => c.charCodeAt(0)));
    const result = read(utf8(admxText), bytes);
    expect(result.diagnostics).toEqual([]);
    expect(result.definitions?.displayName).toEqual({ 'en-US': 'Contoso Agent für Zürich' });
  });

  it('reports bytes that are not valid UTF-8 (GPF1200) and an unknown encoding (GPF1201), and still reads', () => {
    const bad = Uint8Array.from([...utf8(admlText).subarray(0, 300), 0xff, ...utf8(admlText).subarray(300)]);
    const result = read(utf8(declare(admxText, 'encoding="x-klingon"')), bad);
    expect(where(result.diagnostics, result.texts)).toEqual(['Contoso.admx:1:31 GPF1201', 'en-US/Contoso.adml:-:- GPF1200']);
    expect(result.definitions?.policies).toHaveLength(3);
  });
});

describe('root namespaces', () => {
  const WINDOWS = 'http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions';
  const variants: [string, (t: string) => string][] = [
    ['www.microsoft.com (DmaGuard, msedge)', (t) => t.replace(WINDOWS, 'http://www.microsoft.com/GroupPolicy/PolicyDefinitions')],
    ['https (WindowsSandbox)', (t) => t.replace(WINDOWS, WINDOWS.replace('http:', 'https:'))],
    ['the WindowsDefender.adml typo', (t) => t.replace(WINDOWS, 'http://schemas.microsoft.com/GroupPolicy/2006/07/Policysecurity intelligence')],
    ['none (Camera, firefox)', (t) => t.replace(` xmlns="${WINDOWS}"`, '')],
    ['a prefix on every element', (t) => t.replace(` xmlns="${WINDOWS}"`, ` xmlns:pd="${WINDOWS}"`).replace(/<!\[CDATA\[[\s\S]*?\]\]>|<(\/?)([A-Za-z])/g, (m, slash = '', c) => (c ? `<${slash}pd:${c}` : m))],
  ];

  it.each(variants)('%s reads to the same model', (_name, change) => {
    const result = read(utf8(change(admxText)), utf8(change(admlText)));
    expect(result.diagnostics).toEqual([]);
    expect(result.definitions).toEqual(base.definitions);
  });
});

describe('positions survive the encoding', () => {
  const broken = admxText.replace('$(string.Toggle_Help)', '$(string.NoSuchString)');
  const expected = ['Contoso.admx:43:87 GPF1208'];

  it.each([
    ['UTF-8', (t: string) => utf8(t)],
    ['UTF-8 with BOM and CRLF', (t: string) => utf8(t.replace(/\n/g, '\r\n'), true)],
    ['UTF-16LE with BOM and CRLF', (t: string) => utf16le(t.replace(/\n/g, '\r\n'))],
  ])('%s: the unresolved string is reported at the same line:col', (_name, encode) => {
    const result = read(encode(broken), utf8(admlText));
    expect(where(result.diagnostics, result.texts)).toEqual(expected);
    expect(printed(result.diagnostics, result.texts)).toContain("string 'NoSuchString' is not defined in the en-US ADML (en-US/Contoso.adml)");
  });
});
