/** Shared decoding of existing files: BOMs, and windows-1252 bytes 80–9F (Node maps them to C1 controls). */
import { describe, expect, it } from 'vitest';
import { decodeXml } from '../../src/load/admx/decode-xml.js';
import { bomEncoding, decodeText } from '../../src/load/decode-text.js';

describe('decodeText', () => {
  it('reads windows-1252 80–9F as the characters of the WHATWG table', () => {
    expect(decodeText(Uint8Array.of(0x80, 0x93, 0x94, 0x96, 0xe9, 0x81), 'windows-1252')).toEqual({ text: '€“”–é\u0081', valid: true });
  });

  it('reports bytes invalid in the encoding, replacing them', () => {
    expect(decodeText(Uint8Array.of(0x61, 0xff), 'utf-8')).toEqual({ text: 'a\ufffd', valid: false });
  });

  it('names the encoding of each BOM', () => {
    expect(bomEncoding(Uint8Array.of(0xef, 0xbb, 0xbf, 0x3c))).toEqual({ encoding: 'utf-8', skip: 3 });
    expect(bomEncoding(Uint8Array.of(0xff, 0xfe, 0x3c, 0))).toEqual({ encoding: 'utf-16le', skip: 2 });
    expect(bomEncoding(Uint8Array.of(0xfe, 0xff, 0, 0x3c))).toEqual({ encoding: 'utf-16be', skip: 2 });
    expect(bomEncoding(Uint8Array.of(0x3c, 0x3f))).toBeUndefined();
  });

  it('an ADML declaring windows-1252 keeps its € (the XML reader uses the same decoder)', () => {
    const bytes = Uint8Array.from(Buffer.from('<?xml version="1.0" encoding="windows-1252"?>\n<a>x\x80y</a>\n', 'latin1'));
    expect(decodeXml(bytes, 'w.adml')).toEqual({ text: '<?xml version="1.0" encoding="windows-1252"?>\n<a>x€y</a>\n', diagnostics: [] });
  });
});
