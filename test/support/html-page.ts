/** Structural checks of a generated HTML page (issue 13), by fast-xml-parser: the pages are XHTML-compatible HTML5. */
import { XMLValidator } from 'fast-xml-parser';

/** Problems of one HTML page: well-formedness, heading order, labels of controls, unique ids. */
export function pageProblems(html: string): string[] {
  const problems: string[] = [];
  const verdict = XMLValidator.validate(html);
  if (verdict !== true) return [`not well-formed: line ${verdict.err.line}: ${verdict.err.msg}`];
  if (!html.startsWith('<!DOCTYPE html>\n<html lang="')) problems.push('no HTML5 doctype or lang');
  const levels = [...html.matchAll(/<h([1-6])[\s>]/g)].map((m) => Number(m[1]));
  if (levels[0] !== 1 || levels.filter((l) => l === 1).length !== 1) problems.push(`headings ${levels.join(',')}: one h1 first`);
  levels.forEach((level, i) => {
    if (i > 0 && level > (levels[i - 1] ?? 0) + 1) problems.push(`heading h${level} after h${levels[i - 1]}`);
  });
  const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
  if (new Set(ids).size !== ids.length) problems.push('duplicate ids');
  const labelled = new Set([...html.matchAll(/<label for="([^"]+)"/g)].map((m) => m[1]));
  for (const control of html.matchAll(/<(input|select|textarea)\b[^>]*\sid="([^"]+)"/g)) {
    if (!labelled.has(control[2])) problems.push(`${control[1]} #${control[2]} has no label`);
  }
  for (const target of labelled) if (!ids.includes(target)) problems.push(`label for missing #${target}`);
  return problems;
}
