/**
 * The diff as GitHub workflow annotations: one per breaking change or missing revision bump, on
 * the changed line of the head side's YAML (the nearest line that still exists when something
 * was removed). Built as diagnostics (GPF4xxx) so the annotation format lives in one place.
 */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { formatDiagnostics, locateAll } from '../diagnostics/format.js';
import { loadYaml, type DataPath } from '../load/yaml-source.js';
import type { DefinitionChange, DefinitionPlace, DiffReport } from './diff-types.js';

type Node = Record<string, unknown> | undefined;

/** Index of the entry with `id` in `list`, or -1. */
function indexById(list: unknown, id: string): number {
  return Array.isArray(list) ? list.findIndex((e) => (e as Node)?.id === id) : -1;
}

/** The YAML path of a place, as deep as the head file still has it. */
export function placePath(data: unknown, place: DefinitionPlace): DataPath {
  const steps: [string, string | undefined][] = place.category !== undefined
    ? [['categories', place.category]]
    : [['policies', place.policy], ['elements', place.element], ['items', place.item]];
  const path: (string | number)[] = [];
  let node = data as Node;
  for (const [list, id] of steps) {
    if (id === undefined) break;
    const index = indexById(node?.[list], id);
    path.push(list);
    if (index < 0) return path;
    path.push(index);
    node = (node?.[list] as Node[])[index];
  }
  return place.field === undefined ? path : [...path, place.field];
}

function annotation(change: DefinitionChange, file: string, text: string | undefined): Diagnostic {
  const doc = text === undefined ? undefined : loadYaml(file, text);
  const span = doc?.ok ? doc.doc.locate(placePath(doc.doc.data, change.place), change.place.field === undefined ? 'value' : 'key') : undefined;
  if (change.impact === 'revision') return diagnostic('GPF4002', file, span, change.detail);
  if (change.impact === 'attention') return diagnostic('GPF4003', file, span, change.subject, change.detail);
  const users = change.usedBy.length > 0 ? `; used by ${change.usedBy.join(', ')}` : '';
  return diagnostic('GPF4001', file, span, change.subject, change.detail, users);
}

/** `texts`: the head side's YAML sources by path. */
export function renderGithub(report: DiffReport, texts: ReadonlyMap<string, string>): string {
  const found = report.definitions.flatMap((ns) =>
    ns.changes.filter((c) => c.impact !== 'compatible').map((c) => annotation(c, ns.file, ns.status === 'removed' ? undefined : texts.get(ns.file))),
  );
  return formatDiagnostics(locateAll(found, texts), 'github');
}
