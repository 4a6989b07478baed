/**
 * What a round trip model → .adm (src/emit/adm.ts) → model (src/load/adm/) is allowed to change,
 * one kind per entry, each with its reason. Every kind is a transformation of the original
 * model into what the .adm can carry; the round-trip test applies them all, in this order, and
 * then requires compareDefinitions to find no difference at all. So each kind states exactly
 * what the reader gives back, and anything not listed here is a failure.
 *
 * Not listed because compareDefinitions ignores them: ADML string ids (the .adm names its
 * strings itself), revision (the writer's header carries it), displayName and description.
 * Not listed because they do not occur: element order (elements are matched by id), a category
 * explain (read back where it was written), elements without a control, policies whose
 * category is in another namespace.
 */
import { quoteAdm } from '../../../src/emit/adm.js';
import { policyProblems } from '../../../src/emit/adm-policy.js';
import { NOT_STATED_SUPPORTED } from '../../../src/load/adm/build-adm-model.js';
import type { DefinitionsFile, PolicyElement, RegValue, ValueList } from '../../../src/model/types.js';
import type { Mutable } from '../../support/mutable.js';

type DraftFile = Mutable<DefinitionsFile>;
type DraftList = Mutable<ValueList>;

export interface ExpectedDifference {
  readonly kind: string;
  readonly reason: string;
  readonly apply: (file: DefinitionsFile, locale: string) => DefinitionsFile;
}

function edit(file: DefinitionsFile, change: (draft: DraftFile) => void): DefinitionsFile {
  const draft = structuredClone(file) as DraftFile;
  change(draft);
  return draft as DefinitionsFile;
}

const unquotable = (text: string) => quoteAdm(text) === null;
const unwritable = (value: RegValue | undefined) => value !== undefined && (value.kind === 'longDecimal' || (value.kind === 'string' && unquotable(value.value)));

/** Every value list of a policy with the key its items fall back to (the enclosing key). */
function* valueLists(draft: DraftFile): Generator<{ holder: { [k: string]: unknown }; field: string; enclosingKey: string }> {
  for (const policy of draft.policies) {
    for (const field of ['enabledList', 'disabledList']) yield { holder: policy, field, enclosingKey: policy.key };
    for (const element of policy.elements) {
      const key = element.key ?? policy.key;
      if (element.type === 'boolean') for (const field of ['trueList', 'falseList']) yield { holder: element, field, enclosingKey: key };
      if (element.type === 'enum') for (const item of element.items) yield { holder: item, field: 'valueList', enclosingKey: key };
    }
  }
}

/** The writer's "Not expressible" rules (src/emit/adm.ts), counting each construct it reports. */
export function withoutUnsupported(file: DefinitionsFile): { file: DefinitionsFile; count: number } {
  let count = 0;
  const leftOut = () => (count++, false);
  const filterList = (holder: { [k: string]: unknown }, field: string, enclosingKey: string) => {
    const list = holder[field] as DraftList | undefined;
    if (list === undefined) return;
    list.items = list.items.filter((item) => {
      const key = item.key ?? list.defaultKey ?? enclosingKey;
      return !(unquotable(key) || unquotable(item.valueName) || unwritable(item.value)) || leftOut();
    });
    if (list.items.length === 0) delete holder[field];
  };
  const result = edit(file, (draft) => {
    draft.policies = draft.policies.filter((p) => policyProblems(p as never).length === 0 || leftOut());
    for (const policy of draft.policies) {
      filterList(policy, 'enabledList', policy.key);
      filterList(policy, 'disabledList', policy.key);
      const kept = new Set<string>();
      for (const control of policy.presentation) {
        const element = control.kind === 'text' ? undefined : policy.elements.find((e) => e.id === control.refId);
        if (element === undefined || control.kind === 'text') continue;
        if (element.type === 'enum' && control.kind === 'dropdownList' && writableRegistry(element)) {
          const defaultId = control.defaultItem === undefined ? undefined : element.items[control.defaultItem]?.id;
          element.items = element.items.filter((item) => !unwritable(item.value) || leftOut());
          const index = element.items.findIndex((item) => item.id === defaultId);
          if (index >= 0) control.defaultItem = index;
          else delete control.defaultItem;
          if (element.items.length === 0) count++;
        }
        if (!writable(element as PolicyElement)) {
          if (!(element.type === 'enum' && element.items.length === 0)) count++;
          continue;
        }
        kept.add(element.id);
        const key = element.key ?? policy.key;
        if (element.type === 'boolean') for (const field of ['trueList', 'falseList']) filterList(element, field, key);
        if (element.type === 'enum') for (const item of element.items) filterList(item, 'valueList', key);
      }
      policy.elements = policy.elements.filter((e) => kept.has(e.id));
      policy.presentation = policy.presentation.filter((c) => c.kind === 'text' || kept.has(c.refId));
    }
  });
  return { file: result, count };
}

