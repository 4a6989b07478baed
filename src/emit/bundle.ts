/** Every output of the bundle (DESIGN.md §4), sorted by path so the result is deterministic. */
import type { Model } from '../model/types.js';
import { emitAdml } from './adml.js';
import { emitAdmx } from './admx.js';
import type { OutputFile } from './output-file.js';
import type { Templates } from './templates.js';

export function emitBundle(model: Model, templates: Templates): OutputFile[] {
  const files: OutputFile[] = [];
  for (const definitions of model.definitions) {
    files.push(emitAdmx(definitions, templates));
    for (const locale of definitions.locales) files.push(emitAdml(definitions, locale, templates));
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
