/**
 * Screenshots of `gpforge docs` (issue 13): the Windows Update policy page with the dialog set to
 * option 4, the same page in dark mode, search results, and a GPO report; from policies/.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { docsOf } from '../support/docs.js';
import type { ShotContext } from './run.js';

export async function docsShots({ browser, work, images }: ShotContext): Promise<string[]> {
  const dir = join(work, 'docs');
  for (const file of docsOf(readdirSync('policies').map((f) => `policies/${f}`), 'html', ['en-US'])) {
    const target = join(dir, file.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.bytes);
  }
  const url = (page: string) => pathToFileURL(join(dir, 'en-US', page)).href;
  const written: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme, deviceScaleFactor: 1 });
    await page.goto(url('policies/GpforgeWindowsUpdate/AutoUpdateCfg.html'));
    await page.getByLabel('Enabled', { exact: true }).check();
    await page.getByLabel('Configure automatic updating:').selectOption({ label: '4 - Download automatically and install on a schedule' });
    await page.getByLabel('Scheduled install day:').selectOption({ label: '3 - Every Tuesday' });
    await page.getByLabel('Scheduled install time (hour, 0-23):').fill('22');
    const file = join(images, `docs-policy-${colorScheme}.png`);
    await page.screenshot({ path: file });
    written.push(file);
    await page.close();
  }
  const search = await browser.newPage({ viewport: { width: 1280, height: 560 }, colorScheme: 'light' });
  await search.goto(url('index.html'));
  await search.getByLabel(/^Search \d+ polic/).fill('restart');
  written.push(join(images, 'docs-search.png'));
  await search.screenshot({ path: join(images, 'docs-search.png') });
  await search.close();
  const report = await browser.newPage({ viewport: { width: 1280, height: 1000 }, colorScheme: 'light' });
  await report.goto(url('gpos/windows-update-scheduled-install-daily-03-00.html'));
  written.push(join(images, 'docs-gpo-report.png'));
  await report.screenshot({ path: join(images, 'docs-gpo-report.png') });
  await report.close();
  return written;
}
