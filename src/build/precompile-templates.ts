/**
 * Build time: src/cli/built-in-templates.ts as the bundle gets it (that file says why): every
 * built-in template precompiled with the options compileTemplates() uses (template-options.ts),
 * handed to precompiledTemplates() with Handlebars' run time.
 */
import Handlebars from 'handlebars';
import { compileOptions, partialsReadData } from '../emit/template-options.js';
import { PARTIAL_PREFIX, parseTemplate } from '../emit/templates.js';
import { readTemplateSources } from '../load/template-sources.js';
import { packageFile } from '../package-files.js';

/** ES module source with the export of src/cli/built-in-templates.ts. */
export function precompiledTemplatesSource(): string {
  const parsed = Object.entries(readTemplateSources()).map(([name, source]) => [name, parseTemplate(Handlebars, name, source)] as const);
  const partialsData = partialsReadData(parsed.filter(([name]) => name.startsWith(PARTIAL_PREFIX)).map(([, ast]) => ast));
  const specs = parsed.map(([name, ast]) => `  ${JSON.stringify(name)}: ${Handlebars.precompile(ast, compileOptions(ast, partialsData))},`);
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
