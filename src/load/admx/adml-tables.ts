/**
 * One ADML (FORMATS.md c.9) → its string and presentation tables, looked up by id when the
 * ADMX refers to `$(string.ID)` / `$(presentation.ID)`. The first definition of an id wins
 * (lint reports duplicates, GPF1251).
 */
import { report, type Source } from './read-attributes.js';
import { attribute } from './xml-query.js';
import { tagSpan, type XmlDocument, type XmlElement } from './xml-tree.js';

export interface AdmlTables {
  readonly locale: string;
  readonly source: Source;
  readonly revision?: string;
  readonly displayName: string;
  readonly description: string;
  readonly strings: ReadonlyMap<string, string>;
  readonly presentations: ReadonlyMap<string, XmlElement>;
}

export const ADML_ROOT = 'policyDefinitionResources';

/** Undefined when the file has no `policyDefinitionResources` root (already reported). */
export function readAdmlTables(document: XmlDocument, locale: string): AdmlTables | undefined {
  const source: Source = document;
  const strings = new Map<string, string>();
  const presentations = new Map<string, XmlElement>();
  const root = document.root;
  if (!root) return undefined;
  if (root.name !== ADML_ROOT) {
    report(source, 'GPF1204', tagSpan(root), ADML_ROOT, root.name);
    return undefined;
  }
  let displayName = '';
  let description = '';
  for (const part of root.children) {
    if (part.name === 'displayName') displayName = part.text;
    else if (part.name === 'description') description = part.text;
    else if (part.name === 'resources') readResources(source, part, strings, presentations);
  }
  const revision = attribute(root, 'revision');
  return { locale, source, displayName, description, strings, presentations, ...(revision !== undefined && { revision }) };
}

function readResources(source: Source, resources: XmlElement, strings: Map<string, string>, presentations: Map<string, XmlElement>): void {
  for (const table of resources.children) {
    const isStrings = table.name === 'stringTable';
    if (!isStrings && table.name !== 'presentationTable') continue;
    for (const entry of table.children) {
      if (entry.name !== (isStrings ? 'string' : 'presentation')) continue;
      const id = attribute(entry, 'id');
      if (id === undefined) report(source, 'GPF1205', tagSpan(entry), entry.name, 'id');
      else if (isStrings) {
        if (!strings.has(id)) strings.set(id, entry.text);
      } else if (!presentations.has(id)) presentations.set(id, entry);
    }
  }
}
