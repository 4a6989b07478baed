/**
 * One POLICY of the syntax tree → the body of a model Policy (FORMATS.md d.2 → c.7–c.10); its
 * id, class, category and supportedOn are the file builder's business (build-adm-model.ts).
 *
 * - Key: the POLICY's KEYNAME, else its categories', else its first PART's (a policy whose PARTs
 *   all name their key); none at all → GPF1313, the policy is left out.
 * - VALUEON/VALUEOFF → enabledValue/disabledValue as written; absent VALUEON → the model default
 *   (REG_DWORD 1), absent VALUEOFF → no disabledValue (the value is removed, d.2).
 * - PARTs in order → presentation controls, and elements for all but TEXT. Element id: the PART's
 *   `!!Name` without the `<policy name>_` prefix gpforge's writer puts there, else the whole name;
 *   an inline PART name gives its VALUENAME, else its text; sanitised to [A-Za-z0-9_], unique.
 *   Enum item ids likewise, without `<policy name>_<element id>_` or `<element id>_`.
 * - CHECKBOX without VALUEOFF (and with a VALUENAME): falseValue NUMERIC 0, because an ADM editor
 *   writes 0 when the box is cleared (ADM language reference, CHECKBOX). Without VALUEON it writes
 *   1, the model's default, so trueValue stays absent.
 * - NUMERIC: MIN 0, MAX 9999, SPIN 1 when absent; SPIN 0 = no spin control (spinStep 1).
 *   EDITTEXT/COMBOBOX: MAXLEN 1023 when absent.
 * - A KEYNAME equal to the enclosing key (the policy's; for a PART's lists, the element's) is
 *   the same as none, so the model leaves it out (as the writer does).
 */
import { StringIds } from '../../model/string-ids.js';
import type { EnumItem, Localized, Policy, PolicyElement, PresentationControl, RegValue, ValueList } from '../../model/types.js';
import type { AdmSource } from './adm-source.js';
import type { AdmActionItem, AdmPart, AdmPolicy, AdmText } from './adm-syntax.js';

/** A Policy but for what the file builder decides. */
export type PolicyBody = Omit<Policy, 'id' | 'class' | 'category' | 'supportedOn'>;

interface PartContext {
  readonly source: AdmSource;
  readonly locale: string;
  /** The policy's `!!Name`, for element ids. */
  readonly policyName?: string;
  readonly policyKey: string;
}

/** A sanitised id: [A-Za-z0-9_] only, never empty. */
export function idOf(text: string): string {
  return text.replace(/[^A-Za-z0-9_]/g, '_') || '_';
}

/** The policy body; undefined when the policy cannot be read (reported). */
export function buildPolicyBody(source: AdmSource, node: AdmPolicy, locale: string): PolicyBody | undefined {
  const key = node.keyName ?? node.inheritedKey ?? node.parts.find((p) => p.keyName !== undefined)?.keyName;
  if (key === undefined) {
    source.report('GPF1313', node.name.span, node.name.name ?? node.name.text);
    return undefined;
  }
  const ctx: PartContext = { source, locale, policyKey: key, ...(node.name.name !== undefined && { policyName: node.name.name }) };
  const elements: PolicyElement[] = [];
  const presentation: PresentationControl[] = [];
  const ids = new StringIds();
  for (const part of node.parts) {
    if (part.type === 'TEXT') {
      presentation.push({ kind: 'text', text: { [locale]: part.name.text } });
      continue;
    }
    const built = buildPart(ctx, part, ids.claim(idOf(elementId(part, ctx.policyName))));
    if (built === undefined) return undefined;
    elements.push(built.element);
    presentation.push(built.control);
  }
  const enabledList = valueList(node.actionListOn, key);
  const disabledList = valueList(node.actionListOff, key);
  return {
    nameStringId: node.name.name ?? idOf(node.name.text),
    name: { [locale]: node.name.text },
    explainStringId: node.explain?.name ?? '',
    explain: { [locale]: node.explain?.text ?? '' },
    key,
    ...(node.valueName !== undefined && { valueName: node.valueName }),
    ...(node.valueOn !== undefined && { enabledValue: node.valueOn }),
    ...(node.valueOff !== undefined && { disabledValue: node.valueOff }),
    ...(enabledList !== undefined && { enabledList }),
    ...(disabledList !== undefined && { disabledList }),
    ...(node.clientExt !== undefined && { clientExtension: node.clientExt }),
    elements,
    presentation,
  };
}

