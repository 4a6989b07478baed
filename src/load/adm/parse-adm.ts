/**
 * Tokens of an .adm body → its syntax tree (FORMATS.md d.2; MS-GPREG 2.2.2.1): CLASS, nestable
 * CATEGORY (KEYNAME, EXPLAIN, categories and policies, any order), POLICY (KEYNAME, VALUENAME,
 * VALUEON/VALUEOFF, EXPLAIN, SUPPORTED, CLIENTEXT, ACTIONLISTON/OFF, PARTs, any order).
 * Keywords are case-insensitive. A CATEGORY's KEYNAME holds for what follows it in the category,
 * nested categories included. Recovery: a broken POLICY is reported, skipped up to its
 * END POLICY (or the next statement that cannot be inside one), and reading goes on; an unknown
 * word outside policies is reported and skipped.
 */
import type { Span } from '../../diagnostics/diagnostic.js';
import type { AdmCursor } from './adm-cursor.js';
import type { AdmCategory, AdmClass, AdmPart, AdmPolicy, AdmSyntax } from './adm-syntax.js';
import { clientExt, closeBlock, parseActionList, parsePart } from './parse-adm-part.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type Statement = AdmSyntax['statements'][number];

/** The whole body; never throws. */
export function parseAdm(c: AdmCursor): AdmSyntax {
  const statements: Statement[] = [];
  let current: AdmClass | undefined;
  for (let token = c.peek(); token !== undefined; token = c.peek()) {
    const keyword = c.keyword();
    const span = { start: token.start, end: token.end };
    if (keyword === 'CLASS') {
      c.next();
      current = readClass(c) ?? current;
    } else if (keyword === 'CATEGORY' || keyword === 'POLICY') {
      if (current === undefined) c.source.report('GPF1314', span, keyword);
      const cls = current ?? 'machine';
      current = cls;
      c.next();
      const node = keyword === 'CATEGORY' ? parseCategory(c, span, cls, undefined) : parsePolicy(c, span, cls, undefined);
      if (node) statements.push({ class: cls, node });
    } else {
      c.source.report('GPF1304', span, c.written(), 'the top level of the file');
      c.next();
      if (keyword === 'END' && c.keyword() !== undefined) c.next();
    }
  }
  return { statements };
}

function readClass(c: AdmCursor): AdmClass | undefined {
  const keyword = c.keyword();
  if (keyword === 'MACHINE' || keyword === 'USER') {
    c.next();
    return keyword === 'MACHINE' ? 'machine' : 'user';
  }
  c.source.report('GPF1307', c.here(), 'MACHINE or USER', 'CLASS', c.found());
  if (c.peek() !== undefined && !['CATEGORY', 'POLICY', 'CLASS', 'END'].includes(keyword ?? '')) c.next();
  return undefined;
}

/** After the CATEGORY keyword (`opener`); a category whose name is broken is left out (reported). */
function parseCategory(c: AdmCursor, opener: Span, cls: AdmClass, inheritedKey: string | undefined): AdmCategory | undefined {
  const name = c.text('CATEGORY');
  const children: (AdmCategory | AdmPolicy)[] = [];
  let explain: AdmCategory['explain'];
  let key = inheritedKey;
  for (;;) {
    if (c.atEnd('CATEGORY')) {
      c.next();
      c.next();
      break;
    }
    const token = c.peek();
    const keyword = c.keyword();
    if (token === undefined || keyword === 'CLASS') {
      c.source.report('GPF1302', opener, 'CATEGORY', c.found());
      break;
    }
    const span = { start: token.start, end: token.end };
    const written = c.written();
    c.next();
    if (keyword === 'KEYNAME') key = c.name('KEYNAME') ?? key;
    else if (keyword === 'EXPLAIN') explain = c.text('EXPLAIN') ?? explain;
    else if (keyword === 'CATEGORY' || keyword === 'POLICY') {
      const child = keyword === 'CATEGORY' ? parseCategory(c, span, cls, key) : parsePolicy(c, span, cls, key);
      if (child) children.push(child);
    } else {
      c.source.report('GPF1304', span, written, 'CATEGORY');
      if (keyword === 'END' && c.keyword() !== undefined) c.next();
    }
  }
  return name === undefined ? undefined : { kind: 'category', name, ...(explain !== undefined && { explain }), children };
}

