/**
 * Existing templates named by --admx, for GPO files to configure. Their errors are shown in full;
 * their warnings (vendor oddities Windows tolerates, which the admin cannot fix) as one line per
 * folder (GPF1018), so a CI log stays about the admin's own files. Loaded only when --admx is
 * given: the XML readers are not part of a plain validate (issue 11).
 */
import { diagnostic } from '../diagnostics/diagnostic.js';
import { readPolicyDefinitions } from '../load/admx/read-policy-definitions.js';

export function readExternal(paths: readonly string[], locales?: readonly string[]) {
  const results = paths.map((path) => readPolicyDefinitions(path, locales));
  const summarized = results.flatMap((r, i) => {
    const warnings = r.diagnostics.filter((d) => d.severity === 'warning').length;
    const rest = r.diagnostics.filter((d) => d.severity !== 'warning');
    return warnings === 0 ? rest : [...rest, diagnostic('GPF1018', paths[i] ?? '', undefined, warnings, paths[i] ?? '')];
  });
  return {
    definitions: results.flatMap((r) => r.definitions),
    diagnostics: summarized,
    texts: results.flatMap((r) => [...r.texts]),
  };
}