function writableRegistry(element: { readonly key?: string; readonly valueName?: string }): boolean {
  return (element.key === undefined || !unquotable(element.key)) && element.valueName !== undefined && !unquotable(element.valueName);
}

function writable(element: PolicyElement): boolean {
  switch (element.type) {
    case 'longDecimal':
    case 'multiText':
      return false;
    case 'list':
      return !(element.key !== undefined && unquotable(element.key)) && !(element.valuePrefix !== undefined && unquotable(element.valuePrefix));
    case 'boolean':
      return writableRegistry(element) && !unwritable(element.trueValue) && !unwritable(element.falseValue);
    case 'enum':
      return writableRegistry(element) && element.items.length > 0;
    default:
      return writableRegistry(element);
  }
}

/** Maps every Localized text of the file (a record keyed by locales only) through `change`. */
function mapTexts(file: DefinitionsFile, locales: readonly string[], change: (text: string, locale: string) => string | undefined): DefinitionsFile {
  const walk = (value: unknown, key: string): unknown => {
    if (key === 'locales' || typeof value !== 'object' || value === null) return value;
    if (Array.isArray(value)) return value.map((v) => walk(v, ''));
    const entries = Object.entries(value);
    const isText = entries.length > 0 && entries.every(([k, v]) => locales.includes(k) && typeof v === 'string');
    if (!isText) return Object.fromEntries(entries.map(([k, v]) => [k, walk(v, k)]));
    return Object.fromEntries(entries.flatMap(([k, v]) => {
      const text = change(v as string, k);
      return text === undefined ? [] : [[k, text]];
    }));
  };
  return walk(file, '') as DefinitionsFile;
}

