/**
 * The docs model (issue 13): the project's Model, in one locale, as the explorer and the reports
 * show it: the category tree with the policies under it, each policy with its texts resolved and
 * its page path, and one report per GPO. Built once per locale; every renderer (HTML, Markdown)
 * reads only this, and registry values only ever come from model/registry-plan.ts.
 */
import type { Category, DefinitionsFile, Gpo, Model, Policy, PolicyClass } from '../model/types.js';
import { compareCodeUnits } from '../text/compare.js';
import { buildGpoReport, type GpoReport } from './gpo-report.js';
import { textIn } from './localized-text.js';

/** Where a policy of each class is set: the GPO side, its hive, and how pages name it. */
export const SCOPES: Readonly<Record<PolicyClass, { readonly scope: string; readonly hive: 'HKLM' | 'HKCU'; readonly side: 'computer' | 'user' }>> = {
  machine: { scope: 'Computer Configuration', hive: 'HKLM', side: 'computer' },
  user: { scope: 'User Configuration', hive: 'HKCU', side: 'user' },
  // Shown (and configured in the snippets) as a computer setting; it can be a user one too.
  both: { scope: 'Computer Configuration and User Configuration', hive: 'HKLM', side: 'computer' },
};

export interface PolicyDoc {
  readonly file: DefinitionsFile;
  readonly policy: Policy;
  /** How GPO files name it: `prefix:Id`. */
  readonly ref: string;
  /** Page path without extension, relative to the locale folder: `policies/<fileName>/<id>`. */
  readonly page: string;
  readonly name: string;
  readonly explain: string;
  readonly supportedOn: string;
  /** Category names from the top, e.g. ["Windows Components", "Windows Update"]. */
  readonly categoryPath: readonly string[];
  /** False for --admx policies not included in the explorer: shown in reports, without a page. */
  readonly documented: boolean;
}

export interface CategoryNode {
  readonly name: string;
  readonly explain: string;
  readonly children: CategoryNode[];
  readonly policies: PolicyDoc[];
}

export interface DocsSite {
  readonly locale: string;
  /** Every locale the page set exists in (for the language switch). */
  readonly locales: readonly string[];
  readonly roots: readonly CategoryNode[];
  /** Documented policies in tree order (depth first, each category's policies by name). */
  readonly policies: readonly PolicyDoc[];
  readonly gpos: readonly GpoReport[];
}

export interface DocsInput {
  readonly model: Model;
  /** --admx templates: they name categories and supportedOn texts, and GPOs may use them. */
  readonly external: readonly DefinitionsFile[];
  /** --include-admx: give --admx policies pages too. */
  readonly includeExternal: boolean;
}

/** `policies/<fileName>/<id>`, with characters unsafe in file names or URLs replaced. */
export function policyPage(file: DefinitionsFile, policy: Policy): string {
  const safe = (s: string) => s.replace(/[^A-Za-z0-9_.-]/g, '_');
  return `policies/${safe(file.fileName)}/${safe(policy.id)}`;
}

export function buildDocsSite(input: DocsInput, locale: string, locales: readonly string[]): DocsSite {
  const resolver = new CategoryResolver([...input.model.definitions, ...input.external], locale);
  const docs = new Map<Policy, PolicyDoc>();
  const add = (file: DefinitionsFile, documented: boolean) => {
    for (const policy of file.policies) docs.set(policy, policyDoc(file, policy, locale, resolver, documented));
  };
  for (const file of input.model.definitions) add(file, true);
  for (const file of input.external) add(file, input.includeExternal);
  const roots: CategoryNode[] = [];
  for (const doc of docs.values()) if (doc.documented) resolver.nodeOf(doc.file, doc.policy.category, roots).policies.push(doc);
  const sorted = sortTree(roots);
  const lookup = (policy: Policy) => docs.get(policy);
  return {
    locale,
    locales,
    roots: sorted,
    policies: sorted.flatMap(treePolicies),
    gpos: input.model.gpos.map((gpo: Gpo) => buildGpoReport(gpo, locale, lookup)),
  };
}

function policyDoc(file: DefinitionsFile, policy: Policy, locale: string, resolver: CategoryResolver, documented: boolean): PolicyDoc {
  return {
    file,
    policy,
    ref: `${file.prefix}:${policy.id}`,
    page: policyPage(file, policy),
    name: textIn(policy.name, locale, file),
    explain: textIn(policy.explain, locale, file),
    supportedOn: resolver.supportedText(file, policy.supportedOn),
    categoryPath: resolver.path(file, policy.category),
    documented,
  };
}