/** After the POLICY keyword (`opener`); undefined when the policy is broken (reported, skipped). */
function parsePolicy(c: AdmCursor, opener: Span, cls: AdmClass, inheritedKey: string | undefined): AdmPolicy | undefined {
  const name = c.text('POLICY');
  if (name === undefined) return skipPolicy(c);
  const parts: AdmPart[] = [];
  const policy: Mutable<AdmPolicy> = { kind: 'policy', class: cls, name, ...(inheritedKey !== undefined && { inheritedKey }), parts };
  for (;;) {
    const state = closeBlock(c, 'POLICY', opener, ['PART']);
    if (state === 'closed') return policy;
    if (state === 'unclosed') return undefined;
    const token = c.peek();
    if (token === undefined || !parseStatement(c, policy, { start: token.start, end: token.end })) return skipPolicy(c);
  }
}

type StatementReader = (c: AdmCursor, policy: Mutable<AdmPolicy>, span: Span) => boolean;

/** Sets `policy[field]` when the operand was read; false (the policy breaks) when it was not. */
function set<K extends keyof AdmPolicy>(policy: Mutable<AdmPolicy>, field: K, value: AdmPolicy[K] | undefined): boolean {
  if (value !== undefined) policy[field] = value;
  return value !== undefined;
}

/** The statements of a POLICY body, by keyword (any order, as GPEdit reads them). */
const STATEMENTS: Readonly<Record<string, StatementReader>> = {
  KEYNAME: (c, policy) => set(policy, 'keyName', c.name('KEYNAME')),
  VALUENAME: (c, policy) => set(policy, 'valueName', c.name('VALUENAME')),
  VALUEON: (c, policy) => set(policy, 'valueOn', c.value('VALUEON')),
  VALUEOFF: (c, policy) => set(policy, 'valueOff', c.value('VALUEOFF')),
  EXPLAIN: (c, policy) => set(policy, 'explain', c.text('EXPLAIN')),
  SUPPORTED: (c, policy) => set(policy, 'supported', c.text('SUPPORTED')),
  CLIENTEXT: (c, policy) => set(policy, 'clientExt', clientExt(c)),
  ACTIONLISTON: (c, policy, span) => set(policy, 'actionListOn', parseActionList(c, 'ACTIONLISTON', span)),
  ACTIONLISTOFF: (c, policy, span) => set(policy, 'actionListOff', parseActionList(c, 'ACTIONLISTOFF', span)),
  PART: (c, policy, span) => {
    const part = parsePart(c, span);
    if (part) (policy.parts as AdmPart[]).push(part);
    return part !== undefined;
  },
};

/** One statement of a POLICY body; false when it breaks the policy (reported). */
function parseStatement(c: AdmCursor, policy: Mutable<AdmPolicy>, span: Span): boolean {
  const keyword = c.keyword() ?? '';
  const reader = Object.hasOwn(STATEMENTS, keyword) ? STATEMENTS[keyword] : undefined;
  if (reader === undefined) {
    c.source.report('GPF1303', span, c.written(), 'POLICY');
    return false;
  }
  c.next();
  return reader(c, policy, span);
}

/** Skips to after END POLICY, or to the next statement that cannot be inside a policy. */
function skipPolicy(c: AdmCursor): undefined {
  for (let keyword = c.keyword(); c.peek() !== undefined; keyword = c.keyword()) {
    if (c.atEnd('POLICY')) {
      c.next();
      c.next();
      return undefined;
    }
    if (keyword === 'POLICY' || keyword === 'CATEGORY' || keyword === 'CLASS' || c.atEnd('CATEGORY')) return undefined;
    c.next();
  }
  return undefined;
}
