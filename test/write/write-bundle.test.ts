/**
 * src/write/write-bundle.ts: the bundle replaces out/ atomically, whether its files were written
 * at commit on this thread (small bundles) or meanwhile on the writer thread (large ones).
 */
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OutputFile } from '../../src/emit/output-file.js';
import { FileWriterThread } from '../../src/write/file-writer-thread.js';
import { BundleWriter, writeBundle } from '../../src/write/write-bundle.js';
import { tempDirs } from '../support/temp-dirs.js';

/** A writer thread that writes one file, then never answers (test/support/stalling-writer-thread.ts). */
const STALLING_WRITER = new URL('../support/stalling-writer-thread.ts', import.meta.url);

const temp = tempDirs('gpforge-write-');

/** Every file below `dir`, as path → contents. */
function tree(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else files[relative(dir, path)] = readFileSync(path, 'latin1');
    }
  };
  walk(dir);
  return files;
}

/** `count` files of `size` bytes each, distinct contents, in nested folders. */
function files(count: number, size: number, tag = 'x'): OutputFile[] {
  return Array.from({ length: count }, (_, i) => ({
    path: `kind${i % 3}/sub/${tag}-${i}.bin`,
    bytes: new Uint8Array(Buffer.from(`${tag}${i}:`.padEnd(size, String.fromCharCode(97 + (i % 26))), 'latin1')),
  }));
}

const asTree = (list: readonly OutputFile[]) => Object.fromEntries(list.map((f) => [f.path, Buffer.from(f.bytes).toString('latin1')]));
const parentEntries = (dir: string) => readdirSync(dir).sort();

