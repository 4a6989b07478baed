/**
 * Bytes → text for the readers of existing files (ADMX/ADML, .adm): byte-order marks, and a
 * decoder that gets windows-1252 right. Node 20's TextDecoder('windows-1252') decodes 80–9F as
 * C1 controls (as ISO-8859-1 does), so those 32 bytes are mapped here, by the WHATWG
 * windows-1252 table (81, 8D, 8F, 90, 9D stay as they are).
 */

/** The encoding a byte-order mark names, and the BOM's length; undefined without a BOM. */
export function bomEncoding(bytes: Uint8Array): { encoding: string; skip: number } | undefined {
  const [b0, b1, b2] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return { encoding: 'utf-8', skip: 3 };
  if (b0 === 0xff && b1 === 0xfe) return { encoding: 'utf-16le', skip: 2 };
  if (b0 === 0xfe && b1 === 0xff) return { encoding: 'utf-16be', skip: 2 };
  return undefined;
}

const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/**
 * Decodes `bytes` in `encoding` (a WHATWG name). `valid` is false when some bytes were not valid
 * in it and were replaced with U+FFFD; the caller reports that.
 */
export function decodeText(bytes: Uint8Array, encoding: string): { text: string; valid: boolean } {
  if (encoding === 'windows-1252') {
    const latin1 = new TextDecoder('latin1').decode(bytes);
    return { text: latin1.replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80] ?? c), valid: true };
  }
  try {
    return { text: new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes), valid: true };
  } catch {
    return { text: new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes), valid: false };
  }
}

/** True when `bytes` are valid UTF-8. */
export function isUtf8(bytes: Uint8Array): boolean {
  return decodeText(bytes, 'utf-8').valid;
}
