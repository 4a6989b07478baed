/**
 * Reads a PolicyDefinitions folder (or one .admx) with the ADMLs of the given locales into
 * DefinitionsFiles, for `gpforge import` and `--admx DIR` (DESIGN.md §1.2, §3). The fs side;
 * each ADMX/ADML pair is read by the pure readAdmxPair.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { DefinitionsFile } from '../../model/types.js';
import { findPolicyDefinitions } from './find-policy-definitions.js';
import { readAdmxPair } from './read-admx-with-adml.js';

export interface PolicyDefinitionsResult {
  /** One per ADMX that could be read, in file-name order. */
  readonly definitions: DefinitionsFile[];
  readonly diagnostics: Diagnostic[];
  /** Decoded text of every file read, by path, for `locateAll`. */
  readonly texts: Map<string, string>;
}

/** `path` is a folder of *.admx with `<locale>/` sub-folders, or one .admx file; never throws. */
export function readPolicyDefinitions(path: string, locales: readonly string[] = ['en-US']): PolicyDefinitionsResult {
  const found = findPolicyDefinitions(path, locales);
  const definitions: DefinitionsFile[] = [];
  const diagnostics = [...found.diagnostics];
  const texts = new Map<string, string>();
  for (const pair of found.pairs) {
    const read = readAdmxPair(pair.admx, pair.admls, { missingAdml: 'silent' });
    if (read.definitions) definitions.push(read.definitions);
    diagnostics.push(...read.diagnostics);
    for (const [file, text] of read.texts) texts.set(file, text);
  }
  return { definitions, diagnostics, texts };
}