describe('BundleWriter', () => {
  it('writes a small bundle at commit and replaces the old out/ wholly', () => {
    const dir = temp();
    const out = join(dir, 'out');
    mkdirSync(join(out, 'stale'), { recursive: true });
    writeFileSync(join(out, 'stale', 'old.txt'), 'old');
    const bundle = files(5, 100);
    writeBundle(out, bundle);
    expect(tree(out)).toEqual(asTree(bundle));
    expect(parentEntries(dir)).toEqual(['out']);
  });

  it('writes a large bundle on the writer thread while files are still being added', () => {
    const dir = temp();
    const out = join(dir, 'out');
    const bundle = files(40, 200_000); // 8 MB: past the thread's threshold
    const writer = new BundleWriter(out);
    for (const file of bundle) writer.add(file);
    writer.commit(bundle);
    expect(tree(out)).toEqual(asTree(bundle));
    expect(parentEntries(dir)).toEqual(['out']);
  });

  it('hands back shared-memory bytes once the writer thread runs, one copy per buffer, and writes them', () => {
    const dir = temp();
    const out = join(dir, 'out');
    const bundle = files(30, 200_000);
    const pol = new Uint8Array(Buffer.from('one Registry.pol in two files'));
    const twice: OutputFile[] = [{ path: 'a/Registry.pol', bytes: pol }, { path: 'b/Registry.pol', bytes: pol }];
    const writer = new BundleWriter(out);
    const kept = [...bundle, ...twice].map((file) => ({ path: file.path, bytes: writer.add(file) }));
    // The first files wait in memory (before the thread starts) and come back as they were.
    expect(kept[0]?.bytes).toBe(bundle[0]?.bytes);
    expect(kept.at(-1)?.bytes.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(kept.at(-1)?.bytes).toBe(kept.at(-2)?.bytes);
    writer.commit(kept);
    expect(tree(out)).toEqual(asTree([...bundle, ...twice]));
  });

  it('ends with exactly the committed list: files added but not committed go, changed bytes win', () => {
    const dir = temp();
    const out = join(dir, 'out');
    const early = files(30, 200_000);
    const writer = new BundleWriter(out);
    for (const file of early) writer.add(file);
    const changed = { path: early[0]?.path ?? '', bytes: new Uint8Array(Buffer.from('rewritten')) };
    const final = [changed, ...early.slice(1, 10), ...files(2, 10, 'late')];
    writer.commit(final);
    expect(tree(out)).toEqual(asTree(final));
  });

  it('leaves out/ untouched and removes its staging folder when a threaded write fails', () => {
    const dir = temp();
    const out = join(dir, 'out');
    mkdirSync(out);
    writeFileSync(join(out, 'keep.txt'), 'previous build');
    const writer = new BundleWriter(out);
    const bundle = files(20, 200_000);
    for (const file of bundle) writer.add(file);
    // A file where the thread must make a folder: its next write under that folder fails.
    const blocked: OutputFile[] = [{ path: 'blocker', bytes: new Uint8Array([1]) }, { path: 'blocker/inside.txt', bytes: new Uint8Array([2]) }];
    for (const file of blocked) writer.add(file);
    expect(() => writer.commit([...bundle, ...blocked])).toThrow(/ENOTDIR|EEXIST/);
    expect(tree(out)).toEqual({ 'keep.txt': 'previous build' });
    expect(parentEntries(dir)).toEqual(['out']);
  });

  it('leaves out/ untouched on abort, after the thread has stopped writing', () => {
    const dir = temp();
    const out = join(dir, 'out');
    mkdirSync(out);
    writeFileSync(join(out, 'keep.txt'), 'previous build');
    const writer = new BundleWriter(out);
    for (const file of files(20, 200_000)) writer.add(file);
    writer.abort();
    expect(tree(out)).toEqual({ 'keep.txt': 'previous build' });
    expect(parentEntries(dir)).toEqual(['out']);
  });

  it('reports an out/ whose parent cannot be made at commit, not while adding', () => {
    const dir = temp();
    writeFileSync(join(dir, 'blocker'), 'a file where a folder should be');
    const writer = new BundleWriter(join(dir, 'blocker', 'out'));
    const bundle = files(3, 10);
    for (const file of bundle) writer.add(file);
    expect(() => writer.commit(bundle)).toThrow(/ENOTDIR|EEXIST/);
    expect(existsSync(join(dir, 'blocker'))).toBe(true);
    expect(parentEntries(dir)).toEqual(['blocker']);
  });

  describe('a rebuild over a previous out/', () => {
    /** out/ built from `first`, then `writer` given out/'s path for the second build. */
    function rebuilt(first: readonly OutputFile[]) {
      const dir = temp();
      const out = join(dir, 'out');
      writeBundle(out, first);
      const inode = (path: string) => statSync(join(out, ...path.split('/'))).ino;
      return { dir, out, inodes: new Map(first.map((f) => [f.path, inode(f.path)])), inode };
    }

    it.each([
      ['on this thread', 5, 100],
      ['on the writer thread', 30, 200_000],
    ])('keeps unchanged files (the same file, linked) and writes changed ones, %s', (_, count, size) => {
      const first = files(count, size);
      const { out, inodes, inode } = rebuilt(first);
      const changed = { path: first[1]?.path ?? '', bytes: new Uint8Array(Buffer.from('changed')) };
      const second = [first[0] as OutputFile, changed, ...first.slice(2), ...files(1, 10, 'new')];
      const writer = new BundleWriter(out);
      for (const file of second) writer.add(file);
      writer.commit(second);
      expect(tree(out)).toEqual(asTree(second));
      expect(inode(first[0]?.path ?? '')).toBe(inodes.get(first[0]?.path ?? ''));
      expect(inode(changed.path)).not.toBe(inodes.get(changed.path));
      expect(statSync(join(out, ...(first[0]?.path ?? '').split('/'))).nlink).toBe(1);
    });

    it('writes every file here when the writer thread stops answering, never through its links into out/', () => {
      const first = files(30, 200_000);
      const { dir, out } = rebuilt(first);
      const path = first[0]?.path ?? '';
      // Another name for out/'s file: the thread links the new build's first file to it.
      const witness = join(dir, 'witness');
      linkSync(join(out, ...path.split('/')), witness);
      const writer = new BundleWriter(out, () => new FileWriterThread(STALLING_WRITER, 300));
      for (const file of first) writer.add(file);
      const second = [{ path, bytes: new Uint8Array(Buffer.from('changed')) }, ...first.slice(1)];
      writer.commit(second);
      expect(tree(out)).toEqual(asTree(second));
      expect(readFileSync(witness, 'latin1')).toBe(asTree(first)[path]);
      expect(parentEntries(dir)).toEqual(['out', 'witness']);
    });

    it('never writes through a link into out/: a file re-added with other bytes replaces its link', () => {
      const first = files(30, 200_000);
      const { out } = rebuilt(first);
      const writer = new BundleWriter(out);
      for (const file of first) writer.add(file); // every one linked to out/'s copy
      const rewritten = first.map((f, i) => (i % 2 === 0 ? { path: f.path, bytes: new Uint8Array(Buffer.from(`rewritten ${i}`)) } : f));
      for (const file of rewritten) writer.add(file);
      // Before the swap, out/ is still exactly the first build.
      expect(tree(out)).toEqual(asTree(first));
      writer.commit(rewritten);
      expect(tree(out)).toEqual(asTree(rewritten));
    });

    it('leaves the previous out/ byte for byte when the rebuild is aborted after linking', () => {
      const first = files(30, 200_000);
      const { dir, out } = rebuilt(first);
      const writer = new BundleWriter(out);
      for (const file of first) writer.add(file);
      for (const file of first.slice(0, 5)) writer.add({ path: file.path, bytes: new Uint8Array(Buffer.from('other')) });
      writer.abort();
      expect(tree(out)).toEqual(asTree(first));
      expect(parentEntries(dir)).toEqual(['out']);
    });
  });
});
