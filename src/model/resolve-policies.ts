/**
 * Registry actions → policies: the inverse of registry-plan.ts, for `gpforge import` of existing
 * GPOs. A policy is recognised only where its complete registry footprint for one state (enabled
 * with the element values infer-values.ts reads back, or disabled) is present: planPolicy of that
 * setting must give actions that are all in the file and not explained by another policy. What
 * no policy explains stays raw, in file order, with a note naming the candidates and why they
 * did not fit. The result is checked by planning it again: the side must rebuild to exactly the
 * file's actions, else the policies in the way are given back as raw entries.
 *
 * Deterministic choices, each reported as a warning when it mattered: a setting that explains
 * more actions wins; then our own definitions (--src) before --admx ones; then the order the
 * definitions were given in. A file not in canonical order (FORMATS.md a.6) is kept raw with
 * keepOrder, so that its build writes the very same records.
 */
import { inferElement, keySlotOf, policySlots, slotOf, type FileIndex } from './infer-values.js';
import { actionIdentity, foldName, orderActions, planPolicy } from './registry-plan.js';
import type { ConfiguredPolicy, ElementValue, Hive, RegistryAction } from './registry-types.js';
import type { DefinitionsFile, Policy } from './types.js';
import { orderMatches } from './resolve-order.js';
import { candidateRef, describeAction, describeSetting, sameAction, sameActions } from './resolve-support.js';

export interface PolicySource {
  readonly file: DefinitionsFile;
  /** true for our YAML definitions (--src), false for --admx templates. */
  readonly ours: boolean;
}

interface Candidate {
  readonly policy: Policy;
  /** How a GPO file names it: prefix:id, or namespace:id when the prefix is ambiguous. */
  readonly ref: string;
  readonly ours: boolean;
  readonly order: number;
}

/** Policies by the value slots and list keys they write (built once per import). */
export interface PolicyIndex {
  readonly bySlot: ReadonlyMap<string, readonly Candidate[]>;
  readonly byListKey: ReadonlyMap<string, readonly Candidate[]>;
}

export interface ResolvedPolicy {
  readonly ref: string;
  readonly configured: ConfiguredPolicy;
}

export interface ResolvedSide {
  /** What the side must rebuild to: the file's records, or with --reorder their canonical order. */
  readonly actions: readonly RegistryAction[];
  readonly policies: readonly ResolvedPolicy[];
  readonly registry: readonly RegistryAction[];
  /** By index into `registry`: the candidates that touch it and why none fits. */
  readonly notes: ReadonlyMap<number, string>;
  readonly keepOrder: boolean;
  readonly warnings: readonly string[];
}

interface Match {
  readonly candidate: Candidate;
  readonly configured: ConfiguredPolicy;
  /** planPolicy(configured), and the file index each of its actions was found at. */
  readonly planned: readonly RegistryAction[];
  readonly claimed: readonly number[];
}

export function indexPolicies(sources: readonly PolicySource[]): PolicyIndex {
  const bySlot = new Map<string, Candidate[]>();
  const byListKey = new Map<string, Candidate[]>();
  const add = (map: Map<string, Candidate[]>, slot: string, c: Candidate) => {
    const list = map.get(slot) ?? [];
    if (!list.includes(c)) list.push(c);
    map.set(slot, list);
  };
  let order = 0;
  for (const { file, ours } of sources) {
    for (const policy of file.policies) {
      const candidate: Candidate = { policy, ref: candidateRef(sources, file, policy.id), ours, order: order++ };
      const { slots, listKeys } = policySlots(policy);
      for (const slot of slots) add(bySlot, slot, candidate);
      for (const key of listKeys) add(byListKey, key, candidate);
    }
  }
  return { bySlot, byListKey };
}

/** Resolves one GPO side (hive HKLM = machine policies, HKCU = user policies). */
export function resolveSide(read: readonly RegistryAction[], hive: Hive, index: PolicyIndex, options: { reorder?: boolean } = {}): ResolvedSide {
  const canonical = orderActions(read);
  const warnings: string[] = [];
  if (!sameActions(canonical, read)) {
    if (options.reorder !== true || !safeToReorder(read)) {
      const why = options.reorder === true ? 'cannot be put into canonical order without changing their meaning' : 'are not in canonical order (FORMATS.md a.6; --reorder resolves them anyway)';
      const warning = `the records ${why}, so they are kept as raw registry entries in file order (keepOrder) for the build to reproduce them`;
      return { actions: read, policies: [], registry: [...read], notes: new Map(), keepOrder: true, warnings: read.length > 0 ? [warning] : [] };
    }
    warnings.push('--reorder: the records are put into canonical order (FORMATS.md a.6); the rebuilt Registry.pol holds the same records with the same effect, in another order');
  }
  const actions = canonical;
  const file = indexFile(actions);
  const problems = new Map<Candidate, string>();
  const matches = candidatesOf(actions, index, hive).flatMap((c) => {
    const match = matchCandidate(c, file);
    if ('problem' in match) problems.set(c, match.problem);
    return 'problem' in match ? [] : [match];
  });
  let chosen = chooseInOrder(matches, actions, (w) => warnings.push(...w));
  for (;;) {
    const leftover = leftovers(actions, chosen);
    const rebuilt = orderActions([...chosen.flatMap((m) => m.planned), ...leftover.map((i) => actions[i]!)]);
    const culprits = mismatches(rebuilt, actions, chosen);
    if (culprits.size === 0) return finish(actions, chosen, leftover, index, problems, warnings);
    for (const culprit of culprits) warnings.push(`${culprit.candidate.ref} is kept as raw registry entries: as a policy it would not rebuild the records in the same order`);
    chosen = chosen.filter((m) => !culprits.has(m));
  }
}

