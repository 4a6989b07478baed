/**
 * Screenshots of `gpforge docs` (issue 13), from policies/: the Windows Update policy page with
 * the dialog set to option 4 (light and dark), search results, and a GPO report.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { closeBrowser, launchBrowser, type RunningBrowser } from '../support/browser.js';
import { docsOf } from '../support/docs.js';

export async function docsScreenshots(outDir: string): Promise<{ path: string }[]> {
  const work = mkdtempSync(join(tmpdir(), 'gpforge-docs-shots-'));
  let running: RunningBrowser | undefined;
  try {
    for (const file of docsOf(readdirSync('policies').map((f) => `policies/${f}`), 'html', ['en-US'])) {
      const target = join(work, file.path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, file.bytes);
    }
    running = await launchBrowser();
    return await shoot(running.browser, (page) => pathToFileURL(join(work, 'en-US', page)).href, outDir);
  } finally {
    await closeBrowser(running);
    rmSync(work, { recursive: true, force: true });
  }
}

async function shoot(browser: Browser, url: (page: string) => string, outDir: string): Promise<{ path: string }[]> {
  const written: { path: string }[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme, deviceScaleFactor: 1 });
    await page.goto(url('policies/GpforgeWindowsUpdate/AutoUpdateCfg.html'));
    await page.getByLabel('Enabled', { exact: true }).check();
    await page.getByLabel('Configure automatic updating:').selectOption({ label: '4 - Download automatically and install on a schedule' });
    await page.getByLabel('Scheduled install day:').selectOption({ label: '3 - Every Tuesday' });
    await page.getByLabel('Scheduled install time (hour, 0-23):').fill('22');
    const path = join(outDir, `docs-policy-${colorScheme}.png`);
    await page.screenshot({ path });
    written.push({ path });
    await page.close();
  }
  const search = await browser.newPage({ viewport: { width: 1280, height: 560 }, colorScheme: 'light' });
  await search.goto(url('index.html'));
  await search.getByLabel(/^Search \d+ polic/).fill('restart');
  await search.screenshot({ path: join(outDir, 'docs-search.png') });
  written.push({ path: join(outDir, 'docs-search.png') });
  await search.close();
  const report = await browser.newPage({ viewport: { width: 1280, height: 1000 }, colorScheme: 'light' });
  await report.goto(url('gpos/windows-update-scheduled-install-daily-03-00.html'));
  await report.screenshot({ path: join(outDir, 'docs-gpo-report.png') });
  written.push({ path: join(outDir, 'docs-gpo-report.png') });
  await report.close();
  return written;
}
