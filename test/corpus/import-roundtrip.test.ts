/**
 * Windows 11's 223 ADMX/ADML: import to YAML, build again, and compare the rebuilt files with the
 * originals twice: as XML trees, element by element and attribute by attribute, without
 * gpforge's reader (issue 9); and as models, policy by policy. The rebuilt ADMX/ADML are checked
 * against the ADMX schema. Exceptions are named, each with its reason.
 */
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeXml } from '../../src/load/admx/decode-xml.js';
import { findPolicyDefinitions } from '../../src/load/admx/find-policy-definitions.js';
import { compile } from '../../src/compile.js';
import { definitionsToYaml } from '../../src/import/definitions-to-yaml.js';
import { readPolicyDefinitions } from '../../src/load/admx/read-policy-definitions.js';
import type { DefinitionsFile } from '../../src/model/types.js';
import { CORPUS_DIR, corpusAvailable } from '../support/corpus.js';
import { compareDefinitions } from '../support/model-compare.js';
import { builtInTemplates } from '../support/templates.js';
import { xmlRoundTrip } from '../support/xml-roundtrip.js';
import { schemaAvailable, validateAgainstAdmxSchema } from '../support/xsd.js';


/**
 * The only differences the XML comparison may find: character data inside element-only content
 * (a stray `>` in SecGuide.admx, a stray `"` in WindowsRemoteShell.admx). It is not data:
 * Windows' reader skips it, the ADMX schema forbids it, lint reports it (GPF1260), and the YAML
 * has no place for it; the elements after it are the same (shown shifted by one position).
 */
const XML_EXCEPTIONS: readonly RegExp[] = [
  /^SecGuide: policyDefinitions\/policies\[\d+\]\/policy\[@Pol_SecGuide_(0301_RemoveRunasdifferentuser|Certificate_Padding)\]\/(text\(\)\[0\]: "\\n\s+>\\n\s+" became <parentCategory>|parentCategory\[1\]: element <parentCategory> became <supportedOn>|supportedOn\[2\]: element <supportedOn> became <enabledList>|enabledList\[3\]: element <enabledList> became <disabledList>|disabledList\[4\]: dropped <disabledList>)$/,
  /^WindowsRemoteShell: policyDefinitions\/policies\[\d+\]\/policy\[@IdleTimeout\]\/elements\[2\]\/text\(\)\[1\]: dropped "\\"\\n\s+"$/,
];

describe.skipIf(!corpusAvailable())('Windows PolicyDefinitions: import → YAML → build, compared as XML', () => {
  const roundTrip = xmlRoundTrip(CORPUS_DIR);

  it('every rebuilt ADMX and ADML equals its original, element by element and attribute by attribute', () => {
    expect(roundTrip.errors).toEqual([]);
    expect(roundTrip.templates).toBe(223);
    const unexpected = roundTrip.differences.filter((d) => !XML_EXCEPTIONS.some((e) => e.test(d)));
    console.log(`corpus XML round trip: ${roundTrip.templates} templates, ${roundTrip.policies} policies, ${roundTrip.differences.length} named exceptions, ${unexpected.length} differences`);
    expect(unexpected).toEqual([]);
    expect(roundTrip.differences).toHaveLength(11);
  });
});

/** The files of a PolicyDefinitions folder as the schema check takes them, named like the bundle's (lowercase). */
function originalFiles(dir: string): { name: string; xml: string }[] {
  return findPolicyDefinitions(dir, ['en-US']).pairs.flatMap((pair) => [
    { name: `policydefinitions/${basename(pair.admx.path)}`.toLowerCase(), xml: asUtf8(pair.admx.bytes, pair.admx.path) },
    ...pair.admls.map((a) => ({ name: `policydefinitions/en-us/${basename(a.path)}`.toLowerCase(), xml: asUtf8(a.bytes, a.path) })),
  ]);
}

/** Decoded text, its XML declaration saying UTF-8 (how it reaches xmllint). */
function asUtf8(bytes: Uint8Array, path: string): string {
  return decodeXml(bytes, path).text.replace(/^(<\?xml[^>]*encoding=)(["'])[^"']*\2/, '$1$2utf-8$2');
}

async function failingFiles(files: { name: string; xml: string }[]): Promise<string[]> {
  const verdict = await validateAgainstAdmxSchema(files);
  return [...new Set(verdict.errors.map((e) => e.fileName).filter((name) => name !== ''))].sort();
}

describe.skipIf(!corpusAvailable())('Windows PolicyDefinitions: import → YAML → build', () => {
  const read = readPolicyDefinitions(CORPUS_DIR, ['en-US']);
  const imported = definitionsToYaml(read.definitions);
  const sources = imported.files.map((f) => ({ path: `imported/${f.path}`, text: new TextDecoder().decode(f.bytes) }));
  const built = compile(sources, { templates: builtInTemplates, emit: true, backupTime: new Date(0) });

  it('reads all 223 templates without errors', () => {
    expect(read.definitions).toHaveLength(223);
    expect(read.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('builds the imported YAML without errors', () => {
    expect(built.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(built.model?.definitions).toHaveLength(223);
  });

  it('rebuilds every policy, element, item, value and string equal to the original', () => {
    const rebuilt = new Map<string, DefinitionsFile>((built.model?.definitions ?? []).map((d) => [d.namespace, d]));
    const differences: string[] = [];
    let policies = 0;
    for (const original of read.definitions) {
      const again = rebuilt.get(original.namespace);
      if (!again) differences.push(`${original.fileName}: missing after the round trip`);
      else differences.push(...compareDefinitions(original, again).map((d) => `${original.fileName}: ${d}`));
      policies += original.policies.length;
    }
    console.log(`corpus round trip: ${read.definitions.length} templates, ${policies} policies, ${differences.length} differences`);
    expect(differences).toEqual([]);
    expect(policies).toBeGreaterThan(3500);
  });

  it.skipIf(!schemaAvailable())('every rebuilt ADMX and ADML is XSD-valid wherever its original is', async () => {
    const xml = built.files.filter((f) => /\.adm[lx]$/.test(f.path));
    expect(xml).toHaveLength(446);
    const rebuilt = await failingFiles(xml.map((f) => ({ name: f.path.toLowerCase(), xml: new TextDecoder().decode(f.bytes) })));
    const originals = await failingFiles(originalFiles(CORPUS_DIR));
    console.log(`corpus XSD: ${originals.length} originals and ${rebuilt.length} rebuilt files fail the ADMX schema`);
    expect(rebuilt.filter((name) => !originals.includes(name))).toEqual([]);
    // Windows' own deviations (policy/@clientExtension, hyphenated prefixes, SecGuide's Area…) are kept, so some fail.
    expect(rebuilt.length).toBeGreaterThan(18);
  });
});
