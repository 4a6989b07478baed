/**
 * The templates a command renders with: the built-in ones (precompiled into the bundle), overlaid
 * by --templates. Loaded only by commands that render: not by a plain validate (issue 11).
 */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { compileTemplates, TemplateError, type Templates } from '../emit/templates.js';
import { readTemplateSources } from '../load/template-sources.js';
import { builtInTemplates } from './built-in-templates.js';

/** Built-in templates, overlaid by --templates; a broken override is the user's error (GPF1015). */
export function loadTemplates(dir: string | undefined): { templates?: Templates; diagnostics: Diagnostic[] } {
  try {
    return { templates: dir === undefined ? builtInTemplates() : compileTemplates(readTemplateSources(dir)), diagnostics: [] };
  } catch (error) {
    if (dir === undefined) throw error;
    const file = error instanceof TemplateError ? `${dir}/${error.template}.hbs` : dir;
    return { diagnostics: [diagnostic('GPF1015', file, undefined, error instanceof Error ? error.message : String(error))] };
  }
}
