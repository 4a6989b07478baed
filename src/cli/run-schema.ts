/**
 * `gpforge schema` (issue 16): writes the project's JSON Schema for GPO files, for editors
 * (README "Editor set-up"). Files in and out only; src/schema/build-project-schema.ts decides.
 */
import { performance } from 'node:perf_hooks';
import { diagnostic, hasErrors } from '../diagnostics/diagnostic.js';
import { buildProjectSchema } from '../schema/build-project-schema.js';
import { writeFileAtomically } from '../write/write-files.js';
import type { Console } from './console.js';
import { readInputs } from './read-inputs.js';

export interface SchemaArgs {
  readonly src: readonly string[];
  readonly admx?: readonly string[];
  readonly out: string;
  readonly locale?: string;
}

export function runSchema(args: SchemaArgs, out: Console): number {
  const started = performance.now();
  const { sources, external, texts, diagnostics: inputs } = readInputs(args.src, args.admx, out);
  if (hasErrors(inputs)) return fail(out, inputs, texts);
  const result = buildProjectSchema({
    sources,
    external,
    admx: args.admx ?? [],
    ...(args.locale !== undefined && { locale: args.locale }),
  });
  const diagnostics = [...inputs, ...result.diagnostics];
  if (result.text === undefined) return fail(out, diagnostics, texts);
  try {
    writeFileAtomically(args.out, new TextEncoder().encode(result.text));
  } catch (error) {
    return fail(out, [...diagnostics, diagnostic('GPF1011', args.out, undefined, error instanceof Error ? error.message : String(error))], texts);
  }
  const ms = Math.round(performance.now() - started);
  out.report(diagnostics, texts, `wrote ${args.out}: ${result.policyCount} policies, ${Math.round(result.text.length / 1024)} KiB, ${ms} ms`);
  return 0;
}

function fail(out: Console, diagnostics: Parameters<Console['report']>[0], texts: ReadonlyMap<string, string>): number {
  out.report(diagnostics, texts, 'no schema written');
  return 1;
}