function elementId(part: AdmPart, policyName: string | undefined): string {
  if (part.name.name !== undefined) return withoutPrefix(part.name.name, policyName === undefined ? [] : [policyName]);
  return part.valueName ?? part.name.text;
}

function withoutPrefix(name: string, prefixes: readonly string[]): string {
  for (const prefix of prefixes) {
    const head = `${prefix}_`.toLowerCase();
    if (name.length > head.length && name.toLowerCase().startsWith(head)) return name.slice(head.length);
  }
  return name;
}

/** Items of an action list; a key equal to the enclosing key is left out (the same registry effect). */
function valueList(items: readonly AdmActionItem[] | undefined, enclosingKey: string): ValueList | undefined {
  if (items === undefined || items.length === 0) return undefined;
  return {
    items: items.map((item) => ({
      ...(item.key !== undefined && item.key !== enclosingKey && { key: item.key }),
      valueName: item.valueName,
      value: item.value,
    })),
  };
}

type Built = { readonly element: PolicyElement; readonly control: Exclude<PresentationControl, { kind: 'text' }> };
type ElementBase = { readonly id: string; readonly key?: string; readonly valueName?: string; readonly clientExtension?: string };

function buildPart(ctx: PartContext, part: AdmPart, id: string): Built | undefined {
  const key = part.keyName !== undefined && part.keyName !== ctx.policyKey ? part.keyName : undefined;
  const base: ElementBase = {
    id,
    ...(key !== undefined && { key }),
    ...(part.valueName !== undefined && part.type !== 'LISTBOX' && { valueName: part.valueName }),
    ...(part.clientExt !== undefined && { clientExtension: part.clientExt }),
  };
  const label = localized(ctx, part.name);
  const enclosingKey = key ?? ctx.policyKey;
  switch (part.type) {
    case 'CHECKBOX':
      return checkBoxPart(part, base, label, enclosingKey);
    case 'NUMERIC':
      return numericPart(part, base, label);
    case 'EDITTEXT':
    case 'COMBOBOX':
      return textPart(ctx, part, base, label);
    case 'DROPDOWNLIST':
      return dropdownPart(ctx, part, base, label, enclosingKey);
    case 'LISTBOX':
      return listPart(part, base, label);
    case 'TEXT':
      throw new Error('gpforge bug: a TEXT PART reached buildPart');
    default:
      return assertNever(part.type);
  }
}

/** Without VALUEOFF (and with a VALUENAME) an ADM editor writes 0 when the box is cleared. */
function checkBoxPart(part: AdmPart, base: ElementBase, label: Localized, enclosingKey: string): Built {
  const falseValue: RegValue | undefined = part.valueOff ?? (part.valueName !== undefined ? { kind: 'decimal', value: 0 } : undefined);
  const trueList = valueList(part.actionListOn, enclosingKey);
  const falseList = valueList(part.actionListOff, enclosingKey);
  const element: PolicyElement = {
    type: 'boolean',
    ...base,
    ...(part.valueOn !== undefined && { trueValue: part.valueOn }),
    ...(falseValue !== undefined && { falseValue }),
    ...(trueList !== undefined && { trueList }),
    ...(falseList !== undefined && { falseList }),
  };
  return { element, control: { kind: 'checkBox', refId: base.id, label, defaultChecked: part.flags.has('DEFCHECKED') } };
}

