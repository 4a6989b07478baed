/**
 * Escaping for the HTML docs (issue 13), decided here so templates only place text. Pages are
 * XHTML-compatible HTML5 (well-formed XML too, so an XML parser checks them in tests).
 * - text and attribute values: & < > " ' as entities; characters XML cannot carry (C0 controls
 *   but TAB/LF/CR, lone surrogates, U+FFFE/U+FFFF) shown as U+2400 control pictures or U+FFFD,
 *   since a docs page must show any registry string rather than fail;
 * - JSON inside <script>: < > & and U+2028/U+2029 as \u escapes, so no markup can end the script
 *   and the text stays well-formed XML; JSON.parse gives back the exact value.
 */

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Shows what XML 1.0 cannot carry: a C0 control as its control picture, anything else as U+FFFD. */
function visible(s: string): string {
  return s.replace(NOT_XML_CHAR, (c) => {
    const code = c.codePointAt(0) ?? 0;
    return code < 0x20 ? String.fromCodePoint(0x2400 + code) : '\uFFFD';
  });
}

/** Escapes text content and double- or single-quoted attribute values alike. */
export function escapeHtml(s: string): string {
  if (!/[&<>"'\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]/.test(s)) return s;
  return visible(s).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/** A value as JSON that can sit inside `<script type="application/json">` unchanged. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${(c.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`);
}

/** Paragraphs of a help text: split at blank lines (ADML explain texts use them), lines kept. */
export function paragraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}
