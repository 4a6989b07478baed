/**
 * One policy → its POLICY block of the .adm (FORMATS.md d.2): values, action lists and one PART
 * per presentation control, in presentation order. What ADM cannot say (QWORD values, longDecimal
 * and multiText elements, registry names it cannot quote) is left out here and reported through
 * `report`; policyProblems() decides beforehand when a whole policy must go. The rules are listed
 * at the top of adm.ts.
 */
import type { BooleanElement, DecimalElement, DefinitionsFile, EnumElement, EnumItem, ListElement, Localized } from '../model/types.js';
import type { Policy, PolicyElement, PresentationControl, RegValue, TextElement, ValueList } from '../model/types.js';
import { quoteAdm, type AdmActionListView, type AdmActionView, type AdmItemView, type AdmPartView, type AdmPolicyView } from './adm.js';
import type { AdmStrings } from './adm-strings.js';

export type Report = (what: string) => void;

interface PolicyContext {
  readonly file: DefinitionsFile;
  readonly policy: Policy;
  readonly strings: AdmStrings;
  readonly report: Report;
}

const NO_QWORD = 'is a QWORD (longDecimal), which ADM cannot write';
const NOT_QUOTABLE = 'holds a " or a control character, which an ADM quoted string cannot hold';

/** Why the whole policy cannot be written (its key, or its VALUENAME/VALUEON/VALUEOFF); empty if it can. */
export function policyProblems(policy: Policy): string[] {
  const problems = [nameProblem('key', policy.key)];
  if (policy.valueName !== undefined) {
    problems.push(nameProblem('valueName', policy.valueName));
    problems.push(valueProblem('enabledValue', policy.enabledValue), valueProblem('disabledValue', policy.disabledValue));
  }
  return problems.filter((p): p is string => p !== null);
}

/** The POLICY view; call only for a policy without policyProblems(). */
export function buildPolicyView(file: DefinitionsFile, policy: Policy, strings: AdmStrings, report: Report): AdmPolicyView {
  const ctx: PolicyContext = { file, policy, strings, report };
  const name = strings.ref(policy.nameStringId);
  const supported = supportedName(ctx);
  // ADM's EXPLAIN needs a string even where the ADMX policy has no explainText.
  const explain = policy.explainStringId === '' ? strings.derive(`${policy.id}_Help`, policy.explain) : strings.ref(policy.explainStringId);
  const hasValue = policy.valueName !== undefined;
  const { enabledValue, disabledValue } = policy;
  const lists = [
    actionList(ctx, 'ACTIONLISTON', policy.enabledList, policy.key, 'enabledList'),
    actionList(ctx, 'ACTIONLISTOFF', policy.disabledList, policy.key, 'disabledList'),
  ];
  let textControls = 0;
  const parts = policy.presentation.flatMap((control) => {
    if (control.kind === 'text') return [textPart(ctx, control.text, ++textControls)];
    return buildPart(ctx, control);
  });
  return {
    name,
    supported,
    explain,
    keyName: quoted(policy.key),
    valueName: hasValue ? quoted(policy.valueName ?? '') : null,
    valueOn: hasValue && enabledValue !== undefined ? admValue(enabledValue) : null,
    // d.2: a disabled policy's value is removed when VALUEOFF is absent, so `delete` needs no keyword.
    valueOff: hasValue && disabledValue !== undefined && disabledValue.kind !== 'delete' ? admValue(disabledValue) : null,
    actionLists: lists.filter((list): list is AdmActionListView => list !== null),
    clientExt: policy.clientExtension ?? null,
    parts,
  };
}

/** SUPPORTED text: only a supportedOn definition of this file has one (ADM has no cross-file references). */
function supportedName({ file, policy, strings }: PolicyContext): string | null {
  const id = localId(policy.supportedOn, file);
  const definition = file.supportedOn.find((d) => d.id === id);
  return definition === undefined ? null : strings.ref(definition.textStringId);
}

/** `id` of a reference "id" or "<own prefix>:id"; null for another namespace's object. */
export function localId(ref: string, file: DefinitionsFile): string | null {
  const colon = ref.indexOf(':');
  if (colon < 0) return ref;
  return ref.slice(0, colon) === file.prefix ? ref.slice(colon + 1) : null;
}