function indexFile(actions: readonly RegistryAction[]): FileIndex {
  const byIdentity = new Map<string, number[]>();
  const setsBySlot = new Map<string, number[]>();
  const setsByKey = new Map<string, number[]>();
  const push = (map: Map<string, number[]>, id: string, i: number) => void (map.get(id) ?? map.set(id, []).get(id)!).push(i);
  actions.forEach((action, i) => {
    push(byIdentity, actionIdentity(action), i);
    if (action.kind !== 'set') return;
    push(setsBySlot, slotOf(action.key, action.valueName), i);
    push(setsByKey, keySlotOf(action.key), i);
  });
  return { actions, byIdentity, setsBySlot, setsByKey };
}

/** Policies of this hive's class writing a value or list key the file touches, in index order. */
function candidatesOf(actions: readonly RegistryAction[], index: PolicyIndex, hive: Hive): Candidate[] {
  const found = new Set<Candidate>();
  for (const action of actions) {
    const slot = 'valueName' in action ? slotOf(action.key, action.valueName) : undefined;
    for (const c of [...(slot ? index.bySlot.get(slot) ?? [] : []), ...(index.byListKey.get(keySlotOf(action.key)) ?? [])]) found.add(c);
  }
  const fits = (c: Candidate) => c.policy.class === 'both' || (c.policy.class === 'machine') === (hive === 'HKLM');
  return [...found].filter(fits).sort((a, b) => a.order - b.order);
}

/** The state whose complete footprint is in the file (the larger one when both are). */
function matchCandidate(candidate: Candidate, file: FileIndex): Match | { problem: string } {
  const enabled = enabledSetting(candidate.policy, file);
  const tries = [
    'problem' in enabled ? enabled : claim(candidate, enabled, file),
    claim(candidate, { policy: candidate.policy, state: 'disabled', values: new Map() }, file),
  ];
  const found = tries.filter((t): t is Match => !('problem' in t)).sort((a, b) => b.claimed.length - a.claimed.length);
  if (found[0]) return found[0];
  return { problem: tries.map((t, i) => `${i === 0 ? 'enabled' : 'disabled'}: ${(t as { problem: string }).problem}`).join('; ') };
}

function enabledSetting(policy: Policy, file: FileIndex): ConfiguredPolicy | { problem: string } {
  const values = new Map<string, ElementValue>();
  for (const element of policy.elements) {
    const inferred = inferElement(policy, element, file);
    if ('problem' in inferred) return inferred;
    if (inferred.value !== undefined) values.set(element.id, inferred.value);
    else if ('required' in element && element.required) return { problem: `required ${element.id} has no value` };
  }
  return { policy, state: 'enabled', values };
}

/** Every planned action found in the file (each file action used once), or the first missing. */
function claim(candidate: Candidate, configured: ConfiguredPolicy, file: FileIndex): Match | { problem: string } {
  const planned = planPolicy(configured);
  if (planned.length === 0) return { problem: 'writes nothing in this state' };
  const claimed: number[] = [];
  for (const action of planned) {
    const index = file.byIdentity.get(actionIdentity(action))?.find((i) => !claimed.includes(i));
    if (index === undefined) return { problem: `needs ${describeAction(action)}` };
    claimed.push(index);
  }
  return { candidate, configured, planned, claimed };
}

/**
 * Chooses, then orders (resolve-order.ts); a policy no order can place is left out and the
 * choice made again without it, so that others explaining the same records get their turn.
 */
function chooseInOrder(matches: readonly Match[], actions: readonly RegistryAction[], report: (warnings: string[]) => void): Match[] {
  const excluded = new Set<Match>();
  for (;;) {
    const warnings: string[] = [];
    const ordered = orderMatches(choose(matches.filter((m) => !excluded.has(m)), warnings), actions);
    if (ordered.rejected.size === 0) {
      const left = [...excluded].filter((m) => !ordered.order.some((o) => o.claimed.some((i) => m.claimed.includes(i))));
      for (const m of left) warnings.push(`${m.candidate.ref} is kept as raw registry entries: as a policy it would not rebuild the records in the same order`);
      report(warnings);
      return ordered.order;
    }
    for (const match of ordered.rejected) excluded.add(match);
  }
}

