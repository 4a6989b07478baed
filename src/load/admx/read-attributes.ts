/**
 * Typed attribute reads with the XSD's defaults (FORMATS.md c.8, c.10), by exact name as Windows
 * reads them. A value that does not parse is what Windows ignores: a warning at the value
 * (GPF1216), the default is used, and the attribute is kept as written (asWritten) so that a
 * rebuilt template says exactly what the original said.
 */
import { diagnostic, type ArgsOf, type Diagnostic, type Span } from '../../diagnostics/diagnostic.js';
import type { DiagnosticCode } from '../../diagnostics/catalogue.js';
import type { AsWritten } from '../../model/types.js';
import { xsdDefault } from '../../model/xsd-defaults.js';
import { attribute, attributeSpan } from './xml-query.js';
import type { XmlElement } from './xml-tree.js';

/** One file being read: where its diagnostics go and the text their spans point into. */
export interface Source {
  readonly file: string;
  readonly text: string;
  readonly diagnostics: Diagnostic[];
}

export function report<C extends DiagnosticCode>(source: Source, code: C, span: Span | undefined, ...args: ArgsOf<C>): void {
  source.diagnostics.push(diagnostic(code, source.file, span, ...args));
}

/** Attributes whose value could not be read, per element: kept verbatim by asWritten. */
const unreadable = new WeakMap<XmlElement, Set<string>>();

function ignoreUnreadable(source: Source, element: XmlElement, name: string, raw: string, expected: string): void {
  report(source, 'GPF1216', attributeSpan(source.text, element, name), raw, expected, name);
  const names = unreadable.get(element) ?? new Set<string>();
  names.add(name);
  unreadable.set(element, names);
}


/** True when `raw` states the XSD default of `name` (xs:boolean's 0/1 and blanks included). */
function isXsdDefault(name: string, raw: string): boolean {
  const fallback = xsdDefault(name);
  const value = raw.trim();
  if (typeof fallback === 'boolean') return fallback ? value === 'true' || value === '1' : value === 'false' || value === '0';
  return fallback !== undefined && /^\d+$/.test(value) && Number(value) === fallback;
}

/**
 * How `element`'s start tag was written, given the attributes gpforge interprets on it: those
 * it states with their XSD default's value, and every other attribute (unknown, wrong letter case, unreadable
 * value) verbatim. `xmlns` declarations are the XML layer's, not the element's.
 */
export function asWritten(element: XmlElement, interpreted: readonly string[]): AsWritten {
  const failed = unreadable.get(element);
  const explicit: string[] = [];
  const extra: Record<string, string> = {};
  for (const [name, value] of Object.entries(element.attributes)) {
    if (name === 'xmlns' || name.startsWith('xmlns:')) continue;
    if (!interpreted.includes(name) || failed?.has(name)) extra[name] = value;
    else if (isXsdDefault(name, value)) explicit.push(name);
  }
  return {
    ...(explicit.length > 0 && { explicit: explicit.sort() }),
    ...(Object.keys(extra).length > 0 && { extraAttributes: extra }),
  };
}

/** Every attribute of `element` as written (for nodes whose attributes gpforge does not interpret, e.g. `<label>`). */
export function allAttributes(element: XmlElement): Readonly<Record<string, string>> | undefined {
  return asWritten(element, []).extraAttributes;
}

const UINT32_MAX = 0xffffffff;
const UINT64_MAX = (1n << 64n) - 1n;
const DIGITS = /^\s*\d+\s*$/;

/** The unsigned integer `raw` states (blanks around it allowed), or undefined when it is not one of at most `max`. */
function unsignedValue(raw: string, max: bigint): bigint | undefined {
  if (!DIGITS.test(raw)) return undefined;
  const value = BigInt(raw.trim());
  return value <= max ? value : undefined;
}

/** A required attribute; reported (GPF1205) and read as '' when absent. */
export function requiredAttribute(source: Source, element: XmlElement, name: string): string {
  const value = attribute(element, name);
  if (value !== undefined) return value;
  report(source, 'GPF1205', { start: element.start, end: element.start + 1 + element.name.length }, element.name, name);
  return '';
}

export function uint32Attribute(source: Source, element: XmlElement, name: string, fallback: number): number;
export function uint32Attribute(source: Source, element: XmlElement, name: string, fallback?: undefined): number | undefined;
export function uint32Attribute(source: Source, element: XmlElement, name: string, fallback?: number): number | undefined {
  const raw = attribute(element, name);
  if (raw === undefined) return fallback;
  const value = unsignedValue(raw, BigInt(UINT32_MAX));
  if (value !== undefined) return Number(value);
  ignoreUnreadable(source, element, name, raw, 'an unsigned 32-bit integer');
  return fallback;
}

export function uint64Attribute(source: Source, element: XmlElement, name: string, fallback: bigint): bigint;
export function uint64Attribute(source: Source, element: XmlElement, name: string, fallback?: undefined): bigint | undefined;
export function uint64Attribute(source: Source, element: XmlElement, name: string, fallback?: bigint): bigint | undefined {
  const raw = attribute(element, name);
  if (raw === undefined) return fallback;
  const value = unsignedValue(raw, UINT64_MAX);
  if (value !== undefined) return value;
  ignoreUnreadable(source, element, name, raw, 'an unsigned 64-bit integer');
  return fallback;
}

/**
 * A registry value's number (`<decimal value>`, `<longDecimal value>`): data, not a hint, so an
 * unreadable one is an error (GPF1207) rather than something Windows would quietly default.
 * `written` keeps a spelling other than the plain decimal form (`000000`), for an exact rebuild.
 */
export function registryNumber(source: Source, element: XmlElement, kind: 'decimal' | 'longDecimal'): { value: bigint; written?: string } {
  const raw = attribute(element, 'value');
  if (raw === undefined) return { value: 0n }; // reported as missing (GPF1205) by the caller
  const value = unsignedValue(raw, kind === 'decimal' ? BigInt(UINT32_MAX) : UINT64_MAX);
  if (value !== undefined) return raw === value.toString() ? { value } : { value, written: raw };
  report(source, 'GPF1207', attributeSpan(source.text, element, 'value'), raw, `an unsigned ${kind === 'decimal' ? 32 : 64}-bit integer (value)`);
  return { value: 0n };
}

/** xs:boolean: true/false/1/0 (surrounding blanks allowed). */
export function booleanAttribute(source: Source, element: XmlElement, name: string, fallback: boolean): boolean {
  const raw = attribute(element, name);
  if (raw === undefined) return fallback;
  const value = raw.trim();
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  ignoreUnreadable(source, element, name, raw, 'true or false');
  return fallback;
}
