/**
 * Legacy .adm emitter: one DefinitionsFile and locale -> adm/<locale>/<fileName>.adm, for the
 * Group Policy editor of Windows 2000/XP/2003 (FORMATS.md §d, §f).
 *
 * Encoding: UTF-16LE with BOM FF FE (f); every line ends with CRLF, the last one too. Keywords in
 * upper case, two spaces of indentation per level (as Chromium's adm_writer.py writes them).
 *
 * Escaping, `[strings]` values (escapeAdmString; FORMATS d.3). A value is written `Name="text"`
 * on one line and read back as the text between the first and the last `"` of the line, with
 * `\n` turned into a line break. That is all Chromium's adm_writer.py does (it only replaces a
 * line break by `\n`), and its chrome.adm, which GPEdit loads, has unescaped inner quotes. So:
 * - `"` is written as it is (no escape exists; readers take first-to-last quote);
 * - a line break (LF, CRLF or CR) becomes the two characters `\n` (so CRLF and CR read back as LF);
 * - a `\` that is followed by `n` in the text (`C:\new`), possibly after zero-width spaces
 *   (U+200B), gets one more U+200B right after it, so no reader sees `\n` there; reading back,
 *   `\`, k >= 1 U+200B, `n` loses one U+200B. No other `\` sequence is special (none is known);
 * - C0 controls other than TAB, DEL and unpaired surrogates become U+FFFD; everything else
 *   (TAB, non-ASCII, emoji as surrogate pairs) is written as it is.
 * Escaping, body strings (quoteAdm): KEYNAME, VALUENAME, VALUE/VALUEON/VALUEOFF "text" and
 * VALUEPREFIX are quoted literally. A quoted string ends at the next `"` and no escape exists
 * (MS-GPREG 2.2.2.1), so text holding `"`, a C0 control (TAB, line breaks), DEL or an unpaired
 * surrogate cannot be written: what carries it is left out and reported (`unsupported`).
 * Every displayed text (names, explains, PART labels, notes, EDITTEXT defaults, suggestions) is a
 * `!!Name` reference into `[strings]` (adm-strings.ts); `DEFAULT !!x` and `SUGGESTIONS !!x`
 * are the AdmString forms of MS-GPREG 2.2.2.1 (and `DEFAULT !!MySampleText` in the Windows 2000
 * documentation), so defaults and suggestions may hold quotes too.
 *
 * Layout and choices (UNVERIFIED ones marked U, with the evidence used):
 * - `CLASS MACHINE` then `CLASS USER`, each only when it has policies; a `both` policy is in both.
 * - Categories nest as in the model. A category whose parent is in another namespace
 *   (`prefix:id`) is top-level: ADM has no cross-file references. So is one on a parent cycle. A
 *   category without policies of that class (after the ones left out) is omitted from that class.
 *   Child categories come before policies. Categories carry no KEYNAME: every POLICY has its own.
 *   A policy whose category is in another namespace sits directly under CLASS (MS-GPREG's
 *   grammar allows a POLICY statement there) (U).
 * - Category explain: `EXPLAIN` after the CATEGORY line, as in MS-GPREG's AdmCategory and Google
 *   Update's .adm (Chromium updater's generator), wrapped in `#if version >= 4` (U: category help
 *   appeared with the XP editor; an older editor then never sees the keyword).
 * - POLICY: `#if version >= 4` SUPPORTED `#endif` (Chromium), `#if version >= 3` EXPLAIN `#endif`
 *   (explain texts appeared with Windows 2000, version 3; Chromium writes EXPLAIN unguarded),
 *   KEYNAME, VALUENAME, VALUEON, VALUEOFF, ACTIONLISTON, ACTIONLISTOFF, CLIENTEXT, PARTs.
 *   SUPPORTED only for a supportedOn definition of this file (its text); another namespace's
 *   reference has no text here, so there is no SUPPORTED line. Values: decimal `NUMERIC n`,
 *   string `"text"`, delete `DELETE` (U for VALUEON/VALUEOFF: MS-GPREG lists DELETE only after
 *   VALUE). A policy's disabledValue `delete` is written as no VALUEOFF, which an ADM editor reads
 *   as "remove the value" (d.2). Without a valueName, enabledValue/disabledValue are not written
 *   (the registry planner ignores them too).
 * - Action lists: `KEYNAME "k"` on its own line (when needed), then `VALUENAME "v" VALUE ...`
 *   (Chromium, Google Update). ADM has no defaultKey: an item's key is item key, else the list's
 *   defaultKey, else the enclosing key (policy key; for a checkbox/dropdown list, the element's).
 *   An item gets KEYNAME unless its key is the policy key and the enclosing key; once one item of
 *   a list has KEYNAME, every later item has it too, since whether KEYNAME carries over to the
 *   next item is undocumented (U).
 * - PARTs follow the presentation, in order; KEYNAME (only when the element's key differs from
 *   the policy's) and VALUENAME come first (GPMC requires that for DROPDOWNLIST), then options:
 *   CHECKBOX DEFCHECKED, VALUEON/VALUEOFF (trueValue/falseValue), ACTIONLISTON/OFF (trueList/
 *   falseList); NUMERIC REQUIRED, MIN, MAX, DEFAULT, SPIN (0 when spin is off, else spinStep:
 *   MS-GPREG AdmSpin), TXTCONVERT (storeAsText), SOFT (U: not in MS-GPREG's grammar; PReg's
 *   `**soft.` predates ADMX, so ADM editors had a keyword for it); EDITTEXT/COMBOBOX REQUIRED,
 *   MAXLEN, EXPANDABLETEXT, DEFAULT !!x, SOFT (U), NOSORT, SUGGESTIONS; DROPDOWNLIST REQUIRED,
 *   NOSORT, ITEMLIST where the default item is marked `DEFAULT` after its VALUE (MS-GPREG
 *   AdmItem, Microsoft's USB-storage .adm sample: `NAME !!x VALUE NUMERIC 3 DEFAULT`), not an
 *   index; LISTBOX KEYNAME (always), VALUEPREFIX, ADDITIVE, EXPLICITVALUE, EXPANDABLETEXT;
 *   CLIENTEXT last. Elements the presentation does not show get no PART.
 * - Not expressible, left out and reported: longDecimal and multiText elements (their PARTs),
 *   QWORD values (a list item, an enum item; a checkbox's trueValue/falseValue takes its PART
 *   along; a policy's enabledValue/disabledValue takes the whole policy along), and text that
 *   cannot be quoted (see above). A CHECKBOX without valueName is left out (ADM requires one).
 * - An ADM CHECKBOX without VALUEOFF writes 0 when cleared (Windows 2000 help), where ADMX and the
 *   registry planner delete the value of a boolean without falseValue: such a box gets
 *   `VALUEOFF DELETE` (accepted by MS-GPREG's VALUE grammar for action lists; after VALUEOFF it is
 *   UNVERIFIED on Windows), so both formats configure the same registry.
 */
