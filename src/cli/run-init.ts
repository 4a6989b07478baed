/** `gpforge init [DIR]`: scaffolds a project (src/init/scaffold.ts); refuses to overwrite without --force. */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { scaffoldProject } from '../init/scaffold.js';
import type { Console } from './console.js';

export function runInit(args: { dir: string; force: boolean }, out: Console): number {
  let result: ReturnType<typeof scaffoldProject>;
  try {
    result = scaffoldProject({ dir: args.dir, force: args.force });
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
