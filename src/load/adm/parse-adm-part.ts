/**
 * PART … END PART and the lists inside policies (FORMATS.md d.2; MS-GPREG 2.2.2.1): ITEMLIST,
 * ACTIONLISTON/ACTIONLISTOFF/ACTIONLIST, SUGGESTIONS. Which options each PART type takes is the
 * table of d.2; an option of another type, or an unknown word, breaks the policy (GPF1303).
 * Action list items: `[KEYNAME k] VALUENAME v VALUE x`; a KEYNAME stays in force for the items
 * after it in the same list (the conservative reading src/emit/adm-policy.ts writes for).
 */
import type { Span } from '../../diagnostics/diagnostic.js';
import type { AdmCursor } from './adm-cursor.js';
import { PART_TYPES, type AdmActionItem, type AdmItem, type AdmPart, type AdmPartFlag, type AdmPartNumber, type AdmPartType, type AdmText } from './adm-syntax.js';

/** Words that end the enclosing statement (unless the block holds them). */
const BLOCK_WORDS = new Set(['CLASS', 'CATEGORY', 'POLICY', 'PART', 'END']);

const REGISTRY = ['KEYNAME', 'VALUENAME', 'CLIENTEXT'];
const TEXT_OPTIONS = [...REGISTRY, 'MAXLEN', 'DEFAULT', 'REQUIRED', 'EXPANDABLETEXT', 'SOFT', 'OEMCONVERT'];
const OPTIONS: Readonly<Record<AdmPartType, ReadonlySet<string>>> = {
  TEXT: new Set(),
  CHECKBOX: new Set([...REGISTRY, 'DEFCHECKED', 'VALUEON', 'VALUEOFF', 'ACTIONLISTON', 'ACTIONLISTOFF']),
  NUMERIC: new Set([...REGISTRY, 'MIN', 'MAX', 'DEFAULT', 'SPIN', 'REQUIRED', 'TXTCONVERT', 'SOFT']),
  EDITTEXT: new Set(TEXT_OPTIONS),
  COMBOBOX: new Set([...TEXT_OPTIONS, 'SUGGESTIONS', 'NOSORT']),
  DROPDOWNLIST: new Set([...REGISTRY, 'ITEMLIST', 'REQUIRED', 'NOSORT']),
  LISTBOX: new Set([...REGISTRY, 'VALUEPREFIX', 'ADDITIVE', 'EXPLICITVALUE', 'EXPANDABLETEXT']),
};
const FLAGS = new Set<string>(['DEFCHECKED', 'REQUIRED', 'TXTCONVERT', 'SOFT', 'EXPANDABLETEXT', 'NOSORT', 'ADDITIVE', 'EXPLICITVALUE']);
const NUMBERS = new Set<string>(['MIN', 'MAX', 'SPIN', 'MAXLEN']);

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * At `END <block>`: consumes it, 'closed'. At the end of the body, another END, or a statement
 * word the block cannot hold: GPF1302 at the opener, 'unclosed' (nothing consumed). Else 'open'.
 */
export function closeBlock(c: AdmCursor, block: string, opener: Span, holds: readonly string[] = []): 'closed' | 'open' | 'unclosed' {
  if (c.atEnd(block)) {
    c.next();
    c.next();
    return 'closed';
  }
  const keyword = c.keyword();
  if (c.peek() === undefined || (keyword !== undefined && BLOCK_WORDS.has(keyword) && !holds.includes(keyword))) {
    c.source.report('GPF1302', opener, block, c.found());
    return 'unclosed';
  }
  return 'open';
}

/** After the PART keyword (`opener`); undefined when the PART is broken (reported). */
export function parsePart(c: AdmCursor, opener: Span): AdmPart | undefined {
  const name = c.text('PART');
  if (name === undefined) return undefined;
  const type = partType(c);
  if (type === undefined) return undefined;
  const part: Mutable<AdmPart> = { name, type, flags: new Set(), numbers: new Map(), suggestions: [], items: [] };
  for (;;) {
    const state = closeBlock(c, 'PART', opener);
    if (state === 'closed') return part;
    if (state === 'unclosed' || !parseOption(c, part)) return undefined;
  }
}

