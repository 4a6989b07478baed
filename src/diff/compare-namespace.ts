/**
 * Namespace-level definitions changes (issue 12): the file's own fields (prefix, fileName,
 * texts, locales, using), its supportedOn definitions and its products. A prefix change breaks
 * every GPO reference `prefix:Policy`; a new fileName leaves the old .admx in central stores
 * beside the new one (needs attention); a locale removed breaks the admins reading that ADML;
 * a supportedOn definition or product removed breaks what referred to it.
 */
import type { DefinitionsFile, Product, SupportedDefinition } from '../model/types.js';
import { compareFields, type FieldRule } from './compare-fields.js';
import type { DefinitionPlace, Impact } from './diff-types.js';

/** A change before it is tied to GPOs; `admx: false` for ADML-only changes. */
export interface Found {
  readonly impact: Impact;
  readonly subject: string;
  readonly detail: string;
  readonly place: DefinitionPlace;
  readonly admx: boolean;
  /** True when every GPO using the namespace is concerned (a prefix change). */
  readonly wholeNamespace?: boolean;
}

const field = (name: keyof DefinitionsFile, judge: FieldRule<DefinitionsFile>['judge'], admx = true): FieldRule<DefinitionsFile> => ({ field: name, read: (f) => f[name], judge, admx });

const FILE_RULES: readonly FieldRule<DefinitionsFile>[] = [
  field('prefix', 'breaking'),
  field('fileName', 'attention'),
  field('minRequiredRevision', 'compatible'),
  field('fallbackCulture', 'compatible'),
  field('using', 'compatible'),
  field('supersededAdm', 'compatible'),
  { ...field('displayName', 'compatible', false), brief: true },
  { ...field('description', 'compatible', false), brief: true },
];

const NOTES: Readonly<Record<string, string>> = {
  prefix: ': GPOs refer to its policies as prefix:Policy',
  fileName: ': central stores keep the old .admx beside the new one (both declare the namespace): remove it there',
};

/** Everything about the namespace itself that differs. */
export function compareNamespaceFields(before: DefinitionsFile, after: DefinitionsFile, base: readonly DefinitionsFile[]): Found[] {
  const fields = compareFields(before, after, FILE_RULES).map((c): Found => ({
    impact: c.impact,
    subject: 'namespace',
    detail: `${c.detail}${NOTES[c.field] ?? ''}`,
    place: { field: c.field },
    admx: c.admx,
    ...(c.field === 'prefix' && { wholeNamespace: true }),
  }));
  return [...fields, ...compareLocales(before, after), ...compareSupport(before, after, base)];
}

/** A locale removed: its ADML is no longer built (breaking for its readers); added: compatible. */
function compareLocales(before: DefinitionsFile, after: DefinitionsFile): Found[] {
  const found = (impact: Impact, locale: string, detail: string): Found => ({ impact, subject: `locale ${locale}`, detail, place: { field: 'locales' }, admx: false });
  return [
    ...before.locales.filter((l) => !after.locales.includes(l)).map((l) => found('breaking', l, 'removed: its ADML is no longer built; admins using that language lose the texts')),
    ...after.locales.filter((l) => !before.locales.includes(l)).map((l) => found('compatible', l, 'added')),
    ...(before.locales[0] !== after.locales[0] && after.locales.length > 0 ? [found('compatible', after.locales[0] ?? '', `now the default (was ${before.locales[0] ?? '(none)'})`)] : []),
  ];
}

const SUPPORTED_RULES: readonly FieldRule<SupportedDefinition>[] = [
  { field: 'logic', read: (d) => d.logic, judge: 'compatible', admx: true, brief: true },
  { field: 'text', read: (d) => d.text, judge: 'compatible', admx: false, brief: true },
];
const PRODUCT_RULES: readonly FieldRule<Product>[] = [
  { field: 'versions', read: (p) => p.majorVersions.map(({ nameStringId: _n, name: _t, ...v }) => ({ ...v, minorVersions: v.minorVersions.map(({ id, versionIndex }) => ({ id, versionIndex })) })), judge: 'compatible', admx: true, brief: true },
  { field: 'name', read: (p) => p.name, judge: 'compatible', admx: false, brief: true },
];

