/**
 * compile()'s first stage on two threads (src/compile-sources.ts): every source's diagnostics
 * (in order, with their positions), data and later positions are what one thread makes, for
 * valid and invalid definitions, GPO files, files off the fast path (aliases, syntax errors,
 * an alias bomb) and files of no known kind.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadedFromThread, loadSource, loadSourceForThread, loadSources, type LoadedSource, type SourceFile } from '../../src/compile-sources.js';
import { startBuildThread } from '../../src/threads/build-thread.js';
import { allElementsFile } from '../bench/projects.js';

const fixtures = (dir: string): SourceFile[] =>
  readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => ({ path: join(dir, name), text: readFileSync(join(dir, name), 'utf8') }));

function summary(loaded: LoadedSource) {
  const doc = loaded.definitions?.doc ?? loaded.gpoDoc;
  return {
    diagnostics: loaded.diagnostics,
    definitions: loaded.definitions?.input,
    gpo: loaded.gpoDoc?.data,
    // Positions asked for later (omission warnings, GPO checks) come from the rebuilt document.
    positions: doc ? [doc.locate(['kind']), doc.locate(['policies', 0, 'id']), doc.locate(['policies', 1], 'key')] : [],
  };
}

const mixed = (): SourceFile[] => [
  ...fixtures('test/fixtures/valid'),
  ...fixtures('test/fixtures/invalid'),
  ...fixtures('test/fixtures/invalid-gpo'),
  { path: 'aliases.yaml', text: 'kind: definitions\nnamespace: &ns Contoso.Aliases\nfileName: *ns\n' },
  { path: 'other.yaml', text: 'kind: something-else\n' },
  // Read with js-yaml's listener on the other thread (a quoted text that looks like a flow key).
  { path: 'flow-key-like.yaml', text: 'kind: gpo\nname: "Enter [0-3]: "\n' },
];

describe('reading the sources on two threads', () => {
  it('makes each source again from what crosses threads exactly as one thread reads it', () => {
    const sources = mixed();
    expect(sources.map((s) => loadSourceForThread(s, false)).some((m) => m.redo)).toBe(true);
    for (const source of sources) {
      // structuredClone: what postMessage does to the message between the threads.
      const crossed = loadedFromThread(source, structuredClone(loadSourceForThread(source, true)), true);
      expect(summary(crossed), source.path).toEqual(summary(loadSource(source, true)));
    }
  });

  it('gives every source the diagnostics, data and positions of one thread', () => {
    const sources = [allElementsFile(400), ...mixed()]; // the first: past the size a second thread needs
    expect(sources.reduce((sum, s) => sum + s.text.length, 0)).toBeGreaterThan(512 * 1024);
    const alone = loadSources(sources, false);
    let started = 0;
    const shared = loadSources(sources, false, () => {
      started++;
      return startBuildThread().load;
    });
    expect(started).toBe(1);
    expect(shared).toHaveLength(sources.length);
    expect(alone.some((s) => s.definitions) && alone.some((s) => s.gpoDoc) && alone.some((s) => s.diagnostics.length > 0)).toBe(true);
    shared.forEach((loaded, index) => expect(summary(loaded), sources[index]?.path).toEqual(summary(alone[index] as LoadedSource)));
  }, 60_000);

  it('starts no thread for a small project', () => {
    let started = 0;
    loadSources(fixtures('test/fixtures/valid'), false, () => {
      started++;
      return startBuildThread().load;
    });
    expect(started).toBe(0);
  });
});
