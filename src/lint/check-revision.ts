/**
 * The ADMX/ADML pairing rule (FORMATS.md c.3): the ADML `revision` major part must equal the
 * ADMX `resources/@minRequiredRevision` major part, and its minor part must be at least as
 * high; otherwise the editor refuses the ADML (GPF1254). Both are versionStrings (GPF1207).
 */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { attribute, attributeSpan, childNamed } from '../load/admx/xml-query.js';
import { tagSpan, type XmlDocument, type XmlElement } from '../load/admx/xml-tree.js';
import type { LintPair } from './lint-context.js';

const VERSION = /^\s*(\d{1,4})\.(\d{1,5})\s*$/;

export function checkRevision(pair: LintPair, out: Diagnostic[]): void {
  const { admx, admls } = pair.documents;
  const resources = admx.root && childNamed(admx.root, 'resources');
  const required = resources && version(admx, resources, 'minRequiredRevision', out);
  for (const { document } of admls) {
    if (!document.root) continue;
    const revision = version(document, document.root, 'revision', out);
    if (!required || !revision) continue;
    if (revision.major !== required.major || revision.minor < required.minor) {
      out.push(diagnostic('GPF1254', document.file, attributeSpan(document.text, document.root, 'revision'), revision.text, required.text));
    }
  }
}

interface Version {
  readonly text: string;
  readonly major: number;
  readonly minor: number;
}

function version(document: XmlDocument, element: XmlElement, name: string, out: Diagnostic[]): Version | undefined {
  const text = attribute(element, name);
  if (text === undefined) {
    out.push(diagnostic('GPF1205', document.file, tagSpan(element), element.name, name));
    return undefined;
  }
  const match = VERSION.exec(text);
  if (match) return { text: text.trim(), major: Number(match[1]), minor: Number(match[2]) };
  out.push(diagnostic('GPF1207', document.file, attributeSpan(document.text, element, name), text, `a version 'major.minor' (1-4 and 1-5 digits) (${name})`));
  return undefined;
}