/** supportedOn definitions and products: added or changed compatible; removed breaking when referred to. */
function compareSupport(before: DefinitionsFile, after: DefinitionsFile, base: readonly DefinitionsFile[]): Found[] {
  const ids = (p: Product) => [p.id, ...p.majorVersions.flatMap((v) => [v.id, ...v.minorVersions.map((m) => m.id)])];
  return [
    ...compareNodes(before.supportedOn, after.supportedOn, ['supportedOn', 'supportedOn'], (d) => [d.id], SUPPORTED_RULES, before, base),
    ...compareNodes(before.products, after.products, ['product', 'products'], ids, PRODUCT_RULES, before, base),
  ];
}

/** `what`: the subject's word and the YAML list holding it (annotated there). */
function compareNodes<T extends { id: string }>(old: readonly T[], now: readonly T[], [what, list]: readonly [string, string], idsOf: (t: T) => string[], rules: readonly FieldRule<T>[], file: DefinitionsFile, base: readonly DefinitionsFile[]): Found[] {
  const before = new Map(old.map((t) => [t.id, t]));
  const after = new Set(now.map((t) => t.id));
  const place = { field: list };
  const removed = old.filter((t) => !after.has(t.id)).map((t): Found => {
    const referrers = referrersOf(file, new Set(idsOf(t)), base);
    const detail = referrers.length === 0 ? 'removed (nothing in the project referred to it)' : `removed, but referred to by ${referrers.join(', ')}`;
    return { impact: referrers.length === 0 ? 'compatible' : 'breaking', subject: `${what} ${t.id}`, detail, place, admx: true };
  });
  const changed = now.flatMap((t): Found[] => {
    const previous = before.get(t.id);
    if (previous === undefined) return [{ impact: 'compatible', subject: `${what} ${t.id}`, detail: 'added', place, admx: true }];
    return compareFields(previous, t, rules).map((c) => ({ impact: c.impact, subject: `${what} ${t.id}`, detail: c.detail, place, admx: c.admx }));
  });
  return [...removed, ...changed];
}

/** What in the base side referred to one of `ids` of `file`: policies and supportedOn definitions, in any namespace. */
function referrersOf(file: DefinitionsFile, ids: ReadonlySet<string>, base: readonly DefinitionsFile[]): string[] {
  const referrers: string[] = [];
  for (const other of base) {
    const prefixes = new Set([...(other.namespace === file.namespace ? ['', other.prefix] : []), ...other.using.filter((u) => u.namespace === file.namespace).map((u) => u.prefix)]);
    const hits = (ref: string) => {
      const colon = ref.indexOf(':');
      return prefixes.has(colon < 0 ? '' : ref.slice(0, colon)) && ids.has(ref.slice(colon + 1));
    };
    const where = other.namespace === file.namespace ? '' : ` (${other.namespace})`;
    for (const policy of other.policies) if (hits(policy.supportedOn)) referrers.push(`policy ${policy.id}${where}`);
    for (const definition of other.supportedOn) if (definition.logic?.conditions.some((c) => hits(c.ref))) referrers.push(`supportedOn ${definition.id}${where}`);
  }
  return referrers;
}


/**
 * Both files with their texts cut to the locales they share: a locale added or removed is one
 * change (compareLocales), not one per text.
 */
export function withCommonLocales(before: DefinitionsFile, after: DefinitionsFile): [DefinitionsFile, DefinitionsFile] {
  const all = new Set([...before.locales, ...after.locales]);
  const common = new Set(before.locales.filter((l) => after.locales.includes(l)));
  if (common.size === all.size) return [before, after];
  const isLocalized = (v: object) => Object.getPrototypeOf(v) === Object.prototype && Object.entries(v).every(([k, t]) => all.has(k) && typeof t === 'string');
  const cut = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(cut);
    if (typeof v !== 'object' || v === null || v instanceof Map) return v;
    if (isLocalized(v)) return Object.fromEntries(Object.entries(v).filter(([k]) => common.has(k)));
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, cut(x)]));
  };
  return [{ ...(cut(before) as DefinitionsFile), locales: before.locales }, { ...(cut(after) as DefinitionsFile), locales: after.locales }];
}
