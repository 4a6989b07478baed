/**
 * The order resolved policies must be planned in for the side to rebuild the file's records in
 * the file's order (resolve-policies.ts). orderActions (registry-plan.ts) groups records by key
 * and, within a key, by rank (deleteAllValues, createKey, the rest), keeping plan order
 * otherwise: so within each key and rank, the policies must come in the order the file shows
 * them, and raw entries (planned after every policy) last. Those constraints are sorted
 * topologically; a policy that breaks them (after a raw entry, or in a cycle) is given back.
 */
import { foldName } from './registry-plan.js';
import type { RegistryAction } from './registry-types.js';

interface Owned {
  /** The planned actions, and the file index each was found at (same order). */
  readonly planned: readonly RegistryAction[];
  readonly claimed: readonly number[];
}

const rank = (action: RegistryAction) => (action.kind === 'deleteAllValues' ? 0 : action.kind === 'createKey' ? 1 : 2);

/** `chosen` in a plan order that reproduces the file, and the ones no order can place. */
export function orderMatches<M extends Owned>(chosen: readonly M[], actions: readonly RegistryAction[]): { order: M[]; rejected: Set<M> } {
  const owner = new Map<number, M>();
  const rejected = new Set<M>(chosen.filter((m) => !keepsFileOrder(m)));
  for (const match of chosen) if (!rejected.has(match)) for (const i of match.claimed) owner.set(i, match);
  // A policy after a raw record cannot be placed; given back, it is raw too: repeat until stable.
  for (let changed = true; changed; ) {
    changed = false;
    for (const match of scan(actions, owner).afterRaw) {
      rejected.add(match);
      for (const i of match.claimed) owner.delete(i);
      changed = true;
    }
  }
  return topological(chosen.filter((m) => !rejected.has(m)), scan(actions, owner).after, rejected);
}

/** Per key and rank, consecutive owners: who must precede whom, and who follows a raw record. */
function scan<M>(actions: readonly RegistryAction[], owner: ReadonlyMap<number, M>): { after: Map<M, Set<M>>; afterRaw: Set<M> } {
  const after = new Map<M, Set<M>>();
  const afterRaw = new Set<M>();
  const lastOwner = new Map<string, M | 'raw'>();
  actions.forEach((action, i) => {
    const slot = `${foldName(action.key)}|${rank(action)}`;
    const current = owner.get(i) ?? 'raw';
    const previous = lastOwner.get(slot);
    lastOwner.set(slot, current);
    if (previous === undefined || previous === current || current === 'raw') return;
    if (previous === 'raw') afterRaw.add(current);
    else (after.get(previous) ?? after.set(previous, new Set()).get(previous)!).add(current);
  });
  return { after, afterRaw };
}

/** Within each key and rank, the policy plans its actions in the order the file has them. */
function keepsFileOrder(match: Owned): boolean {
  const last = new Map<string, number>();
  return match.planned.every((action, j) => {
    const slot = `${foldName(action.key)}|${rank(action)}`;
    const index = match.claimed[j]!;
    const ok = (last.get(slot) ?? -1) < index;
    last.set(slot, index);
    return ok;
  });
}

/** Kahn's algorithm, ties by first claimed record; on a cycle the smallest policy left is given back. */
function topological<M extends Owned>(nodes: M[], after: Map<M, Set<M>>, rejected: Set<M>): { order: M[]; rejected: Set<M> } {
  const first = new Map(nodes.map((m) => [m, Math.min(...m.claimed)]));
  const waiting = new Map(nodes.map((m) => [m, 0]));
  for (const m of nodes) for (const n of after.get(m) ?? []) if (waiting.has(n)) waiting.set(n, waiting.get(n)! + 1);
  const order: M[] = [];
  const done = new Set<M>();
  const release = (m: M) => {
    done.add(m);
    for (const n of after.get(m) ?? []) if (waiting.has(n)) waiting.set(n, waiting.get(n)! - 1);
  };
  while (done.size < nodes.length) {
    const left = nodes.filter((m) => !done.has(m));
    const ready = left.filter((m) => waiting.get(m) === 0).sort((a, b) => first.get(a)! - first.get(b)!);
    if (ready.length === 0) {
      const victim = left.sort((a, b) => a.claimed.length - b.claimed.length || first.get(b)! - first.get(a)!)[0]!;
      rejected.add(victim);
      release(victim);
      continue;
    }
    for (const m of ready) {
      if (waiting.get(m) !== 0) continue;
      order.push(m);
      release(m);
    }
  }
  return { order, rejected };
}
