/**
 * Escaping for the Markdown docs (GitHub Flavored Markdown, CommonMark 0.31 plus tables), decided
 * here so templates only place text. Any text renders as itself, never as markup:
 * - inline text: `\ ` * _ [ ] < > | ~ &` backslash-escaped everywhere (CommonMark §2.4: any ASCII
 *   punctuation may be), and what starts a block only at a line start (`#`, `>`, `-`, `+`, `=`,
 *   `1.`/`1)`); leading and trailing spaces and tabs as character references (a reader would drop
 *   them, and four leading spaces start a code block); U+2028
 *   and U+2029 as character references (some readers take them for white space and drop them);
 * - code spans: a backtick fence longer than any run inside, padded when the text starts or ends
 *   with a backtick; `|` escaped in table cells (GFM §4.10 reads it as a cell border even there);
 * - line breaks: a hard break (`\` at line end) in paragraphs, `<br>` in table cells.
 */

const INLINE = /[\\`*_[\]<>|~&]/g;
const BLOCK_START = /^([#>+=-]|\d+(?=[.)]))/;

/** One line of inline text. */
function escapeLine(line: string): string {
  const escaped = line
    .replace(INLINE, (c) => `\\${c}`)
    .replace(/^[ \t]+|[ \t]+$/g, (run) => run.replace(/[ \t]/g, (c) => `&#${c.charCodeAt(0)};`))
    .replace(/[\u2028\u2029]/g, (c) => `&#${c.charCodeAt(0)};`);
  return escaped.replace(BLOCK_START, (m) => (/^\d/.test(m) ? `${m}\\` : `\\${m}`));
}

/** Text in a paragraph or heading; line breaks become hard breaks. */
export function markdownText(s: string): string {
  return s.replace(/\r\n?/g, '\n').split('\n').map(escapeLine).join('\\\n');
}

/** Text in a table cell: one physical line, breaks as `<br>`. */
export function markdownCell(s: string): string {
  return s.replace(/\r\n?/g, '\n').split('\n').map(escapeLine).join('<br>');
}

/** A code span; `inTable` escapes `|` as GFM tables need. Line breaks become spaces (a span has none). */
export function markdownCode(s: string, inTable = false): string {
  const flat = s.replace(/\r\n?|\n/g, ' ');
  if (flat === '') return '';
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  // A reader strips one space from each end of a span unless it is all spaces (CommonMark 6.1).
  const allSpaces = /^ +$/.test(flat);
  const pad = !allSpaces && (flat.startsWith('`') || flat.endsWith('`') || (flat.startsWith(' ') && flat.endsWith(' '))) ? ' ' : '';
  const body = inTable ? flat.replace(/\|/g, '\\|') : flat;
  return `${fence}${pad}${body}${pad}${fence}`;
}

/** A link destination in angle brackets (spaces and parentheses allowed there). */
export function markdownHref(href: string): string {
  return `<${href.replace(/[<>\\]/g, (c) => encodeURIComponent(c))}>`;
}
