/**
 * The compatibility rules of issue 12, field by field: which change to a policy or element
 * breaks GPOs and stores that already use the template (breaking), which only changes the
 * ADMX (needs a revision bump) and which changes texts only (compatible, ADML).
 */
import type { Impact } from './diff-types.js';

/** How one field's change is judged: a fixed impact, or one that depends on the direction. */
export interface FieldRule<T> {
  readonly field: string;
  readonly read: (node: T) => unknown;
  readonly judge: Impact | ((before: unknown, after: unknown) => Impact);
  /** False for texts that live in the ADML only. */
  readonly admx: boolean;
  /** Say "changed" instead of old → new (long texts, whole dialogs). */
  readonly brief?: boolean;
}

/** One field that differs, judged. */
export interface FieldChange {
  readonly field: string;
  readonly impact: Impact;
  readonly admx: boolean;
  readonly detail: string;
}

/** A model RegValue ({ kind, value }) as the YAML writes it: 4, "text", delete. */
function plainValue(v: unknown): unknown {
  if (typeof v === 'bigint') return v.toString();
  if (typeof v !== 'object' || v === null || !('kind' in v)) return v;
  const keys = Object.keys(v);
  if (keys.length === 1 && (v as { kind: unknown }).kind === 'delete') return 'delete';
  // Unwrapped values are not passed through the replacer again: a qword's bigint is turned here.
  return keys.length === 2 && 'value' in v ? plainValue((v as { value: unknown }).value) : v;
}

/** JSON with bigints as digits and registry values plain: for comparing and showing model values. */
export function show(value: unknown): string {
  if (value === undefined) return '(none)';
  return JSON.stringify(value, (_, v: unknown) => plainValue(v));
}

const num = (v: unknown) => (typeof v === 'bigint' ? Number(v) : typeof v === 'number' ? v : NaN);
/** A lower minimum widens the range; a higher one narrows it. */
export const minRule = (before: unknown, after: unknown): Impact => (num(after) > num(before) ? 'breaking' : 'compatible');
/** A higher maximum (or maxLength) widens; a lower one narrows. 0 maxStrings = unlimited. */
export const maxRule = (before: unknown, after: unknown): Impact => (num(after) < num(before) ? 'breaking' : 'compatible');
export const maxStringsRule = (before: unknown, after: unknown): Impact =>
  num(after) !== 0 && (num(before) === 0 || num(after) < num(before)) ? 'breaking' : 'compatible';
/** Becoming required breaks GPOs that leave the element empty; the reverse does not. */
export const requiredRule = (_: unknown, after: unknown): Impact => (after === true ? 'breaking' : 'compatible');

/** Every field of `rules` that differs between two versions of a node. */
export function compareFields<T>(before: T, after: T, rules: readonly FieldRule<T>[]): FieldChange[] {
  return rules.flatMap((rule) => {
    const old = rule.read(before);
    const now = rule.read(after);
    // The same primitive (most fields) shows the same: no need to write both out.
    if (old === now || show(old) === show(now)) return [];
    const impact = typeof rule.judge === 'function' ? rule.judge(old, now) : rule.judge;
    const detail = rule.brief === true ? `${rule.field} changed` : `${rule.field} ${show(old)} → ${show(now)}`;
    return [{ field: rule.field, impact, admx: rule.admx, detail }];
  });
}
