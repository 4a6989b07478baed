/** Localized YAML text (plain string = default locale, or a map) → one text for every locale. */
import type { Localized } from './types.js';

export type LocalizedInput = string | Readonly<Record<string, string>>;

/**
 * Validation has already reported missing locales; here a missing one takes the default
 * locale's text (the `fallback: true` behaviour, DESIGN.md §1.1). Map keys match
 * case-insensitively and are normalised to the casing declared in `locales`.
 */
export function localize(value: LocalizedInput, locales: readonly string[]): Localized {
  const [defaultLocale = 'en-US'] = locales;
  const given = typeof value === 'string' ? { [defaultLocale]: value } : value;
  const lookup = (locale: string) => Object.entries(given).find(([k]) => k.toLowerCase() === locale.toLowerCase())?.[1];
  const fallbackText = lookup(defaultLocale) ?? '';
  return Object.fromEntries(locales.map((locale) => [locale, lookup(locale) ?? fallbackText]));
}
