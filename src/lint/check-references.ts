/**
 * `prefix:name` references (FORMATS.md c.4–c.7): categories' and policies' parentCategory,
 * policies' supportedOn, supportedOn range/reference. A prefix must be declared (GPF1261); a
 * name must exist in its namespace (GPF1262) — checked in the file itself always, and in other
 * files when a whole store is linted. In a store, every `using` namespace must be some file's
 * target (GPF1252) and no two files may declare the same target (GPF1253). A policy without a
 * parentCategory shows at the top of the tree (GPF1256).
 */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { attribute, attributeSpan, childNamed, childrenNamed } from '../load/admx/xml-query.js';
import type { XmlDocument, XmlElement } from '../load/admx/xml-tree.js';
import { listItems, type LintPair } from './lint-context.js';

type RefKind = 'category' | 'supportedOn';

interface Reference {
  readonly kind: RefKind;
  readonly node: XmlElement;
  readonly prefix?: string;
  readonly name: string;
  readonly written: string;
}

/** One ADMX's namespace, what it defines, and what it refers to. */
export interface NamespaceIndex {
  readonly document: XmlDocument;
  readonly target?: XmlElement;
  readonly namespace?: string;
  readonly prefixes: ReadonlyMap<string, string>;
  readonly usings: readonly XmlElement[];
  readonly names: Readonly<Record<RefKind, ReadonlySet<string>>>;
  readonly references: readonly Reference[];
}

export function indexNamespace(pair: LintPair): NamespaceIndex {
  const document = pair.documents.admx;
  const root = document.root;
  const declarations = root && childNamed(root, 'policyNamespaces');
  const target = declarations && childNamed(declarations, 'target');
  const usings = declarations ? childrenNamed(declarations, 'using') : [];
  const prefixes = new Map<string, string>();
  for (const d of [...(target ? [target] : []), ...usings]) prefixes.set(attribute(d, 'prefix') ?? '', attribute(d, 'namespace') ?? '');
  const supportedOn = root && childNamed(root, 'supportedOn');
  const products = listItems(supportedOn, 'products', 'product');
  const majors = products.flatMap((p) => childrenNamed(p, 'majorVersion'));
  const supportedNames = [...listItems(supportedOn, 'definitions', 'definition'), ...products, ...majors, ...majors.flatMap((m) => childrenNamed(m, 'minorVersion'))];
  const namespace = target && attribute(target, 'namespace');
  return {
    document,
    ...(target && { target }),
    ...(namespace !== undefined && { namespace }),
    prefixes,
    usings,
    names: { category: namesOf(listItems(root, 'categories', 'category')), supportedOn: namesOf(supportedNames) },
    references: collectReferences(root, supportedOn),
  };
}

/** Checks within one file: declared prefixes, own-namespace names, policies without a category. */
export function checkReferences(index: NamespaceIndex, out: Diagnostic[]): void {
  const { document } = index;
  for (const policy of listItems(document.root, 'policies', 'policy')) {
    if (!childNamed(policy, 'parentCategory')) out.push(diagnostic('GPF1256', document.file, attributeSpan(document.text, policy, 'name'), attribute(policy, 'name') ?? ''));
  }
  for (const ref of index.references) {
    const span = attributeSpan(document.text, ref.node, 'ref');
    const namespace = ref.prefix === undefined ? index.namespace : index.prefixes.get(ref.prefix);
    if (ref.prefix !== undefined && namespace === undefined) out.push(diagnostic('GPF1261', document.file, span, ref.written, ref.prefix));
    else if (namespace === index.namespace && !index.names[ref.kind].has(ref.name)) {
      out.push(diagnostic('GPF1262', document.file, span, kindName(ref.kind), ref.written, `this file (namespace '${index.namespace ?? ''}')`));
    }
  }
}

/** Checks across the files of a store (a linted folder). */
export function checkStore(indexes: readonly NamespaceIndex[], out: Diagnostic[]): void {
  const byNamespace = new Map<string, NamespaceIndex>();
  for (const index of indexes) {
    if (index.namespace === undefined || !index.target) continue;
    const other = byNamespace.get(index.namespace);
    if (other) out.push(diagnostic('GPF1253', index.document.file, attributeSpan(index.document.text, index.target, 'namespace'), index.namespace, other.document.file));
    else byNamespace.set(index.namespace, index);
  }
  for (const index of indexes) {
    for (const using of index.usings) {
      const namespace = attribute(using, 'namespace') ?? '';
      if (!byNamespace.has(namespace)) {
        out.push(diagnostic('GPF1252', index.document.file, attributeSpan(index.document.text, using, 'namespace'), namespace, attribute(using, 'prefix') ?? ''));
      }
    }
    for (const ref of index.references) {
      const namespace = ref.prefix === undefined ? undefined : index.prefixes.get(ref.prefix);
      const other = namespace === undefined || namespace === index.namespace ? undefined : byNamespace.get(namespace);
      if (other && !other.names[ref.kind].has(ref.name)) {
        const where = `namespace '${namespace}' (${other.document.file})`;
        out.push(diagnostic('GPF1262', index.document.file, attributeSpan(index.document.text, ref.node, 'ref'), kindName(ref.kind), ref.written, where));
      }
    }
  }
}

function collectReferences(root: XmlElement | undefined, supportedOn: XmlElement | undefined): Reference[] {
  const found: Reference[] = [];
  const add = (kind: RefKind, node: XmlElement | undefined) => {
    const written = node && attribute(node, 'ref');
    if (!node || written === undefined) return;
    const colon = written.indexOf(':');
    const name = written.slice(colon + 1).trim();
    found.push(colon < 0 ? { kind, node, name, written } : { kind, node, prefix: written.slice(0, colon).trim(), name, written });
  };
  for (const category of listItems(root, 'categories', 'category')) add('category', childNamed(category, 'parentCategory'));
  for (const policy of listItems(root, 'policies', 'policy')) {
    add('category', childNamed(policy, 'parentCategory'));
    add('supportedOn', childNamed(policy, 'supportedOn'));
  }
  for (const definition of listItems(supportedOn, 'definitions', 'definition')) {
    for (const logic of definition.children) for (const condition of logic.children) add('supportedOn', condition);
  }
  return found;
}

function namesOf(nodes: readonly XmlElement[]): Set<string> {
  return new Set(nodes.flatMap((n) => attribute(n, 'name') ?? []));
}

function kindName(kind: RefKind): string {
  return kind === 'category' ? 'category' : 'supportedOn name';
}
