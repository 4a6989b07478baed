/**
 * Walks the tokens of an .adm body for the parser (parse-adm.ts, parse-adm-part.ts) and reads
 * the operands of MS-GPREG 2.2.2.1: AdmString (`!!Name`, `"quoted"` or a bare token), registry
 * names, numbers (decimal or 0x hex, 0..4294967295) and values (`NUMERIC n`, `DELETE`, a string).
 * A missing or wrong operand is reported here and comes back undefined, unconsumed.
 */
import type { Span } from '../../diagnostics/diagnostic.js';
import type { AdmSource } from './adm-source.js';
import type { AdmText, AdmValue } from './adm-syntax.js';
import type { AdmStringTable } from './read-strings-section.js';
import type { AdmToken } from './tokenize-adm.js';

/** Words that start or end a statement; never read as an unquoted string (a missing operand instead). */
const STATEMENT_WORDS = new Set([
  'CLASS', 'CATEGORY', 'POLICY', 'PART', 'END', 'KEYNAME', 'VALUENAME', 'VALUEON', 'VALUEOFF', 'EXPLAIN', 'SUPPORTED',
  'CLIENTEXT', 'ACTIONLISTON', 'ACTIONLISTOFF', 'ACTIONLIST', 'ITEMLIST', 'SUGGESTIONS',
]);

const DWORD_MAX = 0xffffffff;

/** A position in the token list, with the source to report to and the `[strings]` table to resolve `!!Name`. */
export class AdmCursor {
  private index = 0;

  constructor(
    readonly source: AdmSource,
    private readonly tokens: readonly AdmToken[],
    private readonly strings: AdmStringTable,
    /** Where the body ends (the `[strings]` line, or the end of the text). */
    private readonly bodyEnd: number,
  ) {}

  peek(ahead = 0): AdmToken | undefined {
    return this.tokens[this.index + ahead];
  }

  next(): AdmToken | undefined {
    const token = this.tokens[this.index];
    if (token !== undefined) this.index++;
    return token;
  }

  /** The upper-cased word of the token `ahead` positions on, or undefined for a string or the end. */
  keyword(ahead = 0): string | undefined {
    const token = this.peek(ahead);
    return token?.kind === 'word' ? token.text.toUpperCase() : undefined;
  }

  /** True when the next tokens are `END <block>`. */
  atEnd(block: string): boolean {
    return this.keyword() === 'END' && this.keyword(1) === block;
  }

  /** How the next token appears in a message: `'END POLICY'`, `'"text"'`, or `the end of the file`. */
  found(): string {
    return this.peek() === undefined ? 'the end of the file' : `'${this.written()}'`;
  }

  /** The next token as written (`END POLICY` for END and its block word); '' at the end. */
  written(): string {
    const token = this.peek();
    if (token === undefined) return '';
    if (token.kind === 'quoted') return `"${token.text}"`;
    if (token.kind === 'ref') return `!!${token.text}`;
    const second = this.keyword(1);
    return this.keyword() === 'END' && second !== undefined ? `END ${second}` : token.text;
  }

  /** The span of the next token, or an empty span where the body ends. */
  here(): Span {
    const token = this.peek();
    return token ? { start: token.start, end: token.end } : { start: this.bodyEnd, end: this.bodyEnd };
  }

  /** An AdmString operand: `!!Name` (resolved; GPF1306 when undefined), `"quoted"` or a bare token. */
  text(after: string): AdmText | undefined {
    const token = this.peek();
    if (token === undefined || (token.kind === 'word' && STATEMENT_WORDS.has(token.text.toUpperCase()))) {
      this.source.report('GPF1307', this.here(), 'a string', after, this.found());
      return undefined;
    }
    this.next();
    const span = { start: token.start, end: token.end };
    if (token.kind !== 'ref') return { text: token.text, span };
    const entry = this.strings.get(token.text.toLowerCase());
    if (entry === undefined) this.source.report('GPF1306', span, token.text);
    return { text: entry?.text ?? token.text, name: token.text, span };
  }

  /** A registry key or value name (KEYNAME, VALUENAME, VALUEPREFIX): any string operand, as text. */
  name(after: string): string | undefined {
    return this.text(after)?.text;
  }

  /** A number operand, 0..4294967295, decimal or 0x hexadecimal. */
  number(after: string): number | undefined {
    const token = this.peek();
    if (token?.kind !== 'word' || !/^(\d+|0x[0-9a-f]+)$/i.test(token.text)) {
      this.source.report('GPF1307', this.here(), 'a number', after, this.found());
      return undefined;
    }
    this.next();
    const value = Number(token.text);
    if (value <= DWORD_MAX) return value;
    this.source.report('GPF1315', { start: token.start, end: token.end }, token.text, 'a number from 0 to 4294967295');
    return undefined;
  }

  /** `NUMERIC n` → decimal, `DELETE` → delete, any string operand → string. */
  value(after: string): AdmValue | undefined {
    const keyword = this.keyword();
    if (keyword === 'NUMERIC') {
      this.next();
      const n = this.number('NUMERIC');
      return n === undefined ? undefined : { kind: 'decimal', value: n };
    }
    if (keyword === 'DELETE') {
      this.next();
      return { kind: 'delete' };
    }
    if (this.peek() === undefined || STATEMENT_WORDS.has(keyword ?? '')) {
      this.source.report('GPF1307', this.here(), 'NUMERIC n, DELETE or a string', after, this.found());
      return undefined;
    }
    const text = this.text(after);
    return text === undefined ? undefined : { kind: 'string', value: text.text };
  }
}
