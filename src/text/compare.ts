/**
 * String orders that do not depend on the platform or locale (no localeCompare), so that every
 * sorted output is the same on every machine.
 */

/** Plain UTF-16 code-unit order. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Case-insensitive first, then exact: file names in a folder listing. */
export function compareIgnoringCase(a: string, b: string): number {
  return compareCodeUnits(a.toLowerCase(), b.toLowerCase()) || compareCodeUnits(a, b);
}
