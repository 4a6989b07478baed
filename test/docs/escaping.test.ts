/**
 * Property tests of the docs' escaping, judged by parsers that are not ours: fast-xml-parser for
 * HTML text and attributes (pages are well-formed XML), JSON.parse for script data, markdown-it
 * (CommonMark + GFM tables) for Markdown text, table cells and code spans.
 */
import fc from 'fast-check';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { escapeHtml, jsonForScript } from '../../src/docs/html-escape.js';
import { markdownCell, markdownCode, markdownText } from '../../src/docs/markdown-escape.js';

/** Texts with markup, quotes, entities, Markdown syntax, RTL marks and non-BMP characters. */
const hostile = fc.string({
  unit: fc.oneof(
    fc.constantFrom('<', '>', '&', '"', "'", '`', '*', '_', '[', ']', '(', ')', '#', '|', '\\', '-', '+', '=', '!', '~', '.', '1', ':', ' ', 'a', 'Z'),
    fc.constantFrom('&amp;', '&#39;', '<script>', '</p>', '<!--', ']]>', '\u202E', '\u200F', 'ש', 'م', '𝕏', '🚀', '\u2028', 'é'),
  ),
  maxLength: 40,
});

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', htmlEntities: true, trimValues: false, parseTagValue: false, parseAttributeValue: false });

describe('HTML escaping', () => {
  it('gives back every text, in content and in attributes, through an XML parser', () => {
    fc.assert(
      fc.property(hostile, (s) => {
        const doc = `<p title="${escapeHtml(s)}">${escapeHtml(s)}</p>`;
        expect(XMLValidator.validate(doc)).toBe(true);
        const parsed = xml.parse(doc) as { p: string | { '#text'?: string; '@title': string } };
        const p = typeof parsed.p === 'string' ? { '#text': parsed.p, '@title': '' } : parsed.p;
        expect(p['@title']).toBe(s);
        expect(p['#text'] ?? '').toBe(s);
      }),
    );
  });

  it('shows what XML cannot carry instead of failing', () => {
    expect(escapeHtml('a\u0001b\uD800c')).toBe('a\u2401b\uFFFDc');
  });

  it('keeps script data JSON that no markup can end', () => {
    fc.assert(
      fc.property(fc.jsonValue(), hostile, (value, s) => {
        const data = { value, s };
        const text = jsonForScript(data);
        expect(text).not.toMatch(/[<>&\u2028\u2029]/);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(data)));
      }),
    );
  });
});

const md = new MarkdownIt({ html: true });
/** markdown-it's own escaping of text in HTML output. */
const htmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const someText = hostile.filter((s) => s !== '');

describe('Markdown escaping (markdown-it as the reader)', () => {
  it('renders any one-line text as itself in a paragraph', () => {
    fc.assert(
      fc.property(someText, (s) => {
        expect(md.render(markdownText(s))).toBe(`<p>${htmlText(s)}</p>\n`);
      }),
    );
  });

  it('keeps line breaks as hard breaks', () => {
    expect(md.render(markdownText('# one\n- two\n1. three'))).toBe('<p># one<br>\n- two<br>\n1. three</p>\n');
  });

  it('renders any text as itself in a table cell, and code spans exactly', () => {
    fc.assert(
      fc.property(someText, someText, (cell, code) => {
        const html = md.render(`| a | b |\n|---|---|\n| ${markdownCell(cell)} | ${markdownCode(code, true)} |\n`);
        const row = /<tbody>\n<tr>\n<td>(.*)<\/td>\n<td>(.*)<\/td>\n<\/tr>/s.exec(html);
        expect(row?.[1]).toBe(htmlText(cell));
        expect(row?.[2]).toBe(`<code>${htmlText(code)}</code>`);
      }),
    );
  });
});
