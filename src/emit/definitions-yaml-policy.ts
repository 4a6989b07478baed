/**
 * A model Policy → its definitions YAML entry. The YAML element list is the dialog: it is built
 * by walking `presentation` in order, a text control becoming `- note:` and every other control
 * becoming its element with the control's label and hints merged in (FORMATS.md c.8, c.10).
 * What the YAML cannot say this way (an element without a control, a control of another kind
 * than its element's, a control without an element, a second control for one element) goes to
 * `ctx.notes`.
 */
import { DWORD_MAX } from '../model/limits.js';
import type { EnumElement, ListElement, Policy, PolicyElement, PresentationControl } from '../model/types.js';
import {
  extraAttributesView,
  isIdText,
  localizedView,
  regValueView,
  limitView,
  stated,
  stringIdView,
  valueListView,
  type View,
  type ViewContext,
  type ViewMap,
} from './definitions-yaml-view.js';

type Control = Exclude<PresentationControl, { kind: 'text' }>;
type ControlOf<K extends Control['kind']> = Extract<Control, { kind: K }>;
type NumberBox = Extract<Control, { spin: boolean }>;

/** The control kinds the YAML builder can produce for each element type (build-elements.ts). */
const CONTROL_KINDS: Readonly<Record<PolicyElement['type'], readonly Control['kind'][]>> = {
  boolean: ['checkBox'],
  decimal: ['decimalTextBox'],
  longDecimal: ['longDecimalTextBox'],
  enum: ['dropdownList'],
  text: ['textBox', 'comboBox'],
  multiText: ['multiTextBox'],
  list: ['listBox'],
};

/** One entry of `policies:`. */
export function policyView(ctx: ViewContext, policy: Policy): ViewMap {
  const where = `policy ${policy.id}`;
  const elements = elementsView(ctx, policy, where);
  return {
    id: policy.id,
    class: policy.class,
    category: policy.category,
    supportedOn: policy.supportedOn,
    name: localizedView(ctx, policy.name, `${where}: name`),
    explain: localizedView(ctx, policy.explain, `${where}: explain`),
    key: policy.key,
    valueName: policy.valueName,
    enabledValue: policy.enabledValue && regValueView(policy.enabledValue),
    disabledValue: policy.disabledValue && regValueView(policy.disabledValue),
    enabledList: policy.enabledList && valueListView(policy.enabledList),
    disabledList: policy.disabledList && valueListView(policy.disabledList),
    clientExtension: policy.clientExtension,
    elements: elements.length > 0 ? elements : undefined,
    elementOrder: elementOrderView(policy, elements),
    presentationId: presentationIdView(policy),
    nameId: stringIdView(ctx, policy.nameStringId, policy.id),
    explainId: stringIdView(ctx, policy.explainStringId, `${policy.id}_Help`),
    xmlAttributes: extraAttributesView(policy.extraAttributes),
  };
}

/** The ADMX element order, where it is not the dialog order the YAML list gives (issue 9). */
function elementOrderView(policy: Policy, elements: readonly View[]): string[] | undefined {
  const listed = elements.flatMap((e) => (typeof e === 'object' && e !== null && 'id' in e && typeof e.id === 'string' ? [e.id] : []));
  const order = policy.elements.map((e) => e.id);
  return order.every((id, i) => listed[i] === id) && listed.length === order.length ? undefined : order;
}

/** Written where it is not the policy id, or names a presentation without controls. */
function presentationIdView(policy: Policy): string | undefined {
  const id = policy.presentationId;
  return id !== undefined && (id !== policy.id || policy.presentation.length === 0) ? id : undefined;
}

