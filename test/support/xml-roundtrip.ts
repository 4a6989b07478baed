/**
 * The independent round trip (issue 9): a PolicyDefinitions folder → import → YAML → build, and
 * every rebuilt ADMX/ADML compared with its original as XML trees (xml-compare.ts), never through
 * gpforge's reader model.
 */
import { compile } from '../../src/compile.js';
import { definitionsToYaml } from '../../src/import/definitions-to-yaml.js';
import { decodeXml } from '../../src/load/admx/decode-xml.js';
import { findPolicyDefinitions } from '../../src/load/admx/find-policy-definitions.js';
import { readPolicyDefinitions } from '../../src/load/admx/read-policy-definitions.js';
import { builtInTemplates } from './templates.js';
import { compareAdmxPair } from './xml-compare.js';

export interface XmlRoundTrip {
  readonly templates: number;
  readonly policies: number;
  /** Reader, import and build errors: the round trip did not get through. */
  readonly errors: string[];
  /** `<file>: <path>: <what>` for every difference. */
  readonly differences: string[];
  /** The rebuilt files, by path under out/. */
  readonly rebuilt: ReadonlyMap<string, Uint8Array>;
}

export function xmlRoundTrip(dir: string, locale = 'en-US'): XmlRoundTrip {
  const read = readPolicyDefinitions(dir, [locale]);
  const errors = read.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file}: ${d.code} ${d.message}`);
  const imported = definitionsToYaml(read.definitions);
  const sources = imported.files.map((f) => ({ path: `imported/${f.path}`, text: new TextDecoder().decode(f.bytes) }));
  const built = compile(sources, { templates: builtInTemplates, emit: true, backupTime: new Date(0) });
  errors.push(...built.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file}: ${d.code} ${d.message}`));
  const rebuilt = new Map(built.files.map((f) => [f.path.toLowerCase(), f.bytes]));
  const text = (bytes: Uint8Array, path: string) => decodeXml(bytes, path).text;
  const differences: string[] = [];
  for (const pair of findPolicyDefinitions(dir, [locale]).pairs) {
    const definitions = read.definitions.find((d) => d.sourcePath === pair.admx.path);
    const adml = pair.admls[0];
    if (!definitions || !adml) continue;
    const admx = rebuilt.get(`policydefinitions/${definitions.fileName}.admx`.toLowerCase());
    const admlAgain = rebuilt.get(`policydefinitions/${locale}/${definitions.fileName}.adml`.toLowerCase());
    if (!admx || !admlAgain) {
      differences.push(`${definitions.fileName}: not rebuilt`);
      continue;
    }
    const original = { admx: text(pair.admx.bytes, pair.admx.path), adml: text(adml.bytes, adml.path) };
    const again = { admx: text(admx, 'rebuilt.admx'), adml: text(admlAgain, 'rebuilt.adml') };
    differences.push(...compareAdmxPair(original, again).map((d) => `${definitions.fileName}: ${d}`));
  }
  const policies = read.definitions.reduce((n, d) => n + d.policies.length, 0);
  return { templates: read.definitions.length, policies, errors, differences, rebuilt: new Map(built.files.map((f) => [f.path, f.bytes])) };
}
