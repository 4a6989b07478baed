/**
 * The kinds of output `gpforge build --only` selects (DESIGN.md §3, §4), each with the bundle
 * paths it produces. The one table of them: adding an output kind is one line here. Every file
 * the bundle emits belongs to exactly one kind (a test holds the table to that); manifest.json
 * and SHA256SUMS are not a kind but describe whatever was selected.
 */
import type { OutputFile } from './output-file.js';

export const OUTPUT_KINDS = {
  admx: /^PolicyDefinitions\/[^/]+\.admx$/,
  adml: /^PolicyDefinitions\/[^/]+\/[^/]+\.adml$/,
  adm: /^adm\//,
  reg: /^gpo\/[^/]+\/(?:apply|undo)\.reg$/,
  pol: /^gpo\/[^/]+\/(?:Machine|User)\/Registry\.pol$/,
  backup: /^backups\//,
  lgpo: /^gpo\/[^/]+\/lgpo\.txt$/,
  local: /^gpo\/[^/]+\/GroupPolicy\//,
  samba: /^gpo\/[^/]+\/(?:samba\/|deploy-samba\.sh$)/,
} as const satisfies Readonly<Record<string, RegExp>>;

export type OutputKind = keyof typeof OUTPUT_KINDS;

export const OUTPUT_KIND_NAMES = Object.keys(OUTPUT_KINDS) as OutputKind[];

/** The kinds a path belongs to (exactly one for every file gpforge emits). */
export function kindsOfPath(path: string): OutputKind[] {
  return OUTPUT_KIND_NAMES.filter((kind) => OUTPUT_KINDS[kind].test(path));
}

/** The files of the selected kinds, in the order given. */
export function selectOutputs(files: readonly OutputFile[], kinds: readonly OutputKind[]): OutputFile[] {
  const patterns = kinds.map((kind) => OUTPUT_KINDS[kind]);
  return files.filter((file) => patterns.some((pattern) => pattern.test(file.path)));
}

/**
 * `--only` values (each comma-separated, the option repeatable) → the kinds, sorted as in the
 * table and without repeats; or the names that are not kinds.
 */
export function parseOutputKinds(values: readonly string[]): { kinds: OutputKind[] } | { unknown: string[] } {
  const names = values.flatMap((value) => value.split(',')).map((name) => name.trim());
  const unknown = names.filter((name) => !Object.hasOwn(OUTPUT_KINDS, name));
  if (unknown.length > 0) return { unknown };
  return { kinds: OUTPUT_KIND_NAMES.filter((kind) => names.includes(kind)) };
}
