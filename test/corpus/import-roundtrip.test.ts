/**
 * Windows 11's 223 ADMX/ADML: import to YAML, build again, compare the models (not the text)
 * policy by policy; and the rebuilt ADMX/ADML against the ADMX schema. Exceptions are named.
 */
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/compile.js';
import { definitionsToYaml } from '../../src/import/definitions-to-yaml.js';
import { readPolicyDefinitions } from '../../src/load/admx/read-policy-definitions.js';
import type { DefinitionsFile } from '../../src/model/types.js';
import { CORPUS_DIR, corpusAvailable } from '../support/corpus.js';
import { compareDefinitions } from '../support/model-compare.js';
import { builtInTemplates } from '../support/templates.js';
import { schemaAvailable, validateAgainstAdmxSchema } from '../support/xsd.js';

/**
 * Rebuilt files the ADMX schema rejects, each because it keeps something Windows' own file has
 * and Windows relies on (FORMATS.md c.7, c.11; the schema README's deviations table).
 */
const SCHEMA_EXCEPTIONS: Readonly<Record<string, string>> = {
  ...Object.fromEntries(
    [
      'DeliveryOptimization', 'DeviceGuard', 'DiskQuota', 'ExternalBoot', 'GroupPolicy', 'MDM', 'NetworkConnections',
      'OfflineFiles', 'PeerToPeerCaching', 'Printing', 'Search', 'StartMenu', 'TerminalServer',
      'UserExperienceVirtualization', 'WorkFolders-Client', 'appv', 'tcpip',
    ].map((name) => [`PolicyDefinitions/${name}.admx`, 'policy/@clientExtension: kept because Windows registers the CSE from it; not in the XSD']),
  ),
  'PolicyDefinitions/Shell-CommandPrompt-RegEditTools.admx': "target prefix 'shell-commandprompt-regedittools' has hyphens, kept as Windows ships it",
};

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

  it.skipIf(!schemaAvailable())('rebuilt ADMX and ADML validate against the ADMX schema, except named Windows deviations', async () => {
    const xml = built.files.filter((f) => /\.adm[lx]$/.test(f.path));
    expect(xml).toHaveLength(446);
    const verdict = await validateAgainstAdmxSchema(xml.map((f) => ({ name: f.path, xml: new TextDecoder().decode(f.bytes) })));
    const failing = [...new Set(verdict.errors.map((e) => e.fileName).filter((name) => name !== ''))].sort();
    expect(failing).toEqual(Object.keys(SCHEMA_EXCEPTIONS).sort());
  });
});
