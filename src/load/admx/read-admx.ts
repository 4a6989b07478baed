/**
 * The ADMX root (FORMATS.md c.3–c.6) → model DefinitionsFile: namespaces, superseded ADM
 * files, supportedOn products and definitions, categories, policies. Children are read by
 * name wherever they stand (the XSD's strict order is lint's business, not the reader's).
 */
import type { Category, DefinitionsFile, MajorVersion, MinorVersion, Product, SupportedCondition, SupportedDefinition, UsingNamespace } from '../../model/types.js';
import type { AdmlResolver } from './adml-resolver.js';
import type { AdmlTables } from './adml-tables.js';
import { asWritten, report, requiredAttribute, uint32Attribute, type Source } from './read-attributes.js';
import { readPolicy, refOf } from './read-policy.js';
import { attribute, childNamed, childrenNamed } from './xml-query.js';
import { tagSpan, type XmlElement } from './xml-tree.js';

export const ADMX_ROOT = 'policyDefinitions';

export interface AdmxFileInfo {
  readonly sourcePath: string;
  readonly fileName: string;
}

/** The root must be `policyDefinitions` (checked by the caller, which needs its fallbackCulture first). */
export function readAdmx(source: Source, root: XmlElement, resolver: AdmlResolver, info: AdmxFileInfo): DefinitionsFile {
  const namespaces = childNamed(root, 'policyNamespaces');
  if (!namespaces) report(source, 'GPF1206', tagSpan(root), root.name, 'policyNamespaces');
  const target = namespaces && childNamed(namespaces, 'target');
  if (namespaces && !target) report(source, 'GPF1206', tagSpan(namespaces), namespaces.name, 'target');
  const supportedOn = childNamed(root, 'supportedOn');
  const products = supportedOn && childNamed(supportedOn, 'products');
  const definitions = supportedOn && childNamed(supportedOn, 'definitions');
  const perLocale = (pick: (t: AdmlTables) => string) => Object.fromEntries(resolver.tables.map((t) => [t.locale, pick(t)]));
  const revision = requiredAttribute(source, root, 'revision');
  const body = {
    sourcePath: info.sourcePath,
    namespace: target ? requiredAttribute(source, target, 'namespace') : '',
    prefix: target ? requiredAttribute(source, target, 'prefix') : '',
    fileName: info.fileName,
    revision,
    ...revisions(root, resolver, revision),
    locales: resolver.locales,
    displayName: perLocale((t) => t.displayName),
    description: perLocale((t) => t.description),
    using: namespaces ? childrenNamed(namespaces, 'using').map((u) => readUsing(source, u)) : [],
    supersededAdm: childrenNamed(root, 'supersededAdm').map((s) => requiredAttribute(source, s, 'fileName')),
    products: products ? childrenNamed(products, 'product').map((p) => readProduct(source, resolver, p)) : [],
    supportedOn: definitions ? childrenNamed(definitions, 'definition').map((d) => readSupportedDefinition(source, resolver, d)) : [],
    categories: childrenOf(root, 'categories', 'category').map((c) => readCategory(source, resolver, c)),
    policies: childrenOf(root, 'policies', 'policy').flatMap((p) => readPolicy(source, resolver, p) ?? []),
  };
  const unusedStrings = resolver.unusedStrings();
  const emptySections = SECTIONS.filter((name) => {
    const section = childNamed(root, name);
    return section !== undefined && section.children.length === 0;
  });
  return { ...body, ...(unusedStrings.length > 0 && { unusedStrings }), ...(emptySections.length > 0 && { emptySections }) };
}

const SECTIONS = ['supportedOn', 'categories', 'policies'] as const;

