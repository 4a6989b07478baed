/**
 * UTF-8 bytes of a rendered output (FORMATS.md §f). Buffer.from encodes the multi-megabyte texts
 * of the GPO and Intune outputs about twice as fast as TextEncoder; the result is handed out as a
 * plain Uint8Array view, like encodeUtf16le's.
 */
export function encodeUtf8(text: string): Uint8Array {
  const bytes = Buffer.from(text, 'utf8');
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** `text` with its trailing line feeds replaced by exactly one (a `\n*$` regex tries every position). */
export function withOneFinalNewline(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 0x0a) end--;
  return `${text.slice(0, end)}\n`;
}