import type { Category, DefinitionsFile, Policy } from '../model/types.js';
import { buildPolicyView, localId, policyProblems } from './adm-policy.js';
import { AdmStrings } from './adm-strings.js';
import type { OutputFile } from './output-file.js';
import type { Templates } from './templates.js';
import { encodeUtf16le } from './utf16le.js';


/** What templates/adm.hbs lays out; every string is final text (quoted, escaped) but `!!`. */
export interface AdmView {
  /** `;` comment lines. */
  readonly header: readonly string[];
  readonly classes: readonly AdmClassView[];
  readonly strings: readonly AdmStringView[];
}
export interface AdmClassView {
  readonly name: 'MACHINE' | 'USER';
  readonly categories: readonly AdmCategoryView[];
  /** Policies whose category is in another namespace. */
  readonly policies: readonly AdmPolicyView[];
}
export interface AdmCategoryView {
  readonly name: string;
  readonly explain: string | null;
  readonly categories: readonly AdmCategoryView[];
  readonly policies: readonly AdmPolicyView[];
}
export interface AdmPolicyView {
  readonly name: string;
  readonly supported: string | null;
  readonly explain: string;
  /** Quoted, as are valueName and string values below. */
  readonly keyName: string;
  readonly valueName: string | null;
  /** `NUMERIC n`, `"text"` or `DELETE`. */
  readonly valueOn: string | null;
  readonly valueOff: string | null;
  readonly actionLists: readonly AdmActionListView[];
  readonly clientExt: string | null;
  readonly parts: readonly AdmPartView[];
}
export interface AdmActionListView {
  readonly tag: 'ACTIONLISTON' | 'ACTIONLISTOFF' | 'ACTIONLIST';
  readonly items: readonly AdmActionView[];
}
export interface AdmActionView {
  readonly keyName: string | null;
  readonly valueName: string;
  readonly value: string;
}
export interface AdmPartView {
  readonly name: string;
  readonly type: 'TEXT' | 'CHECKBOX' | 'NUMERIC' | 'EDITTEXT' | 'COMBOBOX' | 'DROPDOWNLIST' | 'LISTBOX';
  readonly keyName: string | null;
  readonly valueName: string | null;
  /** Option lines after KEYNAME/VALUENAME, e.g. `REQUIRED`, `MIN 1`, `DEFAULT !!x`. */
  readonly options: readonly string[];
  /** String names (without `!!`). */
  readonly suggestions: readonly string[];
  readonly items: readonly AdmItemView[];
  readonly actionLists: readonly AdmActionListView[];
  readonly clientExt: string | null;
}
export interface AdmItemView {
  readonly name: string;
  readonly value: string;
  readonly isDefault: boolean;
  readonly actionList: AdmActionListView | null;
}
export interface AdmStringView {
  readonly name: string;
  /** Escaped by escapeAdmString; the template adds the quotes. */
  readonly value: string;
}

