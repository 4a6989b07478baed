/**
 * The output templates, compiled once into a typed object (STYLE.md §7, DESIGN.md §5).
 * One Handlebars instance per compileTemplates() call (never the global one), templates compiled
 * with `strict: true` (a missing view field throws) and `noEscape: true` (views hold strings
 * already escaped by TypeScript, src/emit/xml-escape.ts), plus the options of
 * template-options.ts that only save run-time work. The built-in helpers (if, each, with)
 * suffice so far; a custom helper, if ever needed, is registered in assemble() here.
 * The built-in templates also come precompiled (src/cli/built-in-templates.ts); Handlebars'
 * compiler is then never loaded, so it is required here only when a source is compiled.
 */
import { createRequire } from 'node:module';
import type HandlebarsRuntime from 'handlebars/runtime';
import type { AdmView } from './adm.js';
import type { AdmlView } from './adml.js';
import type { AdmxView } from './admx.js';
import type { BackupManifestView, BackupXmlView, BkupInfoView } from './gpo-backup.js';
import type { DeploySambaView } from './deploy-samba.js';
import type { GptIniView } from './gpt-ini.js';
import type { IntuneCsvView } from './intune-csv.js';
import type { IntuneJsonView } from './intune-json.js';
import type { LgpoView } from './lgpo.js';
import type { SambaPolXmlView } from './samba-pol-xml.js';
import type { SambaGptIniView } from './samba-restore.js';
import type { RegView } from './reg.js';
import type { RootView } from '../docs/emit-html.js';
import type { MarkdownGpoView, MarkdownIndexView, MarkdownPolicyView, MarkdownRootView } from '../docs/emit-markdown.js';
import type { PolicyPageView } from '../docs/policy-view.js';
import type { GpoPageView, IndexView } from '../docs/site-views.js';
import { compileOptions, partialsReadData, retiredFieldUse, type TemplateAst } from './template-options.js';

type HandlebarsEnv = ReturnType<typeof HandlebarsRuntime.create>;

/** Handlebars with its compiler, loaded on first use (a `require` esbuild leaves to run time). */
function handlebarsCompiler(): typeof import('handlebars') {
  return createRequire(import.meta.url)('handlebars') as typeof import('handlebars');
}

/** Sources named `partials/<name>` are registered as partial `<name>` (`{{> name}}`). */
export const PARTIAL_PREFIX = 'partials/';

/** Carries a view type at compile time and nothing at run time. */
interface ViewSlot<V> {
  readonly view?: V;
}
const slot = <V>(): ViewSlot<V> => ({});

/** Every output template and the view it renders. Adding an output is one line here. */
const OUTPUT_TEMPLATES = {
  admx: slot<AdmxView>(),
  adml: slot<AdmlView>(),
  reg: slot<RegView>(),
  lgpo: slot<LgpoView>(),
  adm: slot<AdmView>(),
  'gpo-backup/Backup.xml': slot<BackupXmlView>(),
  'gpo-backup/bkupInfo.xml': slot<BkupInfoView>(),
  'gpo-backup/manifest.xml': slot<BackupManifestView>(),
  'gpt.ini': slot<GptIniView>(),
  'samba/Registry.pol.xml': slot<SambaPolXmlView>(),
  'samba/GPT.INI.xml': slot<SambaGptIniView>(),
  'deploy-samba.sh': slot<DeploySambaView>(),
  'intune-json': slot<IntuneJsonView>(),
  'intune-csv': slot<IntuneCsvView>(),
  'docs/root.html': slot<RootView>(),
  'docs/index.html': slot<IndexView>(),
  'docs/policy.html': slot<PolicyPageView>(),
  'docs/gpo.html': slot<GpoPageView>(),
  'docs/explorer.css': slot<Record<string, never>>(),
  'docs/explorer.js': slot<Record<string, never>>(),
  'docs/root.md': slot<MarkdownRootView>(),
  'docs/README.md': slot<MarkdownIndexView>(),
  'docs/policy.md': slot<MarkdownPolicyView>(),
  'docs/gpo.md': slot<MarkdownGpoView>(),
};

