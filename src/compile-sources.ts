/**
 * The first stage of compile(): every source read and, for definitions, validated on its own,
 * so a large project can share its sources with a second thread (src/threads/job-thread.ts),
 * when one is wanted (src/threads/thread-policy.ts). The other thread sends back what crosses
 * threads (its diagnostics and the plain data); a SourceDoc is made again here from the data
 * and the text, which locates exactly as the other thread's did. Results stay in source order.
 */
import { diagnostic, type Diagnostic } from './diagnostics/diagnostic.js';
import { readPlainYaml, type PlainYaml } from './load/plain-yaml.js';
import { loadYaml, MAX_YAML_BYTES, plainSourceDoc, type SourceDoc } from './load/yaml-source.js';
import { largestFirst, workThrough, type SharedQueue } from './threads/job-thread.js';
import { validateDefinitions, type ValidatedDefinitions } from './validate/validate-definitions.js';
import type { DefinitionsInput } from './schema/definitions-schema.js';

export interface SourceFile {
  /** As shown in diagnostics, e.g. "policies/windows-update.yaml". */
  readonly path: string;
  readonly text: string;
}

/** One source, read: its diagnostics, and what it is if it is usable. */
export interface LoadedSource {
  readonly diagnostics: Diagnostic[];
  readonly definitions?: ValidatedDefinitions;
  readonly gpoDoc?: SourceDoc;
}

/** A LoadedSource as it crosses threads; `redo`: read on the fast path it was not, so do it here. */
export interface LoadedSourceMessage {
  readonly diagnostics: Diagnostic[];
  readonly plain?: PlainYaml;
  readonly role?: 'definitions' | 'gpo';
  readonly redo?: true;
}

export interface LoadTask {
  readonly kind: 'load';
  readonly sources: readonly SourceFile[];
  /** Queue position → source index. */
  readonly queue: readonly number[];
  readonly intune: boolean;
}

/** Below this many characters of YAML a second thread costs more than it saves. */
const PARALLEL_TEXT = 512 * 1024;

/**
 * Sources this large are worth starting the second thread for before they are read: it takes
 * ~100 ms to start (Node's own bootstrap of a worker, then our code), time that then overlaps
 * reading. A build renders on it whatever the sources' count (the 727-policy bench file is
 * 1 MB); a diff reads both versions at once, so half of PARALLEL_TEXT is enough.
 */
export const EARLY_THREAD_BYTES = PARALLEL_TEXT / 2;

/** Reads one source: definitions are validated at once; GPO files wait for the definitions they use. */
export function loadSource(source: SourceFile, intune: boolean): LoadedSource {
  const loaded = loadYaml(source.path, source.text);
  if (!loaded.ok) return { diagnostics: loaded.diagnostics };
  return classify(loaded.doc, [...loaded.diagnostics], intune);
}

function classify(doc: SourceDoc, diagnostics: Diagnostic[], intune: boolean): LoadedSource {
  const kind = (doc.data as { kind?: unknown } | null)?.kind;
  if (kind === 'definitions') {
    const result = validateDefinitions(doc, { intune });
    return { diagnostics: [...diagnostics, ...result.diagnostics], ...(result.valid && { definitions: result.valid }) };
  }
  if (kind === 'gpo') return { diagnostics, gpoDoc: doc };
  return { diagnostics: [...diagnostics, diagnostic('GPF2009', doc.file, kind === undefined ? undefined : doc.locate(['kind']))] };
}

/** loadSource on the other thread: only fast-path data crosses (anything else is redone here). */
export function loadSourceForThread(source: SourceFile, intune: boolean): LoadedSourceMessage {
  const plain = source.text.length > MAX_YAML_BYTES ? undefined : readPlainYaml(source.text);
  if (!plain) return { diagnostics: [], redo: true };
  const loaded = classify(plainSourceDoc(source.path, source.text, plain), [], intune);
  const role = loaded.definitions ? 'definitions' : loaded.gpoDoc ? 'gpo' : undefined;
  // Positions (a function) do not cross: this side reads them from the text when asked, as the
  // fast path does for every file it did not read with js-yaml's listener.
  const { spans: _positions, ...data } = plain;
  return { diagnostics: loaded.diagnostics, ...(role && { plain: data, role }) };
}

/** A LoadedSource from the other thread's message (made again here, or read again when it must be). */
export function loadedFromThread(source: SourceFile, message: LoadedSourceMessage, intune: boolean): LoadedSource {
  if (message.redo || (message.role && !message.plain)) return loadSource(source, intune);
  if (!message.plain || !message.role) return { diagnostics: message.diagnostics };
  const doc = plainSourceDoc(source.path, source.text, message.plain);
  // What validateDefinitions returns as valid: the document and its data.
  if (message.role === 'definitions') return { diagnostics: message.diagnostics, definitions: { doc, input: doc.data as DefinitionsInput } };
  return { diagnostics: message.diagnostics, gpoDoc: doc };
}

/** Every source read, in source order; on two threads when `thread` is given and the project is large. */
export function loadSources(sources: readonly SourceFile[], intune: boolean, thread?: () => SharedQueue<LoadTask, LoadedSourceMessage>): LoadedSource[] {
  const size = sources.reduce((sum, source) => sum + source.text.length, 0);
  const other = thread && sources.length > 1 && size >= PARALLEL_TEXT ? thread() : undefined;
  if (!other) return sources.map((source) => loadSource(source, intune));
  const queue = largestFirst(sources.map((source) => source.text.length));
  other.start({ kind: 'load', sources, queue, intune });
  return workThrough<LoadedSource, LoadedSourceMessage>(queue, {
    thread: other,
    here: (index) => loadSource(sources[index] as SourceFile, intune),
    fromThread: (index, message) => loadedFromThread(sources[index] as SourceFile, message, intune),
  });
}