/** MIN 0, MAX 9999 and SPIN 1 when absent; SPIN 0 = no spin control. */
function numericPart(part: AdmPart, base: ElementBase, label: Localized): Built {
  const spin = part.numbers.get('SPIN');
  const defaultValue = part.numbers.get('DEFAULT');
  const element: PolicyElement = {
    type: 'decimal',
    ...base,
    required: part.flags.has('REQUIRED'),
    minValue: part.numbers.get('MIN') ?? 0,
    maxValue: part.numbers.get('MAX') ?? 9999,
    storeAsText: part.flags.has('TXTCONVERT'),
    soft: part.flags.has('SOFT'),
  };
  const control: Built['control'] = {
    kind: 'decimalTextBox',
    refId: base.id,
    label,
    ...(defaultValue !== undefined && { defaultValue: BigInt(defaultValue) }),
    spin: spin !== 0,
    spinStep: spin === undefined || spin === 0 ? 1 : spin,
  };
  return { element, control };
}

function listPart(part: AdmPart, base: ElementBase, label: Localized): Built {
  const element: PolicyElement = {
    type: 'list',
    ...base,
    ...(part.valuePrefix !== undefined && { valuePrefix: part.valuePrefix }),
    additive: part.flags.has('ADDITIVE'),
    expandable: part.flags.has('EXPANDABLETEXT'),
    explicitValue: part.flags.has('EXPLICITVALUE'),
  };
  return { element, control: { kind: 'listBox', refId: base.id, label } };
}

function textPart(ctx: PartContext, part: AdmPart, base: ElementBase, label: Localized): Built {
  const element: PolicyElement = {
    type: 'text',
    ...base,
    required: part.flags.has('REQUIRED'),
    maxLength: part.numbers.get('MAXLEN') ?? 1023,
    expandable: part.flags.has('EXPANDABLETEXT'),
    soft: part.flags.has('SOFT'),
  };
  const defaultValue = part.defaultText === undefined ? {} : { defaultValue: localized(ctx, part.defaultText) };
  if (part.type === 'EDITTEXT') return { element, control: { kind: 'textBox', refId: base.id, label, ...defaultValue } };
  const suggestions = part.suggestions.map((s) => localized(ctx, s));
  return { element, control: { kind: 'comboBox', refId: base.id, label, ...defaultValue, suggestions, noSort: part.flags.has('NOSORT') } };
}

function dropdownPart(ctx: PartContext, part: AdmPart, base: ElementBase, label: Localized, enclosingKey: string): Built | undefined {
  if (part.items.length === 0) {
    ctx.source.report('GPF1320', part.name.span, part.name.name ?? part.name.text);
    return undefined;
  }
  const prefixes = [...(ctx.policyName === undefined ? [] : [`${ctx.policyName}_${base.id}`]), base.id];
  const ids = new StringIds();
  const items = part.items.map((item): EnumItem => {
    const id = ids.claim(idOf(item.name.name === undefined ? item.name.text : withoutPrefix(item.name.name, prefixes)));
    const valueListOf = valueList(item.actionList, enclosingKey);
    return {
      id,
      stringId: item.name.name ?? `${base.id}_${id}`,
      name: localized(ctx, item.name),
      value: item.value,
      ...(valueListOf !== undefined && { valueList: valueListOf }),
    };
  });
  const defaultItem = part.items.findIndex((item) => item.isDefault);
  const element: PolicyElement = { type: 'enum', ...base, required: part.flags.has('REQUIRED'), items };
  const control: Built['control'] = { kind: 'dropdownList', refId: base.id, label, noSort: part.flags.has('NOSORT'), ...(defaultItem >= 0 && { defaultItem }) };
  return { element, control };
}

function localized(ctx: PartContext, text: AdmText): Localized {
  return { [ctx.locale]: text.text };
}

function assertNever(value: never): never {
  throw new Error(`gpforge bug: unhandled PART type ${String(value)}`);
}
