/**
 * `gpforge import` of a PolicyDefinitions folder: every ADMX/ADML pair is read and converted to
 * YAML on its own (src/import/import-pair.ts), so a large folder can share its pairs with a
 * second thread through one queue, largest first (src/threads/job-thread.ts), when one is
 * wanted (src/threads/thread-policy.ts: GPFORGE_THREADS=2). Results are put back in file
 * order, so diagnostics, files and texts are what one thread makes.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { OutputFile } from '../emit/output-file.js';
import { importPair, type ImportedPair } from '../import/import-pair.js';
import { findPolicyDefinitions, type AdmxPairFiles } from '../load/admx/find-policy-definitions.js';
import { JobThread, largestFirst, siblingEntry, workThrough } from '../threads/job-thread.js';
import { secondThreadWanted } from '../threads/thread-policy.js';

/** Fewer pairs than this are not worth a second thread (its start costs about as much as a few pairs). */
const PARALLEL_PAIRS = 8;

export interface ImportTask {
  readonly pairs: readonly AdmxPairFiles[];
  /** Queue position → pair index. */
  readonly queue: readonly number[];
  readonly schemaPath: string;
}

export interface ImportedFolder {
  /** How many templates could be read. */
  readonly read: number;
  /** Finding the files, then reading each pair, in file order. */
  readonly readDiagnostics: Diagnostic[];
  /** The YAML files and their warnings, in file order (use them only when reading had no error). */
  readonly files: OutputFile[];
  readonly yamlDiagnostics: Diagnostic[];
  readonly texts: Map<string, string>;
}

/** `secondThread`: whether to share the pairs with a second thread (default: thread-policy.ts; tests compare the two). */
export function importFolder(path: string, locales: readonly string[], schemaPath: string, options: { secondThread?: boolean } = {}): ImportedFolder {
  const found = findPolicyDefinitions(path, locales);
  const { pairs } = found;
  const size = (pair: AdmxPairFiles) => pair.admx.bytes.byteLength + pair.admls.reduce((sum, adml) => sum + adml.bytes.byteLength, 0);
  const queue = largestFirst(pairs.map(size));
  const thread = (options.secondThread ?? secondThreadWanted()) && pairs.length >= PARALLEL_PAIRS ? new JobThread<ImportTask, ImportedPair>(siblingEntry(import.meta.url, 'import-worker')) : undefined;
  thread?.start({ pairs, queue, schemaPath });
  const inOrder = workThrough<ImportedPair, ImportedPair>(queue, {
    ...(thread && { thread }),
    here: (index) => importPair(pairs[index] as AdmxPairFiles, schemaPath),
    fromThread: (_, result) => result,
  });
  return {
    read: inOrder.filter((r) => r.read).length,
    readDiagnostics: [...found.diagnostics, ...inOrder.flatMap((r) => r.readDiagnostics)],
    files: inOrder.flatMap((r) => (r.yaml ? [r.yaml.file] : [])),
    yamlDiagnostics: inOrder.flatMap((r) => r.yaml?.diagnostics ?? []),
    texts: new Map(inOrder.flatMap((r) => r.texts)),
  };
}
