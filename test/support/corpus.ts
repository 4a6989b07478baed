/** Windows 11's PolicyDefinitions in ../shared/corpus (read there, never copied into the repo). */
import { existsSync } from 'node:fs';
import path from 'node:path';

export const CORPUS_DIR = path.resolve(process.cwd(), '../shared/corpus/windows/PolicyDefinitions');

/** True when the corpus is there; otherwise says so, for `describe.skipIf(!corpusAvailable())`. */
export function corpusAvailable(): boolean {
  const found = existsSync(CORPUS_DIR);
  if (!found) console.warn(`corpus tests skipped: ${CORPUS_DIR} not found (it ships in ../shared, beside the project)`);
  return found;
}
