/** One ADMX `<policy>` (FORMATS.md c.7) → model Policy, with its elements and presentation. */
import type { Policy, PolicyClass } from '../../model/types.js';
import type { AdmlResolver } from './adml-resolver.js';
import { asWritten, report, requiredAttribute, type Source } from './read-attributes.js';
import { readElements } from './read-elements.js';
import { readPresentation } from './read-presentation.js';
import { optionalRegValue, optionalValueList } from './read-values.js';
import { attribute, attributeSpan, childNamed } from './xml-query.js';
import type { XmlElement } from './xml-tree.js';

/** The `<policy>` attributes gpforge reads (FORMATS.md c.7); others (SecGuide's `Area`) are kept verbatim. */
const POLICY_ATTRIBUTES = ['name', 'class', 'displayName', 'explainText', 'presentation', 'key', 'valueName', 'clientExtension'];

const CLASSES: ReadonlyMap<string, PolicyClass> = new Map([
  ['Machine', 'machine'],
  ['User', 'user'],
  ['Both', 'both'],
]);

/** Undefined (and reported) when the class is not Machine, User or Both: the policy has no hive. */
export function readPolicy(source: Source, resolver: AdmlResolver, p: XmlElement): Policy | undefined {
  const id = requiredAttribute(source, p, 'name');
  const rawClass = requiredAttribute(source, p, 'class');
  const policyClass = CLASSES.get(rawClass.trim());
  if (policyClass === undefined) {
    if (attribute(p, 'class') !== undefined) report(source, 'GPF1207', attributeSpan(source.text, p, 'class'), rawClass, 'Machine, User or Both (class)');
    return undefined;
  }
  const name = resolver.string(p, 'displayName');
  const explain = resolver.optionalString(p, 'explainText');
  const valueName = attribute(p, 'valueName');
  const clientExtension = attribute(p, 'clientExtension');
  const elementsNode = childNamed(p, 'elements');
  const elements = elementsNode ? readElements({ source, resolver }, elementsNode) : [];
  const presentation = resolver.presentation(p, 'presentation');
  const controls = presentation ? readPresentation(resolver, id, presentation, elements) : [];
  return {
    id,
    class: policyClass,
    category: refOf(p, 'parentCategory'),
    supportedOn: refOf(p, 'supportedOn'),
    nameStringId: name.id,
    name: name.text,
    explainStringId: explain?.id ?? '',
    explain: explain?.text ?? Object.fromEntries(resolver.locales.map((l) => [l, ''])),
    key: requiredAttribute(source, p, 'key'),
    ...(valueName !== undefined && { valueName }),
    ...optionalRegValue(source, p, 'enabledValue'),
    ...optionalRegValue(source, p, 'disabledValue'),
    ...optionalValueList(source, p, 'enabledList'),
    ...optionalValueList(source, p, 'disabledList'),
    ...(clientExtension !== undefined && { clientExtension }),
    elements,
    presentation: controls,
    // Like the YAML builder: only where it is not the policy id, or names an empty presentation.
    ...(presentation && (presentation.id !== id || controls.length === 0) && { presentationId: presentation.id }),
    ...asWritten(p, POLICY_ATTRIBUTES),
  };
}

/** `ref` of a parentCategory / supportedOn child as written; '' when there is none. */
export function refOf(parent: XmlElement, child: string): string {
  const node = childNamed(parent, child);
  return (node && attribute(node, 'ref')) ?? '';
}
