/**
 * The editor set-up of the README works in a real editor (issue 16): Monaco with monaco-yaml
 * (yaml-language-server's services) and the project schema flags the out-of-range value, offers
 * the Windows Update policies with their help, and shows the explain text on hover. The
 * screenshot script waits for each of these and fails if one does not appear.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CHROMIUM_SKIP_NOTE, chromiumAvailable } from './chromium.js';
import { editorScreenshots } from './editor.js';

const PNG_SIGNATURE = '89504e470d0a1a0a';

describe.skipIf(!chromiumAvailable())('editor screenshots (Monaco + monaco-yaml in Chromium)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gpforge-shots-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('draws completion, hover and the out-of-range diagnostic', { timeout: 120_000 }, async () => {
    const [completion, hover, diagnostic, ...more] = await editorScreenshots(dir);
    expect(more).toEqual([]);
    for (const shot of [completion, hover, diagnostic]) expect(readFileSync(shot!.path).subarray(0, 8).toString('hex')).toBe(PNG_SIGNATURE);
    // Completion offers the Windows Update policies not yet configured, with the first one's help.
    expect(completion!.shown).toContain('gpfwu:AutoInstallMinorUpdates');
    expect(completion!.shown).toContain('gpfwu:UseWUServer');
    expect(completion!.shown).not.toContain('gpfwu:AutoUpdateCfg');
    expect(completion!.shown).toContain('Allow Automatic Updates immediate installation');
    expect(hover!.shown).toContain('Turns Automatic Updates on or off for this computer');
    expect(diagnostic!.shown).toContain('Value is above the maximum of 23.');
  });
});

if (!chromiumAvailable()) it.skip(CHROMIUM_SKIP_NOTE, () => undefined);
