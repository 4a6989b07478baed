/**
 * Files this package ships beside its code (templates/, package.json, the JSON Schema), found
 * from this module's URL. This module sits one folder below the package root in every form the
 * code runs in: src/package-files.ts (tests, tsx) and dist/*.js (the esbuild bundle, whose
 * chunks all sit directly in dist/; src/build/bundle.ts).
 */
import { fileURLToPath } from 'node:url';

/** Absolute path of `relativePath` (forward slashes) inside the package. */
export function packageFile(relativePath: string): string {
  return fileURLToPath(new URL(`../${relativePath}`, import.meta.url));
}
