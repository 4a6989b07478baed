/**
 * Debian's Chromium, headless, for screenshots and browser tests: an explicit executable
 * (nothing downloads a browser) and no background network traffic; test/support/browser.ts
 * starts it and stops it by its PID.
 */
import { existsSync } from 'node:fs';

export const CHROMIUM_PATH = process.env.GPFORGE_CHROMIUM ?? '/usr/bin/chromium';
export const chromiumAvailable = (): boolean => existsSync(CHROMIUM_PATH);
export const CHROMIUM_SKIP_NOTE = `browser tests: no Chromium at ${CHROMIUM_PATH}; apt-get install chromium (or set GPFORGE_CHROMIUM)`;

/** Chromium's flags: no sandbox (CI runs as root), and nothing that reaches the network. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
