import fc from 'fast-check';
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { emitAdml } from '../../src/emit/adml.js';
import { emitAdmx } from '../../src/emit/admx.js';
import type { OutputFile } from '../../src/emit/output-file.js';
import { compileTemplates, type Templates } from '../../src/emit/templates.js';
import {
  encodeXmlUtf8Crlf,
  escapeXmlAttribute,
  escapeXmlText,
  escapeXmlTextSingleLine,
  isXmlRepresentable,
} from '../../src/emit/xml-escape.js';
import { readTemplateSources } from '../../src/load/template-sources.js';
import { allElementsModel } from '../fixtures/all-elements.model.js';
import { expectGolden } from '../support/golden.js';
import { formatSchemaErrors, schemaAvailable, validateAgainstAdmxSchema } from '../support/xsd.js';

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

let templates: Templates;
let outputs: OutputFile[];

function emitAll(): OutputFile[] {
  const model = allElementsModel;
  return [emitAdmx(model, templates), ...model.locales.map((locale) => emitAdml(model, locale, templates))];
}

beforeAll(() => {
  templates = compileTemplates(readTemplateSources());
  outputs = emitAll();
});

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  processEntities: true,
  htmlEntities: true,
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
});

/** Every attribute value anywhere in a parsed document. */
function attributeValues(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(attributeValues);
  if (node === null || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([name, value]) =>
    name.startsWith('@_') && typeof value === 'string' ? [value] : attributeValues(value),
  );
}

/** The `id` attributes of every `<tag>` in a parsed document. */
function idsOf(node: unknown, tag: string): string[] {
  if (Array.isArray(node)) return node.flatMap((child) => idsOf(child, tag));
  if (node === null || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([name, value]) => {
    const own = name === tag ? [value].flat().map((v) => (v as Record<string, string>)['@_id'] ?? '') : [];
    return [...own, ...idsOf(value, tag)];
  });
}

function references(admx: string, kind: 'string' | 'presentation'): string[] {
  const pattern = new RegExp(`^\\$\\(${kind}\\.(\\w+)\\)$`);
  return attributeValues(parser.parse(admx)).flatMap((value) => pattern.exec(value)?.slice(1) ?? []);
}

const byPath = (path: string): OutputFile => {
  const file = outputs.find((output) => output.path === path);
  if (!file) throw new Error(`not emitted: ${path}`);
  return file;
};
const textOf = (path: string): string => decoder.decode(byPath(path).bytes);

describe('emitAdmx / emitAdml on the all-elements model', () => {
  it('writes one ADMX and one ADML per locale at the bundle paths', () => {
    expect(outputs.map((output) => output.path)).toEqual([
      'PolicyDefinitions/AllElements.admx',
      'PolicyDefinitions/en-US/AllElements.adml',
      'PolicyDefinitions/de-DE/AllElements.adml',
    ]);
  });

  describe.skipIf(!schemaAvailable())('against the ADMX schema (FORMATS.md c.12)', () => {
    it('validates the ADMX and both ADMLs', async () => {
      const files = outputs.map((output) => ({ name: output.path, xml: decoder.decode(output.bytes) }));
      const result = await validateAgainstAdmxSchema(files);
      expect(result.valid, formatSchemaErrors(result.errors)).toBe(true);
    });
  });

  it('matches the golden files byte for byte', () => {
    for (const output of outputs) expectGolden(`all-elements-model/${output.path}`, output.bytes);
  });

  it('resolves every $(string.X) and $(presentation.X) in each ADML, with no unreferenced string', () => {
    const admx = textOf('PolicyDefinitions/AllElements.admx');
    const strings = references(admx, 'string');
    const presentations = references(admx, 'presentation');
    expect(strings.length).toBeGreaterThan(0);
    expect(presentations.length).toBeGreaterThan(0);
    for (const locale of allElementsModel.locales) {
      const adml = parser.parse(textOf(`PolicyDefinitions/${locale}/AllElements.adml`));
      const stringIds = idsOf(adml, 'string');
      expect(new Set(stringIds).size, `${locale}: duplicate string id`).toBe(stringIds.length);
      expect([...stringIds].sort(), locale).toEqual([...new Set(strings)].sort());
      expect(idsOf(adml, 'presentation').sort(), locale).toEqual([...new Set(presentations)].sort());
    }
  });

  it('is deterministic: emitting twice gives identical bytes', () => {
    const again = emitAll();
    expect(again.map((o) => o.path)).toEqual(outputs.map((o) => o.path));
    again.forEach((output, i) => expect(Buffer.from(output.bytes).equals(Buffer.from(outputs[i]!.bytes))).toBe(true));
  });

  it('writes UTF-8 without BOM, the utf-8 declaration, CRLF on every line and a final CRLF', () => {
    for (const output of outputs) {
      const bytes = output.bytes;
      expect([bytes[0], bytes[1], bytes[2]], output.path).not.toEqual([0xef, 0xbb, 0xbf]);
      const text = decoder.decode(bytes);
      expect(text.startsWith('<?xml version="1.0" encoding="utf-8"?>\r\n'), output.path).toBe(true);
      expect(text.endsWith('>\r\n') && !text.endsWith('\r\n\r\n'), output.path).toBe(true);
      expect(/(?<!\r)\n/.test(text), `${output.path}: bare LF`).toBe(false);
      expect(/\r(?!\n)/.test(text), `${output.path}: bare CR`).toBe(false);
    }
  });

  it('keeps multi-line text and CR exact through parsing (ADML text, ADMX string Value)', () => {
    const de = parser.parse(textOf('PolicyDefinitions/de-DE/AllElements.adml'));
    const help = [de.policyDefinitionResources.resources.stringTable.string]
      .flat()
      .find((s: Record<string, string>) => s['@_id'] === 'SimpleToggle_Help');
    const simpleToggle = allElementsModel.policies[0]!;
    expect(help['#text']).toBe(simpleToggle.explain['de-DE']);
    expect(textOf('PolicyDefinitions/AllElements.admx')).toContain('<string>two&#10;lines &amp; &lt;more&gt;</string>');
  });

  it('writes presentation only for policies with controls, and valuePrefix="" when set', () => {
    const admx = textOf('PolicyDefinitions/AllElements.admx');
    expect(admx).toMatch(/<policy name="SimpleToggle" class="Machine" displayName="\$\(string\.SimpleToggle\)" explainText="\$\(string\.SimpleToggle_Help\)" key=/);
    expect(admx).toContain('presentation="$(presentation.ValueListsNote)"');
    expect(admx).toContain('<list id="Numbered" key="Software\\Policies\\Gpforge\\AllElements\\Numbered" valuePrefix="" />');
    expect(admx).toContain('<list id="Plain" />');
  });
});

