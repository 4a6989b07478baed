/**
 * Typed attribute reads with the XSD's defaults (FORMATS.md c.8, c.10). A value that does not
 * parse is reported at the attribute's value (GPF1207) and the default is used instead.
 */
import { diagnostic, type ArgsOf, type Diagnostic, type Span } from '../../diagnostics/diagnostic.js';
import type { DiagnosticCode } from '../../diagnostics/catalogue.js';
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

const UINT32_MAX = 0xffffffff;
const UINT64_MAX = (1n << 64n) - 1n;
const DIGITS = /^\s*\d+\s*$/;

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
  const value = DIGITS.test(raw) ? Number(raw) : NaN;
  if (value <= UINT32_MAX) return value;
  report(source, 'GPF1207', attributeSpan(source.text, element, name), raw, `an unsigned 32-bit integer (${name})`);
  return fallback;
}

export function uint64Attribute(source: Source, element: XmlElement, name: string, fallback: bigint): bigint;
export function uint64Attribute(source: Source, element: XmlElement, name: string, fallback?: undefined): bigint | undefined;
export function uint64Attribute(source: Source, element: XmlElement, name: string, fallback?: bigint): bigint | undefined {
  const raw = attribute(element, name);
  if (raw === undefined) return fallback;
  const value = DIGITS.test(raw) ? BigInt(raw.trim()) : -1n;
  if (value >= 0n && value <= UINT64_MAX) return value;
  report(source, 'GPF1207', attributeSpan(source.text, element, name), raw, `an unsigned 64-bit integer (${name})`);
  return fallback;
}

/** xs:boolean: true/false/1/0 (surrounding blanks allowed). */
export function booleanAttribute(source: Source, element: XmlElement, name: string, fallback: boolean): boolean {
  const raw = attribute(element, name);
  if (raw === undefined) return fallback;
  const value = raw.trim();
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  report(source, 'GPF1207', attributeSpan(source.text, element, name), raw, `true or false (${name})`);
  return fallback;
}
