/** `gpforge init [DIR]`: scaffolds a project (src/init/scaffold.ts); refuses to overwrite without --force. */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { INIT_TEMPLATE_DIR, scaffoldProject } from '../init/scaffold.js';
import { readSources } from '../load/read-sources.js';
import { buildProjectSchema } from '../schema/build-project-schema.js';
import { DEFAULT_SCHEMA_PATH } from '../schema/definitions-hash.js';
import type { Console } from './console.js';

export function runInit(args: { dir: string; force: boolean }, out: Console): number {
  let result: ReturnType<typeof scaffoldProject>;
  try {
    result = scaffoldProject({ dir: args.dir, force: args.force, generated: new Map([[DEFAULT_SCHEMA_PATH, starterSchema()]]) });
  } catch (error) {
    out.report([diagnostic('GPF1011', args.dir, undefined, error instanceof Error ? error.message : String(error))], new Map(), 'nothing scaffolded');
    return 1;
  }
  const refused: Diagnostic[] = result.refused.map((path) => diagnostic('GPF1009', `${args.dir}/${path}`, undefined, `${args.dir}/${path}`));
  if (refused.length > 0) {
    out.report(refused, new Map(), 'nothing scaffolded');
    return 1;
  }
  out.detail(result.written.map((path) => `${args.dir}/${path}`));
  out.report([], new Map(), `created ${result.written.length} files in ${args.dir}: next, npx gpforge build`);
  return 0;
}

/** The starter's editor schema, made from the starter's own definitions (its GPO file's modeline points here). */
function starterSchema(): string {
  const { sources } = readSources([`${INIT_TEMPLATE_DIR}policies`]);
  const text = buildProjectSchema({ sources, external: [], admx: [] }).text;
  if (text === undefined) throw new Error('the starter definitions in templates/init are invalid (a bug in gpforge)');
  return text;
}
