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
  /** .adm name → escaped value, in order of first reference. */
  private readonly used = new Map<string, string>();

  constructor(
    private readonly file: DefinitionsFile,
    private readonly locale: string,
  ) {
    for (const entry of collectStrings(file)) this.model.set(entry.id, { name: this.claim(entry.id), text: entry.text });
  }

  /** The name of a model string (ADML string id), defining it on first use. */
  ref(stringId: string): string {
    const entry = this.model.get(stringId);
    if (entry === undefined) throw new Error(`gpforge bug: ${this.file.sourcePath} has no string "${stringId}"`);
    this.define(entry.name, entry.text);
    return entry.name;
  }

  /** A new name derived from `preferred`, defined with `text`. Call once per text. */
  derive(preferred: string, text: Localized): string {
    const name = this.claim(preferred);
    this.define(name, text);
    return name;
  }

  /** The `[strings]` lines' data, in order of first reference. */
  list(): AdmStringView[] {
    return [...this.used].map(([name, value]) => ({ name, value }));
  }

  private define(name: string, text: Localized): void {
    if (this.used.has(name)) return;
    const value = text[this.locale];
    if (value === undefined) throw new Error(`gpforge bug: ${this.file.sourcePath} has a text without locale ${this.locale}`);
    this.used.set(name, escapeAdmString(value));
  }

  private claim(preferred: string): string {
    return this.names.claim(preferred);
  }
}
