/**
 * .adm bytes → text (FORMATS.md d.1, f). ADM files are "Unicode" (UTF-16LE with BOM, as gpforge
 * and Chromium write them) or ANSI (the system code page, as Samba's FolderRedir.adm and most
 * hand-written files are). Detection, first match wins:
 * - BOM FF FE → UTF-16LE; FE FF → UTF-16BE; EF BB BF → UTF-8;
 * - no BOM, even length, and the first code unit is an ASCII character followed by 00 → UTF-16LE
 *   (a file saved by a tool that dropped the BOM);
 * - no BOM and valid UTF-8 → UTF-8 (pure ASCII lands here; it reads the same either way);
 * - anything else → ANSI, read as Windows-1252 (the Western code page; the bytes of other code
 *   pages read as the Windows-1252 characters of the same bytes, so they need re-saving first).
 *   Node 20's TextDecoder('windows-1252') decodes 80–9F as C1 controls (as ISO-8859-1 does), so
 *   those 32 bytes are mapped here, by the WHATWG windows-1252 table (81, 8D, 8F, 90, 9D stay).
 * The BOM is dropped; every diagnostic span on the file is an offset into the returned text.
 */
import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';

/** The decoded text (BOM dropped) and what went wrong decoding it. */
export interface DecodedAdm {
  readonly text: string;
  /** WHATWG name of the encoding used, e.g. `utf-16le` or `windows-1252`. */
  readonly encoding: string;
  readonly diagnostics: Diagnostic[];
}

/** Decodes one .adm file; never throws. Invalid UTF-16/UTF-8 is read with U+FFFD and reported (GPF1300). */
export function decodeAdm(bytes: Uint8Array, file: string): DecodedAdm {
  const { encoding, skip } = sniff(bytes);
  const body = bytes.subarray(skip);
  if (encoding === 'windows-1252') return { text: decodeWindows1252(body), encoding, diagnostics: [] };
  try {
    return { text: new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(body), encoding, diagnostics: [] };
  } catch {
    const text = new TextDecoder(encoding, { ignoreBOM: true }).decode(body);
    return { text, encoding, diagnostics: [diagnostic('GPF1300', file, undefined, encoding)] };
  }
}

/** Bytes 80–9F of windows-1252 (WHATWG encoding index); the five unassigned ones map to themselves. */
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = new TextDecoder('latin1').decode(bytes);
  return latin1.replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80] ?? c);
}

function sniff(bytes: Uint8Array): { encoding: string; skip: number } {
  const [b0, b1, b2] = bytes;
  if (b0 === 0xff && b1 === 0xfe) return { encoding: 'utf-16le', skip: 2 };
  if (b0 === 0xfe && b1 === 0xff) return { encoding: 'utf-16be', skip: 2 };
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return { encoding: 'utf-8', skip: 3 };
  if (bytes.length % 2 === 0 && b0 !== undefined && b0 > 0 && b0 < 0x80 && b1 === 0) return { encoding: 'utf-16le', skip: 0 };
  return { encoding: isUtf8(bytes) ? 'utf-8' : 'windows-1252', skip: 0 };
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
