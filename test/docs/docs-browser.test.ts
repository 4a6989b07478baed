/**
 * The explorer in a real browser (issue 13): Debian's headless Chromium opens the generated
 * pages from file://. The live dialog's YAML snippet, compiled as a GPO, must plan exactly the
 * registry values the page shows (model/registry-plan.ts is the judge); search finds a policy by
 * a value name; every control kind is drawn with its label and default; hostile texts stay text.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registryRow } from '../../src/docs/registry-rows.js';
import { planPolicy } from '../../src/model/registry-plan.js';
import { browserMissing, closeBrowser, isRunning, launchBrowser, type RunningBrowser } from '../support/browser.js';
import { compileSnippet, docsOf } from '../support/docs.js';
import { corpusAvailable, CORPUS_DIR } from '../support/corpus.js';
import { compile } from '../../src/compile.js';
import { buildDocs } from '../../src/docs/build-docs.js';
import type { OutputFile } from '../../src/emit/output-file.js';
import { compileTemplates } from '../../src/emit/templates.js';
import { readPolicyDefinitions } from '../../src/load/admx/read-policy-definitions.js';
import { readTemplateSources } from '../../src/load/template-sources.js';

const templates = compileTemplates(readTemplateSources());

const missing = browserMissing();
if (missing !== undefined) console.warn(missing);
const EXAMPLE = ['policies/windows-update.yaml', 'policies/gpo-wu-notify-install.yaml'];
const ALL = ['test/fixtures/valid/all-elements.yaml', 'test/fixtures/valid/gpo-all-kinds.yaml'];
const HOSTILE = ['test/fixtures/docs/hostile.yaml', 'test/fixtures/docs/gpo-hostile.yaml'];

let work: string;
let running: RunningBrowser | undefined;

function writeFiles(dir: string, files: readonly OutputFile[]): void {
  for (const file of files) {
    const target = join(dir, file.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.bytes);
  }
}

function writeDocs(name: string, paths: readonly string[]): string {
  const dir = join(work, name);
  writeFiles(dir, docsOf(paths, 'html'));
  return dir;
}

async function open(dir: string, page: string): Promise<Page> {
  if (!running) throw new Error('no browser');
  const tab = await running.browser.newPage();
  tab.setDefaultTimeout(8_000);
  const errors: string[] = [];
  const external: string[] = [];
  tab.on('pageerror', (error) => errors.push(error.message));
  // The pages need nothing but their own files: no request may leave file://.
  tab.on('request', (request) => void (request.url().startsWith('file://') || external.push(request.url())));
  await tab.goto(pathToFileURL(join(dir, page)).href);
  await tab.waitForLoadState('load');
  expect(errors).toEqual([]);
  expect(external).toEqual([]);
  return tab;
}

/** The rows the live dialog shows: key, value name, type, data. */
async function shownRows(page: Page): Promise<string[][]> {
  return page.$$eval('#gp-registry tr', (rows) => rows.map((row) => [...(row as HTMLTableRowElement).cells].map((cell) => cell.textContent ?? '')));
}

/** The snippet as a GPO file compiled with the definitions; the policy's planned rows, as the page shows them. */
function plannedRows(definitions: string, snippet: string, hive: string): string[][] {
  const result = compileSnippet(definitions, snippet);
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const side = hive === 'HKLM' ? result.model?.gpos[0]?.computer : result.model?.gpos[0]?.user;
  const configured = side?.policies[0];
  if (!configured) throw new Error('snippet configured nothing');
  return planPolicy(configured).map(registryRow).map((r) => [`${hive}\\${r.key}`, r.name === '' ? '(Default)' : r.name, r.type, r.data]);
}

