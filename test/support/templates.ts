/** The built-in templates, compiled once for tests that call emitters directly. */
import { compileTemplates } from '../../src/emit/templates.js';
import { readTemplateSources } from '../../src/load/template-sources.js';

export const builtInTemplates = compileTemplates(readTemplateSources());
