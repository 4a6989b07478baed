/**
 * The fingerprint of the definitions a project schema was made from (issue 16), recorded in the
 * schema's `$comment` so that `gpforge build` can tell a stale schema without trusting mtimes
 * (a git checkout sets them all to the checkout time).
 */
import { createHash } from 'node:crypto';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Independent of paths and order: `--src policies` and `--src ./policies/` agree. */
export function definitionsHash(texts: readonly string[]): string {
  return sha256(texts.map(sha256).sort().join('\n'));
}

/** Where `gpforge schema` writes by default, and where build and init look for it. */
export const DEFAULT_SCHEMA_PATH = '.gpforge/gpo.schema.json';

const MARK = /definitions sha256:([0-9a-f]{64})/;

/** How far into a schema's text the hash is looked for (it is in the top-level `$comment`). */
export const RECORDED_HASH_WINDOW = 4096;

export const hashComment = (hash: string, admx: readonly string[]) =>
  `gpforge schema for kind: gpo files, made from definitions sha256:${hash}${admx.length > 0 ? ` and --admx ${admx.join(', ')}` : ''}; regenerate with gpforge schema`;

/** The hash recorded in a schema file's text, if it has one. */
export function recordedHash(schemaText: string): string | undefined {
  return MARK.exec(schemaText.slice(0, RECORDED_HASH_WINDOW))?.[1];
}
