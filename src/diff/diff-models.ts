/**
 * `gpforge diff` as one function: two compiled Models in, a DiffReport out (issue 12). No fs,
 * no git: src/cli/run-diff.ts reads and compiles the two sides.
 */
import type { DefinitionsFile, Model, Policy } from '../model/types.js';
import { compareDefinitions } from './compare-definitions.js';
import { compareGpos } from './compare-gpos.js';
import type { DiffReport, GpoDiff, NamespaceDiff } from './diff-types.js';

export interface DiffSide {
  /** As named on the command line: "origin/main", "working tree", a folder. */
  readonly label: string;
  readonly model: Model;
}

/** `external`: --admx templates both sides' GPOs may use (only their policies' prefixes matter here). */
export function diffModels(base: DiffSide, head: DiffSide, external: readonly DefinitionsFile[] = []): DiffReport {
  const files = [...base.model.definitions, ...head.model.definitions, ...external];
  const refs = policyRefs(files, (file) => file.prefix);
  const refOf = (policy: Policy) => refs.get(policy) ?? policy.id;
  const keys = policyRefs(files, (file) => file.namespace);
  const users = policyUsers([base.model, head.model], refOf);
  const usedBy = (namespace: string, policyId: string) => [...(users.get(`${namespace}:${policyId}`) ?? [])].sort();
  const definitions = compareDefinitions(base.model.definitions, head.model.definitions, usedBy);
  const gpos = compareGpos(base.model.gpos, head.model.gpos, refOf, (policy) => keys.get(policy) ?? policy.id);
  return { base: base.label, head: head.label, summary: summarize(definitions, gpos), definitions, gpos };
}

/** "prefix:PolicyId" (or "namespace:PolicyId", by `qualifier`) for every policy object. */
function policyRefs(files: readonly DefinitionsFile[], qualifier: (file: DefinitionsFile) => string): Map<Policy, string> {
  const refs = new Map<Policy, string>();
  for (const file of files) for (const policy of file.policies) refs.set(policy, `${qualifier(file)}:${policy.id}`);
  return refs;
}

/** "namespace:PolicyId" → names of the GPOs (of either model) configuring it. */
function policyUsers(models: readonly Model[], refOf: (p: Policy) => string): Map<string, Set<string>> {
  const namespaces = new Map<string, string>();
  for (const model of models) for (const file of model.definitions) for (const p of file.policies) namespaces.set(refOf(p), file.namespace);
  const users = new Map<string, Set<string>>();
  for (const gpo of models.flatMap((m) => m.gpos)) {
    for (const configured of [...gpo.computer.policies, ...gpo.user.policies]) {
      const namespace = namespaces.get(refOf(configured.policy));
      if (namespace === undefined) continue;
      const key = `${namespace}:${configured.policy.id}`;
      users.set(key, (users.get(key) ?? new Set()).add(gpo.name));
    }
  }
  return users;
}

function summarize(definitions: readonly NamespaceDiff[], gpos: readonly GpoDiff[]): DiffReport['summary'] {
  const changes = definitions.flatMap((d) => d.changes);
  const count = (impact: string) => changes.filter((c) => c.impact === impact).length;
  const settings = gpos.flatMap((g) => g.changes);
  return {
    breaking: count('breaking'),
    revision: count('revision'),
    attention: count('attention'),
    compatible: count('compatible'),
    gposChanged: gpos.length,
    settingsChanged: settings.length,
    registryValuesChanged: settings.reduce((n, s) => n + s.registry.length, 0),
  };
}
