/**
 * Headless Chromium for the docs' browser tests (issue 13), with Debian's Chromium and the flags
 * of test/screenshots/chromium.ts. Started through playwright's launchServer so the test knows
 * the browser's PID: closeBrowser() kills it by that PID if closing fails or hangs, so it never
 * outlives the test. Playwright gives each launch a fresh temporary profile and removes it.
 */
import { chromium, type Browser, type BrowserServer } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, CHROMIUM_SKIP_NOTE, chromiumAvailable } from '../screenshots/chromium.js';

/** Why browser tests skip, or undefined when Chromium is there. */
export function browserMissing(): string | undefined {
  return chromiumAvailable() ? undefined : CHROMIUM_SKIP_NOTE;
}

/** A running Chromium: the server owns the process (its PID), the browser is the connection to it. */
export interface RunningBrowser {
  readonly browser: Browser;
  readonly server: BrowserServer;
}

export async function launchBrowser(): Promise<RunningBrowser> {
  const server = await chromium.launchServer({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, '--disable-dev-shm-usage'], headless: true, timeout: 60_000 });
  try {
    return { server, browser: await chromium.connect(server.wsEndpoint()) };
  } catch (error) {
    await closeBrowser({ server });
    throw error;
  }
}
/** Closes the browser; if that fails or hangs, kills its process by its PID, so it never outlives the test. */
export async function closeBrowser(running: { readonly server: BrowserServer; readonly browser?: Browser } | undefined): Promise<void> {
  if (running === undefined) return;
  const pid = running.server.process().pid;
  const closed = (async () => {
    await running.browser?.close().catch(() => undefined);
    await running.server.close();
    return true;
  })().catch(() => false);
  const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 10_000).unref());
  if (!(await Promise.race([closed, timeout])) && pid !== undefined) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}

/** True while a process with this PID exists. */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
