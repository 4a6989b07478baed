/**
 * An ADMX/ADML comparison that does not go through gpforge's reader or model (issue 9): both
 * files are parsed as plain XML trees and compared element by element and attribute by
 * attribute, so whatever the reader drops shows up as a difference.
 *
 * Normalised, and nothing else: namespace prefixes and `xmlns` declarations; attribute order;
 * whitespace-only text in element-only content (not in the texts of ADML strings, labels and
 * `<string>` values); and ids resolved to what they name: in the ADMX, `$(string.X)` gains the
 * ADML text of X and `$(presentation.X)` brings the presentation's subtree, so the ADML's string
 * and presentation tables are compared through what uses them (ids themselves stay compared:
 * a rebuilt template keeps them). Strings nothing references are compared by id, as a table
 * (Windows looks them up by id; their order means nothing to it).
 */
import { XMLParser } from 'fast-xml-parser';

export interface XmlNode {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  /** Elements and (non-blank, or sole) texts, in order; a text is a string. */
  readonly children: readonly (XmlNode | string)[];
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  // Entities are decoded below in one pass, character references included.
  processEntities: false,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  commentPropName: '#comment',
});

type Raw = Record<string, unknown>;

/** Strips a BOM and parses; the root element. */
export function parseXml(text: string): XmlNode {
  const raw = parser.parse(text.replace(/^\uFEFF/, '')) as Raw[];
  const roots = toNodes(raw).filter((n): n is XmlNode => typeof n !== 'string');
  if (roots.length !== 1 || !roots[0]) throw new Error(`expected one root element, found ${roots.length}`);
  return roots[0];
}

/** Elements whose character content is data: ADML strings and control texts, ADMX `<string>` values. */
const TEXT_ELEMENTS = new Set([
  'string', 'displayName', 'description', 'text', 'label', 'checkBox', 'decimalTextBox', 'longDecimalTextBox',
  'dropdownList', 'listBox', 'multiTextBox', 'defaultValue', 'default', 'suggestion',
]);

const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML's five predefined entities and character references (`&#10;`, `&#x1F680;`), in one pass. */
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9A-Fa-f]+|#[0-9]+|lt|gt|amp|quot|apos);/g, (whole, name: string) => {
    if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return PREDEFINED[name] ?? whole;
  });
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

function toNodes(raw: readonly Raw[]): (XmlNode | string)[] {
  const nodes: (XmlNode | string)[] = [];
  for (const entry of raw) {
    const tag = Object.keys(entry).find((k) => k !== ':@');
    if (tag === undefined || tag === '#comment') continue;
    if (tag === '#text') {
      nodes.push(decodeEntities(String(entry[tag])));
      continue;
    }
    const attributes: Record<string, string> = {};
    for (const [name, value] of Object.entries((entry[':@'] ?? {}) as Record<string, string>)) {
      if (name === 'xmlns' || name.startsWith('xmlns:')) continue;
      attributes[name === 'xml:space' ? name : localName(name)] = decodeEntities(String(value));
    }
    const children = toNodes(entry[tag] as Raw[]);
    const name = localName(tag);
    // Whitespace in element-only content is layout; in a text-bearing element it is the text.
    const kept = TEXT_ELEMENTS.has(name) ? children : children.filter((c) => typeof c !== 'string' || c.trim() !== '');
    nodes.push({ name, attributes, children: mergeTexts(kept) });
  }
  return nodes;
}

function mergeTexts(children: readonly (XmlNode | string)[]): (XmlNode | string)[] {
  const out: (XmlNode | string)[] = [];
  for (const child of children) {
    const last = out[out.length - 1];
    if (typeof child === 'string' && typeof last === 'string') out[out.length - 1] = last + child;
    else out.push(child);
  }
  return out;
}

function childNamed(node: XmlNode, name: string): XmlNode | undefined {
  return node.children.find((c): c is XmlNode => typeof c !== 'string' && c.name === name);
}

function elements(node: XmlNode | undefined): XmlNode[] {
  return (node?.children ?? []).filter((c): c is XmlNode => typeof c !== 'string');
}

/** The string and presentation tables of an ADML, by id. */
export interface AdmlTables {
  readonly strings: ReadonlyMap<string, string>;
  readonly presentations: ReadonlyMap<string, XmlNode>;
}

export function admlTables(adml: XmlNode): AdmlTables {
  const resources = childNamed(adml, 'resources');
  const strings = new Map<string, string>();
  for (const s of elements(resources && childNamed(resources, 'stringTable'))) {
    strings.set(s.attributes.id ?? '', s.children.filter((c) => typeof c === 'string').join(''));
  }
  const presentations = new Map<string, XmlNode>();
  for (const p of elements(resources && childNamed(resources, 'presentationTable'))) presentations.set(p.attributes.id ?? '', p);
  return { strings, presentations };
}