const C0_AND_LONE_SURROGATES = /[\u0000-\u0008\u000b-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** A text as it reads back from `[strings]` (escapeAdmString's documented substitution). */
export const documented = (text: string): string => text.replace(/\r\n?/g, '\n').replace(C0_AND_LONE_SURROGATES, '\ufffd');

const isForeign = (ref: string, file: { prefix: string }) => ref.includes(':') && !ref.startsWith(`${file.prefix}:`);
const local = (ref: string, prefix: string) => (ref.startsWith(`${prefix}:`) ? ref.slice(prefix.length + 1) : ref);

export const EXPECTED_DIFFERENCES: readonly ExpectedDifference[] = [
  {
    kind: 'one language',
    reason: 'an .adm file holds the texts of one locale; it is read as that locale',
    apply: (file, locale) => ({ ...mapTexts(file, file.locales, (text, l) => (l === locale ? text : undefined)), locales: [locale] }),
  },
  {
    kind: 'left out by the writer',
    reason: 'ADM has no QWORD and no REG_MULTI_SZ, and a quoted string cannot hold " or control characters: the writer leaves these out and lists them in `unsupported`',
    apply: (file) => withoutUnsupported(file).file,
  },
  {
    kind: 'policy values without valueName',
    reason: 'VALUEON/VALUEOFF need a VALUENAME; the registry planner ignores enabledValue/disabledValue without one too',
    apply: (file) => edit(file, (d) => d.policies.filter((p) => p.valueName === undefined).forEach((p) => (delete p.enabledValue, delete p.disabledValue))),
  },
  {
    kind: 'disabledValue delete',
    reason: 'written as no VALUEOFF, which means "remove the value" (FORMATS.md d.2): read back as no disabledValue, the same registry actions',
    apply: (file) => edit(file, (d) => d.policies.filter((p) => p.disabledValue?.kind === 'delete').forEach((p) => delete p.disabledValue)),
  },
  {
    kind: 'check box without falseValue',
    reason: 'ADMX deletes the value of a cleared box that has no falseValue; ADM would write 0, so the writer says VALUEOFF DELETE and the reader reads falseValue delete: the same registry actions (registry-effects.test.ts)',
    apply: (file) =>
      edit(file, (d) => {
        for (const e of d.policies.flatMap((p) => p.elements)) if (e.type === 'boolean' && e.valueName !== undefined && e.falseValue === undefined) e.falseValue = { kind: 'delete' };
      }),
  },
  {
    kind: 'value list defaultKey',
    reason: 'ADM action lists have no defaultKey: the writer names the key per item (KEYNAME); items read back with their own key, none where it is the enclosing key',
    apply: (file) =>
      edit(file, (d) => {
        for (const { holder, field, enclosingKey } of valueLists(d)) {
          const list = holder[field] as DraftList | undefined;
          if (list === undefined) continue;
          for (const item of list.items) {
            const key = item.key ?? list.defaultKey;
            if (key === undefined || key === enclosingKey) delete item.key;
            else item.key = key;
          }
          delete list.defaultKey;
        }
      }),
  },
  {
    kind: 'own-namespace references',
    reason: 'ADM has no namespaces: `<own prefix>:id` is written as a plain reference',
    apply: (file) =>
      edit(file, (d) => {
        for (const c of d.categories) if (c.parent !== undefined) c.parent = local(c.parent, file.prefix);
        for (const p of d.policies) [p.category, p.supportedOn] = [local(p.category, file.prefix), local(p.supportedOn, file.prefix)];
      }),
  },
  {
    kind: 'category parent in another namespace',
    reason: 'ADM has no cross-file references: such a category is written at the top level',
    apply: (file) => edit(file, (d) => d.categories.filter((c) => c.parent !== undefined && isForeign(c.parent, file)).forEach((c) => delete c.parent)),
  },
  {
    kind: 'supportedOn in another namespace',
    reason: 'its text is not in this file, so the policy has no SUPPORTED line; the reader refers it to the definition it adds for that (GPF1317)',
    apply: (file, locale) =>
      edit(file, (d) => {
        const foreign = d.policies.filter((p) => isForeign(p.supportedOn, file));
        for (const p of foreign) p.supportedOn = NOT_STATED_SUPPORTED;
        const text = { [locale]: `Not stated in ${file.fileName}.adm` };
        if (foreign.length > 0) d.supportedOn.push({ id: NOT_STATED_SUPPORTED, textStringId: NOT_STATED_SUPPORTED, text });
      }),
  },
  {
    kind: 'supportedOn is text only',
    reason: 'SUPPORTED carries the text alone (no and/or logic), and only definitions a written policy uses are written',
    apply: (file) =>
      edit(file, (d) => {
        d.supportedOn = d.supportedOn.filter((s) => d.policies.some((p) => p.supportedOn === s.id));
        for (const s of d.supportedOn) delete s.logic;
      }),
  },
  {
    kind: 'no products, using, supersededAdm',
    reason: 'ADM has no products, namespaces or superseded files',
    apply: (file) => ({ ...file, products: [], using: [], supersededAdm: [] }),
  },
  {
    kind: 'prefix',
    reason: "the .adm carries no ADMX prefix (the writer's header names namespace and revision only): the reader uses the file name, lower-cased",
    apply: (file) => ({ ...file, prefix: file.fileName.replace(/[^A-Za-z0-9_]/g, '_').toLowerCase() }),
  },
  {
    kind: 'how the ADMX/ADML was written',
    reason: 'ADM has no XML: defaults stated explicitly, extra attributes, presentation ids, minRequiredRevision, the ADML revision, fallbackCulture, unused strings and empty sections have no place in it',
    apply: (file) => {
      const { minRequiredRevision: _m, admlRevision: _a, fallbackCulture: _f, unusedStrings: _u, emptySections: _e, ...rest } = file;
      return withoutAsWritten(rest) as DefinitionsFile;
    },
  },
  {
    kind: 'line breaks and control characters in texts',
    reason: '`[strings]` values have only `\\n`: CRLF and CR read back as LF, other C0 controls and lone surrogates as U+FFFD (escapeAdmString)',
    apply: (file) => mapTexts(file, file.locales, documented),
  },
];

/** A deep copy without the AsWritten fields (explicit, extraAttributes, labelAttributes) and presentation ids. */
function withoutAsWritten(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutAsWritten);
  if (value === null || typeof value !== 'object') return value;
  const dropped = new Set(['explicit', 'extraAttributes', 'labelAttributes', 'presentationId']);
  return Object.fromEntries(Object.entries(value).filter(([k]) => !dropped.has(k)).map(([k, v]) => [k, withoutAsWritten(v)]));
}