/** A construct of the model the .adm could not carry (the lead turns these into warnings). */
export interface AdmUnsupported {
  readonly policyId: string;
  readonly what: string;
}

const UNREADABLE = /[\u0000-\u0008\u000b-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** A `[strings]` value (the part between the quotes), escaped as the file comment says. */
export function escapeAdmString(text: string): string {
  if (!/[\r\n\\\u0000-\u0008\u000b-\u001f\u007f\ud800-\udfff]/.test(text)) return text; // nothing to escape (most texts)
  return text
    .replace(/\r\n?/g, '\n')
    .replace(UNREADABLE, '\ufffd')
    .replace(/\\(?=\u200b*n)/g, '\\\u200b')
    .replace(/\n/g, '\\n');
}

/** `"text"` for a body string (KEYNAME, VALUENAME, VALUE ...), or null when it cannot be quoted. */
export function quoteAdm(text: string): string | null {
  if (!/["\u0000-\u001f\u007f\ud800-\udfff]/.test(text)) return `"${text}"`; // most text: no quote, control or surrogate at all
  return /["\u0000-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text) ? null : `"${text}"`;
}

/** Renders the .adm of one definitions file for one of its locales (FORMATS.md §d). */
export function emitAdm(
  file: DefinitionsFile,
  locale: string,
  templates: Templates,
): { file: OutputFile; unsupported: readonly AdmUnsupported[] } {
  const { view, unsupported } = buildAdmView(file, locale);
  return { file: { path: `adm/${locale}/${file.fileName}.adm`, bytes: encodeAdm(templates.adm(view)) }, unsupported };
}

/** The view and what was left out, in model policy order. */
export function buildAdmView(file: DefinitionsFile, locale: string): { view: AdmView; unsupported: readonly AdmUnsupported[] } {
  const body = admBody(file);
  const header = [
    `; ${file.fileName}.adm (${locale}): namespace ${file.namespace}, revision ${file.revision}.`,
    '; Generated by gpforge from the same definitions as the ADMX/ADML; edit those, not this file.',
  ].map((line) => line.replace(/[\u0000-\u001f\u007f]/g, ' '));
  return { view: { header, classes: body.classes, strings: body.strings.list(locale) }, unsupported: body.unsupported };
}

/** What every locale's .adm of a file shares: all but the header and the `[strings]` values. */
interface AdmBody {
  readonly classes: readonly AdmClassView[];
  readonly strings: AdmStrings;
  readonly unsupported: readonly AdmUnsupported[];
}

/** Built once per file (the model is immutable), whatever the number of locales. */
const bodies = new WeakMap<DefinitionsFile, AdmBody>();

function admBody(file: DefinitionsFile): AdmBody {
  const known = bodies.get(file);
  if (known) return known;
  const body = buildAdmBody(file);
  bodies.set(file, body);
  return body;
}

function buildAdmBody(file: DefinitionsFile): AdmBody {
  const strings = new AdmStrings(file);
  const reports = new Map<string, string[]>(file.policies.map((p) => [p.id, []]));
  const report = (policy: Policy) => (what: string) => void reports.get(policy.id)?.push(what);
  const writable = file.policies.filter((policy) => {
    const problems = policyProblems(policy);
    if (problems.length > 0) report(policy)(`policy left out: ${problems.join('; ')}`);
    return problems.length === 0;
  });
  const views = new Map<Policy, AdmPolicyView>();
  const policyView = (policy: Policy): AdmPolicyView => {
    const known = views.get(policy);
    if (known) return known;
    const view = buildPolicyView(file, policy, strings, report(policy));
    views.set(policy, view);
    return view;
  };
  const tree = categoryTree(file, writable);
  const classes = (['MACHINE', 'USER'] as const).flatMap((name): AdmClassView[] => {
    const inClass = (policy: Policy) => policy.class === 'both' || policy.class === name.toLowerCase();
    const section = renderLevel(tree.roots, tree.loose, { tree, inClass, policyView, strings });
    return section.categories.length + section.policies.length === 0 ? [] : [{ name, ...section }];
  });
  const unsupported = file.policies.flatMap((p) => (reports.get(p.id) ?? []).map((what) => ({ policyId: p.id, what })));
  return { classes, strings, unsupported };
}

interface CategoryTree {
  readonly roots: readonly Category[];
  readonly children: ReadonlyMap<Category, readonly Category[]>;
  readonly policies: ReadonlyMap<Category, readonly Policy[]>;
  /** Policies whose category is not one of this file's. */
  readonly loose: readonly Policy[];
}

/** Parents resolved within the file (d.2: no cross-file references); model order kept. */
function categoryTree(file: DefinitionsFile, policies: readonly Policy[]): CategoryTree {
  const byId = new Map(file.categories.map((c) => [c.id, c]));
  const parentOf = (category: Category): Category | undefined => {
    const id = category.parent === undefined ? null : localId(category.parent, file);
    return id === null ? undefined : byId.get(id);
  };
  const onCycle = (category: Category): boolean => {
    const seen = new Set<Category>();
    for (let c = parentOf(category); c !== undefined && !seen.has(c); c = parentOf(c)) {
      if (c === category) return true;
      seen.add(c);
    }
    return false;
  };
  const roots: Category[] = [];
  const children = new Map<Category, Category[]>(file.categories.map((c) => [c, []]));
  for (const category of file.categories) {
    const parent = onCycle(category) ? undefined : parentOf(category);
    if (parent === undefined) roots.push(category);
    else children.get(parent)?.push(category);
  }
  const byCategory = new Map<Category, Policy[]>(file.categories.map((c) => [c, []]));
  const loose: Policy[] = [];
  for (const policy of policies) {
    const id = localId(policy.category, file);
    const category = id === null ? undefined : byId.get(id);
    if (category === undefined) loose.push(policy);
    else byCategory.get(category)?.push(policy);
  }
  return { roots, children, policies: byCategory, loose };
}

interface RenderContext {
  readonly tree: CategoryTree;
  readonly inClass: (policy: Policy) => boolean;
  readonly policyView: (policy: Policy) => AdmPolicyView;
  readonly strings: AdmStrings;
}

/** One level: the categories that hold policies of the class (recursively), then the policies. */
function renderLevel(categories: readonly Category[], policies: readonly Policy[], ctx: RenderContext) {
  return {
    categories: categories.filter((c) => hasPolicies(c, ctx)).map((c) => renderCategory(c, ctx)),
    policies: policies.filter(ctx.inClass).map(ctx.policyView),
  };
}

function renderCategory(category: Category, ctx: RenderContext): AdmCategoryView {
  const name = ctx.strings.ref(category.nameStringId);
  const { explainStringId, explain } = category;
  const explainName = explainStringId !== undefined && explain !== undefined ? ctx.strings.ref(explainStringId) : null;
  const level = renderLevel(ctx.tree.children.get(category) ?? [], ctx.tree.policies.get(category) ?? [], ctx);
  return { name, explain: explainName, ...level };
}

function hasPolicies(category: Category, ctx: RenderContext): boolean {
  return (
    (ctx.tree.policies.get(category) ?? []).some(ctx.inClass) ||
    (ctx.tree.children.get(category) ?? []).some((child) => hasPolicies(child, ctx))
  );
}

/**
 * UTF-16LE with BOM, CRLF line ends; lines holding only indentation become empty. Lines are split
 * on LF only: a `m`-flag regex would also treat U+2028/U+2029 inside a text as line ends and eat
 * the spaces between them (found by the hostile-strings property test).
 */
function encodeAdm(text: string): Uint8Array {
  // As splitting on /\r?\n/, blanking lines of spaces and joining with CRLF, without the arrays;
  // replaceAll where the text holds no CR (none in built-in templates; escaped texts have none, d.3).
  const withCrlf = text.includes('\r') ? text.replace(/\r?\n/g, '\r\n') : text.replaceAll('\n', '\r\n');
  // Indentation-only lines: the first line, then every other (a `\n` first is quicker to find
  // than a `(^|\n)` alternative).
  const firstBlanked = withCrlf.startsWith(' ') ? withCrlf.replace(/^ +(?=\r\n|$)/, '') : withCrlf;
  const crlf = firstBlanked.replace(/\n +(?=\r\n|$)/g, '\n');
  return encodeUtf16le(crlf, { bom: true });
}
