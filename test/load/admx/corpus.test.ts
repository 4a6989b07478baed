/**
 * Windows 11's own PolicyDefinitions (223 ADMX + en-US ADML, ../shared/corpus/README.md):
 * all of it reads without an error, and WindowsUpdate.admx's AutoUpdateCfg matches the raw file.
 * The read time is logged, not asserted: timing is `npm run bench`'s (issue 11). Skipped when
 * ../shared is absent (a user's clone has none).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPolicyDefinitions } from '../../../src/load/admx/read-policy-definitions.js';
import type { EnumElement } from '../../../src/model/types.js';

const CORPUS = path.resolve('../shared/corpus/windows/PolicyDefinitions');
const present = existsSync(CORPUS);
if (!present) console.warn(`corpus tests skipped: ${CORPUS} is absent`);

describe.skipIf(!present)('Windows PolicyDefinitions corpus', () => {
  const started = performance.now();
  const read = present ? readPolicyDefinitions(CORPUS, ['en-US']) : { definitions: [], diagnostics: [], texts: new Map<string, string>() };
  const elapsed = performance.now() - started;
  const policies = read.definitions.flatMap((d) => d.policies);

  it('reads all 223 files with en-US, without an error', () => {
    const counts: Record<string, number> = {};
    for (const d of read.diagnostics) counts[d.code] = (counts[d.code] ?? 0) + 1;
    console.log(`corpus: ${read.definitions.length} files, ${policies.length} policies, read in ${elapsed.toFixed(0)} ms; diagnostics ${JSON.stringify(counts)}`);
    expect(read.definitions).toHaveLength(223);
    expect(read.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(read.texts.size).toBe(446);
  });

  it('reads every policy (3539 policy elements in this corpus), each with a name and explain text', () => {
    expect(policies.length).toBeGreaterThanOrEqual(3500);
    expect(policies.filter((p) => !p.id || !p.name['en-US']?.trim() || !p.explain['en-US']?.trim()).map((p) => p.id)).toEqual([]);
  });

  it("WindowsUpdate.admx's AutoUpdateCfg matches the raw file", () => {
    const raw = readFileSync(path.join(CORPUS, 'WindowsUpdate.admx'), 'utf8');
    const block = /<policy name="AutoUpdateCfg"[\s\S]*?<\/policy>/.exec(raw)?.[0] ?? '';
    const start = /<policy name="AutoUpdateCfg"[^>]*>/.exec(block)?.[0] ?? '';
    const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
    const enumValues = (valueName: string) => {
      const body = new RegExp(`<enum id="[^"]*" valueName="${valueName}"[\\s\\S]*?</enum>`).exec(block)?.[0] ?? '';
      return [...body.matchAll(/<decimal value="(\d+)"/g)].map((m) => Number(m[1]));
    };

    const file = read.definitions.find((d) => d.fileName === 'WindowsUpdate');
    const policy = file?.policies.find((p) => p.id === 'AutoUpdateCfg');
    expect(policy).toMatchObject({
      class: 'machine',
      key: attr(start, 'key'),
      valueName: 'NoAutoUpdate',
      enabledValue: { kind: 'decimal', value: 0 },
      disabledValue: { kind: 'decimal', value: 1 },
      name: { 'en-US': 'Configure Automatic Updates' },
    });
    expect(policy?.key).toBe('Software\\Policies\\Microsoft\\Windows\\WindowsUpdate\\AU');
    const enumBy = (valueName: string) => policy?.elements.find((e): e is EnumElement => e.type === 'enum' && e.valueName === valueName);
    const values = (valueName: string) => enumBy(valueName)?.items.map((i) => (i.value.kind === 'decimal' ? i.value.value : NaN));
    expect(values('AUOptions')).toEqual(enumValues('AUOptions'));
    expect(values('AUOptions')).toEqual([2, 3, 4, 5, 7]);
    expect(enumBy('AUOptions')).toMatchObject({ id: 'AutoUpdateMode', required: true });
    expect(enumBy('AUOptions')?.items.map((i) => i.id)).toEqual([
      'AutoUpdateModeNotify',
      'AutoUpdateModeDownload',
      'AutoUpdateModeAuto',
      'AutoUpdateModeAdminChooses',
      'AutoUpdateModeNotifyToInstallNotifyToReboot',
    ]);
    expect(values('ScheduledInstallDay')).toEqual(enumValues('ScheduledInstallDay'));
    expect(values('ScheduledInstallDay')).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(values('ScheduledInstallTime')).toEqual(enumValues('ScheduledInstallTime'));
    expect(values('ScheduledInstallTime')).toHaveLength(25);
    expect(policy?.elements.map((e) => e.id)).toEqual([...block.matchAll(/<(?:enum|boolean|decimal|text|list|multiText) id="([^"]+)"/g)].map((m) => m[1]));
    expect(policy?.presentation.slice(0, 2)).toEqual([
      { kind: 'dropdownList', refId: 'AutoUpdateMode', label: { 'en-US': 'Configure automatic updating:' }, noSort: false, defaultItem: 1 },
      { kind: 'text', text: { 'en-US': 'The following settings are only required and applicable if 4 is selected.' } },
    ]);
  });

  it('reads the quirks Windows ships: hyphen ids, UTF-16 files, case-mismatched ADML names', () => {
    const byName = new Map(read.definitions.map((d) => [d.fileName, d]));
    expect(byName.get('GroupPolicy')?.policies.some((p) => p.id.includes('-'))).toBe(true);
    expect(byName.get('Search')?.policies.length).toBeGreaterThan(0);
    expect(byName.get('Camera')?.policies.length).toBeGreaterThan(0);
    expect(byName.get('inetres')?.policies.length).toBeGreaterThan(900);
    expect(byName.get('WindowsRemoteShell')?.policies.length).toBeGreaterThan(0);
    // `maxvalue` is not `maxValue` to Windows' case-sensitive reader: the default applies, the spelling is kept.
    const studyId = byName.get('CEIPEnable')?.policies.find((p) => p.id === 'StudyId')?.elements[0];
    expect(studyId).toMatchObject({ maxValue: 9999, extraAttributes: { maxvalue: '65535' } });
  });
});
