/**
 * The built-in templates (templates/*.hbs). Here they are read and compiled at run time; in the
 * bundle this whole module is replaced by the same templates precompiled at build time
 * (src/build/precompile-templates.ts, from that build's templates/), rendered by Handlebars'
 * run time without its compiler: compiling them cost a large share of a build (issue 11).
 * `--templates DIR` overrides still compile at run time (run-build.ts).
 */
import { compileTemplates, type Templates } from '../emit/templates.js';
import { readTemplateSources } from '../load/template-sources.js';

export function builtInTemplates(): Templates {
  return compileTemplates(readTemplateSources());
}
