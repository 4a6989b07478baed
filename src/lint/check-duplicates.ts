/**
 * Names must be unique within their kind in a file (FORMATS.md c.11): policies, categories,
 * supportedOn definitions, products, namespace prefixes, a policy's element ids; in each ADML,
 * string ids and presentation ids (the reader takes the first; editors report an error).
 */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { attribute, attributeSpan, childNamed } from '../load/admx/xml-query.js';
import type { XmlDocument, XmlElement } from '../load/admx/xml-tree.js';
import { lineOf, listItems, type LintPair } from './lint-context.js';

export function checkDuplicates(pair: LintPair, out: Diagnostic[]): void {
  const { admx, admls } = pair.documents;
  const root = admx.root;
  const supportedOn = root && childNamed(root, 'supportedOn');
  const namespaces = root && childNamed(root, 'policyNamespaces');
  const policies = listItems(root, 'policies', 'policy');
  unique(admx, 'policy', policies, 'name', out);
  unique(admx, 'category', listItems(root, 'categories', 'category'), 'name', out);
  unique(admx, 'supportedOn definition', listItems(supportedOn, 'definitions', 'definition'), 'name', out);
  unique(admx, 'product', listItems(supportedOn, 'products', 'product'), 'name', out);
  unique(admx, 'namespace prefix', namespaces?.children.filter((c) => c.name === 'target' || c.name === 'using') ?? [], 'prefix', out);
  for (const policy of policies) {
    const elements = childNamed(policy, 'elements');
    if (elements) unique(admx, `element id in policy '${attribute(policy, 'name') ?? ''}'`, elements.children, 'id', out);
  }
  for (const { document } of admls) {
    const resources = document.root && childNamed(document.root, 'resources');
    unique(document, 'string id', listItems(resources, 'stringTable', 'string'), 'id', out);
    unique(document, 'presentation id', listItems(resources, 'presentationTable', 'presentation'), 'id', out);
  }
}

function unique(document: XmlDocument, what: string, nodes: readonly XmlElement[], name: string, out: Diagnostic[]): void {
  const first = new Map<string, XmlElement>();
  for (const node of nodes) {
    const value = attribute(node, name);
    if (value === undefined) continue;
    const earlier = first.get(value);
    if (!earlier) first.set(value, node);
    else out.push(diagnostic('GPF1251', document.file, attributeSpan(document.text, node, name), what, value, lineOf(document, earlier.start)));
  }
}
