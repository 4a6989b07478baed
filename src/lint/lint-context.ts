/** What every lint check receives: one ADMX with its ADMLs, parsed and read; and small shared helpers. */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { LineIndex } from '../diagnostics/format.js';
import type { AdmxDocuments } from '../load/admx/read-admx-with-adml.js';
import { childNamed, childrenNamed } from '../load/admx/xml-query.js';
import type { XmlDocument, XmlElement } from '../load/admx/xml-tree.js';

/** Checks work on the parsed files, not the model: they look at what the model does not carry. */
export interface LintPair {
  readonly documents: AdmxDocuments;
}

export type Check = (pair: LintPair, out: Diagnostic[]) => void;

/** `<root><list><item/>…` — e.g. the policies of an ADMX root. */
export function listItems(root: XmlElement | undefined, list: string, item: string): XmlElement[] {
  const node = root && childNamed(root, list);
  return node ? childrenNamed(node, item) : [];
}

const lineIndexes = new WeakMap<XmlDocument, LineIndex>();

/** 1-based line of an offset, for messages that point back at an earlier place. */
export function lineOf(document: XmlDocument, offset: number): number {
  let index = lineIndexes.get(document);
  if (!index) lineIndexes.set(document, (index = new LineIndex(document.text)));
  return index.position(offset).line;
}
