/**
 * Handlebars compile options per template (issue 11): the cheapest options that still render the
 * same text. Every template compiles with `strict` (a missing view field throws: a gpforge bug
 * guard) and `noEscape` (views hold escaped strings; templates.ts). Two more options only remove
 * run-time work, so each is used where it cannot change what a template renders:
 * - `knownHelpersOnly`, when the template calls no helper but Handlebars' built-in ones: then
 *   `{{name}}` compiles to a plain lookup, without first checking for a helper called `name`.
 *   A block over a view field (`{{#items}}`, Mustache style) needs Handlebars' fallback for
 *   unknown helpers, so a template holding one (a user's override, say) compiles without it.
 * - `data: false`, when nothing reads `@data` (`@index`, `@last`, `@root`...): #each and #with
 *   then build no data frame per iteration. A partial runs with its caller's data, so a partial
 *   that reads @data keeps data on for every template.
 */
/** A parsed template, as Handlebars.parse() returns it. */
export type TemplateAst = ReturnType<typeof import('handlebars').parse>;

/** The options every template compiles with (templates.ts says why). */
export const BASE_COMPILE_OPTIONS = { strict: true, noEscape: true } as const;

export interface TemplateCompileOptions {
  readonly strict: true;
  readonly noEscape: true;
  readonly knownHelpersOnly: boolean;
  readonly data: boolean;
}

/** Handlebars' own helpers, the only ones gpforge registers (none of its own so far). */
const BUILT_IN_HELPERS = new Set(['if', 'unless', 'each', 'with', 'log', 'lookup', 'helperMissing', 'blockHelperMissing']);

/** True when one of the partials reads @data: then every template keeps data (see above). */
export function partialsReadData(partials: Iterable<TemplateAst>): boolean {
  for (const ast of partials) if (scan(ast).readsData) return true;
  return false;
}

/** The compile options of one template; `partialsData` from partialsReadData(). */
export function compileOptions(ast: TemplateAst, partialsData: boolean): TemplateCompileOptions {
  const use = scan(ast);
  return { ...BASE_COMPILE_OPTIONS, knownHelpersOnly: use.builtInHelpersOnly, data: partialsData || use.readsData };
}

interface Usage {
  builtInHelpersOnly: boolean;
  readsData: boolean;
}

/** Where Handlebars' AST nodes hold other nodes (statements, expressions, hash pairs). */
const CHILD_KEYS = ['body', 'program', 'inverse', 'path', 'params', 'hash', 'pairs', 'value', 'name'] as const;

/** Walks the whole AST: a helper call is a block, or a mustache or subexpression with arguments. */
function scan(ast: TemplateAst): Usage {
  const usage: Usage = { builtInHelpersOnly: true, readsData: false };
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const child of node) visit(child);
      return;
    }
    const record = node as Record<string, unknown>;
    if (record.type === 'PathExpression' && record.data === true) usage.readsData = true;
    if (isHelperCall(record) && !BUILT_IN_HELPERS.has(String((record.path as { original?: unknown }).original))) {
      usage.builtInHelpersOnly = false;
    }
    for (const key of CHILD_KEYS) if (key in record) visit(record[key]);
  };
  visit(ast);
  return usage;
}

function isHelperCall(node: Record<string, unknown>): boolean {
  if (node.type === 'BlockStatement' || node.type === 'DecoratorBlock') return true;
  if (node.type !== 'MustacheStatement' && node.type !== 'SubExpression') return false;
  const params = node.params as readonly unknown[] | undefined;
  const pairs = (node.hash as { pairs?: readonly unknown[] } | undefined)?.pairs;
  return (params?.length ?? 0) > 0 || (pairs?.length ?? 0) > 0;
}

/**
 * View fields an older gpforge gave these templates and this one no longer does (issue 11 made
 * them one string). Handlebars does not make a missing field an error where a block helper reads
 * it (`{{#each lines}}` just renders nothing, even under `strict`), so an override written for
 * the old view would silently write files without their entries; it is refused instead.
 */
const RETIRED_FIELDS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  reg: { lines: 'blocks[].text (the block\'s lines, each ending in LF)' },
  lgpo: { lines: 'entries[].text (the entry\'s lines joined by LF)' },
  'samba/Registry.pol.xml': { values: 'entries[].valueLines (the <Value> lines, each ending in LF)' },
};

/** The first retired view field `ast` reads, with what replaced it; undefined when none. */
export function retiredFieldUse(template: string, ast: TemplateAst): { field: string; instead: string } | undefined {
  const retired = RETIRED_FIELDS[template];
  if (!retired) return undefined;
  let found: { field: string; instead: string } | undefined;
  const visit = (node: unknown): void => {
    if (found || node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const child of node) visit(child);
      return;
    }
    const record = node as Record<string, unknown>;
    if (record.type === 'PathExpression') {
      const field = (record.parts as readonly string[] | undefined)?.find((part) => Object.hasOwn(retired, part));
      if (field !== undefined) found = { field, instead: retired[field] ?? '' };
    }
    for (const key of CHILD_KEYS) if (key in record) visit(record[key]);
  };
  visit(ast);
  return found;
}
