/**
 * `gpforge lint --intune`: what Intune's ADMX ingestion and Import ADMX refuse or mishandle
 * (README "Deploying with Intune" cites Microsoft's pages; rules in model/intune-ingestion.ts):
 * registry keys in restricted locations (GPF1270), `using` namespaces that must be uploaded first
 * (GPF1271), policies without a category path (no parentCategory, or one in another namespace;
 * GPF1272), combo boxes (GPF1273), ADMX files over 1 MB (GPF1274), Windows' own templates
 * (GPF1275). Warnings: the files still work with Group Policy.
 */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { attribute, attributeSpan, childNamed, childrenNamed } from '../load/admx/xml-query.js';
import { tagSpan, type XmlElement } from '../load/admx/xml-tree.js';
import { INTUNE_MAX_ADMX_BYTES, isWindowsNamespace, restrictedIngestionRoot } from '../model/intune-ingestion.js';
import { listItems, type LintPair } from './lint-context.js';

/** Attributes holding a registry key: policy and element `key`, value lists' `defaultKey`, items' `key`. */
const KEY_ATTRIBUTES = ['key', 'defaultKey'];

export function checkIntune(pair: LintPair, out: Diagnostic[]): void {
  const { admx, admls } = pair.documents;
  const root = admx.root;
  if (!root) return;
  const bytes = new TextEncoder().encode(admx.text).length;
  if (bytes > INTUNE_MAX_ADMX_BYTES) out.push(diagnostic('GPF1274', admx.file, tagSpan(root), bytes, INTUNE_MAX_ADMX_BYTES));
  const namespaces = childNamed(root, 'policyNamespaces');
  const target = namespaces && childNamed(namespaces, 'target');
  const targetNamespace = target && attribute(target, 'namespace');
  if (target && targetNamespace !== undefined && isWindowsNamespace(targetNamespace)) {
    out.push(diagnostic('GPF1275', admx.file, attributeSpan(admx.text, target, 'namespace'), targetNamespace));
  }
  for (const using of namespaces ? childrenNamed(namespaces, 'using') : []) {
    out.push(diagnostic('GPF1271', admx.file, attributeSpan(admx.text, using, 'namespace'), attribute(using, 'namespace') ?? '', attribute(using, 'prefix') ?? ''));
  }
  const ownPrefix = target && attribute(target, 'prefix');
  for (const policy of listItems(root, 'policies', 'policy')) {
    const name = attribute(policy, 'name') ?? '';
    const parent = childNamed(policy, 'parentCategory');
    const ref = parent && attribute(parent, 'ref');
    if (!parent || ref === undefined) out.push(diagnostic('GPF1272', admx.file, attributeSpan(admx.text, policy, 'name'), name, 'has no parentCategory'));
    else if (isForeign(ref, ownPrefix)) out.push(diagnostic('GPF1272', admx.file, attributeSpan(admx.text, parent, 'ref'), name, `is in category '${ref}' of another namespace`));
    for (const node of withDescendants(policy)) {
      for (const name of KEY_ATTRIBUTES) {
        const key = attribute(node, name);
        const restricted = key === undefined ? undefined : restrictedIngestionRoot(key);
        if (key !== undefined && restricted !== undefined) out.push(diagnostic('GPF1270', admx.file, attributeSpan(admx.text, node, name), key, restricted));
      }
    }
  }
  for (const { document } of admls) {
    const resources = document.root && childNamed(document.root, 'resources');
    for (const presentation of listItems(resources, 'presentationTable', 'presentation')) {
      for (const combo of childrenNamed(presentation, 'comboBox')) {
        out.push(diagnostic('GPF1273', document.file, attributeSpan(document.text, combo, 'refId'), attribute(combo, 'refId') ?? ''));
      }
    }
  }
}

/** `prefix:name` with a prefix other than the file's own. */
function isForeign(ref: string, ownPrefix: string | undefined): boolean {
  const colon = ref.indexOf(':');
  return colon >= 0 && ref.slice(0, colon).trim() !== ownPrefix;
}

function withDescendants(element: XmlElement): XmlElement[] {
  return [element, ...element.children.flatMap(withDescendants)];
}
