/**
 * Text a .reg line can hold literally (FORMATS.md b.5): no C0 control but TAB, no DEL, no
 * unpaired surrogate. Shared by the .reg emitter and the GPO validator, which rejects names no
 * .reg could write.
 */
export function isRegLiteral(text: string): boolean {
  // Most text has no control character and no surrogate at all: one plain scan decides it.
  if (!/[\u0000-\u0008\u000a-\u001f\u007f\ud800-\udfff]/.test(text)) return true;
  return !/[\u0000-\u0008\u000a-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text);
}
