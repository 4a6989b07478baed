/**
 * What the commands that compile a project read first: the YAML sources, the --admx templates,
 * and every text read (for diagnostics' line:col). One place, so `schema` and `docs` read alike.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { readSources } from '../load/read-sources.js';
import type { Console } from './console.js';
import { readExternal } from './read-external.js';

export function readInputs(src: readonly string[], admx: readonly string[] | undefined, out: Console, locales?: readonly string[]) {
  const read = readSources(src);
  if ((admx ?? []).length > 0) out.progress('reading --admx templates…');
  const external = readExternal(admx ?? [], locales);
  return {
    sources: read.sources,
    external: external.definitions,
    texts: new Map([...read.sources.map((s) => [s.path, s.text] as const), ...external.texts]),
    diagnostics: [...read.diagnostics, ...external.diagnostics] as Diagnostic[],
  };
}
