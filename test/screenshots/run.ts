/**
 * `npm run screenshots`: draws the README's pictures into test/screenshots/images/ with Debian's
 * Chromium (headless). Each entry is one module's screenshots; add new ones to the list.
 */
import { mkdirSync } from 'node:fs';
import { CHROMIUM_SKIP_NOTE, chromiumAvailable } from './chromium.js';
import { docsScreenshots } from './docs.js';
import { editorScreenshots } from './editor.js';

const OUT = 'test/screenshots/images';
const SCREENSHOTS: readonly ((outDir: string) => Promise<{ path: string }[]>)[] = [editorScreenshots, docsScreenshots];

if (!chromiumAvailable()) {
  console.error(CHROMIUM_SKIP_NOTE);
  process.exit(1);
}
mkdirSync(OUT, { recursive: true });
for (const draw of SCREENSHOTS) for (const { path } of await draw(OUT)) console.log(path);
