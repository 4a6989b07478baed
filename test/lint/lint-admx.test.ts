/**
 * `gpforge lint` over ADMX/ADML: the Windows-quirks fixture (every schema deviation the
 * admx-schema README lists), a single file versus a store, and Windows' own PolicyDefinitions,
 * where every known deviation must be found and none of them is an error.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintAdmxFiles, lintPolicyDefinitions } from '../../src/lint/lint-admx.js';
import { FIXTURES, fixtureText, utf16le, utf8, where } from '../load/admx/support.js';

describe('lint of the Windows-quirks fixture', () => {
  const lint = lintPolicyDefinitions(`${FIXTURES}/quirks`);
  const at = where(lint.diagnostics, lint.texts).map((w) => w.replace(`${FIXTURES}/quirks/`, ''));

  it('reports each deviation as a warning at its attribute, element or text', () => {
    expect(lint.diagnostics.every((d) => d.severity === 'warning')).toBe(true);
    expect(at).toEqual([
      'en-us/InetRes.adml:9:19 GPF1255', // string id with hyphens
      'en-us/InetRes.adml:10:19 GPF1255',
      'en-us/InetRes.adml:10:93 GPF1260', // stray 'd' after </string> (WindowsDefender.adml)
      'en-us/InetRes.adml:11:19 GPF1255',
      'en-us/InetRes.adml:14:25 GPF1255', // presentation id with hyphens
      'en-us/InetRes.adml:15:33 GPF1257', // checkBox/@noSort
      'en-us/InetRes.adml:15:47 GPF1257', // checkBox/@defaultItem
      'en-us/InetRes.adml:16:44 GPF1258', // defaultvalue
      'en-us/InetRes.adml:16:61 GPF1257', // xml:space
      'en-us/InetRes.adml:17:38 GPF1257', // xml:space on label
      'en-us/InetRes.adml:18:36 GPF1258', // nosort
      'en-us/InetRes.adml:18:50 GPF1257', // oSort
      'en-us/InetRes.adml:19:32 GPF1257', // listBox/@required
      'inetres.admx:5:21 GPF1255', // hyphen in the target prefix
      'inetres.admx:12:45 GPF1257', // reference/@minVersionIndex
      'inetres.admx:19:7 GPF1265', // seeAlso: valid, but import drops it
      'inetres.admx:20:7 GPF1265', // keywords
      'inetres.admx:24:19 GPF1255', // policy name with hyphens
      'inetres.admx:24:263 GPF1257', // policy/@Area
      'inetres.admx:24:279 GPF1257', // policy/@clientExtension: not in the XSD, but a warning only
      'inetres.admx:28:47 GPF1257', // boolean/@required
      'inetres.admx:29:70 GPF1258', // maxvalue
      'inetres.admx:29:88 GPF1260', // stray '"' after <decimal/> (WindowsRemoteShell.admx)
      'inetres.admx:30:42 GPF1257', // text/@minValue
      'inetres.admx:30:55 GPF1257', // text/@maxValue
      'inetres.admx:34:63 GPF1257', // list/@valueName
    ]);
  });

  it('suggests the attribute a typo meant', () => {
    expect(lint.diagnostics.find((d) => d.message.includes("'oSort'"))?.message).toBe(
      "attribute 'oSort' is not in the ADMX schema for <dropdownList>; strict validators reject it (did you mean 'noSort'?)",
    );
  });
});

describe('single file versus store', () => {
  const files = (name: string) => ({
    admx: { path: `${name}.admx`, bytes: utf8(fixtureText(`invalid/lint/${name}.admx`)) },
    admls: [{ locale: 'en-US', path: `en-US/${name}.adml`, bytes: utf16le(fixtureText(`invalid/lint/en-US/${name}.adml`)) }],
  });

  it("checks 'using' namespaces and target uniqueness only across a store", () => {
    const codes = (store: boolean) => lintAdmxFiles([files('Lint'), files('Other')], { store }).diagnostics.map((d) => d.code);
    expect(codes(false)).not.toContain('GPF1252');
    expect(codes(false)).not.toContain('GPF1253');
    expect(codes(true)).toContain('GPF1252');
    expect(codes(true)).toContain('GPF1253');
  });

  it('lints one .admx path without the folder checks', () => {
    const lint = lintPolicyDefinitions(`${FIXTURES}/invalid/lint/Lint.admx`);
    expect(lint.diagnostics.map((d) => d.code)).not.toContain('GPF1252');
    expect(lint.diagnostics.map((d) => d.code)).toContain('GPF1254');
  });
});

const CORPUS = path.resolve('../shared/corpus/windows/PolicyDefinitions');
const present = existsSync(CORPUS);
if (!present) console.warn(`corpus lint tests skipped: ${CORPUS} is absent`);

describe.skipIf(!present)('lint of Windows PolicyDefinitions', () => {
  const lint = present ? lintPolicyDefinitions(CORPUS) : { diagnostics: [], texts: new Map<string, string>() };
  const located = where(lint.diagnostics, lint.texts).map((w) => w.replace(`${CORPUS}/`, ''));
  const has = (prefix: string, code: string) => located.some((w) => w.startsWith(prefix) && w.endsWith(code));

  it('prints the count per code', () => {
    const counts: Record<string, number> = {};
    for (const d of lint.diagnostics) counts[`${d.code} ${d.severity}`] = (counts[`${d.code} ${d.severity}`] ?? 0) + 1;
    console.log(`corpus lint: ${JSON.stringify(counts, Object.keys(counts).sort())}`);
    expect(lint.diagnostics.length).toBeGreaterThan(0);
  });

  it('finds the deviations the admx-schema README lists', () => {
    expect(has('GroupPolicy.admx', 'GPF1255')).toBe(true); // AllowX-ForestPolicy-and-RUP
    expect(has('en-US/GroupPolicy.adml', 'GPF1255')).toBe(true);
    expect(has('Shell-CommandPrompt-RegEditTools.admx', 'GPF1255')).toBe(true); // hyphen in the target prefix
    expect(has('DiskQuota.admx', 'GPF1257')).toBe(true); // policy/@clientExtension
    expect(has('WindowsUpdate.admx', 'GPF1257')).toBe(true); // boolean/@required
    expect(has('nca.admx', 'GPF1257')).toBe(true); // list/@valueName
    expect(has('en-US/appv.adml', 'GPF1257')).toBe(true); // xml:space
    expect(has('en-US/AppXRuntime.adml', 'GPF1257')).toBe(true); // listBox/@required
    expect(has('en-US/VolumeEncryption.adml', 'GPF1257')).toBe(true); // checkBox/@noSort
    expect(has('TerminalServer.admx', 'GPF1257')).toBe(true); // reference/@minVersionIndex
    expect(has('CEIPEnable.admx', 'GPF1258')).toBe(true); // maxvalue
    expect(has('en-US/MSI.adml', 'GPF1258')).toBe(true); // nosort
    expect(has('en-US/Passport.adml', 'GPF1258')).toBe(true); // defaultvalue
    expect(has('en-US/KDC.adml', 'GPF1257')).toBe(true); // oSort
    expect(has('WindowsRemoteShell.admx', 'GPF1260')).toBe(true); // stray '"'
    expect(has('en-US/WindowsDefender.adml', 'GPF1260')).toBe(true); // stray 'd'
  });

  it('none of the deviations is an error; namespaces this store lacks are warned about', () => {
    expect(lint.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const missing = lint.diagnostics.filter((d) => d.code === 'GPF1252');
    expect(missing.map((d) => d.message.match(/namespace '([^']+)'/)?.[1]).sort()).toEqual(['Microsoft.Policies.Backup', 'Microsoft.Policies.Server', 'Microsoft.Policies.Server']);
  });
});
