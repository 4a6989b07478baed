/**
 * `gpforge lint FILE.admx|DIR` (DESIGN.md §3): reads existing ADMX/ADML like import does, then
 * reports what breaks GPMC, GPEdit or Intune's ADMX import, or what strict tools reject (FORMATS.md
 * §c; admx-schema README "Deviations"). Returns diagnostics (the reader's and lint's, codes
 * GPF12xx) and the decoded texts for `locateAll`; prints nothing.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { findPolicyDefinitions } from '../load/admx/find-policy-definitions.js';
import { readAdmxPair, type AdmlInput, type AdmxInput } from '../load/admx/read-admx-with-adml.js';
import { checkDuplicates } from './check-duplicates.js';
import { checkIds } from './check-ids.js';
import { checkIntune } from './check-intune.js';
import { checkPresentation } from './check-presentation.js';
import { checkReferences, checkStore, indexNamespace } from './check-references.js';
import { checkRevision } from './check-revision.js';
import { checkSchema } from './check-schema.js';
import type { Check, LintPair } from './lint-context.js';

export interface LintResult {
  readonly diagnostics: Diagnostic[];
  readonly texts: Map<string, string>;
}

export interface LintFiles {
  readonly admx: AdmxInput;
  readonly admls: readonly AdmlInput[];
}

/** Checks that need only one ADMX and its ADMLs. */
const PAIR_CHECKS: readonly Check[] = [
  (pair, out) => {
    checkSchema(pair.documents.admx, out);
    for (const { document } of pair.documents.admls) checkSchema(document, out);
  },
  checkDuplicates,
  checkIds,
  checkRevision,
  checkPresentation,
];

export interface LintOptions {
  /** The whole file set is one PolicyDefinitions folder: `using` and cross-file references must resolve in it. */
  readonly store: boolean;
  readonly missingAdml?: 'report' | 'silent';
  /** Also check what Intune's ADMX ingestion refuses or mishandles (`--intune`, GPF127x). */
  readonly intune?: boolean;
}

/** Lints one .admx, or a PolicyDefinitions folder as a store (cross-file checks too). */
export function lintPolicyDefinitions(path: string, locales: readonly string[] = ['en-US'], intune = false): LintResult {
  const found = findPolicyDefinitions(path, locales);
  const result = lintAdmxFiles(found.pairs, { store: found.isFolder, missingAdml: 'silent', intune });
  return { diagnostics: [...found.diagnostics, ...result.diagnostics], texts: result.texts };
}

/**
 * The pure core: lints ADMX/ADML files given as bytes (options: see LintOptions).
 */
export function lintAdmxFiles(files: readonly LintFiles[], options: LintOptions): LintResult {
  const diagnostics: Diagnostic[] = [];
  const texts = new Map<string, string>();
  const pairs: LintPair[] = [];
  for (const file of files) {
    const read = readAdmxPair(file.admx, file.admls, { missingAdml: options.missingAdml ?? 'report' });
    for (const d of read.diagnostics) diagnostics.push(d);
    for (const [path, text] of read.texts) texts.set(path, text);
    const pair: LintPair = { documents: read.documents };
    if (pair.documents.admx.root) pairs.push(pair);
    for (const check of PAIR_CHECKS) check(pair, diagnostics);
    if (options.intune === true) checkIntune(pair, diagnostics);
  }
  const indexes = pairs.map(indexNamespace);
  for (const index of indexes) checkReferences(index, diagnostics);
  if (options.store) checkStore(indexes, diagnostics);
  return { diagnostics, texts };
}