type ViewOf<S> = S extends ViewSlot<infer V> ? V : never;

export type TemplateName = keyof typeof OUTPUT_TEMPLATES;

/** One render function per output template; each returns the document text (LF or CRLF). */
export type Templates = {
  readonly [K in TemplateName]: (view: ViewOf<(typeof OUTPUT_TEMPLATES)[K]>) => string;
};

/**
 * Compiles template sources (keys as readTemplateSources() returns them: `admx`,
 * `partials/value`, ...) into Templates. Pure: no fs. Throws when an output template is missing
 * or a source does not parse, naming the template.
 */
export function compileTemplates(sources: Readonly<Record<string, string>>): Templates {
  const hb = handlebarsCompiler().create();
  // Partials first, as assemble() registers them first: whether one reads @data decides the
  // `data` option of every template (template-options.ts).
  const partials = new Map<string, TemplateAst>();
  for (const name of Object.keys(sources)) {
    const source = sources[name];
    if (name.startsWith(PARTIAL_PREFIX) && source !== undefined) partials.set(name, parseTemplate(hb, name, source));
  }
  const partialsData = partialsReadData(partials.values());
  return assemble(hb, Object.keys(sources), (name) => {
    const source = sources[name];
    if (source === undefined) return undefined;
    const ast = partials.get(name) ?? parseTemplate(hb, name, source);
    const retired = retiredFieldUse(name, ast);
    if (retired) throw new TemplateError(name, `template "${name}" uses \`${retired.field}\`, which the view no longer has: use ${retired.instead}`);
    return hb.compile(ast, compileOptions(ast, partialsData));
  });
}

/** Parses one source, so a syntax error surfaces now, naming the template. */
export function parseTemplate(hb: { parse: (source: string) => TemplateAst }, name: string, source: string): TemplateAst {
  try {
    return hb.parse(source);
  } catch (error) {
    throw new TemplateError(name, `template "${name}" does not parse: ${messageOf(error)}`, error);
  }
}

/**
 * Templates from Handlebars.precompile() output (keys as for compileTemplates), rendered by
 * `runtime` (Handlebars' run time, or Handlebars itself).
 */
export function precompiledTemplates(runtime: typeof HandlebarsRuntime, specs: Readonly<Record<string, TemplateSpecification>>): Templates {
  const hb = runtime.create();
  return assemble(hb, Object.keys(specs), (name) => {
    const spec = specs[name];
    return spec === undefined ? undefined : hb.template(spec);
  });
}

/** Registers the partials among `names`, then makes every output template; `make` compiles one. */
function assemble(hb: HandlebarsEnv, names: readonly string[], make: (name: string) => HandlebarsTemplateDelegate | undefined): Templates {
  for (const name of names) {
    const partial = name.startsWith(PARTIAL_PREFIX) ? make(name) : undefined;
    if (partial) hb.registerPartial(name.slice(PARTIAL_PREFIX.length), partial);
  }
  const templates: Record<string, (view: never) => string> = {};
  for (const name of Object.keys(OUTPUT_TEMPLATES)) {
    const render = make(name);
    if (render === undefined) throw new TemplateError(name, `template "${name}" is missing (expected ${name}.hbs)`);
    templates[name] = withTemplateName(name, render);
  }
  return templates as Templates;
}

/**
 * A template that does not parse or does not render. With built-in templates that is a gpforge
 * bug; with `--templates` overrides it is the user's, reported as a diagnostic naming the template.
 */
export class TemplateError extends Error {
  constructor(
    readonly template: string,
    message: string,
    cause?: unknown,
  ) {
    super(message, { cause });
  }
}

/** Names the template in render errors (a missing view field under `strict`: a gpforge bug). */
function withTemplateName(name: string, render: HandlebarsTemplateDelegate): (view: never) => string {
  return (view) => {
    try {
      return render(view);
    } catch (error) {
      throw new TemplateError(name, `template "${name}" failed: ${messageOf(error)}`, error);
    }
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
