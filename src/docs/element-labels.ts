/** Each element of a policy with the label its dialog gives it, in dialog order (FORMATS.md c.10). */
import type { DefinitionsFile, Policy, PolicyElement } from '../model/types.js';
import { textIn } from './localized-text.js';

export interface LabelledElement {
  readonly element: PolicyElement;
  /** The control's label; the element id where the presentation has no control for it. */
  readonly label: string;
}

/** Elements with a control first, in presentation order; elements without one after, by id. */
export function elementLabels(policy: Policy, file: DefinitionsFile, locale: string): LabelledElement[] {
  const labelled: LabelledElement[] = [];
  const seen = new Set<string>();
  for (const control of policy.presentation) {
    if (control.kind === 'text') continue;
    const element = policy.elements.find((e) => e.id === control.refId);
    if (element === undefined || seen.has(element.id)) continue;
    seen.add(element.id);
    labelled.push({ element, label: textIn(control.label, locale, file) || element.id });
  }
  for (const element of policy.elements) if (!seen.has(element.id)) labelled.push({ element, label: element.id });
  return labelled;
}
