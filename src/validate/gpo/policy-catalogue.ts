/**
 * Every policy a GPO file may configure, addressed as `prefix:policyId` or
 * `namespace:policyId` (DESIGN.md §1.2): from our definitions and from ADMX files (--admx).
 */
import type { DefinitionsFile, Policy } from '../../model/types.js';
import { closestName } from '../closest-name.js';

export type Lookup =
  | { readonly found: Policy }
  | { readonly unknownPrefix: string; readonly known: readonly string[]; readonly suggestion?: string }
  | { readonly unknownPolicy: string; readonly suggestion?: string }
  | { readonly ambiguous: string; readonly namespaces: readonly string[] };

export interface PolicyCatalogue {
  lookup(ref: string): Lookup;
}

interface Scope {
  readonly namespace: string;
  readonly policies: ReadonlyMap<string, Policy>;
}

/**
 * Prefixes and namespaces match case-insensitively (ADMX authors are not consistent); policy
 * ids exactly. A prefix may belong to several files (Windows reuses some): the policy id then
 * decides, and a reference found in more than one of them is ambiguous.
 */
export function buildCatalogue(files: readonly DefinitionsFile[]): PolicyCatalogue {
  const byScope = new Map<string, Scope[]>();
  for (const file of files) {
    const scope = { namespace: file.namespace, policies: new Map(file.policies.map((p) => [p.id, p])) };
    for (const name of new Set([file.prefix.toLowerCase(), file.namespace.toLowerCase()])) {
      byScope.set(name, [...(byScope.get(name) ?? []), scope]);
    }
  }
  const prefixes = [...new Set(files.map((f) => f.prefix))].sort();
  return {
    lookup(ref) {
      const colon = ref.lastIndexOf(':');
      const prefix = ref.slice(0, colon);
      const id = ref.slice(colon + 1);
      const scopes = byScope.get(prefix.toLowerCase());
      if (!scopes) {
        const suggestion = closestName(prefix, prefixes);
        return suggestion === undefined ? { unknownPrefix: prefix, known: prefixes } : { unknownPrefix: prefix, known: prefixes, suggestion };
      }
      const matches = scopes.filter((scope) => scope.policies.has(id));
      const [match] = matches;
      if (matches.length > 1) return { ambiguous: ref, namespaces: matches.map((m) => m.namespace) };
      if (match) return { found: match.policies.get(id) as Policy };
      const suggestion = closestName(id, scopes.flatMap((scope) => [...scope.policies.keys()]));
      return suggestion === undefined ? { unknownPolicy: ref } : { unknownPolicy: ref, suggestion: `${prefix}:${suggestion}` };
    },
  };
}
