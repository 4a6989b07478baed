/**
 * Structural validation against the TypeBox schema with ajv, turning ajv's errors into
 * diagnostics at the YAML key or value they concern. Where the schema offers variants (anyOf),
 * only the errors of the variant the author evidently meant are kept (see pickVariantErrors).
 */
import type { ErrorObject } from 'ajv';
import type { TSchema } from '@sinclair/typebox';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { DataPath, SourceDoc } from '../load/yaml-source.js';
import { closestName } from './closest-name.js';
import { validatorFor, type StructureName } from './validators.js';

export interface StructureResult {
  readonly diagnostics: Diagnostic[];
  /** Data paths of the problems, so callers can tell which parts are still sound. */
  readonly paths: DataPath[];
}

/**
 * Validates `doc.data` against the schema `name`; returns one diagnostic per real problem. A
 * valid file is checked once, quickly; an invalid one again, for all its errors.
 */
export function checkStructure(doc: SourceDoc, name: StructureName): StructureResult {
  if (validatorFor(name, 'first')(doc.data)) return { diagnostics: [], paths: [] };
  const validate = validatorFor(name, 'all');
  validate(doc.data);
  const errors = pickVariantErrors(validate.errors ?? []);
  return { diagnostics: dedupe(errors.map((e) => toDiagnostic(doc, e))), paths: errors.map((e) => toPath(e.instancePath)) };
}

/** Keys whose presence tells which variant of a union an object is meant to be. */
const DISCRIMINATORS = new Set(['type', 'note', 'qword', 'delete', 'reference', 'range', 'items', 'kind']);
const MISMATCH = 1000;

/** How badly a variant's errors say "this is not the variant you meant". */
function mismatchScore(errors: readonly ErrorObject[], at: string): number {
  let score = 0;
  for (const e of errors) {
    const discriminating =
      (e.instancePath === at && e.keyword === 'type') ||
      (e.keyword === 'const' && (e.instancePath === at || isChild(e.instancePath, at))) ||
      (e.instancePath === at && e.keyword === 'required' && DISCRIMINATORS.has(String(e.params.missingProperty)));
    score += discriminating ? MISMATCH : 1;
  }
  return score;
}

function isWithin(path: string, ancestor: string): boolean {
  return path === ancestor || path.startsWith(ancestor + '/');
}

function isChild(path: string, parent: string): boolean {
  return path.startsWith(parent + '/') && !path.slice(parent.length + 1).includes('/');
}

/** For every failed anyOf, keeps the errors of the best-fitting variant, or one summary error. */
function pickVariantErrors(all: readonly ErrorObject[]): ErrorObject[] {
  let errors = [...all];
  const unions = errors.filter((e) => e.keyword === 'anyOf').sort((a, b) => a.schemaPath.length - b.schemaPath.length);
  for (const union of unions) {
    if (!errors.includes(union)) continue;
    const prefix = union.schemaPath + '/';
    const inUnion = (e: ErrorObject) => e.schemaPath.startsWith(prefix) && isWithin(e.instancePath, union.instancePath);
    const variants = new Map<string, ErrorObject[]>();
    for (const e of errors) {
      if (!inUnion(e)) continue;
      const index = e.schemaPath.slice(prefix.length).split('/')[0] ?? '';
      variants.set(index, [...(variants.get(index) ?? []), e]);
    }
    const ranked = [...variants.values()].map((errs) => ({ errs, score: mismatchScore(errs, union.instancePath) }));
    ranked.sort((a, b) => a.score - b.score);
    const best = ranked[0];
    const keep = best && best.score < MISMATCH ? best.errs : [summarise(union, [...variants.values()].flat())];
    errors = errors.filter((e) => e !== union && !inUnion(e)).concat(keep);
  }
  return errors;
}

/** One error for "none of the variants fit": the allowed discriminator values, or the allowed shapes. */
function summarise(union: ErrorObject, variantErrors: readonly ErrorObject[]): ErrorObject {
  const consts = variantErrors.filter((e) => e.keyword === 'const');
  const sameChild = consts.length > 0 && consts.every((e) => e.instancePath === consts[0]?.instancePath);
  if (sameChild && consts[0]) {
    const allowedValues = consts.map((e) => String(e.params.allowedValue));
    return { ...consts[0], keyword: 'enum', params: { allowedValues } };
  }
  const shapes = (union.schema as TSchema[]).map(describeShape);
  return { ...union, keyword: 'type', params: { type: [...new Set(shapes)].join(' or ') } };
}

function describeShape(schema: TSchema): string {
  if (schema.type === 'object' && schema.properties) return `a map with ${Object.keys(schema.properties as object).join('/')}`;
  if (schema.type === 'array') return 'a list';
  return describeExpected(String(schema.type ?? 'value'));
}

function toPath(instancePath: string): DataPath {
  if (instancePath === '') return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function typeName(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  if (typeof value === 'number') return Number.isInteger(value) ? `the number ${value}` : `the number ${value}`;
  if (typeof value === 'string') return `the text '${value.length > 40 ? value.slice(0, 40) + '…' : value}'`;
  return `${typeof value} ${String(value)}`;
}

function toDiagnostic(doc: SourceDoc, e: ErrorObject): Diagnostic {
  const path = toPath(e.instancePath);
  const at = doc.locate(path);
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const allowed = Object.keys((e.parentSchema?.properties as object | undefined) ?? {});
      return diagnostic('GPF2001', doc.file, doc.locate([...path, key], 'key'), key, closestName(key, allowed));
    }
    case 'required':
      return diagnostic('GPF2002', doc.file, doc.locate(path), String(params.missingProperty));
    case 'type': {
      const hint = typeof e.parentSchema?.description === 'string' ? ` (${e.parentSchema.description})` : '';
      return diagnostic('GPF2003', doc.file, at, describeExpected(String(params.type)) + hint, typeName(e.data));
    }
    case 'const':
      return diagnostic('GPF2004', doc.file, at, String(e.data), [String(params.allowedValue)]);
    case 'enum':
      return diagnostic('GPF2004', doc.file, at, String(e.data), (params.allowedValues as unknown[]).map(String));
    case 'pattern':
      return diagnostic('GPF2005', doc.file, at, String(e.data), String(e.parentSchema?.description ?? `must match ${String(params.pattern)}`));
    case 'minimum':
    case 'maximum':
      return rangeDiagnostic(doc, path, e);
    case 'maxLength':
      return diagnostic('GPF2007', doc.file, at, String(e.data).length, Number(params.limit));
    case 'minLength':
      return diagnostic('GPF2010', doc.file, at);
    case 'minItems':
    case 'minProperties':
      return diagnostic('GPF2008', doc.file, at, Number(params.limit));
    default:
      return diagnostic('GPF2005', doc.file, at, String(e.data), e.message ?? e.keyword);
  }
}

function describeExpected(type: string): string {
  const names: Record<string, string> = { value: 'a value', integer: 'a whole number', string: 'a text', boolean: 'true or false', object: 'a map', array: 'a list' };
  return type.split(',').map((t) => names[t] ?? t).join(' or ');
}

function rangeDiagnostic(doc: SourceDoc, path: DataPath, e: ErrorObject): Diagnostic {
  const schema = e.parentSchema as { minimum?: number; maximum?: number };
  const exact = doc.exactInteger(path);
  const found = exact !== undefined ? exact.toString() : String(e.data);
  return diagnostic('GPF2006', doc.file, doc.locate(path), found, String(schema.minimum ?? 0), String(schema.maximum ?? '∞'));
}

function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const id = `${d.code}|${d.span?.start}|${d.message}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
