/** The field rules (compare-fields.ts) for policies, elements, enum items and categories. */
import type { Category, EnumItem, Policy, PolicyElement } from '../model/types.js';
import { maxRule, maxStringsRule, minRule, requiredRule, type FieldRule } from './compare-fields.js';

const field = <T>(name: string, judge: FieldRule<T>['judge'], admx = true, read?: (n: T) => unknown): FieldRule<T> => ({
  field: name,
  read: read ?? ((n: T) => (n as Record<string, unknown>)[name]),
  judge,
  admx,
});
/** An ADML text too long to show whole. */
const text = <T>(name: string): FieldRule<T> => ({ ...field<T>(name, 'compatible', false), brief: true });

/** class/key/valueName and the values written decide what machines get: changing them breaks GPOs. */
export const POLICY_RULES: readonly FieldRule<Policy>[] = [
  field('class', 'breaking'),
  field('key', 'breaking'),
  field('valueName', 'breaking'),
  field('enabledValue', 'breaking'),
  field('disabledValue', 'breaking'),
  field('enabledList', 'breaking'),
  field('disabledList', 'breaking'),
  field('category', 'compatible'),
  field('supportedOn', 'compatible'),
  field('clientExtension', 'compatible'),
  field('name', 'compatible', false),
  text('explain'),
  text('presentation'),
];

const read = (name: string) => (e: PolicyElement) => (e as unknown as Record<string, unknown>)[name];
const elementField = (name: string, judge: FieldRule<PolicyElement>['judge'], yamlName = name) =>
  field<PolicyElement>(yamlName, judge, true, read(name));

export const ELEMENT_RULES: readonly FieldRule<PolicyElement>[] = [
  elementField('type', 'breaking'),
  elementField('key', 'breaking'),
  elementField('valueName', 'breaking'),
  elementField('required', requiredRule),
  elementField('minValue', minRule, 'min'),
  elementField('maxValue', maxRule, 'max'),
  elementField('maxLength', maxRule),
  elementField('maxStrings', maxStringsRule),
  elementField('storeAsText', 'breaking'),
  elementField('trueValue', 'breaking'),
  elementField('falseValue', 'breaking'),
  elementField('trueList', 'breaking'),
  elementField('falseList', 'breaking'),
  elementField('valuePrefix', 'breaking'),
  elementField('explicitValue', 'breaking'),
  elementField('additive', 'breaking'),
  elementField('expandable', 'compatible'),
  elementField('soft', 'compatible'),
];

export const ITEM_RULES: readonly FieldRule<EnumItem>[] = [
  field('value', 'breaking'),
  field('valueList', 'breaking'),
  field('name', 'compatible', false),
];

export const CATEGORY_RULES: readonly FieldRule<Category>[] = [
  field('parent', 'compatible'),
  field('name', 'compatible', false),
  text('explain'),
];
