/**
 * The YAML sources of a project as they were at a git revision (`gpforge diff BASE`), read with
 * `git ls-tree` and `git show` run as argument arrays (never a shell string). Paths come out
 * relative to the working directory, as readSources gives them, so both sides name files alike.
 */
import { execFileSync } from 'node:child_process';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceFile } from '../compile.js';

const YAML_FILE = /\.ya?ml$/i;

function git(args: readonly string[]): string {
  return execFileSync('git', args, { encoding: 'utf8', maxBuffer: 256 * 2 ** 20, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** The first line git wrote to stderr, for a message. */
function gitError(error: unknown): string {
  const stderr = (error as { stderr?: unknown }).stderr;
  const text = typeof stderr === 'string' && stderr.trim() !== '' ? stderr : error instanceof Error ? error.message : String(error);
  return text.trim().split('\n')[0] ?? '';
}

/** The commit `revision` names; undefined (and a GPF1019) when git does not know it. */
function resolveCommit(revision: string, diagnostics: Diagnostic[]): string | undefined {
  try {
    return git(['rev-parse', '--verify', '--end-of-options', `${revision}^{commit}`]).trim();
  } catch (error) {
    diagnostics.push(diagnostic('GPF1019', revision, undefined, revision, gitError(error)));
    return undefined;
  }
}

/** Every *.yaml/*.yml under each of `srcs` at `revision`, sorted by path like readSources. */
export function readGitSources(revision: string, srcs: readonly string[]): { sources: SourceFile[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const commit = resolveCommit(revision, diagnostics);
  if (commit === undefined) return { sources: [], diagnostics };
  const paths = new Set<string>();
  for (const src of srcs) {
    const listed = git(['ls-tree', '-r', '-z', '--name-only', commit, '--', src]).split('\0').filter((p) => YAML_FILE.test(p));
    if (listed.length === 0) diagnostics.push(diagnostic('GPF1020', src, undefined, src, revision));
    for (const path of listed) paths.add(path);
  }
  const sources = [...paths].sort().map((path) => ({ path, text: git(['show', `${commit}:./${path}`]).replace(/^\uFEFF/, '') }));
  return { sources, diagnostics };
}
