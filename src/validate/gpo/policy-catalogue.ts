/**
 * Every policy a GPO file may configure, addressed as `prefix:policyId` or
 * `namespace:policyId` (DESIGN.md §1.2): from our definitions and from ADMX files (--admx).
 */
import type { DefinitionsFile, Policy } from '../../model/types.js';
import { closestName } from '../closest-name.js';

export type Lookup =
  | { readonly found: Policy }
  | { readonly unknownPrefix: string; readonly known: readonly string[] }
  | { readonly unknownPolicy: string; readonly suggestion?: string };

export interface PolicyCatalogue {
  lookup(ref: string): Lookup;
}

/** Prefixes and namespaces match case-insensitively (ADMX authors are not consistent); policy ids exactly. */
export function buildCatalogue(files: readonly DefinitionsFile[]): PolicyCatalogue {
  const byScope = new Map<string, Map<string, Policy>>();
  for (const file of files) {
    const policies = new Map(file.policies.map((p) => [p.id, p]));
    for (const scope of [file.prefix, file.namespace]) {
      if (!byScope.has(scope.toLowerCase())) byScope.set(scope.toLowerCase(), policies);
    }
  }
  const prefixes = [...new Set(files.map((f) => f.prefix))].sort();
  return {
    lookup(ref) {
      const colon = ref.lastIndexOf(':');
      const scope = ref.slice(0, colon);
      const id = ref.slice(colon + 1);
      const policies = byScope.get(scope.toLowerCase());
      if (!policies) return { unknownPrefix: scope, known: prefixes };
      const found = policies.get(id);
      if (found) return { found };
      const suggestion = closestName(id, [...policies.keys()]);
      return suggestion === undefined ? { unknownPolicy: ref } : { unknownPolicy: ref, suggestion: `${scope}:${suggestion}` };
    },
  };
}
