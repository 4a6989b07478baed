/**
 * `gpforge lint --intune`: one fixture case per Intune rule (test/fixtures/admx/intune/, each
 * case commented with the code it expects), found at its exact line and column; an ADMX over
 * Intune's 1 MB limit (made in memory); nothing of it without --intune.
 */
import { describe, expect, it } from 'vitest';
import { lintAdmxFiles, lintPolicyDefinitions } from '../../src/lint/lint-admx.js';
import { FIXTURES, utf8, where } from '../load/admx/support.js';

const INTUNE_CODES = /^GPF12(7\d|8\d)$/;

describe('lint --intune', () => {
  const lint = lintPolicyDefinitions(`${FIXTURES}/intune`, ['en-US'], true);
  const at = where(lint.diagnostics.filter((d) => INTUNE_CODES.test(d.code)), lint.texts).map((w) => w.replace(`${FIXTURES}/intune/`, ''));

  it('reports each rule at its attribute, as a warning', () => {
    expect(lint.diagnostics.every((d) => d.severity === 'warning')).toBe(true);
    expect(at).toEqual([
      'contoso-intune.admx:7:40 GPF1271', // using Microsoft.Policies.Windows: upload it first
      'contoso-intune.admx:20:129 GPF1270', // key under Software\Policies\Microsoft
      'contoso-intune.admx:23:32 GPF1270', // enabledList defaultKey under Software\Microsoft
      'contoso-intune.admx:27:32 GPF1270', // element key under System
      'contoso-intune.admx:31:19 GPF1272', // no parentCategory
      'contoso-intune.admx:36:28 GPF1272', // parentCategory in the windows namespace
      'en-US/contoso-intune.adml:15:26 GPF1273', // comboBox
      'windows-own.admx:5:41 GPF1275', // Windows' own namespace
      'windows-own.admx:12:81 GPF1270', // its key is Windows' own, under Software\Policies\Microsoft
    ]);
  });

  it('leaves keys among Microsoft\'s exceptions alone (Software\\Microsoft\\Office)', () => {
    expect(lint.diagnostics.filter((d) => d.message.includes('Office'))).toEqual([]);
  });

  it('names the restricted root and the key', () => {
    expect(lint.diagnostics.find((d) => d.code === 'GPF1270')?.message).toBe(
      "Intune: ADMX ingestion refuses policies that write under Software\\Policies\\Microsoft ('Software\\Policies\\Microsoft\\Contoso' is not among Microsoft's exceptions)",
    );
  });

  it('reports an ADMX over 1 MB (GPF1274)', () => {
    const policy = (i: number) => `<policy name="P${i}" class="Machine" displayName="$(string.P)" key="Software\\Policies\\Contoso" valueName="V${i}"><parentCategory ref="C" /></policy>\n`;
    const policies = Array.from({ length: 9000 }, (_, i) => policy(i)).join('');
    const admx = `<?xml version="1.0" encoding="utf-8"?>\n<policyDefinitions revision="1.0" schemaVersion="1.0" xmlns="http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions"><policyNamespaces><target prefix="big" namespace="Contoso.Big" /></policyNamespaces><resources minRequiredRevision="1.0" /><categories><category name="C" displayName="$(string.P)" /></categories><policies>\n${policies}</policies></policyDefinitions>\n`;
    expect(admx.length).toBeGreaterThan(1024 * 1024);
    const adml = `<?xml version="1.0" encoding="utf-8"?><policyDefinitionResources revision="1.0" schemaVersion="1.0" xmlns="http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions"><displayName>x</displayName><description>x</description><resources><stringTable><string id="P">P</string></stringTable></resources></policyDefinitionResources>`;
    const files = [{ admx: { path: 'Big.admx', bytes: utf8(admx) }, admls: [{ locale: 'en-US', path: 'en-US/Big.adml', bytes: utf8(adml) }] }];
    const codes = (intune: boolean) => lintAdmxFiles(files, { store: false, intune }).diagnostics.map((d) => d.code).filter((c) => INTUNE_CODES.test(c));
    expect(codes(true)).toEqual(['GPF1274']);
    expect(codes(false)).toEqual([]);
  });

  it('reports nothing of it without --intune', () => {
    const plain = lintPolicyDefinitions(`${FIXTURES}/intune`, ['en-US']);
    expect(plain.diagnostics.filter((d) => INTUNE_CODES.test(d.code))).toEqual([]);
    expect(plain.diagnostics.length).toBeGreaterThan(0);
  });
});
