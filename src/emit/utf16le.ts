/**
 * UTF-16LE bytes, shared by the formats that use it (.reg, .adm, Registry.pol, GPO.cmt; FORMATS.md
 * §f). Code units are written as they are: an unpaired surrogate survives, as Windows keeps it.
 */
const BOM = Uint8Array.of(0xff, 0xfe);

export function encodeUtf16le(text: string, options: { readonly bom?: boolean } = {}): Uint8Array {
  const units = Buffer.from(text, 'utf16le');
  if (!options.bom) return new Uint8Array(units.buffer, units.byteOffset, units.byteLength);
  const bytes = new Uint8Array(BOM.length + units.length);
  bytes.set(BOM);
  bytes.set(units, BOM.length);
  return bytes;
}
