/**
 * Definitions YAML writer (DESIGN.md §1.1): a model DefinitionsFile → our definitions YAML, such
 * that loading that YAML rebuilds an equivalent model. Used by `gpforge import` after reading
 * ADMX/ADML.
 *
 * Encoding: UTF-8 without BOM, LF line endings, one final LF; the text is returned, not
 * written. Escaping and quoting are the yaml package's (its scalar stringifiers, laid out by
 * definitions-yaml-write.ts); definitions-yaml-style.ts picks block scalars for multi-line texts
 * and flow style for short collections.
 *
 * Written only where they differ from what the builder derives: ADML string and presentation ids,
 * minRequiredRevision and the ADML revision (issue 9: so vendor ADMLs in other locales still fit
 * the rebuilt ADMX); attributes equal to the XSD defaults only where the source stated them
 * (AsWritten). Never written: the source path. Everything the YAML cannot say exactly is listed
 * in `notes`, one line per place.
 */
import type { Category, DefinitionsFile, Localized, Product, SupportedDefinition } from '../model/types.js';
import { policyView } from './definitions-yaml-policy.js';
import { stringifyView } from './definitions-yaml-write.js';
import { extraAttributesView, localizedView, stringIdView, type View, type ViewContext, type ViewMap } from './definitions-yaml-view.js';
import { collectStrings } from './adml.js';

export interface DefinitionsYamlOptions {
  /**
   * Path or URL of gpforge.schema.json for the `# yaml-language-server: $schema=` first line
   * that editors read; no such line when absent.
   */
  readonly schemaPath?: string;
  /** Write `lenient: true` (imported templates with reference problems Windows tolerates). */
  readonly lenient?: boolean;
}

export interface DefinitionsYaml {
  readonly text: string;
  /** Where the YAML cannot say exactly what the model says, e.g. `policy X: element Y has no presentation control; ...`. */
  readonly notes: string[];
}

/** The definitions YAML of one file, and what it loses (see the module comment). */
export function emitDefinitionsYaml(file: DefinitionsFile, options: DefinitionsYamlOptions = {}): DefinitionsYaml {
  return definitionsYamlText(definitionsYamlData(file, options), options.schemaPath);
}

/** The YAML text of what definitionsYamlData gave (an import builds that once, checks it, then writes it). */
export function definitionsYamlText({ data, notes }: { data: ViewMap; notes: string[] }, schemaPath?: string): DefinitionsYaml {
  const comment = schemaPath === undefined ? undefined : `yaml-language-server: $schema=${schemaPath}`;
  return { text: stringifyView(data, comment), notes };
}

/**
 * The same as plain data, before it becomes text: what a YAML reader would get back (numbers
 * beyond 2^53 as bigint). Lets an import check its result without printing and parsing it.
 */
export function definitionsYamlData(file: DefinitionsFile, options: DefinitionsYamlOptions = {}): { data: ViewMap; notes: string[] } {
  const ctx: ViewContext = { locales: file.locales, notes: [], needsFallback: false, sharedStringIds: sharedStringIds(file) };
  const section = <T extends View>(name: 'supportedOn' | 'categories' | 'policies', items: T[]) =>
    items.length === 0 && file.emptySections?.includes(name) ? items : nonEmpty(items);
  const body = {
    displayName: unlessBuilderDefault(ctx, file.displayName, file.fileName, 'displayName'),
    description: unlessBuilderDefault(ctx, file.description, file.namespace, 'description'),
    using: file.using.length > 0 ? Object.fromEntries(file.using.map((u) => [u.prefix, u.namespace])) : undefined,
    supersededAdm: file.supersededAdm.length > 0 ? file.supersededAdm : undefined,
    products: nonEmpty(file.products.map((p) => productView(ctx, p))),
    supportedOn: section('supportedOn', file.supportedOn.map((s) => supportedView(ctx, s))),
    categories: section('categories', file.categories.map((c) => categoryView(ctx, c))),
    policies: section('policies', file.policies.map((p) => policyView(ctx, p))),
    unusedStrings: file.unusedStrings?.length
      ? Object.fromEntries(file.unusedStrings.map((s) => [s.id, localizedView(ctx, s.text, `unused string ${s.id}`)]))
      : undefined,
  };
  noteUsing(ctx, file);
  const head = {
    kind: 'definitions',
    namespace: file.namespace,
    prefix: file.prefix,
    fileName: file.fileName,
    revision: file.revision,
    minRequiredRevision: file.minRequiredRevision,
    admlRevision: file.admlRevision,
    fallbackCulture: file.fallbackCulture,
    locales: file.locales,
    fallback: ctx.needsFallback || undefined,
    lenient: options.lenient || undefined,
  };
  return { data: { ...head, ...body }, notes: ctx.notes };
}

