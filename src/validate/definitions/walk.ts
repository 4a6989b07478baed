/** Enumerations over the definitions input, so each check does not re-walk the tree by hand. */
import type { DataPath } from '../../load/yaml-source.js';
import type { DefinitionsInput, ElementInput, PolicyInput } from '../../schema/definitions-schema.js';

export type LocalizedInput = string | Readonly<Record<string, string>>;

export interface Located<T> {
  readonly value: T;
  readonly path: DataPath;
}

export type TypedElementInput = Exclude<ElementInput, { note: unknown }>;

/** What the walkers need: the input, and the policies whose structure was invalid (not walked). */
export interface WalkSource {
  readonly input: DefinitionsInput;
  readonly skippedPolicies: ReadonlySet<number>;
}

/**
 * Policies that passed the structural check, with their original index in the path. Made once
 * per source and shared (read-only) by every check: each walks them, and a file can have thousands.
 */
export function policies(source: WalkSource): readonly Located<PolicyInput>[] {
  let list = policyLists.get(source);
  if (!list) {
    list = [];
    for (const [i, policy] of (source.input.policies ?? []).entries()) {
      if (!source.skippedPolicies.has(i)) list.push({ value: policy, path: ['policies', i] });
    }
    policyLists.set(source, list);
  }
  return list;
}

const policyLists = new WeakMap<WalkSource, Located<PolicyInput>[]>();

/** Elements of a policy that carry a registry value (notes excluded); made once per policy, as policies(). */
export function typedElements(policy: Located<PolicyInput>): readonly Located<TypedElementInput>[] {
  let list = elementLists.get(policy);
  if (!list) {
    list = [];
    for (const [i, element] of (policy.value.elements ?? []).entries()) {
      if (!('note' in element)) list.push({ value: element, path: [...policy.path, 'elements', i] });
    }
    elementLists.set(policy, list);
  }
  return list;
}

const elementLists = new WeakMap<Located<PolicyInput>, Located<TypedElementInput>[]>();

/** Every localized text of the file with its path: the strings that end up in ADML. */
export function* localizedTexts(source: WalkSource): Generator<Located<LocalizedInput>> {
  const { input } = source;
  const at = (value: LocalizedInput | undefined, path: DataPath) => (value === undefined ? [] : [{ value, path }]);
  yield* at(input.displayName, ['displayName']);
  yield* at(input.description, ['description']);
  for (const [i, product] of (input.products ?? []).entries()) {
    yield* at(product.name, ['products', i, 'name']);
    for (const [j, major] of (product.versions ?? []).entries()) {
      yield* at(major.name, ['products', i, 'versions', j, 'name']);
      for (const [k, minor] of (major.minorVersions ?? []).entries()) {
        yield* at(minor.name, ['products', i, 'versions', j, 'minorVersions', k, 'name']);
      }
    }
  }
  for (const [i, s] of (input.supportedOn ?? []).entries()) yield* at(s.text, ['supportedOn', i, 'text']);
  for (const [i, c] of (input.categories ?? []).entries()) {
    yield* at(c.name, ['categories', i, 'name']);
    yield* at(c.explain, ['categories', i, 'explain']);
  }
  for (const policy of policies(source)) yield* policyTexts(policy);
}

function* policyTexts(policy: Located<PolicyInput>): Generator<Located<LocalizedInput>> {
  const p = policy.path;
  yield { value: policy.value.name, path: [...p, 'name'] };
  yield { value: policy.value.explain, path: [...p, 'explain'] };
  for (const [i, element] of (policy.value.elements ?? []).entries()) {
    const e = [...p, 'elements', i];
    if ('note' in element) {
      yield { value: element.note, path: [...e, 'note'] };
      continue;
    }
    if (element.label !== undefined) yield { value: element.label, path: [...e, 'label'] };
    if (element.type === 'enum') {
      for (const [j, item] of element.items.entries()) yield { value: item.name, path: [...e, 'items', j, 'name'] };
    }
    if (element.type === 'text') {
      if (element.default !== undefined) yield { value: element.default, path: [...e, 'default'] };
      for (const [j, s] of (element.suggestions ?? []).entries()) yield { value: s, path: [...e, 'suggestions', j] };
    }
  }
}

/**
 * Every string anywhere in the data that fails `ok`, with its path. The path is kept on one
 * stack and copied only for a failing string: this walk visits every node of large files, so it
 * descends only into containers and makes no entry arrays.
 */
export function stringsFailing(data: unknown, ok: (s: string) => boolean): Located<string>[] {
  const found: Located<string>[] = [];
  const path: (string | number)[] = [];
  const check = (value: unknown, step: string | number): void => {
    if (typeof value === 'string') {
      if (!ok(value)) found.push({ value, path: [...path, step] });
    } else if (value !== null && typeof value === 'object') {
      path.push(step);
      visit(value);
      path.pop();
    }
  };
  const visit = (container: object): void => {
    if (Array.isArray(container)) {
      for (let i = 0; i < container.length; i++) check(container[i], i);
    } else {
      for (const key of Object.keys(container)) check((container as Record<string, unknown>)[key], key);
    }
  };
  if (typeof data === 'string') {
    if (!ok(data)) found.push({ value: data, path: [] });
  } else if (data !== null && typeof data === 'object') {
    visit(data);
  }
  return found;
}

/** Products, their versions and supportedOn definitions share one name space: supportedOn refs. */
export function* supportedIds(input: DefinitionsInput): Generator<Located<string>> {
  for (const [i, product] of (input.products ?? []).entries()) {
    yield { value: product.id, path: ['products', i, 'id'] };
    for (const [j, major] of (product.versions ?? []).entries()) {
      yield { value: major.id, path: ['products', i, 'versions', j, 'id'] };
      for (const [k, minor] of (major.minorVersions ?? []).entries()) {
        yield { value: minor.id, path: ['products', i, 'versions', j, 'minorVersions', k, 'id'] };
      }
    }
  }
  for (const [i, s] of (input.supportedOn ?? []).entries()) yield { value: s.id, path: ['supportedOn', i, 'id'] };
}
