/** Localized YAML text (plain string = default locale, or a map) → one text for every locale. */
import type { Localized } from './types.js';

export type LocalizedInput = string | Readonly<Record<string, string>>;

/**
 * Validation has already reported missing locales; here a missing one takes the default
 * locale's text (the `fallback: true` behaviour, DESIGN.md §1.1). Map keys match
 * case-insensitively and are normalised to the casing declared in `locales`.
 */
export function localize(value: LocalizedInput, locales: readonly string[]): Localized {
  const result: Record<string, string> = {};
  if (typeof value === 'string') {
    for (const locale of locales) result[locale] = value; // the default locale's text, so every fallback's too
    return result;
  }
  const [defaultLocale = 'en-US'] = locales;
  const fallbackText = lookup(value, defaultLocale) ?? '';
  for (const locale of locales) result[locale] = lookup(value, locale) ?? fallbackText;
  return result;
}

/** The text of the first key that is `locale` ignoring case. */
function lookup(given: Readonly<Record<string, string>>, locale: string): string | undefined {
  const wanted = locale.toLowerCase();
  for (const key of Object.keys(given)) if (key.toLowerCase() === wanted) return given[key];
  return undefined;
}