/** minRequiredRevision, the ADML revision and fallbackCulture, where written (kept for an exact rebuild). */
function revisions(root: XmlElement, resolver: AdmlResolver, revision: string) {
  const resources = childNamed(root, 'resources');
  const minRequiredRevision = resources && attribute(resources, 'minRequiredRevision');
  const fallback = resources && attribute(resources, 'fallbackCulture');
  const admlRevision = resolver.tables[0]?.revision;
  return {
    ...(minRequiredRevision !== undefined && minRequiredRevision !== revision && { minRequiredRevision }),
    ...(admlRevision !== undefined && admlRevision !== revision && { admlRevision }),
    ...(fallback !== undefined && { fallbackCulture: fallback }),
  };
}

/** The ADMX's `resources/@fallbackCulture` (XSD default en-US): the ADML used when a locale lacks one. */
export function fallbackCulture(root: XmlElement): string {
  const resources = childNamed(root, 'resources');
  return (resources && attribute(resources, 'fallbackCulture')) ?? 'en-US';
}

function childrenOf(root: XmlElement, list: string, item: string): XmlElement[] {
  const node = childNamed(root, list);
  return node ? childrenNamed(node, item) : [];
}

function readUsing(source: Source, u: XmlElement): UsingNamespace {
  return { prefix: requiredAttribute(source, u, 'prefix'), namespace: requiredAttribute(source, u, 'namespace') };
}

function readProduct(source: Source, resolver: AdmlResolver, p: XmlElement): Product {
  const name = resolver.string(p, 'displayName');
  return {
    id: requiredAttribute(source, p, 'name'),
    nameStringId: name.id,
    name: name.text,
    majorVersions: childrenNamed(p, 'majorVersion').map((major) => ({
      ...readVersion(source, resolver, major),
      minorVersions: childrenNamed(major, 'minorVersion').map((minor) => readVersion(source, resolver, minor)),
    })) satisfies MajorVersion[],
  };
}

function readVersion(source: Source, resolver: AdmlResolver, v: XmlElement): MinorVersion {
  const name = resolver.string(v, 'displayName');
  requiredAttribute(source, v, 'versionIndex');
  return { id: requiredAttribute(source, v, 'name'), nameStringId: name.id, name: name.text, versionIndex: uint32Attribute(source, v, 'versionIndex', 0) };
}

function readSupportedDefinition(source: Source, resolver: AdmlResolver, d: XmlElement): SupportedDefinition {
  const text = resolver.string(d, 'displayName');
  const base = { id: requiredAttribute(source, d, 'name'), textStringId: text.id, text: text.text };
  const logic = d.children.find((c) => c.name === 'and' || c.name === 'or');
  if (!logic) return base;
  const conditions = logic.children.flatMap((c): SupportedCondition[] => {
    if (c.name === 'reference') return [{ kind: 'reference', ref: requiredAttribute(source, c, 'ref'), ...asWritten(c, ['ref']) }];
    if (c.name !== 'range') return [];
    const min = uint32Attribute(source, c, 'minVersionIndex');
    const max = uint32Attribute(source, c, 'maxVersionIndex');
    return [
      {
        kind: 'range',
        ref: requiredAttribute(source, c, 'ref'),
        ...(min !== undefined && { minVersionIndex: min }),
        ...(max !== undefined && { maxVersionIndex: max }),
        ...asWritten(c, ['ref', 'minVersionIndex', 'maxVersionIndex']),
      },
    ];
  });
  return { ...base, logic: { kind: logic.name as 'and' | 'or', conditions } };
}

function readCategory(source: Source, resolver: AdmlResolver, c: XmlElement): Category {
  const name = resolver.string(c, 'displayName');
  const explain = resolver.optionalString(c, 'explainText');
  const parent = refOf(c, 'parentCategory');
  return {
    id: requiredAttribute(source, c, 'name'),
    nameStringId: name.id,
    name: name.text,
    ...(explain && { explainStringId: explain.id, explain: explain.text }),
    ...(parent !== '' && { parent }),
    ...asWritten(c, ['name', 'displayName', 'explainText']),
  };
}
