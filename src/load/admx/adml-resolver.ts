/**
 * Resolves `$(string.ID)` and `$(presentation.ID)` (FORMATS.md c.9) against the ADMLs of one
 * ADMX, one per locale, the default (fallback) locale first. A text missing from the default
 * ADML is an error at the reference (GPF1208); missing from another locale, the default text
 * is used and a warning says so once per id and locale (GPF1210).
 */
import type { Localized } from '../../model/types.js';
import type { AdmlTables } from './adml-tables.js';
import { report, requiredAttribute, type Source } from './read-attributes.js';
import { attribute, attributeSpan } from './xml-query.js';
import type { XmlElement } from './xml-tree.js';

export interface ResolvedString {
  readonly id: string;
  readonly text: Localized;
}

export interface ResolvedPresentation {
  readonly id: string;
  /** The `presentation` element in each ADML, in locale order; [0] is always present. */
  readonly perLocale: readonly (XmlElement | undefined)[];
}

const REFERENCE = /^\s*\$\((string|presentation)\.([^)]*)\)\s*$/;

export class AdmlResolver {
  readonly locales: readonly string[];
  private readonly warned = new Set<string>();
  /** String ids some ADMX attribute referred to. */
  private readonly used = new Set<string>();

  constructor(
    private readonly admx: Source,
    readonly tables: readonly AdmlTables[],
  ) {
    this.locales = tables.map((t) => t.locale);
  }

  /** The ADML of `locales[index]` (diagnostics on presentations go there). */
  admlSource(index: number): Source {
    return (this.tables[index] ?? this.tables[0])?.source ?? this.admx;
  }

  /** A required `$(string.ID)` attribute; absent or unresolved → reported, texts ''. */
  string(element: XmlElement, name: string): ResolvedString {
    const value = attribute(element, name);
    if (value !== undefined) return this.resolveString(element, name, value);
    requiredAttribute(this.admx, element, name);
    return this.unresolved('');
  }

  /** An optional `$(string.ID)` attribute (explainText); absent → undefined. */
  optionalString(element: XmlElement, name: string): ResolvedString | undefined {
    const value = attribute(element, name);
    return value === undefined ? undefined : this.resolveString(element, name, value);
  }

  /** A policy's `$(presentation.ID)`; absent or unresolved (reported) → undefined. */
  presentation(element: XmlElement, name: string): ResolvedPresentation | undefined {
    const value = attribute(element, name);
    if (value === undefined) return undefined;
    const id = this.referenceId(element, name, value, 'presentation');
    if (id === undefined) return undefined;
    const perLocale = this.tables.map((t) => t.presentations.get(id));
    if (!perLocale[0]) {
      this.reportMissing(element, name, 'presentation', id);
      return undefined;
    }
    perLocale.forEach((found, i) => {
      if (!found) this.warnFallback(element, name, `presentation '${id}'`, i);
    });
    return { id, perLocale };
  }

  /** A warning (once per what and locale) that `locales[index]` lacks something the default has. */
  warnFallback(element: XmlElement, name: string, what: string, index: number, source: Source = this.admx): void {
    const key = `${what}\u0000${index}`;
    if (this.warned.has(key)) return;
    this.warned.add(key);
    report(source, 'GPF1210', attributeSpan(source.text, element, name), what, this.locales[index] ?? '', this.locales[0] ?? '');
  }

  /** The default ADML's strings that nothing referred to (so far), in ADML order, texts per locale. */
  unusedStrings(): { id: string; text: Localized }[] {
    const [first] = this.tables;
    if (!first) return [];
    return [...first.strings.entries()]
      .filter(([id]) => !this.used.has(id))
      .map(([id, fallback]) => ({ id, text: Object.fromEntries(this.tables.map((t) => [t.locale, t.strings.get(id) ?? fallback])) }));
  }

  private resolveString(element: XmlElement, name: string, value: string): ResolvedString {
    const id = this.referenceId(element, name, value, 'string');
    if (id === undefined) return this.unresolved(value);
    this.used.add(id);
    const perLocale = this.tables.map((t) => t.strings.get(id));
    const fallback = perLocale[0];
    if (fallback === undefined) {
      this.reportMissing(element, name, 'string', id);
      return this.unresolved(id);
    }
    const text: Record<string, string> = {};
    perLocale.forEach((found, i) => {
      if (found === undefined) this.warnFallback(element, name, `string '${id}'`, i);
      text[this.locales[i] ?? ''] = found ?? fallback;
    });
    return { id, text };
  }

  private referenceId(element: XmlElement, name: string, value: string, kind: 'string' | 'presentation'): string | undefined {
    const match = REFERENCE.exec(value);
    if (match && match[1] === kind && match[2]) return match[2];
    report(this.admx, 'GPF1209', attributeSpan(this.admx.text, element, name), value, kind);
    return undefined;
  }

  private reportMissing(element: XmlElement, name: string, kind: string, id: string): void {
    const [first] = this.tables;
    report(this.admx, 'GPF1208', attributeSpan(this.admx.text, element, name), kind, id, first?.locale ?? '', first?.source.file ?? '');
  }

  private unresolved(id: string): ResolvedString {
    return { id, text: Object.fromEntries(this.locales.map((l) => [l, ''])) };
  }
}