function textPart(ctx: PolicyContext, text: Localized, n: number): AdmPartView {
  return part(ctx.strings.derive(`${ctx.policy.nameStringId}_Text${n}`, text), 'TEXT', {});
}

type RefControl = Exclude<PresentationControl, { kind: 'text' }>;

function buildPart(ctx: PolicyContext, control: RefControl): AdmPartView[] {
  const element = ctx.policy.elements.find((e) => e.id === control.refId);
  if (element === undefined) throw new Error(`gpforge bug: policy ${ctx.policy.id} has no element ${control.refId}`);
  const mismatch = (): never => {
    throw new Error(`gpforge bug: ${control.kind} control refers to ${element.type} element ${element.id}`);
  };
  switch (control.kind) {
    case 'checkBox':
      return element.type === 'boolean' ? checkBoxPart(ctx, control, element) : mismatch();
    case 'decimalTextBox':
      return element.type === 'decimal' ? numericPart(ctx, control, element) : mismatch();
    case 'textBox':
    case 'comboBox':
      return element.type === 'text' ? textBoxPart(ctx, control, element) : mismatch();
    case 'dropdownList':
      return element.type === 'enum' ? dropdownPart(ctx, control, element) : mismatch();
    case 'listBox':
      return element.type === 'list' ? listBoxPart(ctx, control, element) : mismatch();
    case 'longDecimalTextBox':
      ctx.report(`longDecimal element "${element.id}" left out: ADM has no QWORD (REG_QWORD) value`);
      return [];
    case 'multiTextBox':
      ctx.report(`multiText element "${element.id}" left out: ADM has no REG_MULTI_SZ value`);
      return [];
    default:
      return assertNever(control);
  }
}

function checkBoxPart(ctx: PolicyContext, control: Extract<RefControl, { kind: 'checkBox' }>, element: BooleanElement): AdmPartView[] {
  const problems = [
    ...elementProblems(element),
    valueProblem('trueValue', element.trueValue),
    valueProblem('falseValue', element.falseValue),
  ].filter((p): p is string => p !== null);
  if (!writable(ctx, 'boolean', element, problems)) return [];
  const key = element.key ?? ctx.policy.key;
  const options: string[] = [];
  if (control.defaultChecked) options.push('DEFCHECKED');
  if (element.trueValue) options.push(`VALUEON ${admValue(element.trueValue)}`);
  // Cleared, an ADM check box without VALUEOFF writes 0, while ADMX semantics (and the registry
  // plan) delete the value: say so explicitly, so both formats mean the same.
  if (element.falseValue) options.push(`VALUEOFF ${admValue(element.falseValue)}`);
  else if (element.valueName !== undefined) options.push('VALUEOFF DELETE');
  const label = labelName(ctx, control);
  const lists = [
    actionList(ctx, 'ACTIONLISTON', element.trueList, key, `boolean "${element.id}" trueList`),
    actionList(ctx, 'ACTIONLISTOFF', element.falseList, key, `boolean "${element.id}" falseList`),
  ].filter((list): list is AdmActionListView => list !== null);
  return [part(label, 'CHECKBOX', { ...registryNames(ctx, element), options, actionLists: lists, clientExt: element.clientExtension })];
}

function numericPart(ctx: PolicyContext, control: Extract<RefControl, { spin: boolean }>, element: DecimalElement): AdmPartView[] {
  if (!writable(ctx, 'decimal', element, elementProblems(element))) return [];
  const options: string[] = [];
  if (element.required) options.push('REQUIRED');
  options.push(`MIN ${element.minValue}`, `MAX ${element.maxValue}`);
  if (control.defaultValue !== undefined) options.push(`DEFAULT ${control.defaultValue.toString()}`);
  // MS-GPREG 2.2.2.1: SPIN 0 removes the spin control; SPIN n is the step.
  options.push(`SPIN ${control.spin ? control.spinStep : 0}`);
  if (element.storeAsText) options.push('TXTCONVERT');
  if (element.soft) options.push('SOFT');
  return [part(labelName(ctx, control), 'NUMERIC', { ...registryNames(ctx, element), options, clientExt: element.clientExtension })];
}

