/**
 * The fields that keep an imported template exact (issue 9): `elementOrder` names each element
 * once; an extra attribute (xmlAttributes, controlAttributes) never has the name of an attribute
 * gpforge writes from a YAML field on the same node, which would give the XML element that
 * attribute twice; an unused string never takes the id of a used one.
 */
import type { DataPath } from '../../load/yaml-source.js';
import { CONTROL_DEFAULTED_FIELDS, ELEMENT_DEFAULTED_FIELDS } from '../../schema/attribute-fields.js';
import type { CheckContext } from './context.js';
import { policies, typedElements } from './walk.js';

/** XML attribute → the YAML field that writes it ('' = always written). */
const invert = (fields: Readonly<Record<string, string>>) => Object.fromEntries(Object.entries(fields).map(([field, attribute]) => [attribute, field]));

/** ADMX elements (FORMATS.md c.8). */
const ELEMENT_ATTRIBUTES: Readonly<Record<string, string>> = {
  id: '',
  key: 'key',
  valueName: 'valueName',
  clientExtension: 'clientExtension',
  valuePrefix: 'valuePrefix',
  ...invert(ELEMENT_DEFAULTED_FIELDS),
};

/** ADML controls (c.10): `default` writes defaultValue on number boxes and defaultItem on drop-down lists. */
const CONTROL_ATTRIBUTES: Readonly<Record<string, string>> = {
  refId: '',
  defaultValue: 'default',
  defaultItem: 'default',
  ...invert(CONTROL_DEFAULTED_FIELDS),
};

/** `<policy>` (c.7). */
const POLICY_ATTRIBUTES: Readonly<Record<string, string>> = {
  name: '',
  class: '',
  displayName: '',
  explainText: 'explainId',
  presentation: 'presentationId',
  key: '',
  valueName: 'valueName',
  clientExtension: 'clientExtension',
};

export function checkAsWritten(ctx: CheckContext): void {
  for (const policy of policies(ctx)) {
    const p = policy.value;
    checkClashes(ctx, p, p.xmlAttributes, POLICY_ATTRIBUTES, policy.path, 'xmlAttributes');
    if (p.elementOrder !== undefined) {
      const ids = [...typedElements(policy)].map((e) => e.value.id);
      checkOrder(ctx, p.elementOrder, ids, [...policy.path, 'elementOrder']);
    }
    for (const element of typedElements(policy)) {
      const e = element.value;
      checkClashes(ctx, e, e.xmlAttributes, ELEMENT_ATTRIBUTES, element.path, 'xmlAttributes');
      checkClashes(ctx, e, e.controlAttributes, CONTROL_ATTRIBUTES, element.path, 'controlAttributes');
    }
  }
  checkUnusedStrings(ctx);
}

function checkOrder(ctx: CheckContext, order: readonly string[], ids: readonly string[], path: DataPath): void {
  const missing = ids.filter((id) => !order.includes(id));
  const unknown = order.filter((id) => !ids.includes(id));
  const twice = order.filter((id, i) => order.indexOf(id) !== i);
  const problems = [
    ...(missing.length > 0 ? [`missing ${missing.join(', ')}`] : []),
    ...(unknown.length > 0 ? [`unknown ${unknown.join(', ')}`] : []),
    ...(twice.length > 0 ? [`twice ${twice.join(', ')}`] : []),
  ];
  if (problems.length > 0) ctx.report('GPF2121', path, problems.join('; '), ids);
}

/** An attribute written always ('' field) or from a field the node has; `extra` is the node's `key` field. */
function checkClashes(ctx: CheckContext, node: object, extra: Readonly<Record<string, string>> | undefined, written: Readonly<Record<string, string>>, nodePath: DataPath, key: string): void {
  if (extra === undefined) return; // most nodes: no paths made
  for (const name of Object.keys(extra)) {
    if (!Object.hasOwn(written, name)) continue;
    const field = written[name] as string;
    if (field === '' || (node as Record<string, unknown>)[field] !== undefined) ctx.report('GPF2122', { key: [...nodePath, key, name] }, name, ...(field === '' ? [] : [field]));
  }
}

/** Ids of the file's texts that unusedStrings must not repeat. */
function checkUnusedStrings(ctx: CheckContext): void {
  const unused = ctx.input.unusedStrings;
  if (unused === undefined) return;
  const used = new Set<string>();
  for (const c of ctx.input.categories ?? []) [c.nameId ?? c.id, c.explainId].forEach((id) => id !== undefined && used.add(id));
  for (const s of ctx.input.supportedOn ?? []) used.add(s.textId ?? s.id);
  for (const policy of policies(ctx)) [policy.value.nameId ?? policy.value.id, policy.value.explainId].forEach((id) => id !== undefined && used.add(id));
  for (const id of Object.keys(unused)) if (used.has(id)) ctx.report('GPF2123', { key: ['unusedStrings', id] }, id);
}