function partType(c: AdmCursor): AdmPartType | undefined {
  const token = c.peek();
  const keyword = c.keyword();
  if (token === undefined || keyword === undefined || BLOCK_WORDS.has(keyword)) {
    c.source.report('GPF1307', c.here(), 'a PART type', 'the PART name', c.found());
    return undefined;
  }
  c.next();
  const type = PART_TYPES.find((t) => t === keyword);
  if (type === undefined) c.source.report('GPF1305', { start: token.start, end: token.end }, token.text);
  return type;
}

type OptionReader = (c: AdmCursor, part: Mutable<AdmPart>, span: Span) => boolean;

/** Sets `part[field]` when the operand was read; false (the policy breaks) when it was not. */
function set<K extends keyof AdmPart>(part: Mutable<AdmPart>, field: K, value: AdmPart[K] | undefined): boolean {
  if (value !== undefined) part[field] = value;
  return value !== undefined;
}

/** The options that are neither flags nor numbers, by keyword. */
const READERS: Readonly<Record<string, OptionReader>> = {
  KEYNAME: (c, part) => set(part, 'keyName', c.name('KEYNAME')),
  VALUENAME: (c, part, span) => {
    if (part.type === 'LISTBOX') c.source.report('GPF1316', span, 'VALUENAME in a LISTBOX (its values are named by VALUEPREFIX or EXPLICITVALUE)');
    return set(part, 'valueName', c.name('VALUENAME'));
  },
  VALUEPREFIX: (c, part) => set(part, 'valuePrefix', c.name('VALUEPREFIX')),
  CLIENTEXT: (c, part) => set(part, 'clientExt', clientExt(c)),
  DEFAULT: (c, part) => set(part, 'defaultText', c.text('DEFAULT')),
  VALUEON: (c, part) => set(part, 'valueOn', c.value('VALUEON')),
  VALUEOFF: (c, part) => set(part, 'valueOff', c.value('VALUEOFF')),
  ACTIONLISTON: (c, part, span) => set(part, 'actionListOn', parseActionList(c, 'ACTIONLISTON', span)),
  ACTIONLISTOFF: (c, part, span) => set(part, 'actionListOff', parseActionList(c, 'ACTIONLISTOFF', span)),
  SUGGESTIONS: (c, part, span) => set(part, 'suggestions', parseSuggestions(c, span)),
  ITEMLIST: (c, part, span) => set(part, 'items', parseItemList(c, span)),
  OEMCONVERT: (c, _part, span) => {
    c.source.report('GPF1316', span, 'OEMCONVERT (convert the text to the OEM code page)');
    return true;
  },
};

/** One option of `part`; false when it breaks the policy (reported). */
function parseOption(c: AdmCursor, part: Mutable<AdmPart>): boolean {
  const token = c.peek();
  const keyword = c.keyword() ?? '';
  if (token === undefined || !OPTIONS[part.type].has(keyword)) {
    c.source.report('GPF1303', c.here(), c.written(), `a ${part.type} PART`);
    return false;
  }
  c.next();
  if (FLAGS.has(keyword)) {
    (part.flags as Set<AdmPartFlag>).add(keyword as AdmPartFlag);
    return true;
  }
  if (NUMBERS.has(keyword) || (keyword === 'DEFAULT' && part.type === 'NUMERIC')) return setNumber(c, part, keyword as AdmPartNumber);
  const reader = READERS[keyword];
  if (reader === undefined) throw new Error(`gpforge bug: PART option ${keyword} has no reader`);
  return reader(c, part, { start: token.start, end: token.end });
}

