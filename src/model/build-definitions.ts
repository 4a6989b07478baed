/** A validated definitions file → the model's DefinitionsFile (references kept as written). */
import { basename, extname } from 'node:path';
import type { DataPath, SourceDoc } from '../load/yaml-source.js';
import type { PolicyInput } from '../schema/definitions-schema.js';
import type { ValidatedDefinitions } from '../validate/validate-definitions.js';
import { buildControl, buildElement, orderElements, type ElementContext } from './build-elements.js';
import { extraOf, reserveExplicitStringIds } from './build-as-written.js';
import { buildRegValue, buildValueList } from './build-values.js';
import { localize } from './localize.js';
import { StringIds } from './string-ids.js';
import type { Category, DefinitionsFile, Policy, Product, SupportedDefinition } from './types.js';

interface BuildContext {
  readonly source: ValidatedDefinitions;
  readonly locales: readonly string[];
  readonly stringIds: StringIds;
}

/** Base name of the .admx/.adml/.adm: `fileName`, else the YAML file's name without extension. */
export function definitionsFileName(source: ValidatedDefinitions): string {
  return source.input.fileName ?? basename(source.doc.file, extname(source.doc.file));
}

export function buildDefinitions(source: ValidatedDefinitions): DefinitionsFile {
  const { input } = source;
  const locales = input.locales ?? ['en-US'];
  const ctx: BuildContext = { source, locales, stringIds: reserveExplicitStringIds(input, new StringIds()) };
  const fileName = definitionsFileName(source);
  const unusedStrings = Object.entries(input.unusedStrings ?? {}).map(([id, text]) => ({ id, text: localize(text, locales) }));
  const emptySections = (['supportedOn', 'categories', 'policies'] as const).filter((name) => input[name]?.length === 0);
  return {
    sourcePath: source.doc.file,
    namespace: input.namespace,
    prefix: input.prefix,
    fileName,
    ...(input.intuneAppName !== undefined && { intuneAppName: input.intuneAppName }),
    revision: input.revision ?? '1.0',
    ...(input.minRequiredRevision !== undefined && { minRequiredRevision: input.minRequiredRevision }),
    ...(input.admlRevision !== undefined && { admlRevision: input.admlRevision }),
    ...(input.fallbackCulture !== undefined && { fallbackCulture: input.fallbackCulture }),
    ...(unusedStrings.length > 0 && { unusedStrings }),
    ...(emptySections.length > 0 && { emptySections }),
    locales,
    displayName: localize(input.displayName ?? fileName, locales),
    description: localize(input.description ?? input.namespace, locales),
    using: Object.entries(input.using ?? {}).map(([prefix, namespace]) => ({ prefix, namespace })),
    supersededAdm: input.supersededAdm ?? [],
    products: (input.products ?? []).map((p) => buildProduct(ctx, p)),
    supportedOn: (input.supportedOn ?? []).map((s) => buildSupported(ctx, s)),
    categories: (input.categories ?? []).map((c) => buildCategory(ctx, c)),
    policies: (input.policies ?? []).map((p, i) => buildPolicy(ctx, p, ['policies', i])),
  };
}

type ProductInput = NonNullable<ValidatedDefinitions['input']['products']>[number];

function buildProduct(ctx: BuildContext, p: ProductInput): Product {
  const named = (n: { id: string; name: ProductInput['name']; nameId?: string }) => ({
    id: n.id,
    nameStringId: n.nameId ?? ctx.stringIds.claim(n.id),
    name: localize(n.name, ctx.locales),
  });
  return {
    ...named(p),
    majorVersions: (p.versions ?? []).map((major) => ({
      ...named(major),
      versionIndex: major.versionIndex,
      minorVersions: (major.minorVersions ?? []).map((minor) => ({ ...named(minor), versionIndex: minor.versionIndex })),
    })),
  };
}

type SupportedInput = NonNullable<ValidatedDefinitions['input']['supportedOn']>[number];