function elementsView(ctx: ViewContext, policy: Policy, where: string): View[] {
  const byId = new Map<string, PolicyElement>();
  for (const element of policy.elements) {
    if (byId.has(element.id)) ctx.notes.push(`${where}: two elements with id ${element.id}; only the first is written`);
    else byId.set(element.id, element);
  }
  const written = new Set<string>();
  const views: View[] = [];
  for (const [i, control] of policy.presentation.entries()) {
    if (control.kind === 'text') {
      views.push({ note: localizedView(ctx, control.text, `${where}: presentation[${i}] text`), controlAttributes: extraAttributesView(control.extraAttributes) });
      continue;
    }
    const element = byId.get(control.refId);
    const at = `${where}: presentation[${i}] ${control.kind} ${control.refId}`;
    if (element === undefined) ctx.notes.push(`${at}: refers to no element of the policy; dropped`);
    else if (written.has(element.id)) ctx.notes.push(`${at}: a second control for the element; the YAML has one per element, dropped`);
    else {
      written.add(element.id);
      views.push(elementView(ctx, policy, element, control, `${where}: element ${element.id}`));
    }
  }
  for (const element of byId.values()) {
    if (written.has(element.id)) continue;
    ctx.notes.push(`${where}: element ${element.id} has no presentation control; the YAML gives it one (label = id) at the end of the dialog`);
    views.push(elementView(ctx, policy, element, undefined, `${where}: element ${element.id}`));
  }
  return views;
}

function elementView(ctx: ViewContext, policy: Policy, element: PolicyElement, control: Control | undefined, where: string): ViewMap {
  const fits = control !== undefined && CONTROL_KINDS[element.type].includes(control.kind);
  if (control !== undefined && !fits) {
    ctx.notes.push(`${where}: shown by a ${control.kind}, which a ${element.type} element cannot have in the YAML; written with its own control, only the label kept`);
  }
  const label = control && !isIdText(ctx, control.label, element.id) ? localizedView(ctx, control.label, `${where}: label`) : undefined;
  const common = { id: element.id, type: element.type, label, key: element.key };
  const registry = { valueName: element.valueName, clientExtension: element.clientExtension };
  const asWritten = {
    xmlAttributes: extraAttributesView(element.extraAttributes),
    controlAttributes: extraAttributesView(control?.extraAttributes),
    labelAttributes: control && 'labelAttributes' in control ? extraAttributesView(control.labelAttributes) : undefined,
  };
  return { ...common, ...registry, ...typedFields(ctx, policy, element, fits ? control : undefined, where), ...asWritten };
}

/**
 * The element's own attributes and its control's hints: each where it differs from the XSD
 * default or the source stated it (AsWritten.explicit), so the rebuilt ADMX/ADML says the same.
 */
function typedFields(ctx: ViewContext, policy: Policy, e: PolicyElement, control: Control | undefined, where: string): ViewMap {
  const own = <T extends View>(xmlName: string, value: T, fallback: T) => stated(e, xmlName, value, fallback);
  const hint = <T extends View>(xmlName: string, value: T, fallback: T) => stated(control, xmlName, value, fallback);
  switch (e.type) {
    case 'boolean': {
      const box = control as ControlOf<'checkBox'> | undefined;
      const lists = { trueList: e.trueList && valueListView(e.trueList), falseList: e.falseList && valueListView(e.falseList) };
      const values = { trueValue: e.trueValue && regValueView(e.trueValue), falseValue: e.falseValue && regValueView(e.falseValue) };
      return { ...values, ...lists, defaultChecked: hint('defaultChecked', box?.defaultChecked ?? false, false) };
    }
    case 'decimal':
    case 'longDecimal': {
      const range = { min: own('minValue', limitView(BigInt(e.minValue)), 0), max: own('maxValue', limitView(BigInt(e.maxValue)), 9999) };
      const box = control as NumberBox | undefined;
      const flags = { required: own('required', e.required, false), storeAsText: own('storeAsText', e.storeAsText, false), soft: own('soft', e.soft, false) };
      return { ...range, ...numberHints(ctx, e, box, where), ...flags };
    }
    case 'enum': {
      const items = e.items.map((item) => enumItemView(ctx, item, `${policy.id}_${e.id}_${item.id}`, `${where}: item ${item.id}`));
      noteSameValues(ctx, e, where);
      return { required: own('required', e.required, false), items, ...dropdownHints(ctx, e, control as ControlOf<'dropdownList'> | undefined, where) };
    }
    case 'text': {
      const flags = { expandable: own('expandable', e.expandable, false), soft: own('soft', e.soft, false) };
      const fields = { required: own('required', e.required, false), maxLength: own('maxLength', e.maxLength, 1023), ...flags };
      return { ...fields, ...textHints(ctx, control as ControlOf<'textBox' | 'comboBox'> | undefined, where) };
    }
    case 'multiText': {
      const box = control as ControlOf<'multiTextBox'> | undefined;
      const limits = { maxLength: own('maxLength', e.maxLength, 1023), maxStrings: own('maxStrings', e.maxStrings, 0) };
      const fields = { required: own('required', e.required, false), ...limits, soft: own('soft', e.soft, false) };
      return { ...fields, height: hint('defaultHeight', box?.defaultHeight ?? 3, 3), showAsDialog: hint('showAsDialog', box?.showAsDialog ?? false, false) };
    }
    case 'list':
      return listFields(ctx, e, where);
  }
}

