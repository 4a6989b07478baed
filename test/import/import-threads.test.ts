/**
 * `gpforge import` of a folder shares its ADMX/ADML pairs between two threads
 * (src/cli/import-threads.ts): files, diagnostics (in order) and texts are what one thread makes,
 * on the Windows corpus and on a folder where one template cannot be read.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFolder, type ImportedFolder } from '../../src/cli/import-threads.js';
import { CORPUS_DIR, corpusAvailable } from '../support/corpus.js';
import { gpforge, tempDir } from '../support/cli.js';

const SCHEMA = '../src/schema/gpforge.schema.json';

function expectSame(threaded: ImportedFolder, alone: ImportedFolder): void {
  expect(threaded.read).toBe(alone.read);
  expect(threaded.readDiagnostics).toEqual(alone.readDiagnostics);
  expect(threaded.yamlDiagnostics).toEqual(alone.yamlDiagnostics);
  expect(threaded.files.map((f) => f.path)).toEqual(alone.files.map((f) => f.path));
  threaded.files.forEach((file, index) => {
    expect(Buffer.from(file.bytes).equals(Buffer.from(alone.files[index]?.bytes ?? [])), file.path).toBe(true);
  });
  expect([...threaded.texts.keys()].sort()).toEqual([...alone.texts.keys()].sort());
  for (const [file, text] of alone.texts) expect(threaded.texts.get(file) === text, file).toBe(true);
}

/** `count` copies of the Contoso fixture in `folder` (en-US ADML beside), past the size for a second thread. */
function copiesOfContoso(folder: string, count: number): void {
  mkdirSync(join(folder, 'en-US'), { recursive: true });
  for (let i = 0; i < count; i++) {
    copyFileSync('test/fixtures/admx/contoso/Contoso.admx', join(folder, `Contoso${i}.admx`));
    copyFileSync('test/fixtures/admx/contoso/en-US/Contoso.adml', join(folder, 'en-US', `Contoso${i}.adml`));
  }
}

describe('import of a folder on two threads', () => {
  it.skipIf(!corpusAvailable())('gives the Windows corpus the files, diagnostics and texts of one thread', () => {
    const alone = importFolder(CORPUS_DIR, ['en-US'], SCHEMA, { secondThread: false });
    const threaded = importFolder(CORPUS_DIR, ['en-US'], SCHEMA, { secondThread: true });
    expect(alone.files.length).toBeGreaterThan(200);
    expect(alone.yamlDiagnostics.length).toBeGreaterThan(0);
    expectSame(threaded, alone);
  }, 120_000);

  it('reports a template that cannot be read exactly as one thread does', () => {
    const dir = tempDir();
    try {
      copiesOfContoso(dir, 9);
      copyFileSync('test/fixtures/admx/invalid/malformed/Malformed.admx', join(dir, 'Malformed.admx'));
      copyFileSync('test/fixtures/admx/invalid/malformed/en-US/Malformed.adml', join(dir, 'en-US', 'Malformed.adml'));
      const alone = importFolder(dir, ['en-US'], SCHEMA, { secondThread: false });
      const threaded = importFolder(dir, ['en-US'], SCHEMA, { secondThread: true });
      expect(alone.readDiagnostics.some((d) => d.severity === 'error' && d.file.endsWith('Malformed.admx'))).toBe(true);
      expect(alone.files).toHaveLength(9);
      expectSame(threaded, alone);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('gpforge import with GPFORGE_THREADS=2 (the bundle\'s dist/import-worker.js) writes what one thread writes', () => {
    const dir = tempDir();
    try {
      copiesOfContoso(join(dir, 'in'), 9);
      const one = gpforge(['import', join(dir, 'in'), '--out', join(dir, 'one')]);
      const two = gpforge(['import', join(dir, 'in'), '--out', join(dir, 'two')], { env: { GPFORGE_THREADS: '2' } });
      expect(one.code, one.stderr).toBe(0);
      expect(two.code, two.stderr).toBe(0);
      expect(two.stdout).toBe(one.stdout);
      expect(two.stderr.split(join(dir, 'two')).join('OUT')).toBe(one.stderr.split(join(dir, 'one')).join('OUT'));
      const files = readdirSync(join(dir, 'one')).sort();
      expect(files).toHaveLength(9);
      expect(readdirSync(join(dir, 'two')).sort()).toEqual(files);
      for (const file of files) expect(readFileSync(join(dir, 'two', file)).equals(readFileSync(join(dir, 'one', file))), file).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
