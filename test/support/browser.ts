/**
 * Headless Chromium for browser tests (issue 13): Debian's `chromium` package (or
 * GPFORGE_CHROMIUM), driven by playwright-core, which never downloads a browser. Tests skip with
 * browserMissing() as the reason where it is absent. Playwright gives each launch a fresh
 * temporary profile and removes it on close; the flags keep Chromium off the network.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserServer } from 'playwright-core';

export const CHROMIUM = process.env.GPFORGE_CHROMIUM ?? '/usr/bin/chromium';

/** Why browser tests skip, or undefined when Chromium is there. */
export function browserMissing(): string | undefined {
  return existsSync(CHROMIUM) ? undefined : `${CHROMIUM} not found (install Debian's chromium or set GPFORGE_CHROMIUM): browser tests skipped`;
}

const ARGS = [
  '--headless',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  // Root (CI containers) cannot use Chromium's sandbox.
  ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
];

/** A running Chromium: the server owns the process (its PID), the browser is the connection to it. */
export interface RunningBrowser {
  readonly browser: Browser;
  readonly server: BrowserServer;
}

export async function launchBrowser(): Promise<RunningBrowser> {
  const server = await chromium.launchServer({ executablePath: CHROMIUM, args: ARGS, headless: true, timeout: 60_000 });
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
