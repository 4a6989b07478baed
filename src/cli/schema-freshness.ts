/**
 * `gpforge build` warns (GPF1022) when the project's editor schema (.gpforge/gpo.schema.json)
 * was made from other definitions than the ones built now (issue 16): compared by the hash
 * recorded in its `$comment`, not by mtimes, which a git checkout resets.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { DefinitionsFile } from '../model/types.js';
import { definitionsHash, recordedHash, RECORDED_HASH_WINDOW } from '../schema/definitions-hash.js';

export function checkSchemaFreshness(schemaPath: string, definitions: readonly DefinitionsFile[], texts: ReadonlyMap<string, string>): Diagnostic[] {
  let schemaText: string;
  try {
    schemaText = readHead(schemaPath, RECORDED_HASH_WINDOW);
  } catch {
    return []; // no schema: nothing to keep fresh
  }
  const own = definitions.map((d) => texts.get(d.sourcePath)).filter((t): t is string => t !== undefined);
  return recordedHash(schemaText) === definitionsHash(own) ? [] : [diagnostic('GPF1022', schemaPath, undefined, schemaPath)];
}

/**
 * The first `chars` characters of a file (at most 4 bytes each in UTF-8): the hash sits at the
 * top, and a schema made with --admx over Windows' templates is ~10 MB, read on every build.
 */
function readHead(path: string, chars: number): string {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(chars * 4);
    return buffer.subarray(0, readSync(fd, buffer, 0, buffer.length, 0)).toString('utf8').slice(0, chars);
  } finally {
    closeSync(fd);
  }
}
