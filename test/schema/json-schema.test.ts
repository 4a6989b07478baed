/** The shipped JSON Schema is generated from the validator's own schema, and stays in step. */
import { readdirSync, readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { gpforgeJsonSchema } from '../../src/schema/json-schema.js';

describe('src/schema/gpforge.schema.json', () => {
  const shipped = readFileSync('src/schema/gpforge.schema.json', 'utf8');

  it('equals what the TypeBox schema generates (run `npm run schema` after changing it)', () => {
    expect(shipped).toBe(gpforgeJsonSchema());
  });

  it('accepts the shipped example and the all-elements fixture, as an editor would see them', () => {
    const validate = new Ajv({ strict: false }).compile(JSON.parse(shipped));
    const examples = readdirSync('policies').map((f) => `policies/${f}`);
    for (const file of [...examples, 'test/fixtures/valid/all-elements.yaml']) {
      const data = parse(readFileSync(file, 'utf8'));
      expect(validate(data) ? [] : validate.errors).toEqual([]);
    }
  });

  it('rejects a misspelt key, so the editor flags it too', () => {
    const validate = new Ajv({ strict: false }).compile(JSON.parse(shipped));
    expect(validate({ kind: 'definitions', namespace: 'A.B', prefix: 'ab', polices: [] })).toBe(false);
    expect(validate({ kind: 'gpo', name: 'x', computr: {} })).toBe(false);
    expect(validate({ kind: 'gpo', name: 'x', computer: { policies: { 'a:b': 'enabled' } } })).toBe(true);
  });
});
