/** One locale's text of a Localized, with the fallbacks the docs use. */
import type { DefinitionsFile, Localized } from '../model/types.js';

/** The text in `locale`, else the file's default locale's, else any. */
export function textIn(text: Localized | undefined, locale: string, file: DefinitionsFile): string {
  if (text === undefined) return '';
  return text[locale] ?? text[file.locales[0] ?? ''] ?? Object.values(text)[0] ?? '';
}