function buildSupported(ctx: BuildContext, s: SupportedInput): SupportedDefinition {
  const base = { id: s.id, textStringId: s.textId ?? ctx.stringIds.claim(s.id), text: localize(s.text, ctx.locales) };
  const kind = s.and !== undefined ? 'and' : s.or !== undefined ? 'or' : undefined;
  if (kind === undefined) return base;
  const conditions = (s[kind] ?? []).map((c) =>
    'reference' in c
      ? { kind: 'reference' as const, ref: c.reference, ...extraOf(c.xmlAttributes) }
      : {
          kind: 'range' as const,
          ref: c.range,
          ...(c.minVersionIndex !== undefined && { minVersionIndex: c.minVersionIndex }),
          ...(c.maxVersionIndex !== undefined && { maxVersionIndex: c.maxVersionIndex }),
          ...extraOf(c.xmlAttributes),
        },
  );
  return { ...base, logic: { kind, conditions } };
}

type CategoryInput = NonNullable<ValidatedDefinitions['input']['categories']>[number];

function buildCategory(ctx: BuildContext, c: CategoryInput): Category {
  return {
    id: c.id,
    nameStringId: c.nameId ?? ctx.stringIds.claim(c.id),
    name: localize(c.name, ctx.locales),
    ...(c.explain !== undefined && { explainStringId: c.explainId ?? ctx.stringIds.claim(`${c.id}_Explain`), explain: localize(c.explain, ctx.locales) }),
    ...(c.parent !== undefined && { parent: c.parent }),
    ...extraOf(c.xmlAttributes),
  };
}

function buildPolicy(ctx: BuildContext, p: PolicyInput, path: DataPath): Policy {
  const { doc } = ctx.source;
  const nameStringId = p.nameId ?? ctx.stringIds.claim(p.id);
  const explainStringId = p.explainId ?? ctx.stringIds.claim(`${p.id}_Help`);
  const elementCtx: ElementContext = { doc, locales: ctx.locales, stringIds: ctx.stringIds, policyId: p.id };
  const inputs = p.elements ?? [];
  const elements = inputs.flatMap((e, i) => ('note' in e ? [] : [buildElement(elementCtx, e, [...path, 'elements', i])]));
  return Object.assign(
    {
      id: p.id,
      class: p.class,
      category: p.category,
      supportedOn: p.supportedOn,
      nameStringId,
      name: localize(p.name, ctx.locales),
      explainStringId,
      explain: localize(p.explain, ctx.locales),
      key: p.key,
    },
    registryFields(doc, p, path),
    { elements: orderElements(elements, p.elementOrder), presentation: inputs.map((e) => buildControl(elementCtx, e)) },
    p.presentationId !== undefined ? { presentationId: p.presentationId } : {},
    extraOf(p.xmlAttributes),
  );
}

/** The policy's optional registry fields that the YAML gives, in the model's order (assigned: this runs for every policy). */
function registryFields(doc: SourceDoc, p: PolicyInput, path: DataPath): RegistryFields {
  const fields: Mutable<RegistryFields> = {};
  if (p.valueName !== undefined) fields.valueName = p.valueName;
  if (p.enabledValue !== undefined) fields.enabledValue = buildRegValue(doc, p.enabledValue, [...path, 'enabledValue']);
  if (p.disabledValue !== undefined) fields.disabledValue = buildRegValue(doc, p.disabledValue, [...path, 'disabledValue']);
  if (p.enabledList !== undefined) fields.enabledList = buildValueList(doc, p.enabledList, [...path, 'enabledList']);
  if (p.disabledList !== undefined) fields.disabledList = buildValueList(doc, p.disabledList, [...path, 'disabledList']);
  if (p.clientExtension !== undefined) fields.clientExtension = p.clientExtension;
  return fields;
}

type RegistryFields = Pick<Policy, 'valueName' | 'enabledValue' | 'disabledValue' | 'enabledList' | 'disabledList' | 'clientExtension'>;
type Mutable<T> = { -readonly [K in keyof T]: T[K] };
