/**
 * The pure core of the ADMX/ADML reader (no fs): one ADMX and its ADMLs, as bytes → the same
 * DefinitionsFile our YAML produces (FORMATS.md §c), plus diagnostics and the decoded texts
 * their spans point into (by file path, for `locateAll`).
 *
 * The ADML of the ADMX's `fallbackCulture` (default en-US) comes first and becomes the default
 * locale; other locales fall back to it text by text (GPF1210).
 */
import { basename, extname } from 'node:path';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { DefinitionsFile } from '../../model/types.js';
import { AdmlResolver } from './adml-resolver.js';
import { readAdmlTables, type AdmlTables } from './adml-tables.js';
import { decodeXml } from './decode-xml.js';
import { ADMX_ROOT, fallbackCulture, readAdmx } from './read-admx.js';
import { report } from './read-attributes.js';
import { parseXmlDocument, tagSpan, type XmlDocument } from './xml-tree.js';

export interface AdmxInput {
  readonly path: string;
  readonly bytes: Uint8Array;
}

export interface AdmlInput {
  readonly locale: string;
  readonly path: string;
  readonly bytes: Uint8Array;
}

export interface AdmxReadResult {
  /** Absent when the ADMX cannot be read at all (not well-formed, wrong root, no usable ADML). */
  readonly definitions?: DefinitionsFile;
  readonly diagnostics: Diagnostic[];
  /** Decoded text of every file read, by path: diagnostic spans are offsets into these. */
  readonly texts: Map<string, string>;
}

/** The parsed files, for lint (src/lint/), which checks what the model does not carry. */
export interface AdmxDocuments {
  readonly admx: XmlDocument;
  readonly admls: readonly { readonly locale: string; readonly document: XmlDocument }[];
  /** The usable ADMLs in locale order, default first. */
  readonly tables: readonly AdmlTables[];
}

export interface AdmxPairOptions {
  /** 'silent' when the caller has already reported missing ADMLs (readPolicyDefinitions). */
  readonly missingAdml: 'report' | 'silent';
}

/** Reads one ADMX with its ADMLs (one per locale); never throws. */
export function readAdmxWithAdml(admx: AdmxInput, admls: readonly AdmlInput[]): AdmxReadResult {
  const { definitions, diagnostics, texts } = readAdmxPair(admx, admls, { missingAdml: 'report' });
  return definitions ? { definitions, diagnostics, texts } : { diagnostics, texts };
}

/** readAdmxWithAdml, also returning the parsed documents. */
export function readAdmxPair(admx: AdmxInput, admls: readonly AdmlInput[], options: AdmxPairOptions): AdmxReadResult & { documents: AdmxDocuments } {
  const admxDocument = parseFile(admx.path, admx.bytes);
  const parsedAdmls = admls.map((a) => ({ locale: a.locale, document: parseFile(a.path, a.bytes) }));
  const root = admxDocument.root;
  const isAdmx = root?.name === ADMX_ROOT;
  if (root && !isAdmx) report(admxDocument, 'GPF1204', tagSpan(root), ADMX_ROOT, root.name);
  const fallback = root && isAdmx ? fallbackCulture(root) : 'en-US';
  const tables = orderLocales(
    parsedAdmls.flatMap((a) => readAdmlTables(a.document, a.locale) ?? []),
    fallback,
  );
  if (isAdmx && admls.length === 0 && options.missingAdml === 'report') {
    const name = basename(admx.path, extname(admx.path));
    report(admxDocument, 'GPF1212', undefined, fallback, `${fallback}/${name}.adml`);
  }
  const definitions =
    root && isAdmx && tables.length > 0
      ? readAdmx(admxDocument, root, new AdmlResolver(admxDocument, tables), { sourcePath: admx.path, fileName: basename(admx.path, extname(admx.path)) })
      : undefined;
  const documents: AdmxDocuments = { admx: admxDocument, admls: parsedAdmls, tables };
  const all = [admxDocument, ...parsedAdmls.map((a) => a.document)];
  return {
    ...(definitions && { definitions }),
    diagnostics: all.flatMap((d) => d.diagnostics),
    texts: new Map(all.map((d) => [d.file, d.text])),
    documents,
  };
}

function parseFile(path: string, bytes: Uint8Array): XmlDocument {
  const decoded = decodeXml(bytes, path);
  const document = parseXmlDocument(path, decoded.text);
  document.diagnostics.unshift(...decoded.diagnostics);
  return document;
}

/** The fallback culture's ADML first (locale names compare case-insensitively), the rest as given. */
function orderLocales(tables: AdmlTables[], fallback: string): AdmlTables[] {
  const index = tables.findIndex((t) => t.locale.toLowerCase() === fallback.toLowerCase());
  if (index <= 0) return tables;
  return [tables[index] as AdmlTables, ...tables.slice(0, index), ...tables.slice(index + 1)];
}