/** `$(string.X)` → `«text»`, `$(presentation.X)` → the presentation's subtree (as an extra child). */
function resolveNode(node: XmlNode, tables: AdmlTables, used: Set<string>): XmlNode {
  const attributes: Record<string, string> = {};
  const extra: XmlNode[] = [];
  for (const [name, value] of Object.entries(node.attributes)) {
    const string = /^\$\(string\.([^)]*)\)$/.exec(value);
    const presentation = /^\$\(presentation\.([^)]*)\)$/.exec(value);
    if (string?.[1] !== undefined) {
      used.add(string[1]);
      const text = tables.strings.get(string[1]);
      attributes[name] = text === undefined ? `«missing string ${string[1]}»` : `${value}=«${text}»`;
    } else if (presentation?.[1] !== undefined) {
      const found = tables.presentations.get(presentation[1]);
      attributes[name] = found ? value : `«missing presentation ${presentation[1]}»`;
      if (found) extra.push({ name: '«presentation»', attributes: {}, children: found.children.map((c) => (typeof c === 'string' ? c : resolveNode(c, tables, used))) });
    } else {
      attributes[name] = value;
    }
  }
  const children = node.children.map((c) => (typeof c === 'string' ? resolveText(c, tables, used) : resolveNode(c, tables, used)));
  return { name: node.name, attributes, children: [...children, ...extra] };
}

function resolveText(text: string, tables: AdmlTables, used: Set<string>): string {
  const string = /^\$\(string\.([^)]*)\)$/.exec(text);
  if (string?.[1] === undefined) return text;
  used.add(string[1]);
  return `«${tables.strings.get(string[1]) ?? `missing string ${string[1]}`}»`;
}

/** Every difference between two trees, as `path: what` lines. */
export function compareTrees(expected: XmlNode, actual: XmlNode, path = expected.name): string[] {
  const out: string[] = [];
  if (expected.name !== actual.name) return [`${path}: element <${expected.name}> became <${actual.name}>`];
  for (const name of new Set([...Object.keys(expected.attributes), ...Object.keys(actual.attributes)])) {
    const a = expected.attributes[name];
    const b = actual.attributes[name];
    if (a === b) continue;
    if (b === undefined) out.push(`${path}: attribute ${name}="${a}" dropped`);
    else if (a === undefined) out.push(`${path}: attribute ${name}="${b}" added`);
    else out.push(`${path}: attribute ${name} "${a}" became "${b}"`);
  }
  const count = Math.max(expected.children.length, actual.children.length);
  for (let i = 0; i < count; i++) {
    const a = expected.children[i];
    const b = actual.children[i];
    const where = `${path}/${describe(a ?? b, i)}`;
    if (a === undefined) out.push(`${where}: added ${summary(b)}`);
    else if (b === undefined) out.push(`${where}: dropped ${summary(a)}`);
    else if (typeof a === 'string' || typeof b === 'string') {
      if (a !== b) out.push(`${where}: ${summary(a)} became ${summary(b)}`);
    } else out.push(...compareTrees(a, b, where));
  }
  return out;
}

function describe(node: XmlNode | string | undefined, index: number): string {
  if (node === undefined || typeof node === 'string') return `text()[${index}]`;
  const id = node.attributes.name ?? node.attributes.id ?? node.attributes.refId;
  return id === undefined ? `${node.name}[${index}]` : `${node.name}[@${id}]`;
}

function summary(node: XmlNode | string | undefined): string {
  if (typeof node === 'string') return JSON.stringify(node.length > 60 ? `${node.slice(0, 60)}…` : node);
  return node ? `<${node.name}>` : 'nothing';
}

/**
 * Compares an original ADMX+ADML pair with a rebuilt one: the ADMX with ids resolved, the ADML's
 * root and resources attributes and its displayName/description, and the strings nothing in the
 * ADMX uses, by id.
 */
export function compareAdmxPair(original: { admx: string; adml: string }, rebuilt: { admx: string; adml: string }): string[] {
  const [oAdml, rAdml] = [parseXml(original.adml), parseXml(rebuilt.adml)];
  const [oTables, rTables] = [admlTables(oAdml), admlTables(rAdml)];
  const [oUsed, rUsed] = [new Set<string>(), new Set<string>()];
  const out = compareTrees(resolveNode(parseXml(original.admx), oTables, oUsed), resolveNode(parseXml(rebuilt.admx), rTables, rUsed));
  out.push(...compareTrees(admlShell(oAdml), admlShell(rAdml)).map((d) => `adml ${d}`));
  for (const [id, text] of oTables.strings) {
    if (oUsed.has(id)) continue;
    const again = rTables.strings.get(id);
    if (again !== text) out.push(`adml unused string ${id}: ${JSON.stringify(text)} became ${again === undefined ? 'missing' : JSON.stringify(again)}`);
  }
  return out;
}

/** The ADML without its tables: root, resources attributes, displayName, description. */
function admlShell(adml: XmlNode): XmlNode {
  const strip = (node: XmlNode): XmlNode => ({
    ...node,
    children: node.children
      .filter((c) => typeof c === 'string' || (c.name !== 'stringTable' && c.name !== 'presentationTable'))
      .map((c) => (typeof c === 'string' ? c : strip(c))),
  });
  return strip(adml);
}
