/**
 * `gpforge build` warns (GPF1022) when the project's editor schema (.gpforge/gpo.schema.json)
 * was made from other definitions than the ones built now (issue 16): compared by the hash
 * recorded in its `$comment`, not by mtimes, which a git checkout resets.
 */
import { readFileSync } from 'node:fs';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { DefinitionsFile } from '../model/types.js';
import { definitionsHash, recordedHash } from '../schema/definitions-hash.js';

export function checkSchemaFreshness(schemaPath: string, definitions: readonly DefinitionsFile[], texts: ReadonlyMap<string, string>): Diagnostic[] {
  let schemaText: string;
  try {
    schemaText = readFileSync(schemaPath, 'utf8');
  } catch {
    return []; // no schema: nothing to keep fresh
  }
  const own = definitions.map((d) => texts.get(d.sourcePath)).filter((t): t is string => t !== undefined);
  return recordedHash(schemaText) === definitionsHash(own) ? [] : [diagnostic('GPF1022', schemaPath, undefined, schemaPath)];
}
