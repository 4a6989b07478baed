/**
 * Vendor templates (Office, Chrome, Edge, Firefox…), which may not be copied into this
 * repository: set GPFORGE_VENDOR_TEMPLATES to a folder with one sub-folder per vendor, each a
 * PolicyDefinitions folder (*.admx with en-US/*.adml). Each must import, rebuild and compare equal
 * as XML (test/support/xml-compare.ts), and every rebuilt file must be XSD-valid wherever its
 * original is. Without the variable the test is skipped with a message; the constructs these
 * files use are reproduced in test/fixtures/admx/as-written, which always runs.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeXml } from '../../src/load/admx/decode-xml.js';
import { findPolicyDefinitions } from '../../src/load/admx/find-policy-definitions.js';
import { xmlRoundTrip } from '../support/xml-roundtrip.js';
import { schemaAvailable, validateAgainstAdmxSchema } from '../support/xsd.js';

const ROOT = process.env.GPFORGE_VENDOR_TEMPLATES;

function vendors(): string[] {
  if (ROOT === undefined || !existsSync(ROOT)) {
    console.warn('vendor template tests skipped: set GPFORGE_VENDOR_TEMPLATES to a folder of vendor PolicyDefinitions folders');
    return [];
  }
  return readdirSync(ROOT)
    .map((name) => join(ROOT, name))
    .filter((dir) => statSync(dir).isDirectory())
    .map((dir) => (existsSync(join(dir, 'PolicyDefinitions')) ? join(dir, 'PolicyDefinitions') : dir))
    .filter((dir) => readdirSync(dir).some((name) => /\.admx$/i.test(name)));
}

/** Names of the files the ADMX schema rejects, lowercase, as `<name>.admx` / `en-us/<name>.adml`. */
async function failing(files: { name: string; xml: string }[]): Promise<Set<string>> {
  const verdict = await validateAgainstAdmxSchema(files);
  return new Set(verdict.errors.map((e) => e.fileName).filter((n) => n !== ''));
}

const asUtf8 = (text: string) => text.replace(/^(<\?xml[^>]*encoding=)(["'])[^"']*\2/, '$1$2utf-8$2');

const found = vendors();

describe.skipIf(found.length === 0)('vendor templates: import → YAML → build, compared as XML', () => {
  it.each(found)('%s', async (dir) => {
    const trip = xmlRoundTrip(dir);
    console.log(`${dir}: ${trip.templates} templates, ${trip.policies} policies, ${trip.differences.length} differences`);
    expect(trip.errors).toEqual([]);
    expect(trip.differences).toEqual([]);
    if (!schemaAvailable()) return;
    const originals = findPolicyDefinitions(dir, ['en-US']).pairs.flatMap((pair) => [
      { name: basename(pair.admx.path).toLowerCase(), xml: asUtf8(decodeXml(pair.admx.bytes, pair.admx.path).text) },
      ...pair.admls.map((a) => ({ name: `en-us/${basename(a.path)}`.toLowerCase(), xml: asUtf8(decodeXml(a.bytes, a.path).text) })),
    ]);
    const rebuilt = [...trip.rebuilt]
      .filter(([path]) => /\.adm[lx]$/.test(path))
      .map(([path, bytes]) => ({ name: path.replace(/^PolicyDefinitions\//, '').toLowerCase(), xml: new TextDecoder().decode(bytes) }));
    const originalFailures = await failing(originals);
    const newFailures = [...(await failing(rebuilt))].filter((name) => !originalFailures.has(name));
    expect(newFailures).toEqual([]);
  });
});
