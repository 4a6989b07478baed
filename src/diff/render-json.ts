/**
 * The diff for tools: the DiffReport as JSON, under a format version that changes only when a
 * field is renamed or removed (README "gpforge diff" documents the shape).
 */
import type { DiffReport } from './diff-types.js';

export const DIFF_JSON_VERSION = 1;

export function renderJson(report: DiffReport): string {
  return JSON.stringify({ version: DIFF_JSON_VERSION, ...report }, null, 2) + '\n';
}
