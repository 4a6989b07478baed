/**
 * `npm run screenshots`: PNGs for the README, taken in Debian's headless Chromium (see
 * test/support/browser.ts) and written to test/screenshots/images/ (committed, so a newcomer sees
 * what they get before installing). Each module in SHOTS takes its own; add a module to the list
 * for a new screenshot. Exits 1 with a message where Chromium is absent.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { browserMissing, closeBrowser, launchBrowser, type RunningBrowser } from '../support/browser.js';

/** What a screenshot module gets: the browser, a scratch folder, and where PNGs go. */
export interface ShotContext {
  readonly browser: Browser;
  readonly work: string;
  readonly images: string;
}

/** A screenshot module: takes its shots, returns the PNG paths it wrote. */
export type ShotModule = (context: ShotContext) => Promise<string[]>;

const SHOTS: readonly (() => Promise<ShotModule>)[] = [
  async () => (await import('./docs.js')).docsShots,
];

const IMAGES = resolve('test/screenshots/images');

async function main(): Promise<number> {
  const missing = browserMissing();
  if (missing !== undefined) {
    console.error(missing);
    return 1;
  }
  mkdirSync(IMAGES, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'gpforge-screenshots-'));
  let running: RunningBrowser | undefined;
  try {
    running = await launchBrowser();
    for (const load of SHOTS) {
      const shots = await (await load())({ browser: running.browser, work, images: IMAGES });
      for (const shot of shots) console.log(`wrote ${shot}`);
    }
    return 0;
  } finally {
    await closeBrowser(running);
    rmSync(work, { recursive: true, force: true });
  }
}

process.exitCode = await main();
