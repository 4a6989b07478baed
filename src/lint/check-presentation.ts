/**
 * Elements and their dialog controls (FORMATS.md c.8, c.10), in the default locale's ADML:
 * an element without a control can never be set in GPMC (GPF1250); a control of the wrong kind
 * for its element (a checkBox for an enum) shows a field that writes nothing sensible (GPF1263).
 * Controls naming no element are reported by the reader (GPF1211).
 */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { CONTROL_KINDS } from '../load/admx/read-presentation.js';
import { attribute, attributeSpan, childNamed } from '../load/admx/xml-query.js';
import { tagSpan, type XmlElement } from '../load/admx/xml-tree.js';
import { CONTROL_FOR } from './admx-schema.js';
import { listItems, type LintPair } from './lint-context.js';

const PRESENTATION_REF = /^\s*\$\(presentation\.([^)]*)\)\s*$/;

export function checkPresentation(pair: LintPair, out: Diagnostic[]): void {
  const { admx, tables } = pair.documents;
  const defaultAdml = tables[0];
  for (const policy of listItems(admx.root, 'policies', 'policy')) {
    // Unknown element and control kinds are the reader's errors (GPF1214).
    const elements = (childNamed(policy, 'elements')?.children ?? []).filter((e) => Object.hasOwn(CONTROL_FOR, e.name));
    if (elements.length === 0) continue;
    const id = PRESENTATION_REF.exec(attribute(policy, 'presentation') ?? '')?.[1];
    const presentation = id === undefined ? undefined : defaultAdml?.presentations.get(id);
    // An unresolvable reference is the reader's error (GPF1208); don't pile a warning per element on it.
    if (id !== undefined && !presentation) continue;
    const controls = (presentation?.children ?? []).filter((c) => CONTROL_KINDS.has(c.name));
    for (const element of elements) {
      const elementId = attribute(element, 'id');
      const control = controls.find((c) => attribute(c, 'refId') === elementId);
      if (!control) out.push(diagnostic('GPF1250', admx.file, attributeSpan(admx.text, element, 'id'), elementId ?? ''));
      else checkKind(pair, element, control, out);
    }
  }
}

function checkKind(pair: LintPair, element: XmlElement, control: XmlElement, out: Diagnostic[]): void {
  const expected = CONTROL_FOR[element.name];
  const source = pair.documents.tables[0]?.source;
  if (!expected || expected.includes(control.name) || !source) return;
  out.push(diagnostic('GPF1263', source.file, tagSpan(control), control.name, attribute(control, 'refId') ?? '', element.name, expected.join('> or <')));
}
