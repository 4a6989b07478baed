/** Helpers for the YAML fast-path tests: the YAML files the tests use, and every path in data. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { DataPath } from '../../src/load/yaml-source.js';

export function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => join(dir, f))
    .sort();
}

/** Every path in `data`, and one step beyond each (a missing key, a first item). */
export function paths(data: unknown, at: DataPath = []): DataPath[] {
  const here: DataPath[] = [at, [...at, 'missing'], [...at, 0]];
  if (Array.isArray(data)) return [...here, ...data.flatMap((item, i) => paths(item, [...at, i]))];
  if (typeof data === 'object' && data !== null) return [...here, ...Object.entries(data).flatMap(([k, v]) => paths(v, [...at, k]))];
  return here;
}