/** Greedy: most actions first, then ours, then definition order; overlaps are warnings. */
function choose(matches: readonly Match[], warnings: string[]): Match[] {
  const sorted = [...matches].sort((a, b) => b.claimed.length - a.claimed.length || Number(b.candidate.ours) - Number(a.candidate.ours) || a.candidate.order - b.candidate.order);
  const owner = new Map<number, Match>();
  const chosen: Match[] = [];
  for (const match of sorted) {
    const rival = match.claimed.map((i) => owner.get(i)).find((m) => m !== undefined);
    if (rival) {
      const why = rival.claimed.length > match.claimed.length ? 'it explains more values' : rival.candidate.ours !== match.candidate.ours ? 'our definitions come before --admx ones' : 'it comes first in the definitions';
      warnings.push(`${describeSetting(match.candidate.ref, match.configured)} would explain the same values as ${describeSetting(rival.candidate.ref, rival.configured)}; chose ${rival.candidate.ref} (${why})`);
      continue;
    }
    chosen.push(match);
    for (const i of match.claimed) owner.set(i, match);
  }
  return chosen;
}

function leftovers(actions: readonly RegistryAction[], chosen: readonly Match[]): number[] {
  const claimed = new Set(chosen.flatMap((m) => m.claimed));
  return actions.map((_, i) => i).filter((i) => !claimed.has(i));
}

/**
 * The chosen policies at the places where the rebuild differs from the file: the one that
 * claimed the file's action there, else the one that planned the rebuilt action there. Only
 * the first difference of each key counts: the rest of that key's records are shifted by it.
 */
function mismatches(rebuilt: readonly RegistryAction[], actions: readonly RegistryAction[], chosen: readonly Match[]): Set<Match> {
  const culprits = new Set<Match>();
  let byFile: Map<number, Match> | undefined;
  let byPlan: Map<string, Match> | undefined;
  const keysSeen = new Set<string>();
  for (let i = 0; i < Math.max(rebuilt.length, actions.length); i++) {
    const [built, read] = [rebuilt[i], actions[i]];
    if (built && read && sameAction(built, read)) continue;
    const key = foldName((read ?? built)!.key);
    if (keysSeen.has(key)) continue;
    keysSeen.add(key);
    byFile ??= new Map(chosen.flatMap((m) => m.claimed.map((index) => [index, m] as const)));
    byPlan ??= new Map(chosen.flatMap((m) => m.planned.map((a) => [actionIdentity(a), m] as const)));
    const culprit = byFile.get(i) ?? (built && byPlan.get(actionIdentity(built))) ?? chosen[chosen.length - 1];
    if (culprit) culprits.add(culprit);
  }
  return culprits;
}

/**
 * Canonical order (orderActions) keeps what the records do unless it moves a "delete all
 * values" before values the file set earlier in that key, or a `**DeleteKeys` before records
 * the file wrote earlier below the deleted subkeys.
 */
function safeToReorder(actions: readonly RegistryAction[]): boolean {
  const valuesWritten = new Set<string>();
  const keysWritten = new Set<string>();
  for (const action of actions) {
    const key = foldName(action.key);
    if (action.kind === 'deleteAllValues' && valuesWritten.has(key)) return false;
    if (action.kind === 'deleteKeys') {
      const below = action.subkeys.map((sub) => `${key}\\${foldName(sub)}`);
      if ([...keysWritten].some((k) => below.some((b) => k === b || k.startsWith(`${b}\\`)))) return false;
    }
    keysWritten.add(key);
    if (action.kind !== 'createKey' && action.kind !== 'deleteAllValues') valuesWritten.add(key);
  }
  return true;
}

function finish(actions: readonly RegistryAction[], chosen: readonly Match[], leftover: readonly number[], index: PolicyIndex, problems: ReadonlyMap<Candidate, string>, warnings: string[]): ResolvedSide {
  const notes = new Map<number, string>();
  leftover.forEach((fileIndex, i) => {
    const action = actions[fileIndex]!;
    const slot = 'valueName' in action ? slotOf(action.key, action.valueName) : undefined;
    const near = [...(slot ? index.bySlot.get(slot) ?? [] : []), ...(index.byListKey.get(keySlotOf(action.key)) ?? [])];
    const why = [...new Set(near)].slice(0, 3).map((c) => `${c.ref} (${problems.get(c) ?? 'another part of the policy is explained otherwise or class does not fit'})`);
    if (why.length > 0) notes.set(i, `not a policy setting: ${why.join('; ')}`);
  });
  const policies = chosen.map((m) => ({ ref: m.candidate.ref, configured: m.configured }));
  return { actions, policies, registry: leftover.map((i) => actions[i]!), notes, keepOrder: false, warnings };
}
