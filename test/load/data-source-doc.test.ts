/**
 * dataSourceDoc copies the data as a JSON round trip would (bigints as numbers, undefined members
 * left out, undefined array items as null, `__proto__` an own key), without the text in between.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dataSourceDoc } from '../../src/load/yaml-source.js';

const viaJson = (data: unknown): unknown => JSON.parse(JSON.stringify(data, (_k, v: unknown) => (typeof v === 'bigint' ? Number(v) : v))) as unknown;

/** JSON with undefined members and each object's prototype shown (toEqual ignores both). */
const shape = (data: unknown): string =>
  JSON.stringify(data, function (this: unknown, _k, v: unknown) {
    if (v === undefined) return '<undefined>';
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) return { proto: Object.getPrototypeOf(v) === Object.prototype, ...v };
    return v;
  });

describe('dataSourceDoc', () => {
  it('holds what JSON.parse(JSON.stringify(data)) holds', () => {
    const key = fc.oneof(fc.string({ maxLength: 4 }), fc.constantFrom('__proto__', 'constructor', '0', '1', 'toJSON_'));
    const leaf = fc.oneof(fc.string(), fc.double(), fc.integer(), fc.bigInt(), fc.boolean(), fc.constant(undefined), fc.constant(null), fc.constant(-0));
    const data = fc.letrec<{ node: unknown }>((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(key, tie('node'), { maxKeys: 4 })),
    })).node;
    fc.assert(
      fc.property(fc.dictionary(key, data, { maxKeys: 5 }), (d) => {
        const copied = dataSourceDoc('f.yaml', d).data;
        expect(copied).toEqual(viaJson(d));
        expect(shape(copied)).toBe(shape(viaJson(d)));
      }),
      { numRuns: 2000 },
    );
  });
});
