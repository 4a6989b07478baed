/**
 * The pure core of the .adm reader (no fs): one legacy ADM template, as bytes → the model
 * DefinitionsFile our YAML produces (FORMATS.md §d), for one locale, plus diagnostics and the
 * decoded text their spans point into (by file path, for `locateAll`).
 *
 * Pipeline: decode (decode-adm.ts) → split off `[strings]` (read-strings-section.ts) → tokens
 * with `#if version` applied (tokenize-adm.ts) → syntax tree (parse-adm.ts) → model
 * (build-adm-model.ts, build-adm-policy.ts).
 *
 * File-level names ADM has no syntax for: gpforge's writer starts its files with
 * `; <fileName>.adm (<locale>): namespace <ns>, revision <r>.`; when the first line says so,
 * fileName, namespace and revision come from it. Otherwise fileName is the file's base name,
 * namespace `Adm.<fileName>` and revision 1.0. The prefix is always the file name, lower-cased
 * (neither the header nor ADM carry one). Texts are the given locale's: an .adm holds one language.
 */
import { basename, extname } from 'node:path';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { DefinitionsFile } from '../../model/types.js';
import { AdmCursor } from './adm-cursor.js';
import { AdmSource } from './adm-source.js';
import { buildAdmModel, type AdmFileInfo } from './build-adm-model.js';
import { idOf } from './build-adm-policy.js';
import { decodeAdm } from './decode-adm.js';
import { parseAdm } from './parse-adm.js';
import { findStringsSection, readStringsSection } from './read-strings-section.js';
import { tokenizeAdm } from './tokenize-adm.js';

/** One .adm file as read from disk (the path is used in messages and as the key of `texts`). */
export interface AdmInput {
  readonly path: string;
  readonly bytes: Uint8Array;
}

/** What the file cannot say itself. */
export interface AdmReadOptions {
  /** The language of the file's texts, e.g. en-US. */
  readonly locale: string;
}

/** Same shape as the ADMX reader's result (read-admx-with-adml.ts). */
export interface AdmReadResult {
  /** Absent when the file holds no CATEGORY or POLICY at all. */
  readonly definitions?: DefinitionsFile;
  readonly diagnostics: Diagnostic[];
  /** Decoded text of the file, by path: diagnostic spans are offsets into it. */
  readonly texts: Map<string, string>;
}

const GPFORGE_HEADER = /^; (.+)\.adm \([^)]*\): namespace (.+), revision (.+)\.$/;
const NAMESPACE = /^[A-Za-z0-9_.-]+$/;
const FILE_NAME = /^[A-Za-z0-9_.-]+$/;
const REVISION = /^[0-9]{1,4}\.[0-9]{1,5}$/;

/** Reads one .adm file; never throws. */
export function readAdm(file: AdmInput, options: AdmReadOptions): AdmReadResult {
  const decoded = decodeAdm(file.bytes, file.path);
  const source = new AdmSource(file.path, decoded.text);
  source.diagnostics.push(...decoded.diagnostics);
  const section = findStringsSection(decoded.text);
  const bodyEnd = section?.bodyEnd ?? decoded.text.length;
  const strings = section === undefined ? new Map() : readStringsSection(source, section.entriesStart);
  const tokens = tokenizeAdm(source, bodyEnd);
  const syntax = parseAdm(new AdmCursor(source, tokens, strings, bodyEnd));
  const definitions = buildAdmModel(source, syntax, fileInfo(file.path, decoded.text, options.locale));
  const texts = new Map([[file.path, decoded.text]]);
  return definitions === undefined ? { diagnostics: source.diagnostics, texts } : { definitions, diagnostics: source.diagnostics, texts };
}

function fileInfo(path: string, text: string, locale: string): AdmFileInfo {
  const header = GPFORGE_HEADER.exec(/^[^\r\n]*/.exec(text)?.[0] ?? '');
  const [, headerName = '', headerNamespace = '', headerRevision = ''] = header ?? [];
  const fileName = FILE_NAME.test(headerName) ? headerName : basename(path, extname(path)).replace(/[^A-Za-z0-9_.-]/g, '_') || 'adm';
  return {
    sourcePath: path,
    namespace: NAMESPACE.test(headerNamespace) ? headerNamespace : `Adm.${fileName}`,
    prefix: idOf(fileName).toLowerCase(),
    fileName,
    revision: REVISION.test(headerRevision) ? headerRevision : '1.0',
    locale,
  };
}