describe('XML escaping (FORMATS.md c.9)', () => {
  const hostile = fc.constantFrom('&', '<', '>', '"', "'", '\r', '\n', '\t', ' ', ';', '#', 'amp', 'ä', '🚀', '\u00a0', ']]>');
  const anyChar = fc.string({ unit: 'binary', minLength: 1, maxLength: 1 });
  const representable = fc.string({ unit: fc.oneof(hostile, anyChar) }).filter(isXmlRepresentable);

  /** Renders `s` in a tiny document the way emitters do (CRLF encoding) and parses it back. */
  function roundTrip(s: string): { attr: string; text: string; singleLine: string } {
    const doc = `<r a="${escapeXmlAttribute(s)}"><t>${escapeXmlText(s)}</t><u>${escapeXmlTextSingleLine(s)}</u></r>`;
    const parsed = parser.parse(decoder.decode(encodeXmlUtf8Crlf(doc)));
    const text = (node: unknown): string => (typeof node === 'string' ? node : ((node as Record<string, string>)['#text'] ?? ''));
    return { attr: parsed.r['@_a'], text: text(parsed.r.t), singleLine: text(parsed.r.u) };
  }

  it('parses back to exactly the original string', () => {
    fc.assert(
      fc.property(representable, (s) => {
        expect(roundTrip(s)).toEqual({ attr: s, text: s, singleLine: s });
      }),
      { numRuns: 500 },
    );
  });

  it('keeps escaped attributes and single-line text on one physical line', () => {
    fc.assert(
      fc.property(representable, (s) => {
        expect(/[\r\n]/.test(escapeXmlAttribute(s) + escapeXmlTextSingleLine(s))).toBe(false);
      }),
    );
  });

  it.each(['\u0001', '\u0000', '\u001f', 'a\u000bb', '\uFFFE', '\uFFFF', '\uD800', 'x\uDC00'])(
    'rejects %j as not representable, and the escape functions throw',
    (s) => {
      expect(isXmlRepresentable(s)).toBe(false);
      expect(() => escapeXmlText(s)).toThrow(/gpforge bug/);
      expect(() => escapeXmlAttribute(s)).toThrow(/cannot be written in XML 1\.0/);
    },
  );

  it.each(['', '\t\n\r', '🚀', '\u00ff\uD7FF\uE000\uFFFD', '\u{10FFFF}'])('accepts %j', (s) => {
    expect(isXmlRepresentable(s)).toBe(true);
  });
});
