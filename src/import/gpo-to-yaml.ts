/**
 * GPO YAML writer (DESIGN.md §1.2) for `gpforge import` of existing GPOs: an imported GPO's
 * identity and its resolved sides (model/resolve-policies.ts) → a `kind: gpo` document that
 * `gpforge build` turns back into the same registry actions.
 *
 * Encoding: UTF-8 without BOM, LF, one final LF. Quoting is the yaml package's; policies are
 * block maps, each raw registry entry one flow map, preceded by a `#` comment when candidate
 * policies touch it but none fits (the resolver's note).
 */
import { Document, isMap, isSeq, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import type { ElementValue, RegistryAction, RegistryData } from '../model/registry-types.js';
import type { ResolvedSide } from '../model/resolve-policies.js';
import type { EnumElement, PolicyElement } from '../model/types.js';

/** What the GPO YAML says besides its settings (from Backup.xml, bkupInfo.xml, GPO.cmt). */
export interface GpoIdentity {
  readonly name: string;
  readonly id?: string;
  readonly comment?: string;
  readonly domain?: string;
  readonly domainController?: string;
}

export interface GpoYamlOptions {
  /** For the `# yaml-language-server: $schema=` line; none when absent. */
  readonly schemaPath?: string;
  /** `# ...` lines at the top, e.g. where the GPO was imported from. */
  readonly header?: readonly string[];
}

export function emitGpoYaml(identity: GpoIdentity, computer: ResolvedSide, user: ResolvedSide, options: GpoYamlOptions = {}): string {
  const doc = new Document({
    kind: 'gpo',
    name: identity.name,
    ...(identity.id !== undefined && { id: identity.id }),
    ...(identity.comment !== undefined && { comment: identity.comment }),
    ...(identity.domain !== undefined && { domain: identity.domain }),
    ...(identity.domainController !== undefined && { domainController: identity.domainController }),
  });
  for (const [name, side] of [['computer', computer], ['user', user]] as const) {
    if (side.policies.length > 0 || side.registry.length > 0) doc.set(name, sideNode(doc, side));
  }
  const lines = [...(options.schemaPath === undefined ? [] : [`yaml-language-server: $schema=${options.schemaPath}`]), ...(options.header ?? [])];
  doc.commentBefore = lines.map((line) => ` ${line}`).join('\n') || null;
  return doc.toString({ lineWidth: 0, minContentWidth: 0 });
}

function sideNode(doc: Document, side: ResolvedSide): YAMLMap {
  const node = doc.createNode({}) as YAMLMap;
  if (side.keepOrder) node.set('keepOrder', true);
  if (side.policies.length > 0) {
    const policies = doc.createNode(new Map(side.policies.map((p) => [p.ref, settingData(p.configured)]))) as YAMLMap;
    for (const pair of policies.items) flowShortSequences(pair.value as Node);
    node.set('policies', policies);
  }
  if (side.registry.length > 0) {
    const registry = doc.createNode(side.registry.map(rawEntry)) as YAMLSeq;
    registry.items.forEach((item, i) => {
      if (isMap(item)) item.flow = true;
      const note = side.notes.get(i);
      if (note !== undefined) (item as Node).commentBefore = ` ${note.replace(/[\r\n]+/g, ' ')}`;
    });
    node.set('registry', registry);
  }
  return node;
}

function flowShortSequences(node: Node | undefined): void {
  if (isMap(node)) for (const pair of node.items) flowShortSequences(pair.value as Node);
  else if (isSeq(node)) node.flow = JSON.stringify(node.toJSON()).length <= 100 && !/\\[rn]/.test(JSON.stringify(node.toJSON()));
}

/**
 * `disabled`, `enabled`, or `{ state, Element: value, ... }` (DESIGN.md §1.2). Unticked
 * checkboxes are left out: registry-plan.ts plans an absent checkbox as unticked.
 */
function settingData(configured: ResolvedSide['policies'][number]['configured']): unknown {
  const values = configured.policy.elements.flatMap((element) => {
    const value = configured.values.get(element.id);
    if (value === undefined || (value.type === 'boolean' && !value.value)) return [];
    return [[element.id, elementData(element, value)] as const];
  });
  return values.length === 0 ? configured.state : new Map<string, unknown>([['state', configured.state], ...values]);
}

function elementData(element: PolicyElement, value: ElementValue): unknown {
  switch (value.type) {
    case 'enum':
      return (element as EnumElement).items[value.itemIndex]?.id;
    case 'longDecimal':
      return integerData(value.value);
    case 'list':
      return value.entries.some((e) => e.name !== undefined) ? new Map(value.entries.map((e) => [e.name ?? e.value, e.value])) : value.entries.map((e) => e.value);
    default:
      return value.value;
  }
}

/** A YAML number while it is exact in JavaScript, else a digit string (both accepted). */
function integerData(value: bigint): number | string {
  return value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value.toString();
}

/** One `registry:` entry (src/schema/gpo-schema.ts RawRegistrySchema). */
function rawEntry(action: RegistryAction): Record<string, unknown> {
  const { key } = action;
  switch (action.kind) {
    case 'set':
      return { key, name: action.valueName, type: action.data.type, ...dataValue(action.data), ...(action.soft === true && { soft: true }) };
    case 'deleteValue':
      return { key, name: action.valueName, delete: true };
    case 'deleteAllValues':
      return { key, deleteAllValues: true };
    case 'createKey':
      return { key, createKey: true };
    case 'deleteKeys':
      return { key, deleteKeys: action.subkeys };
    case 'deleteValues':
      return { key, deleteValues: action.valueNames };
    case 'secureKey':
      return { key, secureKey: action.secure };
    case 'record':
      return { key, name: action.valueName, rawType: action.type, data: hex(action.data) };
    default:
      return assertNever(action);
  }
}

function dataValue(data: RegistryData): { value?: unknown } {
  switch (data.type) {
    case 'REG_NONE':
      return {};
    case 'REG_BINARY':
      return { value: hex(data.value) };
    case 'REG_QWORD':
      return { value: integerData(data.value) };
    default:
      return { value: data.value };
  }
}

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(' ');
}

function assertNever(value: never): never {
  throw new Error(`gpforge bug: unexpected registry action ${JSON.stringify(value)}`);
}
