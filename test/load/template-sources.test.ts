import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readTemplateSources } from '../../src/load/template-sources.js';

describe('readTemplateSources', () => {
  const overrideDir = mkdtempSync(path.join(tmpdir(), 'gpforge-templates-'));
  afterAll(() => rmSync(overrideDir, { recursive: true, force: true }));

  it('reads every built-in .hbs, keyed by relative path without extension', () => {
    const keys = Object.keys(readTemplateSources());
    expect(keys).toEqual(expect.arrayContaining(['admx', 'adml', 'partials/value-list', 'partials/value']));
    expect(keys.every((key) => !key.endsWith('.hbs') && !key.includes('\\'))).toBe(true);
  });

  it('lets an override folder replace built-ins and add partials; drops a BOM', () => {
    mkdirSync(path.join(overrideDir, 'partials'));
    writeFileSync(path.join(overrideDir, 'admx.hbs'), '\uFEFFcustom {{revision}}\n');
    writeFileSync(path.join(overrideDir, 'partials', 'header.hbs'), '<!-- Contoso -->\n');
    writeFileSync(path.join(overrideDir, 'notes.txt'), 'ignored');
    const builtIn = readTemplateSources();
    const sources = readTemplateSources(overrideDir);
    expect(sources.admx).toBe('custom {{revision}}\n');
    expect(sources['partials/header']).toBe('<!-- Contoso -->\n');
    expect(sources.adml).toBe(builtIn.adml);
    expect(sources).not.toHaveProperty('notes');
  });
});
