/**
 * The only code that writes the bundle. Atomic (DESIGN.md §4): everything is written into a
 * fresh folder beside out/, which replaces out/ only once every file is on disk. A failure at
 * any point leaves the previous out/ exactly as it was.
 *
 * Files may be handed over while the rest of the bundle is still being rendered
 * (`BundleWriter.add`): a large bundle's files then go to disk on a worker thread meanwhile
 * (src/write/file-writer-thread.ts), so the disk's time overlaps rendering (issue 11). A file
 * out/ already holds byte for byte is linked into the new folder, not written again
 * (write-unless-same.ts).
 */
import { mkdirSync, renameSync, rmSync, existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { OutputFile } from '../emit/output-file.js';
import { FileWriterThread } from './file-writer-thread.js';
import { writeStaged, type FileToWrite } from './write-unless-same.js';

/**
 * Bytes handed over before a thread is worth starting: below this the files are written at the
 * end, on this thread, as they always were (a thread costs a few ms to start; policies/ writes
 * 80 files of 0.5 MB in less).
 */
const THREAD_THRESHOLD_BYTES = 2 * 1024 * 1024;

/** Replaces `outDir` with exactly `files`. Throws on I/O failure (after cleaning up). */
export function writeBundle(outDir: string, files: readonly OutputFile[]): void {
  new BundleWriter(outDir).commit(files);
}

/**
 * One bundle on its way to `outDir`: `add` files as they are rendered (optional), then `commit`
 * with the complete list, or `abort` to leave `outDir` untouched.
 */
export class BundleWriter {
  private readonly staging: string;
  private readonly previous: string;
  /** Files handed over, by path; those not yet sent to a thread wait in `pending`. */
  private readonly added = new Map<string, Uint8Array>();
  private pending: FileToWrite[] = [];
  /** Bytes already copied into shared memory, by the buffer they came from. */
  private readonly shared = new WeakMap<Uint8Array, Uint8Array>();
  private pendingBytes = 0;
  private thread: FileWriterThread | undefined;
  /** The first I/O failure while adding: kept for commit to throw, so the build reports it. */
  private failure: unknown;
  private prepared = false;
  /** Whether out/ held a previous build when this one started writing. */
  private outExists = false;

  /** `startWriter`: for tests, another writer thread (one that goes silent, say). */
  constructor(
    private readonly outDir: string,
    private readonly startWriter = () => new FileWriterThread(),
  ) {
    const parent = dirname(outDir);
    this.staging = join(parent, `.${basename(outDir)}.gpforge-new-${process.pid}`);
    this.previous = join(parent, `.${basename(outDir)}.gpforge-old-${process.pid}`);
  }

  /**
   * A finished file of the bundle; it may be written now or at commit. Never throws. Returns the
   * bytes to keep instead of the file's: once the writer thread runs, a copy in shared memory
   * that the thread reads without a copy of its own (so a large bundle is not held twice).
   */
  add(file: OutputFile): Uint8Array {
    if (this.failure !== undefined) return file.bytes;
    try {
      return this.hand(file);
    } catch (error) {
      this.failure = error;
      return file.bytes;
    }
  }

  private hand(file: OutputFile): Uint8Array {
    this.prepare();
    const replacing = this.added.has(file.path);
    if (this.thread) {
      const bytes = this.inSharedMemory(file.bytes);
      this.added.set(file.path, bytes);
      this.thread.write(this.toWrite({ path: file.path, bytes }, replacing));
      return bytes;
    }
    this.added.set(file.path, file.bytes);
    const toWrite = this.toWrite(file, replacing);
    this.pending.push(toWrite);
    this.pendingBytes += file.bytes.byteLength;
    if (this.pendingBytes < THREAD_THRESHOLD_BYTES) return file.bytes;
    this.thread = this.startWriter();
    this.pendingBytes = 0;
    for (const waiting of this.pending) this.thread.write(waiting);
    this.pending = [];
    return file.bytes;
  }

  /** The same bytes in a SharedArrayBuffer; one copy per buffer (one Registry.pol is several files). */
  private inSharedMemory(bytes: Uint8Array): Uint8Array {
    if (bytes.buffer instanceof SharedArrayBuffer) return bytes;
    const known = this.shared.get(bytes);
    if (known) return known;
    const copy = new Uint8Array(new SharedArrayBuffer(bytes.byteLength));
    copy.set(bytes);
    this.shared.set(bytes, copy);
    return copy;
  }

  /** Writes whatever of `files` was not added, drops what was added but is not in `files`, swaps in. */
  commit(files: readonly OutputFile[]): void {
    try {
      this.prepare();
      const wanted = new Set(files.map((f) => f.path));
      for (const file of files) {
        const added = this.added.get(file.path);
        const same = added !== undefined && (added === file.bytes || added === this.shared.get(file.bytes));
        if (this.failure === undefined && !same) this.add(file);
      }
      if (this.failure !== undefined) throw this.failure;
      if (this.thread?.finish() === 'silent') this.writeAgainHere();
      this.thread = undefined;
      writeFiles(this.pending);
      this.pending = [];
      for (const path of this.added.keys()) {
        if (!wanted.has(path)) rmSync(this.target(path), { force: true });
      }
      mkdirSync(this.staging, { recursive: true });
      swapIn(this.staging, this.outDir, this.previous);
    } catch (error) {
      this.abort();
      throw error;
    }
  }

  /**
   * The writer thread stopped answering: every file handed over is written again on this thread.
   * Each may be on disk already, as a link into out/: `replacing` removes it before writing.
   */
  private writeAgainHere(): void {
    this.pending = [...this.added].map(([path, bytes]) => this.toWrite({ path, bytes }, true));
  }

  /** Leaves `outDir` as it was: waits for the thread's writes, then removes the staging folder. */
  abort(): void {
    try {
      this.thread?.finish();
    } catch {
      // A write that failed is moot: the whole staging folder goes.
    }
    this.thread = undefined;
    this.pending = [];
    rmSync(this.staging, { recursive: true, force: true });
  }

  /** The parent of out/ made, a staging folder left by an earlier crash of this pid removed. */
  private prepare(): void {
    if (this.prepared) return;
    this.prepared = true;
    mkdirSync(dirname(this.outDir), { recursive: true });
    this.outExists = existsSync(this.outDir);
    rmSync(this.staging, { recursive: true, force: true });
  }

  private target(path: string): string {
    return join(this.staging, ...path.split('/'));
  }

  /** Where a file goes, and where out/ may hold the same bytes already (write-unless-same.ts). */
  private toWrite(file: OutputFile, replacing = false): FileToWrite {
    const previous = this.outExists ? join(this.outDir, ...file.path.split('/')) : undefined;
    return { target: this.target(file.path), bytes: file.bytes, ...(previous !== undefined && { previous }), ...(replacing && { replacing }) };
  }
}

/** On this thread, each folder made once. */
function writeFiles(files: readonly FileToWrite[]): void {
  const made = new Set<string>();
  for (const file of files) writeStaged(file, made);
}

/** Two renames; if the second fails the old folder is put back. */
function swapIn(staging: string, outDir: string, previous: string): void {
  const hadPrevious = existsSync(outDir);
  if (hadPrevious) renameSync(outDir, previous);
  try {
    renameSync(staging, outDir);
  } catch (error) {
    if (hadPrevious) renameSync(previous, outDir);
    throw error;
  }
  if (hadPrevious) rmSync(previous, { recursive: true, force: true });
}
