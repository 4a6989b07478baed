/**
 * The `[strings]` table of one .adm file (FORMATS.md d.3): which `!!Name` each text gets, and
 * which texts the file defines. A name is `[A-Za-z0-9_]` only and unique case-insensitively.
 * The model's ADML string ids keep their names (so .adm and .adml agree); texts the ADML keeps in
 * presentations (PART labels, notes, defaults, suggestions) get derived names such as
 * `<policyStringId>_<elementId>`, made unique with `_2`, `_3`, ... Only texts actually referenced
 * are defined, each once, in order of first reference, so every `!!Name` resolves and none is unused.
 */
import { StringIds } from '../model/string-ids.js';
import type { DefinitionsFile, Localized } from '../model/types.js';
import { escapeAdmString, type AdmStringView } from './adm.js';
import { collectStrings } from './adml.js';

export class AdmStrings {
  private readonly names = new StringIds();
  /** Model string id → its .adm name and text (first text wins, as in the ADML). */
  private readonly model = new Map<string, { readonly name: string; readonly text: Localized }>();
  /** .adm name → text, in order of first reference. */
  private readonly used = new Map<string, Localized>();

  /** The names do not depend on the locale: one table serves every locale of the file. */
  constructor(private readonly file: DefinitionsFile) {
    for (const entry of collectStrings(file)) this.model.set(entry.id, { name: this.names.claim(entry.id), text: entry.text });
  }

  /** The name of a model string (ADML string id), defining it on first use. */
  ref(stringId: string): string {
    const entry = this.model.get(stringId);
    if (entry === undefined) throw new Error(`gpforge bug: ${this.file.sourcePath} has no string "${stringId}"`);
    if (!this.used.has(entry.name)) this.used.set(entry.name, entry.text);
    return entry.name;
  }

  /** A new name derived from `preferred`, defined with `text`. Call once per text. */
  derive(preferred: string, text: Localized): string {
    const name = this.names.claim(preferred);
    this.used.set(name, text);
    return name;
  }

  /** The `[strings]` lines' data for `locale`, in order of first reference. */
  list(locale: string): AdmStringView[] {
    const lines: AdmStringView[] = [];
    for (const [name, text] of this.used) {
      const value = text[locale];
      if (value === undefined) throw new Error(`gpforge bug: ${this.file.sourcePath} has a text without locale ${locale}`);
      lines.push({ name, value: escapeAdmString(value) });
    }
    return lines;
  }
}
