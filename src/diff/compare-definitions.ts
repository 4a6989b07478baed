/**
 * Definitions changes per namespace (issue 12): policies, categories, elements and enum items
 * added, removed or changed, each judged breaking / needs a revision bump / compatible by the
 * rules in definition-rules.ts, naming the project's GPOs that configure the policy concerned.
 */
import type { DefinitionsFile, EnumElement, Policy, PolicyElement } from '../model/types.js';
import { compareFields, type FieldChange, type FieldRule } from './compare-fields.js';
import { compareNamespaceFields, withCommonLocales, type Found } from './compare-namespace.js';
import { CATEGORY_RULES, ELEMENT_RULES, ITEM_RULES, POLICY_RULES } from './definition-rules.js';
import type { DefinitionChange, DefinitionPlace, Impact, NamespaceDiff } from './diff-types.js';

/** Names of the GPOs (either side) that configure `namespace`'s policy `policyId`. */
export type UsedBy = (namespace: string, policyId: string) => readonly string[];

const RANK: Record<Impact, number> = { breaking: 0, revision: 1, attention: 2, compatible: 3 };

/** Namespaces matched by name: head order, then removed ones. */
export function compareDefinitions(base: readonly DefinitionsFile[], head: readonly DefinitionsFile[], usedBy: UsedBy): NamespaceDiff[] {
  const baseByNs = new Map(base.map((d) => [d.namespace, d]));
  const headNs = new Set(head.map((d) => d.namespace));
  const diffs: NamespaceDiff[] = [];
  for (const after of head) {
    const before = baseByNs.get(after.namespace);
    const found = before ? compareNamespace(before, after, base) : [{ impact: 'compatible' as const, subject: `namespace ${after.namespace}`, detail: 'added', place: {}, admx: true }];
    if (found.length > 0) diffs.push(namespaceDiff(after, before ? 'changed' : 'added', before, after, found, usedBy));
  }
  for (const before of base.filter((d) => !headNs.has(d.namespace))) {
    const found: Found[] = [{ impact: 'breaking', subject: `namespace ${before.namespace}`, detail: `removed (${before.policies.length} policies)`, place: {}, admx: true }];
    diffs.push(namespaceDiff(before, 'removed', before, undefined, found, usedBy));
  }
  return diffs;
}

function namespaceDiff(file: DefinitionsFile, status: NamespaceDiff['status'], before: DefinitionsFile | undefined, after: DefinitionsFile | undefined, found: Found[], usedBy: UsedBy): NamespaceDiff {
  const changes: DefinitionChange[] = found.map(({ admx: _admx, wholeNamespace, ...f }) => ({
    ...f,
    usedBy: f.place.policy !== undefined ? usedBy(file.namespace, f.place.policy) : status === 'removed' || wholeNamespace === true ? namespaceUsers(file, usedBy) : [],
  }));
  const sorted = [...changes].sort((a, b) => RANK[a.impact] - RANK[b.impact]);
  return {
    namespace: file.namespace,
    file: file.sourcePath,
    status,
    ...(before && { revisionBefore: before.revision }),
    ...(after && { revisionAfter: after.revision }),
    impact: sorted[0]?.impact ?? 'compatible',
    changes: sorted,
  };
}

/** For a removed namespace: every GPO that used any of its policies. */
function namespaceUsers(file: DefinitionsFile, usedBy: UsedBy): string[] {
  return [...new Set(file.policies.flatMap((p) => usedBy(file.namespace, p.id)))];
}

/** Everything that differs in one namespace, then whether its revision should have been raised. */
function compareNamespace(original: DefinitionsFile, changed: DefinitionsFile, base: readonly DefinitionsFile[]): Found[] {
  const [before, after] = withCommonLocales(original, changed);
  const found = [
    ...compareNamespaceFields(before, after, base),
    ...compareById(before.categories, after.categories, 'category', (c) => ({ category: c.id }), (b, a) => fieldsFound(b, a, CATEGORY_RULES, `category ${a.id}`, { category: a.id })),
    ...compareById(before.policies, after.policies, 'policy', (p) => ({ policy: p.id }), comparePolicy),
  ];
  if (found.some((f) => f.admx) && before.revision === after.revision) {
    found.push({ impact: 'revision', subject: 'revision', detail: `still "${after.revision}" although the ADMX changes: raise it (the central store and Intune go by it)`, place: { field: 'revision' }, admx: true });
  }
  return found;
}

/**
 * Items matched by id: removed ones are breaking, added ones compatible (an added required
 * element is breaking: GPOs that leave it out no longer validate), common ones compared.
 */
function compareById<T extends { id: string }>(before: readonly T[], after: readonly T[], what: string, placeOf: (t: T) => DefinitionPlace, compare: (b: T, a: T) => Found[]): Found[] {
  const old = new Map(before.map((t) => [t.id, t]));
  const now = new Set(after.map((t) => t.id));
  const subject = (t: T) => `${what} ${describePlace(placeOf(t))}`;
  return [
    ...before.filter((t) => !now.has(t.id)).map((t): Found => ({ impact: 'breaking', subject: subject(t), detail: 'removed', place: placeOf(t), admx: true })),
    ...after.flatMap((t): Found[] => {
      const previous = old.get(t.id);
      if (previous) return compare(previous, t);
      const required = (t as { required?: unknown }).required === true;
      return [{ impact: required ? 'breaking' : 'compatible', subject: subject(t), detail: required ? 'added, required' : 'added', place: placeOf(t), admx: true }];
    }),
  ];
}

function describePlace(place: DefinitionPlace): string {
  return [place.category ?? place.policy, place.element, place.item].filter((s) => s !== undefined).join('.');
}

/** Field changes of one node as findings at `place`. */
function fieldsFound<T>(before: T, after: T, rules: readonly FieldRule<T>[], subject: string, place: DefinitionPlace): Found[] {
  return compareFields(before, after, rules).map((c: FieldChange) => ({ impact: c.impact, subject, detail: c.detail, place: { ...place, field: c.field }, admx: c.admx }));
}

function comparePolicy(before: Policy, after: Policy): Found[] {
  const place = { policy: after.id };
  return [
    ...fieldsFound(before, after, POLICY_RULES, `policy ${after.id}`, place),
    ...compareById(before.elements, after.elements, 'element', (e) => ({ ...place, element: e.id }), (b, a) => compareElement(after.id, b, a)),
  ];
}

function compareElement(policyId: string, before: PolicyElement, after: PolicyElement): Found[] {
  const place = { policy: policyId, element: after.id };
  const found = fieldsFound(before, after, ELEMENT_RULES, `element ${policyId}.${after.id}`, place);
  if (before.type !== 'enum' || after.type !== 'enum') return found;
  return [...found, ...compareItems(policyId, before, after)];
}

function compareItems(policyId: string, before: EnumElement, after: EnumElement): Found[] {
  const placeOf = (item: { id: string }) => ({ policy: policyId, element: after.id, item: item.id });
  return compareById(before.items, after.items, 'enum item', placeOf, (b, a) => fieldsFound(b, a, ITEM_RULES, `enum item ${policyId}.${after.id}.${a.id}`, placeOf(a)));
}
