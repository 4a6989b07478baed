/**
 * ADMX/ADML bytes → text (FORMATS.md c.2, f): UTF-8 with or without BOM, UTF-16LE/BE with BOM,
 * UTF-16 without BOM (detected from `<?`, as XML 1.0 appendix F does), else the encoding the
 * XML declaration names (`encoding='unicode'` is a UTF-16 label, as in Windows' Search.admx).
 * The BOM is dropped; every span of a diagnostic on the file is an offset into the returned text.
 */
import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { bomEncoding, decodeText } from '../decode-text.js';

export interface DecodedXml {
  readonly text: string;
  readonly diagnostics: Diagnostic[];
}

const DECLARED_ENCODING = /^<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/;
/** How much of an 8-bit file is read to find the declaration; declarations are short. */
const DECLARATION_WINDOW = 256;

interface Sniffed {
  readonly encoding: string;
  readonly skip: number;
}

/** Decodes one ADMX/ADML file; never throws. Bytes invalid for the encoding are replaced (U+FFFD) and reported. */
export function decodeXml(bytes: Uint8Array, file: string): DecodedXml {
  const diagnostics: Diagnostic[] = [];
  const sniffed = sniffEncoding(bytes, file, diagnostics);
  const { text, valid } = decodeText(bytes.subarray(sniffed.skip), sniffed.encoding);
  if (!valid) diagnostics.push(diagnostic('GPF1200', file, undefined, sniffed.encoding));
  return { text, diagnostics };
}

function sniffEncoding(bytes: Uint8Array, file: string, diagnostics: Diagnostic[]): Sniffed {
  const bom = bomEncoding(bytes);
  if (bom) return bom;
  const [b0, b1] = bytes;
  if (b0 === 0x3c && b1 === 0x00) return { encoding: 'utf-16le', skip: 0 };
  if (b0 === 0x00 && b1 === 0x3c) return { encoding: 'utf-16be', skip: 0 };
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, DECLARATION_WINDOW));
  const declared = DECLARED_ENCODING.exec(head)?.[1];
  if (declared === undefined) return { encoding: 'utf-8', skip: 0 };
  const encoding = supportedEncoding(declared);
  if (encoding === undefined) {
    diagnostics.push(diagnostic('GPF1201', file, { start: head.indexOf(declared), end: head.indexOf(declared) + declared.length }, declared));
    return { encoding: 'utf-8', skip: 0 };
  }
  // A UTF-16 label on bytes that are evidently 8-bit (no NULs around '<?xml'): the bytes win.
  return { encoding: encoding.startsWith('utf-16') ? 'utf-8' : encoding, skip: 0 };
}

/** The WHATWG name of an encoding label Node can decode, or undefined. */
function supportedEncoding(label: string): string | undefined {
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return undefined;
  }
}