/** The pattern of `using` keys in definitions-schema.ts. */
const USING_PREFIX = /^[A-Za-z0-9_.-]+$/;

const nonEmpty = <T extends View>(items: T[]): T[] | undefined => (items.length > 0 ? items : undefined);

/** displayName and description default to the file name and the namespace; left out when equal. */
function unlessBuilderDefault(ctx: ViewContext, text: Localized, fallback: string, field: string): View | undefined {
  const isDefault = Object.keys(text).length === ctx.locales.length && ctx.locales.every((l) => text[l] === fallback);
  return isDefault ? undefined : localizedView(ctx, text, field);
}

/** String ids (lowercase) that more than one object of the file uses, the unused strings counted in. */
function sharedStringIds(file: DefinitionsFile): Set<string> {
  const seen = new Set<string>();
  const shared = new Set<string>();
  const ids = [...collectStrings({ ...file, unusedStrings: [] }, { unique: false }).map((s) => s.id), ...(file.unusedStrings ?? []).map((s) => s.id)];
  for (const id of ids.map((i) => i.toLowerCase())) (seen.has(id) ? shared : seen).add(id);
  return shared;
}

function noteUsing(ctx: ViewContext, file: DefinitionsFile): void {
  const seen = new Set<string>();
  for (const u of file.using) {
    if (seen.has(u.prefix)) ctx.notes.push(`using: prefix ${u.prefix} is declared twice; only the last namespace is kept`);
    if (!USING_PREFIX.test(u.prefix)) ctx.notes.push(`using: prefix ${u.prefix} has characters the definitions schema does not accept there`);
    seen.add(u.prefix);
  }
}

function productView(ctx: ViewContext, product: Product): ViewMap {
  const where = `product ${product.id}`;
  const versions = product.majorVersions.map((major) => ({
    id: major.id,
    name: localizedView(ctx, major.name, `${where}: version ${major.id}`),
    versionIndex: major.versionIndex,
    nameId: stringIdView(ctx, major.nameStringId, major.id),
    minorVersions: nonEmpty(
      major.minorVersions.map((minor) => ({
        id: minor.id,
        name: localizedView(ctx, minor.name, `${where}: version ${minor.id}`),
        versionIndex: minor.versionIndex,
        nameId: stringIdView(ctx, minor.nameStringId, minor.id),
      })),
    ),
  }));
  const nameId = stringIdView(ctx, product.nameStringId, product.id);
  return { id: product.id, name: localizedView(ctx, product.name, `${where}: name`), nameId, versions: nonEmpty(versions) };
}

function supportedView(ctx: ViewContext, s: SupportedDefinition): ViewMap {
  const base = { id: s.id, text: localizedView(ctx, s.text, `supportedOn ${s.id}: text`), textId: stringIdView(ctx, s.textStringId, s.id) };
  if (s.logic === undefined) return base;
  if (s.logic.conditions.length === 0) {
    ctx.notes.push(`supportedOn ${s.id}: an empty ${s.logic.kind} block cannot be written; the definition becomes text only`);
    return base;
  }
  const conditions = s.logic.conditions.map((c) => {
    const xmlAttributes = extraAttributesView(c.extraAttributes);
    if (c.kind === 'reference') return { reference: c.ref, xmlAttributes };
    return { range: c.ref, minVersionIndex: c.minVersionIndex, maxVersionIndex: c.maxVersionIndex, xmlAttributes };
  });
  return { ...base, [s.logic.kind]: conditions };
}

function categoryView(ctx: ViewContext, c: Category): ViewMap {
  const where = `category ${c.id}`;
  return {
    id: c.id,
    name: localizedView(ctx, c.name, `${where}: name`),
    explain: c.explain && localizedView(ctx, c.explain, `${where}: explain`),
    parent: c.parent,
    nameId: stringIdView(ctx, c.nameStringId, c.id),
    explainId: c.explainStringId === undefined ? undefined : stringIdView(ctx, c.explainStringId, `${c.id}_Explain`),
    xmlAttributes: extraAttributesView(c.extraAttributes),
  };
}
