/**
 * The syntax tree of one .adm file → a model DefinitionsFile for one locale (FORMATS.md d.2 → c).
 *
 * - Categories: one per CATEGORY name and parent, so a tree repeated under CLASS MACHINE and
 *   CLASS USER (as gpforge and Chromium write it) is one tree. Id: the `!!Name`, else the inline
 *   name; sanitised to [A-Za-z0-9_] and made unique (`_2`, `_3`, ...). EXPLAIN kept, first wins.
 * - Policies: id as for categories. A POLICY with the same name under both classes whose bodies
 *   are identical (same category, keys, values, PARTs) is one policy of class `both`; otherwise
 *   each is a policy of its own.
 * - SUPPORTED: one supportedOn definition per distinct text, id the `!!Name` of its first use. A
 *   policy without SUPPORTED refers to an added definition `SUPPORTED_NotStated` (GPF1317), one
 *   outside every CATEGORY to an added category named after the file (GPF1318): the model and
 *   the definitions YAML require both references, and ADM has no other place to take them from.
 */
import { StringIds } from '../../model/string-ids.js';
import type { Category, DefinitionsFile, Policy, SupportedDefinition } from '../../model/types.js';
import type { AdmSource } from './adm-source.js';
import type { AdmCategory, AdmPolicy, AdmSyntax, AdmText } from './adm-syntax.js';
import { buildPolicyBody, idOf } from './build-adm-policy.js';

/** File-level names (read-adm.ts takes them from gpforge's header comment or the file name). */
export type AdmFileInfo = Pick<DefinitionsFile, 'sourcePath' | 'namespace' | 'prefix' | 'fileName' | 'revision'> & { readonly locale: string };

/** Id of the supportedOn definition added for policies without SUPPORTED (GPF1317). */
export const NOT_STATED_SUPPORTED = 'SUPPORTED_NotStated';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

class ModelBuilder {
  readonly categories: Mutable<Category>[] = [];
  readonly policies: Mutable<Policy>[] = [];
  readonly supportedOn: SupportedDefinition[] = [];
  private readonly categoryByIdentity = new Map<string, Mutable<Category>>();
  private readonly policiesByName = new Map<string, Mutable<Policy>[]>();
  private readonly supportedByText = new Map<string, SupportedDefinition>();
  private readonly categoryIds = new StringIds();
  private readonly policyIds = new StringIds();
  private readonly supportedIds = new StringIds();
  private notStated: string | undefined;
  private uncategorized: string | undefined;

  constructor(
    private readonly source: AdmSource,
    private readonly info: AdmFileInfo,
  ) {}

  addCategory(node: AdmCategory, parent: string | undefined): void {
    const identity = `${parent ?? ''}\n${textIdentity(node.name)}`;
    let category = this.categoryByIdentity.get(identity);
    if (category === undefined) {
      const id = this.categoryIds.claim(idOf(node.name.name ?? node.name.text));
      category = { id, nameStringId: node.name.name ?? id, name: this.localized(node.name.text), ...(parent !== undefined && { parent }) };
      this.categoryByIdentity.set(identity, category);
      this.categories.push(category);
    }
    if (node.explain !== undefined && category.explain === undefined) {
      category.explainStringId = node.explain.name ?? `${category.id}_Explain`;
      category.explain = this.localized(node.explain.text);
    }
    for (const child of node.children) {
      if (child.kind === 'category') this.addCategory(child, category.id);
      else this.addPolicy(child, category.id);
    }
  }

  addPolicy(node: AdmPolicy, category: string | undefined): void {
    const body = buildPolicyBody(this.source, node, this.info.locale);
    if (body === undefined) return;
    const candidate = { ...body, category: category ?? this.uncategorizedId(), supportedOn: this.supportedId(node.supported) };
    const sameName = this.policiesByName.get(textIdentity(node.name)) ?? [];
    const other = node.class === 'machine' ? 'user' : 'machine';
    const twin = sameName.find((p) => p.class === other && sameBody(p, candidate));
    if (twin !== undefined) {
      twin.class = 'both';
      return;
    }
    const policy: Mutable<Policy> = { id: this.policyIds.claim(idOf(node.name.name ?? node.name.text)), class: node.class, ...candidate };
    this.policiesByName.set(textIdentity(node.name), [...sameName, policy]);
    this.policies.push(policy);
  }

  /** The added category and supportedOn definition, if used (reported once each). */
  finish(): void {
    const id = this.uncategorized;
    if (id !== undefined) {
      this.categories.push({ id, nameStringId: id, name: this.localized(this.info.fileName) });
      this.source.report('GPF1318', undefined, this.policies.filter((p) => p.category === id).length, id);
    }
    const notStated = this.notStated;
    if (notStated !== undefined) {
      this.supportedOn.push({ id: notStated, textStringId: notStated, text: this.localized(`Not stated in ${this.info.fileName}.adm`) });
      this.source.report('GPF1317', undefined, this.policies.filter((p) => p.supportedOn === notStated).length, notStated);
    }
  }

  private supportedId(text: AdmText | undefined): string {
    if (text === undefined) {
      this.notStated ??= this.supportedIds.claim(NOT_STATED_SUPPORTED);
      return this.notStated;
    }
    const known = this.supportedByText.get(text.text);
    if (known !== undefined) return known.id;
    const id = this.supportedIds.claim(idOf(text.name ?? `SUPPORTED_${text.text.slice(0, 60)}`));
    const definition = { id, textStringId: text.name ?? id, text: this.localized(text.text) };
    this.supportedByText.set(text.text, definition);
    this.supportedOn.push(definition);
    return id;
  }

  private uncategorizedId(): string {
    this.uncategorized ??= this.categoryIds.claim(idOf(this.info.fileName));
    return this.uncategorized;
  }

  private localized(text: string): Readonly<Record<string, string>> {
    return { [this.info.locale]: text };
  }
}

/** The model of one .adm file; undefined when the body has no CATEGORY or POLICY at all (GPF1319). */
export function buildAdmModel(source: AdmSource, syntax: AdmSyntax, info: AdmFileInfo): DefinitionsFile | undefined {
  const builder = new ModelBuilder(source, info);
  for (const { node } of syntax.statements) {
    if (node.kind === 'category') builder.addCategory(node, undefined);
    else builder.addPolicy(node, undefined);
  }
  builder.finish();
  if (builder.policies.length === 0) source.report('GPF1319', undefined);
  if (syntax.statements.length === 0) return undefined;
  return {
    sourcePath: info.sourcePath,
    namespace: info.namespace,
    prefix: info.prefix,
    fileName: info.fileName,
    revision: info.revision,
    locales: [info.locale],
    displayName: { [info.locale]: info.fileName },
    description: { [info.locale]: '' },
    using: [],
    supersededAdm: [],
    products: [],
    supportedOn: builder.supportedOn,
    categories: builder.categories,
    policies: builder.policies,
  };
}

/** `!!Name` (case-insensitive) or the inline text: what makes two CATEGORY/POLICY names the same. */
function textIdentity(text: AdmText): string {
  return text.name !== undefined ? `!!${text.name.toLowerCase()}` : `"${text.text}`;
}

function sameBody(a: Omit<Policy, 'id' | 'class'>, b: Omit<Policy, 'id' | 'class'>): boolean {
  const { id: _a, class: _ca, ...left } = a as Policy;
  const { id: _b, class: _cb, ...right } = b as Policy;
  return stableJson(left) === stableJson(right);
}

function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));
}