function sortTree(nodes: readonly CategoryNode[]): CategoryNode[] {
  const byName = <T extends { name: string }>(a: T, b: T) => compareCodeUnits(a.name.toLowerCase(), b.name.toLowerCase()) || compareCodeUnits(a.name, b.name);
  return [...nodes]
    .filter((node) => treePolicies(node).length > 0)
    .sort(byName)
    .map((node) => ({ ...node, children: sortTree(node.children), policies: [...node.policies].sort(byName) }));
}

function treePolicies(node: CategoryNode): PolicyDoc[] {
  return [...node.policies, ...node.children.flatMap(treePolicies)];
}

/**
 * Category and supportedOn references (`id` or `prefix:id`, FORMATS.md c.4) across every file:
 * a prefix names a namespace through the file's `using` (or its own prefix). What no file
 * defines (Windows' categories without --admx) shows as the reference itself.
 */
class CategoryResolver {
  private readonly files = new Map<string, DefinitionsFile>();
  private readonly nodes = new Map<string, CategoryNode>();
  /** By namespace, then id: one scan of each file instead of one per policy. */
  private readonly categories = new Map<string, Map<string, Category>>();

  constructor(files: readonly DefinitionsFile[], private readonly locale: string) {
    for (const file of files) {
      if (this.files.has(file.namespace)) continue;
      this.files.set(file.namespace, file);
      this.categories.set(file.namespace, new Map(file.categories.map((c) => [c.id, c])));
    }
  }

  private resolve(file: DefinitionsFile, ref: string): { file?: DefinitionsFile; id: string } {
    const colon = ref.indexOf(':');
    if (colon < 0) return { file, id: ref };
    const prefix = ref.slice(0, colon).toLowerCase();
    const namespace = prefix === file.prefix.toLowerCase() ? file.namespace : file.using.find((u) => u.prefix.toLowerCase() === prefix)?.namespace;
    const target = namespace === undefined ? undefined : this.files.get(namespace);
    return { ...(target && { file: target }), id: ref.slice(colon + 1) };
  }

  /** Resolved references by namespace and reference: every policy of a category asks again. */
  private readonly resolved = new Map<string, { file: DefinitionsFile; category: Category } | undefined>();

  private category(file: DefinitionsFile, ref: string): { file: DefinitionsFile; category: Category } | undefined {
    const cacheKey = `${file.namespace}\u0000${ref}`;
    if (this.resolved.has(cacheKey)) return this.resolved.get(cacheKey);
    const { file: target, id } = this.resolve(file, ref);
    const category = target && this.categories.get(target.namespace)?.get(id);
    const found = target && category ? { file: target, category } : undefined;
    this.resolved.set(cacheKey, found);
    return found;
  }

  /** The tree node of a category, made with its ancestors on first use. */
  nodeOf(file: DefinitionsFile, ref: string, roots: CategoryNode[], depth = 0): CategoryNode {
    const found = this.category(file, ref);
    const identity = found ? `${found.file.namespace}\u0000${found.category.id}` : `?${ref}`;
    const known = this.nodes.get(identity);
    if (known) return known;
    const node: CategoryNode = {
      name: found ? textIn(found.category.name, this.locale, found.file) : ref,
      explain: found ? textIn(found.category.explain, this.locale, found.file) : '',
      children: [],
      policies: [],
    };
    this.nodes.set(identity, node);
    const parent = found?.category.parent;
    // A parent chain longer than any real one is a cycle: the node becomes a root.
    if (found && parent !== undefined && depth < 64) this.nodeOf(found.file, parent, roots, depth + 1).children.push(node);
    else roots.push(node);
    return node;
  }

  path(file: DefinitionsFile, ref: string): string[] {
    const names: string[] = [];
    let current: { file: DefinitionsFile; ref: string } | undefined = { file, ref };
    while (current && names.length < 64) {
      const found = this.category(current.file, current.ref);
      names.unshift(found ? textIn(found.category.name, this.locale, found.file) : current.ref);
      current = found?.category.parent === undefined ? undefined : { file: found.file, ref: found.category.parent };
    }
    return names;
  }

  supportedText(file: DefinitionsFile, ref: string): string {
    const { file: target, id } = this.resolve(file, ref);
    const definition = target?.supportedOn.find((s) => s.id === id);
    return target && definition ? textIn(definition.text, this.locale, target) : ref;
  }
}
