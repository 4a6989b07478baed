/** Localized texts: every declared locale present (DESIGN.md §1.1), no undeclared locale, XML-safe text. */
import { isXmlRepresentable } from '../../emit/xml-escape.js';
import type { CheckContext } from './context.js';
import { localizedTexts, stringsFailing } from './walk.js';

export function checkTexts(ctx: CheckContext): void {
  const [defaultLocale = 'en-US', ...others] = ctx.locales;
  const fallback = ctx.input.fallback === true;
  const declared = new Set(ctx.locales.map((l) => l.toLowerCase()));
  for (const { value, path } of localizedTexts(ctx)) {
    const given = typeof value === 'string' ? [defaultLocale] : Object.keys(value);
    for (const locale of given) {
      if (!declared.has(locale.toLowerCase())) ctx.report('GPF2113', { key: [...path, locale] }, locale, ctx.locales);
    }
    if (typeof value !== 'string' && !given.includes(defaultLocale)) ctx.report('GPF2110', path, defaultLocale);
    for (const locale of others) {
      if (given.includes(locale)) continue;
      if (fallback) ctx.report('GPF2111', path, locale, defaultLocale);
      else ctx.report('GPF2110', path, locale);
    }
  }
  for (const { path } of stringsFailing(ctx.doc.data, isXmlRepresentable)) ctx.report('GPF2114', path, 'this text');
}