function textBoxPart(ctx: PolicyContext, control: Extract<RefControl, { kind: 'textBox' | 'comboBox' }>, element: TextElement): AdmPartView[] {
  if (!writable(ctx, 'text', element, elementProblems(element))) return [];
  const label = labelName(ctx, control);
  const defaultName = control.defaultValue === undefined ? null : ctx.strings.derive(`${label}_Default`, control.defaultValue);
  const suggestions = control.kind === 'comboBox' ? control.suggestions.map((text, i) => ctx.strings.derive(`${label}_Suggestion${i + 1}`, text)) : [];
  const options: string[] = [];
  if (element.required) options.push('REQUIRED');
  options.push(`MAXLEN ${element.maxLength}`);
  if (element.expandable) options.push('EXPANDABLETEXT');
  if (defaultName !== null) options.push(`DEFAULT !!${defaultName}`);
  if (element.soft) options.push('SOFT');
  if (control.kind === 'comboBox' && control.noSort) options.push('NOSORT');
  const type = control.kind === 'comboBox' ? 'COMBOBOX' : 'EDITTEXT';
  return [part(label, type, { ...registryNames(ctx, element), options, suggestions, clientExt: element.clientExtension })];
}

function dropdownPart(ctx: PolicyContext, control: Extract<RefControl, { kind: 'dropdownList' }>, element: EnumElement): AdmPartView[] {
  if (!writable(ctx, 'enum', element, elementProblems(element))) return [];
  const kept = element.items.flatMap((item, index) => {
    const problem = valueProblem('its value', item.value);
    if (problem === null) return [{ item, index }];
    const wasDefault = index === control.defaultItem ? '; it was the default item, so the list has no DEFAULT' : '';
    ctx.report(`enum "${element.id}" item "${item.id}" left out: ${problem}${wasDefault}`);
    return [];
  });
  if (kept.length === 0) {
    ctx.report(`enum element "${element.id}" left out: none of its items can be written`);
    return [];
  }
  const label = labelName(ctx, control);
  const key = element.key ?? ctx.policy.key;
  const items = kept.map(({ item, index }) => itemView(ctx, element, item, index === control.defaultItem, key));
  const options: string[] = [];
  if (element.required) options.push('REQUIRED');
  if (control.noSort) options.push('NOSORT');
  return [part(label, 'DROPDOWNLIST', { ...registryNames(ctx, element), options, items, clientExt: element.clientExtension })];
}

function itemView(ctx: PolicyContext, element: EnumElement, item: EnumItem, isDefault: boolean, key: string): AdmItemView {
  const name = ctx.strings.ref(item.stringId);
  const actions = actionList(ctx, 'ACTIONLIST', item.valueList, key, `enum "${element.id}" item "${item.id}" valueList`);
  return { name, value: admValue(item.value), isDefault, actionList: actions };
}

function listBoxPart(ctx: PolicyContext, control: Extract<RefControl, { kind: 'listBox' }>, element: ListElement): AdmPartView[] {
  const problems = [
    element.key === undefined ? null : nameProblem('key', element.key),
    element.valuePrefix === undefined ? null : nameProblem('valuePrefix', element.valuePrefix),
  ].filter((p): p is string => p !== null);
  if (!writable(ctx, 'list', element, problems)) return [];
  const options: string[] = [];
  if (element.valuePrefix !== undefined) options.push(`VALUEPREFIX ${quoted(element.valuePrefix)}`);
  if (element.additive) options.push('ADDITIVE');
  if (element.explicitValue) options.push('EXPLICITVALUE');
  if (element.expandable) options.push('EXPANDABLETEXT');
  // A LISTBOX always names its key: the values it manages live there (valueName is not used).
  const keyName = quoted(element.key ?? ctx.policy.key);
  return [part(labelName(ctx, control), 'LISTBOX', { keyName, options, clientExt: element.clientExtension })];
}

