/**
 * Definitions YAML writer (DESIGN.md §1.1): a model DefinitionsFile → our definitions YAML, such
 * that loading that YAML rebuilds an equivalent model. Used by `gpforge import` after reading
 * ADMX/ADML.
 *
 * Encoding: UTF-8 without BOM, LF line endings, one final LF; the text is returned, not
 * written. Escaping and quoting are the yaml package's (Document API); definitions-yaml-style.ts
 * picks block scalars for multi-line texts and flow style for short collections.
 *
 * Not written, by design: ADML string ids (the builder allocates its own, the same way for the
 * same ids), the source path, and attributes equal to the YAML defaults (min 0, max 9999,
 * maxLength 1023, maxStrings 0, false flags, spin true, spinStep 1, height 3). Everything the
 * YAML cannot say exactly is listed in `notes`, one line per place.
 */
import type { Category, DefinitionsFile, Localized, Product, SupportedDefinition } from '../model/types.js';
import { policyView } from './definitions-yaml-policy.js';
import { stringifyView } from './definitions-yaml-style.js';
import { localizedView, type View, type ViewContext, type ViewMap } from './definitions-yaml-view.js';

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
  const { data, notes } = definitionsYamlData(file, options);
  const comment = options.schemaPath === undefined ? undefined : `yaml-language-server: $schema=${options.schemaPath}`;
  return { text: stringifyView(data, comment), notes };
}

/**
 * The same as plain data, before it becomes text: what a YAML reader would get back (numbers
 * beyond 2^53 as bigint). Lets an import check its result without printing and parsing it.
 */
export function definitionsYamlData(file: DefinitionsFile, options: DefinitionsYamlOptions = {}): { data: ViewMap; notes: string[] } {
  const ctx: ViewContext = { locales: file.locales, notes: [], needsFallback: false };
  const body = {
    displayName: unlessBuilderDefault(ctx, file.displayName, file.fileName, 'displayName'),
    description: unlessBuilderDefault(ctx, file.description, file.namespace, 'description'),
    using: file.using.length > 0 ? Object.fromEntries(file.using.map((u) => [u.prefix, u.namespace])) : undefined,
    supersededAdm: file.supersededAdm.length > 0 ? file.supersededAdm : undefined,
    products: nonEmpty(file.products.map((p) => productView(ctx, p))),
    supportedOn: nonEmpty(file.supportedOn.map((s) => supportedView(ctx, s))),
    categories: nonEmpty(file.categories.map((c) => categoryView(ctx, c))),
    policies: nonEmpty(file.policies.map((p) => policyView(ctx, p))),
  };
  noteUsing(ctx, file);
  const head = {
    kind: 'definitions',
    namespace: file.namespace,
    prefix: file.prefix,
    fileName: file.fileName,
    revision: file.revision,
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
    minorVersions: nonEmpty(
      major.minorVersions.map((minor) => ({
        id: minor.id,
        name: localizedView(ctx, minor.name, `${where}: version ${minor.id}`),
        versionIndex: minor.versionIndex,
      })),
    ),
  }));
  return { id: product.id, name: localizedView(ctx, product.name, `${where}: name`), versions: nonEmpty(versions) };
}

function supportedView(ctx: ViewContext, s: SupportedDefinition): ViewMap {
  const text = localizedView(ctx, s.text, `supportedOn ${s.id}: text`);
  if (s.logic === undefined) return { id: s.id, text };
  if (s.logic.conditions.length === 0) {
    ctx.notes.push(`supportedOn ${s.id}: an empty ${s.logic.kind} block cannot be written; the definition becomes text only`);
    return { id: s.id, text };
  }
  const conditions = s.logic.conditions.map((c) =>
    c.kind === 'reference' ? { reference: c.ref } : { range: c.ref, minVersionIndex: c.minVersionIndex, maxVersionIndex: c.maxVersionIndex },
  );
  return { id: s.id, text, [s.logic.kind]: conditions };
}

function categoryView(ctx: ViewContext, c: Category): ViewMap {
  const where = `category ${c.id}`;
  return {
    id: c.id,
    name: localizedView(ctx, c.name, `${where}: name`),
    explain: c.explain && localizedView(ctx, c.explain, `${where}: explain`),
    parent: c.parent,
  };
}
