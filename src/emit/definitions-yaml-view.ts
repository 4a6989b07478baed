/**
 * Plain data in the shape of definitions YAML (DESIGN.md §1.1), built from model pieces before
 * the yaml package turns it into nodes (definitions-yaml-style.ts). Shared by the file-level and
 * the policy-level parts of the definitions YAML writer.
 */
import type { AsWritten, Localized, RegValue, ValueList } from '../model/types.js';

/** A YAML value as plain data; `undefined` members are left out of the output. */
export type View = string | number | bigint | boolean | readonly View[] | { readonly [key: string]: View | undefined };
export type ViewMap = { readonly [key: string]: View | undefined };

/** What the writer learns while it walks the model: what the YAML cannot say, and whether it needs `fallback: true`. */
export interface ViewContext {
  readonly locales: readonly string[];
  readonly notes: string[];
  needsFallback: boolean;
  /** ADML string ids (lowercase) that several objects of the file use: always written. */
  readonly sharedStringIds: ReadonlySet<string>;
}

/**
 * An ADML string id, written only where the builder would not derive the same one from `base`
 * (StringIds: characters outside [A-Za-z0-9_] become `_`) or several objects share it.
 */
export function stringIdView(ctx: ViewContext, id: string, base: string): string | undefined {
  const derived = base.replace(/[^A-Za-z0-9_]/g, '_') || '_';
  return id !== derived || ctx.sharedStringIds.has(id.toLowerCase()) ? id : undefined;
}

/** `value` where it differs from the XSD default or the source stated the attribute `xmlName` (AsWritten). */
export function stated<T extends View>(node: AsWritten | undefined, xmlName: string, value: T, fallback: T): T | undefined {
  return String(value) !== String(fallback) || node?.explicit?.includes(xmlName) ? value : undefined;
}

/** The extra attributes of a node, as a YAML map (absent when none). */
export function extraAttributesView(attributes: Readonly<Record<string, string>> | undefined): ViewMap | undefined {
  return attributes && Object.keys(attributes).length > 0 ? { ...attributes } : undefined;
}

/** Largest integer a YAML reader that uses JS numbers keeps exactly; larger ones are written as digit strings. */
const EXACT_NUMBER_MAX = BigInt(Number.MAX_SAFE_INTEGER);

/** A REG_QWORD value (schema U64Number): a number when exact as a JS number, else a digit string. */
export function qwordView(value: bigint): number | string {
  return value <= EXACT_NUMBER_MAX ? Number(value) : value.toString();
}

/**
 * A longDecimal min/max: a number, written as a YAML integer even beyond 2^53 (the loader reads
 * integers exactly, as bigint). Not a digit string: the min ≤ default ≤ max check
 * (validate/definitions/check-elements.ts) reads only YAML integers and would take a string
 * max for the default 9999.
 */
export function limitView(value: bigint): number | bigint {
  return value <= EXACT_NUMBER_MAX ? Number(value) : value;
}

/**
 * A localized text: a plain string when the file has one locale, else one entry per locale.
 * A locale missing from the model is left out and `fallback: true` requested (the builder then
 * uses the default text); locales the file does not declare are dropped. Both are noted.
 */
export function localizedView(ctx: ViewContext, text: Localized, where: string): View {
  const [defaultLocale = 'en-US'] = ctx.locales;
  const undeclared = Object.keys(text).filter((l) => !ctx.locales.includes(l));
  if (undeclared.length > 0) ctx.notes.push(`${where}: texts for undeclared locales ${undeclared.join(', ')} are dropped`);
  const missing = ctx.locales.filter((l) => !Object.hasOwn(text, l));
  if (missing.includes(defaultLocale)) ctx.notes.push(`${where}: no text for the default locale ${defaultLocale}; written as ""`);
  const others = missing.filter((l) => l !== defaultLocale);
  if (others.length > 0) {
    ctx.notes.push(`${where}: no text for ${others.join(', ')}; written with fallback: true, so the ${defaultLocale} text is used`);
    ctx.needsFallback = true;
  }
  if (ctx.locales.length === 1) return text[defaultLocale] ?? '';
  const entries = ctx.locales.flatMap((l) => (Object.hasOwn(text, l) ? [[l, text[l] ?? '']] : l === defaultLocale ? [[l, '']] : []));
  return Object.fromEntries(entries) as ViewMap;
}

/** True when every declared locale's text equals `id` (the builder's label when none is written). */
export function isIdText(ctx: ViewContext, text: Localized, id: string): boolean {
  return Object.keys(text).length === ctx.locales.length && ctx.locales.every((l) => text[l] === id);
}

/** integer = decimal, string = string, { qword } = longDecimal, { delete: true } = delete (FORMATS.md c.7). */
export function regValueView(value: RegValue): View {
  switch (value.kind) {
    case 'decimal':
      return value.written === undefined ? value.value : { dword: value.written };
    case 'string':
      return value.value;
    case 'longDecimal':
      return { qword: value.written ?? qwordView(value.value) };
    case 'delete':
      return { delete: true };
  }
}

/** A plain list of items, or `{ defaultKey, items }` when the list has a default key. */
export function valueListView(list: ValueList): View {
  const items = list.items.map((item) => ({ key: item.key, valueName: item.valueName, value: regValueView(item.value) }));
  return list.defaultKey === undefined ? items : { defaultKey: list.defaultKey, items };
}

/** `value` unless it equals the YAML default, which is then left out to keep files short. */
export function unlessDefault<T extends View>(value: T, fallback: T): T | undefined {
  return value === fallback ? undefined : value;
}