/** True when `problems` is empty; else reports the element as left out and returns false. */
function writable(ctx: PolicyContext, type: PolicyElement['type'], element: PolicyElement, problems: readonly string[]): boolean {
  if (problems.length === 0) return true;
  ctx.report(`${type} element "${element.id}" left out: ${problems.join('; ')}`);
  return false;
}

/** KEYNAME (only when the element's key differs from the policy's) and VALUENAME must be writable. */
function elementProblems(element: PolicyElement): string[] {
  const problems = [
    element.key === undefined ? null : nameProblem('key', element.key),
    element.valueName === undefined ? 'it has no valueName, which this ADM PART needs' : nameProblem('valueName', element.valueName),
  ];
  return problems.filter((p): p is string => p !== null);
}

function registryNames(ctx: PolicyContext, element: PolicyElement): { keyName: string | null; valueName: string | null } {
  const key = element.key;
  return {
    keyName: key !== undefined && key !== ctx.policy.key ? quoted(key) : null,
    valueName: element.valueName === undefined ? null : quoted(element.valueName),
  };
}

function labelName(ctx: PolicyContext, control: RefControl): string {
  return ctx.strings.derive(`${ctx.policy.nameStringId}_${control.refId}`, control.label);
}

/**
 * An action list; items ADM cannot write are reported and left out; null when none is left.
 * KEYNAME rule: see "Action lists" at the top of adm.ts.
 */
function actionList(ctx: PolicyContext, tag: AdmActionListView['tag'], list: ValueList | undefined, enclosingKey: string, label: string): AdmActionListView | null {
  if (list === undefined) return null;
  const items: AdmActionView[] = [];
  let sticky = false;
  for (const item of list.items) {
    const key = item.key ?? list.defaultKey ?? enclosingKey;
    const problem = nameProblem('key', key) ?? nameProblem('valueName', item.valueName) ?? valueProblem('its value', item.value);
    if (problem !== null) {
      ctx.report(`${label} item ${JSON.stringify(item.valueName)} left out: ${problem}`);
      continue;
    }
    sticky ||= key !== ctx.policy.key || key !== enclosingKey;
    items.push({ keyName: sticky ? quoted(key) : null, valueName: quoted(item.valueName), value: admValue(item.value) });
  }
  return items.length === 0 ? null : { tag, items };
}

function nameProblem(what: string, text: string): string | null {
  return quoteAdm(text) === null ? `${what} ${JSON.stringify(text)} ${NOT_QUOTABLE}` : null;
}

function valueProblem(what: string, value: RegValue | undefined): string | null {
  if (value === undefined) return null;
  if (value.kind === 'longDecimal') return `${what} ${NO_QWORD}`;
  if (value.kind === 'string') return nameProblem(`${what}`, value.value);
  return null;
}

/** `NUMERIC n`, `"text"` or `DELETE` (d.2); callers have ruled out QWORDs and unquotable text. */
function admValue(value: RegValue): string {
  switch (value.kind) {
    case 'decimal':
      return `NUMERIC ${value.value}`;
    case 'string':
      return quoted(value.value);
    case 'delete':
      return 'DELETE';
    case 'longDecimal':
      throw new Error('gpforge bug: a QWORD reached the ADM writer');
    default:
      return assertNever(value);
  }
}

function quoted(text: string): string {
  const result = quoteAdm(text);
  if (result === null) throw new Error(`gpforge bug: ${JSON.stringify(text)} reached the ADM writer unquotable`);
  return result;
}

type PartFields = Partial<Omit<AdmPartView, 'name' | 'type' | 'clientExt'>> & { clientExt?: string | undefined };

/** Shared by every part without entries of a kind (views are never mutated). */
const NONE: readonly never[] = [];

function part(name: string, type: AdmPartView['type'], fields: PartFields): AdmPartView {
  return {
    name,
    type,
    keyName: fields.keyName ?? null,
    valueName: fields.valueName ?? null,
    options: fields.options ?? NONE,
    suggestions: fields.suggestions ?? NONE,
    items: fields.items ?? NONE,
    actionLists: fields.actionLists ?? NONE,
    clientExt: fields.clientExt ?? null,
  };
}

function assertNever(value: never): never {
  throw new Error(`gpforge bug: unhandled ${JSON.stringify(value)}`);
}