describe.skipIf(missing !== undefined)('policy explorer in Chromium', () => {
  let example: string;
  let all: string;
  let hostile: string;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'gpforge-docs-browser-'));
    example = writeDocs('example', EXAMPLE);
    all = writeDocs('all', ALL);
    hostile = writeDocs('hostile', HOSTILE);
    running = await launchBrowser();
  }, 90_000);

  afterAll(async () => {
    const pid = running?.server.process().pid;
    await closeBrowser(running);
    rmSync(work, { recursive: true, force: true });
    if (pid !== undefined && isRunning(pid)) throw new Error(`Chromium (PID ${pid}) outlived the tests`);
  }, 30_000);

  it('AutoUpdateCfg: Enabled, option 4, day and time give the YAML snippet and the planned registry values', async () => {
    const page = await open(example, 'en-US/policies/GpforgeWindowsUpdate/AutoUpdateCfg.html');
    expect(await page.textContent('#gp-yaml')).toMatch(/^# Not configured/);
    expect(await shownRows(page)).toEqual([]);
    await page.getByLabel('Enabled', { exact: true }).check();
    await page.getByLabel('Configure automatic updating:').selectOption({ label: '4 - Download automatically and install on a schedule' });
    await page.getByLabel('Scheduled install day:').selectOption({ label: '3 - Every Tuesday' });
    await page.getByLabel('Scheduled install time (hour, 0-23):').fill('22');
    const yaml = await page.textContent('#gp-yaml');
    expect(yaml).toBe('computer:\n  policies:\n    gpfwu:AutoUpdateCfg: { state: enabled, AutoUpdateMode: AutoDownloadScheduleInstall, ScheduledInstallDay: Tuesday, ScheduledInstallTime: 22 }');
    const rows = await shownRows(page);
    expect(rows).toEqual([
      ['HKLM\\Software\\Policies\\Microsoft\\Windows\\WindowsUpdate\\AU', 'NoAutoUpdate', 'REG_DWORD', '0'],
      ['HKLM\\Software\\Policies\\Microsoft\\Windows\\WindowsUpdate\\AU', 'AUOptions', 'REG_DWORD', '4'],
      ['HKLM\\Software\\Policies\\Microsoft\\Windows\\WindowsUpdate\\AU', 'ScheduledInstallDay', 'REG_DWORD', '3'],
      ['HKLM\\Software\\Policies\\Microsoft\\Windows\\WindowsUpdate\\AU', 'ScheduledInstallTime', 'REG_DWORD', '22'],
    ]);
    expect(rows).toEqual(plannedRows('policies/windows-update.yaml', yaml ?? '', 'HKLM'));
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByRole('button', { name: 'Copy YAML' }).click();
    await page.getByText('Copied.').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(yaml);
    await page.getByLabel('Disabled', { exact: true }).check();
    const disabled = await page.textContent('#gp-yaml');
    expect(disabled).toBe('computer:\n  policies:\n    gpfwu:AutoUpdateCfg: disabled');
    expect(await page.isDisabled('#gp-el-0')).toBe(true);
    expect((await shownRows(page))[0]).toEqual(['HKLM\\Software\\Policies\\Microsoft\\Windows\\WindowsUpdate\\AU', 'NoAutoUpdate', 'REG_DWORD', '1']);
    expect(await shownRows(page)).toEqual(plannedRows('policies/windows-update.yaml', disabled ?? '', 'HKLM'));
    await page.close();
  });

  it('switches language to the same policy in German', async () => {
    const page = await open(example, 'en-US/policies/GpforgeWindowsUpdate/AutoUpdateCfg.html');
    await page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: 'de-DE' }).click();
    await page.waitForURL(/de-DE\/policies\/GpforgeWindowsUpdate\/AutoUpdateCfg\.html$/);
    expect(await page.textContent('h1')).toBe('Automatische Updates konfigurieren');
    expect(await page.locator('html').getAttribute('lang')).toBe('de-DE');
    await page.close();
  });

  it('follows the browser\'s light or dark colour scheme', async () => {
    const page = await open(example, 'en-US/index.html');
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await background()).toBe('rgb(255, 255, 255)');
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await background()).toBe('rgb(13, 17, 23)');
    await page.close();
  });

  it.skipIf(!corpusAvailable())('Windows\' own AutoUpdateCfg (WindowsUpdate.admx): option 4, Tuesday, 22:00 give the planned rows', async () => {
    const admx = join(CORPUS_DIR, 'WindowsUpdate.admx');
    const external = readPolicyDefinitions(admx).definitions;
    const dir = join(work, 'windows');
    writeFiles(dir, buildDocs({ model: { definitions: [], gpos: [] }, external, includeExternal: true }, { templates, format: 'html', locales: [] }));
    const page = await open(dir, 'en-US/policies/WindowsUpdate/AutoUpdateCfg.html');
    await page.getByLabel('Enabled', { exact: true }).check();
    await page.getByLabel('Configure automatic updating:').selectOption({ label: '4 - Auto download and schedule the install' });
    await page.getByLabel('Scheduled install day:').selectOption({ label: '3 - Every Tuesday' });
    await page.getByLabel('Scheduled install time:').selectOption({ label: '22:00' });
    const yaml = (await page.textContent('#gp-yaml')) ?? '';
    expect(yaml).toMatch(/^computer:\n  policies:\n    wuau:AutoUpdateCfg: \{ state: enabled, AutoUpdateMode: /);
    const rows = await shownRows(page);
    expect(rows).toContainEqual(['HKLM\\Software\\Policies\\Microsoft\\Windows\\WindowsUpdate\\AU', 'AUOptions', 'REG_DWORD', '4']);
    expect(rows).toContainEqual(['HKLM\\Software\\Policies\\Microsoft\\Windows\\WindowsUpdate\\AU', 'ScheduledInstallDay', 'REG_DWORD', '3']);
    expect(rows).toContainEqual(['HKLM\\Software\\Policies\\Microsoft\\Windows\\WindowsUpdate\\AU', 'ScheduledInstallTime', 'REG_DWORD', '22']);
    const compiled = compile([{ path: 'snippet.yaml', text: `kind: gpo\nname: From the browser\n${yaml}\n` }], { templates, emit: false, backupTime: new Date(0), externalDefinitions: external });
    expect(compiled.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const configured = compiled.model?.gpos[0]?.computer.policies[0];
    expect(configured && planPolicy(configured).map(registryRow).map((r) => [`HKLM\\${r.key}`, r.name === '' ? '(Default)' : r.name, r.type, r.data])).toEqual(rows);
    await page.close();
  });

  it('search for AUOptions lands on the policy that writes it', async () => {
    const page = await open(example, 'en-US/index.html');
    await page.getByLabel(/^Search \d+ polic/).fill('AUOptions');
    const first = page.locator('#gp-results a').first();
    expect(await first.textContent()).toBe('Configure Automatic Updates');
    await first.click();
    await page.waitForURL(/AutoUpdateCfg\.html$/);
    expect(await page.textContent('h1')).toBe('Configure Automatic Updates');
    await page.close();
  });

  it('draws every control kind of the all-elements fixture with its label and default', async () => {
    const page = await open(all, 'en-US/policies/AllElements/EveryElement.html');
    expect(await page.locator('.control-text').first().textContent()).toBe('Settings below need a restart & <care>.');
    expect(await page.getByLabel('Plain check box').isChecked()).toBe(true);
    expect(await page.getByLabel('Check box with values').isChecked()).toBe(false);
    expect(await page.getByLabel('Count (1-100):').inputValue()).toBe('10');
    expect(await page.getByLabel('Count (1-100):').getAttribute('step')).toBe('5');
    expect(await page.getByLabel('Count stored as text').inputValue()).toBe('1');
    expect(await page.getByLabel('Huge number').inputValue()).toBe('7');
    expect(await page.getByLabel('Mode', { exact: true }).evaluate((s) => (s as HTMLSelectElement).selectedOptions[0]?.textContent)).toBe('Fast');
    expect(await page.getByLabel('Mode', { exact: true }).evaluate((s) => [...(s as HTMLSelectElement).options].map((o) => o.textContent))).toEqual(['Off', 'Fast', 'Wide', 'Remove']);
    expect(await page.getByLabel('Server name').inputValue()).toBe('https://example.com/?a=1&b=2');
    expect(await page.getByLabel('Path', { exact: true }).inputValue()).toBe('%ProgramFiles%\\Contoso');
    expect(await page.locator('#' + (await page.getByLabel('Path', { exact: true }).getAttribute('list'))).evaluate((l) => [...(l as HTMLDataListElement).options].map((o) => o.value))).toEqual(['%ProgramFiles%\\Contoso', 'D:\\Contoso']);
    expect(await page.getByLabel('Lines').getAttribute('rows')).toBe('5');
    for (const label of ['Allowed items', 'Named values', 'Prefixed values']) {
      await page.getByText('Show…').nth(['Allowed items', 'Named values', 'Prefixed values'].indexOf(label)).click();
      expect(await page.getByLabel(label).evaluate((e) => e.tagName)).toBe('TEXTAREA');
    }
    await page.close();
  });

  it('all-elements: any values entered give the rows their YAML snippet plans', async () => {
    const page = await open(all, 'en-US/policies/AllElements/EveryElement.html');
    await page.getByLabel('Enabled', { exact: true }).check();
    await page.getByLabel('Plain check box').uncheck();
    await page.getByLabel('Check box with values').check();
    await page.getByLabel('Count stored as text').fill('0042');
    await page.getByLabel('Mode', { exact: true }).selectOption({ label: 'Wide' });
    await page.getByLabel('Server name').fill('a "quoted" \\ value: # not a comment');
    await page.getByLabel('Lines').fill('one\n\ntwo: 2\n');
    for (const n of [0, 1, 2]) await page.getByText('Show…').nth(n).click();
    await page.getByLabel('Allowed items').fill('x\ny');
    await page.getByLabel('Named values').fill('Alpha=%PATH%\nBeta=b=c');
    await page.getByLabel('Prefixed values').fill('s1\ns2\ns3');
    const yaml = (await page.textContent('#gp-yaml')) ?? '';
    const rows = await shownRows(page);
    expect(rows.length).toBeGreaterThan(10);
    expect(rows).toEqual(plannedRows('test/fixtures/valid/all-elements.yaml', yaml, 'HKLM'));
    await page.close();
  });

  it('shows hostile texts as text and runs none of them', async () => {
    const policy = await open(hostile, 'en-US/policies/Hostile/EvilPolicy.html');
    expect(await policy.textContent('h1')).toBe("<img src=x onerror=\"window.__pwned='name'\"> ‏שלום עולם‏ \u202Eevil 𝕏🚀 'quoted'");
    expect(await policy.locator('.explain').first().textContent()).toContain("</p><script>window.__pwned = 'explain'</script><p>");
    expect(await policy.getByLabel('<b>Label</b>').inputValue()).toBe("\"><script>window.__pwned='default'</script>");
    await policy.getByLabel('Enabled', { exact: true }).check();
    const rows = await shownRows(policy);
    expect(rows.map((r) => r[1])).toContain("Words</td><script>window.__pwned='cell'</script>");
    expect(rows).toEqual(plannedRows('test/fixtures/docs/hostile.yaml', (await policy.textContent('#gp-yaml')) ?? '', 'HKCU'));
    const index = await open(hostile, 'en-US/index.html');
    await index.getByLabel(/^Search \d+ polic/).fill('שלום');
    expect(await index.locator('#gp-results a').first().textContent()).toContain("<img src=x onerror=");
    await index.getByLabel(/^Search \d+ polic/).fill('pwned');
    expect(await index.locator('#gp-results a').count()).toBe(1);
    const report = await open(hostile, 'en-US/gpos/script-window-pwned-gpo-script-gpo-q-x.html');
    expect(await report.textContent('h1')).toBe("<script>window.__pwned='gpo'</script> GPO \"q\" 𝕏");
    expect(await report.locator('.data').first().textContent()).toBe("</code><script>window.__pwned='words'</script>");
    for (const page of [policy, index, report]) {
      expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
      expect(await page.locator('img, svg, b, i').count()).toBe(0);
      await page.close();
    }
  });
});