function setNumber(c: AdmCursor, part: Mutable<AdmPart>, keyword: AdmPartNumber): boolean {
  const value = c.number(keyword);
  if (value !== undefined) (part.numbers as Map<AdmPartNumber, number>).set(keyword, value);
  return value !== undefined;
}

/** `{XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}` (MS-GPREG AdmGuid). */
export function clientExt(c: AdmCursor): string | undefined {
  const token = c.peek();
  const text = c.name('CLIENTEXT');
  if (text === undefined || token === undefined) return undefined;
  if (/^\{[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\}$/.test(text)) return text;
  c.source.report('GPF1315', { start: token.start, end: token.end }, text, 'a {GUID}');
  return undefined;
}

/** After ACTIONLISTON/ACTIONLISTOFF/ACTIONLIST (`opener`): items up to `END <tag>`; undefined when broken. */
export function parseActionList(c: AdmCursor, tag: string, opener: Span): AdmActionItem[] | undefined {
  const items: AdmActionItem[] = [];
  let key: string | undefined;
  for (;;) {
    const state = closeBlock(c, tag, opener);
    if (state === 'closed') return items;
    if (state === 'unclosed') return undefined;
    const keyword = c.keyword();
    if (keyword === 'KEYNAME') {
      c.next();
      key = c.name('KEYNAME');
      if (key === undefined) return undefined;
    } else if (keyword === 'VALUENAME') {
      c.next();
      const valueName = c.name('VALUENAME');
      if (valueName === undefined) return undefined;
      if (c.keyword() !== 'VALUE') {
        c.source.report('GPF1307', c.here(), 'VALUE', `VALUENAME in ${tag}`, c.found());
        return undefined;
      }
      c.next();
      const value = c.value('VALUE');
      if (value === undefined) return undefined;
      items.push({ ...(key !== undefined && { key }), valueName, value });
    } else {
      c.source.report('GPF1303', c.here(), c.written(), tag);
      return undefined;
    }
  }
}

function parseSuggestions(c: AdmCursor, opener: Span): AdmText[] | undefined {
  const texts: AdmText[] = [];
  for (;;) {
    const state = closeBlock(c, 'SUGGESTIONS', opener);
    if (state === 'closed') return texts;
    if (state === 'unclosed') return undefined;
    const text = c.text('SUGGESTIONS');
    if (text === undefined) return undefined;
    texts.push(text);
  }
}

/** `NAME x VALUE v [DEFAULT] [ACTIONLIST … END ACTIONLIST]` entries up to END ITEMLIST. */
function parseItemList(c: AdmCursor, opener: Span): AdmItem[] | undefined {
  const items: AdmItem[] = [];
  for (;;) {
    const state = closeBlock(c, 'ITEMLIST', opener);
    if (state === 'closed') return items;
    if (state === 'unclosed') return undefined;
    if (c.keyword() !== 'NAME') {
      c.source.report('GPF1303', c.here(), c.written(), 'ITEMLIST');
      return undefined;
    }
    c.next();
    const item = parseItem(c);
    if (item === undefined) return undefined;
    items.push(item);
  }
}

function parseItem(c: AdmCursor): AdmItem | undefined {
  const name = c.text('NAME');
  if (name === undefined) return undefined;
  if (c.keyword() !== 'VALUE') {
    c.source.report('GPF1307', c.here(), 'VALUE', 'the ITEMLIST NAME', c.found());
    return undefined;
  }
  c.next();
  const value = c.value('VALUE');
  if (value === undefined) return undefined;
  const item: Mutable<AdmItem> = { name, value, isDefault: false };
  for (let keyword = c.keyword(); keyword === 'DEFAULT' || keyword === 'ACTIONLIST'; keyword = c.keyword()) {
    const opener = c.here();
    c.next();
    if (keyword === 'DEFAULT') {
      item.isDefault = true;
      continue;
    }
    const list = parseActionList(c, 'ACTIONLIST', opener);
    if (list === undefined) return undefined;
    item.actionList = list;
  }
  return item;
}
