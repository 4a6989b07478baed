/**
 * Identifiers outside [A-Za-z0-9_] (FORMATS.md c.11): the schema's itemName/resourceID allow
 * letters, digits and `_` only; Windows' own files use hyphens (GroupPolicy, TPM,
 * Shell-CommandPrompt-RegEditTools) and still load, so this is a warning (GPF1255).
 */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { attribute, attributeSpan, childNamed, childrenNamed } from '../load/admx/xml-query.js';
import type { XmlDocument, XmlElement } from '../load/admx/xml-tree.js';
import { listItems, type LintPair } from './lint-context.js';

const PLAIN_ID = /^[A-Za-z0-9_]+$/;

export function checkIds(pair: LintPair, out: Diagnostic[]): void {
  const { admx, admls } = pair.documents;
  const root = admx.root;
  const supportedOn = root && childNamed(root, 'supportedOn');
  const namespaces = root && childNamed(root, 'policyNamespaces');
  const check = (document: XmlDocument, what: string, nodes: readonly XmlElement[], name: string) => {
    for (const node of nodes) {
      const value = attribute(node, name);
      if (value !== undefined && !PLAIN_ID.test(value)) out.push(diagnostic('GPF1255', document.file, attributeSpan(document.text, node, name), what, value));
    }
  };
  check(admx, 'namespace prefix', namespaces?.children ?? [], 'prefix');
  check(admx, 'policy name', listItems(root, 'policies', 'policy'), 'name');
  check(admx, 'category name', listItems(root, 'categories', 'category'), 'name');
  check(admx, 'supportedOn name', listItems(supportedOn, 'definitions', 'definition'), 'name');
  for (const product of listItems(supportedOn, 'products', 'product')) {
    const majors = childrenNamed(product, 'majorVersion');
    check(admx, 'product name', [product, ...majors, ...majors.flatMap((m) => childrenNamed(m, 'minorVersion'))], 'name');
  }
  for (const { document } of admls) {
    const resources = document.root && childNamed(document.root, 'resources');
    check(document, 'string id', listItems(resources, 'stringTable', 'string'), 'id');
    check(document, 'presentation id', listItems(resources, 'presentationTable', 'presentation'), 'id');
  }
}
