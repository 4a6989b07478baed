/**
 * .adm bytes → text (FORMATS.md d.1, f). ADM files are "Unicode" (UTF-16LE with BOM, as gpforge
 * and Chromium write them) or ANSI (the system code page, as Samba's FolderRedir.adm and most
 * hand-written files are). Detection, first match wins:
 * - BOM FF FE → UTF-16LE; FE FF → UTF-16BE; EF BB BF → UTF-8;
 * - no BOM, even length, and the first code unit is an ASCII character followed by 00 → UTF-16LE
 *   (a file saved by a tool that dropped the BOM);
 * - no BOM and valid UTF-8 → UTF-8 (pure ASCII lands here; it reads the same either way);
 * - anything else → ANSI, read as Windows-1252 (the Western code page; the bytes of other code
 *   pages read as the Windows-1252 characters of the same bytes, so they need re-saving first;
 *   decode-text.ts maps windows-1252 correctly, which Node's own decoder does not).
 * The BOM is dropped; every diagnostic span on the file is an offset into the returned text.
 */
import { diagnostic, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { bomEncoding, decodeText, isUtf8 } from '../decode-text.js';

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
  const { text, valid } = decodeText(bytes.subarray(skip), encoding);
  return { text, encoding, diagnostics: valid ? [] : [diagnostic('GPF1300', file, undefined, encoding)] };
}

function sniff(bytes: Uint8Array): { encoding: string; skip: number } {
  const bom = bomEncoding(bytes);
  if (bom) return bom;
  const [b0, b1] = bytes;
  if (bytes.length % 2 === 0 && b0 !== undefined && b0 > 0 && b0 < 0x80 && b1 === 0) return { encoding: 'utf-16le', skip: 0 };
  return { encoding: isUtf8(bytes) ? 'utf-8' : 'windows-1252', skip: 0 };
}
