/**
 * Whether a command shares its work with a second JavaScript thread (job-thread.ts): only when
 * asked, with GPFORGE_THREADS=2. Measured on the 2-core machine this project is benched on,
 * interleaved, the second thread gained nothing on any command (build of 727 or 5,000 policies
 * or of the Windows corpus, import of the corpus, validate, diff) and cost 40–140 MB: it adds
 * about a third more CPU (its own start, a copy of what it works on, a second heap to collect,
 * code it compiles again), which the work it takes over does not win back, and one JavaScript
 * thread already keeps the second core busy with V8's collector and optimising compiler. On
 * larger machines it may pay; measure there with GPFORGE_THREADS=2 (README, Speed). The file
 * writer thread (src/write/file-writer-thread.ts), mostly kernel time, does pay and is not
 * governed by this.
 */

/** The environment variable: `2` shares work with a second thread, anything else keeps one. */
export const THREADS_VARIABLE = 'GPFORGE_THREADS';

export function secondThreadWanted(env: NodeJS.ProcessEnv = process.env): boolean {
  return env[THREADS_VARIABLE] === '2';
}
