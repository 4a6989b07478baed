/**
 * Build time: src/cli/built-in-templates.ts as the bundle gets it (that file says why): every
 * built-in template precompiled with the options compileTemplates() uses (template-options.ts),
 * handed to precompiledTemplates() with Handlebars' run time.
 */
import Handlebars from 'handlebars';
import { compileOptionsFor } from '../emit/template-options.js';
import { PARTIAL_PREFIX, parseTemplates } from '../emit/templates.js';
import { readTemplateSources } from '../load/template-sources.js';
import { packageFile } from '../package-files.js';

/** ES module source with the export of src/cli/built-in-templates.ts. */
export function precompiledTemplatesSource(): string {
  const parsed = parseTemplates(Handlebars, readTemplateSources());
  const options = compileOptionsFor(parsed, PARTIAL_PREFIX);
  const specs = [...parsed].map(([name, ast]) => `  ${JSON.stringify(name)}: ${Handlebars.precompile(ast, options.get(name))},`);
  return `import Handlebars from 'handlebars/runtime';
import { precompiledTemplates } from ${JSON.stringify(packageFile('src/emit/templates.ts'))};

const SPECS = {
${specs.join('\n')}
};

export function builtInTemplates() {
  return precompiledTemplates(Handlebars, SPECS);
}
`;
}