/** `valueName: undefined` overrides the common field: the YAML list has none. */
function listFields(ctx: ViewContext, e: ListElement, where: string): ViewMap {
  if (e.valueName !== undefined) ctx.notes.push(`${where}: valueName ${JSON.stringify(e.valueName)} cannot be written for a list; dropped`);
  // valuePrefix with explicitValue (firefox.admx SecurityDevices): Windows ignores the prefix; kept, lenient makes it a warning.
  const valuePrefix = e.valuePrefix;
  if (e.explicitValue && valuePrefix !== undefined) {
    ctx.notes.push(`${where}: valuePrefix ${JSON.stringify(valuePrefix)} with explicitValue (which ignores it), which validation rejects`);
  }
  const flags = { additive: stated(e, 'additive', e.additive, false), explicitValue: stated(e, 'explicitValue', e.explicitValue, false) };
  return { valueName: undefined, valuePrefix, ...flags, expandable: stated(e, 'expandable', e.expandable, false) };
}

/** Two items with one value: the YAML can say it, but validation rejects it (GPF2109). */
function noteSameValues(ctx: ViewContext, e: EnumElement, where: string): void {
  const seen = new Map<string, string>();
  for (const item of e.items) {
    const value = JSON.stringify(item.value, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));
    const other = seen.get(value);
    if (other !== undefined) ctx.notes.push(`${where}: items ${other} and ${item.id} have the same value, which validation rejects`);
    else seen.set(value, item.id);
  }
}

function numberHints(ctx: ViewContext, e: PolicyElement & { type: 'decimal' | 'longDecimal' }, box: NumberBox | undefined, where: string): ViewMap {
  const value = box?.defaultValue;
  let def: number | undefined;
  if (value !== undefined) {
    if (value > DWORD_MAX) ctx.notes.push(`${where}: default ${value} is beyond the 32 bits the YAML (and the ADMX schema) allow; dropped`);
    else if (value < BigInt(e.minValue) || value > BigInt(e.maxValue)) ctx.notes.push(`${where}: default ${value} is outside ${e.minValue}..${e.maxValue}, which validation rejects; dropped`);
    else def = Number(value);
  }
  return { default: def, spin: stated(box, 'spin', box?.spin ?? true, true), spinStep: stated(box, 'spinStep', box?.spinStep ?? 1, 1) };
}

function dropdownHints(ctx: ViewContext, e: EnumElement, box: ControlOf<'dropdownList'> | undefined, where: string): ViewMap {
  const index = box?.defaultItem;
  const item = index === undefined ? undefined : e.items[index];
  if (index !== undefined && item === undefined) ctx.notes.push(`${where}: defaultItem ${index} is not an item index; dropped`);
  return { default: item?.id, noSort: stated(box, 'noSort', box?.noSort ?? false, false) };
}

function textHints(ctx: ViewContext, box: ControlOf<'textBox' | 'comboBox'> | undefined, where: string): ViewMap {
  if (box === undefined) return {};
  const def = box.defaultValue && localizedView(ctx, box.defaultValue, `${where}: default`);
  if (box.kind === 'textBox') return { default: def };
  const suggestions = box.suggestions.map((s, i) => localizedView(ctx, s, `${where}: suggestion ${i}`));
  return { default: def, suggestions, noSort: stated(box, 'noSort', box.noSort, false) };
}

/** `derivedId`: the string id the builder gives the item when the YAML names none. */
function enumItemView(ctx: ViewContext, item: EnumElement['items'][number], derivedId: string, where: string): ViewMap {
  return {
    id: item.id,
    name: localizedView(ctx, item.name, `${where}: name`),
    value: regValueView(item.value),
    valueList: item.valueList && valueListView(item.valueList),
    nameId: stringIdView(ctx, item.stringId, derivedId),
    xmlAttributes: extraAttributesView(item.extraAttributes),
  };
}
